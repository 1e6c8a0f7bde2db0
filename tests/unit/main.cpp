#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "core/Protocol.h"

#include <cstring>
#include <fstream>
#include <iostream>

// `unit_tests --write-protocol` writes web/widget/protocol.js from
// src/core/Protocol.h (ProtocolTest checks that the two agree); anything
// else runs the tests.
int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--write-protocol") == 0) {
        const char* path = AW_SOURCE_DIR "/web/widget/protocol.js";
        std::ofstream(path, std::ios::binary) << aw::protocol::protocolModule();
        std::cout << "wrote " << path << "\n";
        return 0;
    }
    doctest::Context context(argc, argv);
    return context.run();
}
