#pragma once
#include <fstream>
#include <sstream>
#include <string>

// Reads a file of the repository (assets, fixtures) for a test.
inline std::string readRepoFile(const std::string& relative) {
    std::ifstream in(std::string(AW_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
