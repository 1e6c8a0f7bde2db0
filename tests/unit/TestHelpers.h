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

#include "core/Messages.h"

#include <memory>

// The widget's messages in English, from the catalog the shell ships (web/widget/locales/en.po).
inline aw::Messages englishMessages() {
    const auto english = std::make_shared<aw::Catalog>(aw::Catalog::fromPo(readRepoFile("web/widget/locales/en.po")));
    return aw::Messages("en", english, english, nullptr, nullptr);
}
