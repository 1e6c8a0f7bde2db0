#include "core/Protocol.h"
#include "TestHelpers.h"

#include <doctest/doctest.h>

TEST_CASE("the shell's protocol.js is the one generated from Protocol.h") {
    // When this fails, Protocol.h changed: run `build/native/tests/unit_tests --write-protocol`.
    CHECK(readRepoFile("web/widget/protocol.js") == aw::protocol::protocolModule());
}

TEST_CASE("each face has its own key, as lines name their face") {
    using aw::protocol::Face;
    CHECK(std::string(aw::protocol::faceKey(Face::SerifBold)) == "serif-bold");
    CHECK(std::string(aw::protocol::faceKey(Face::SansRegular)) == "sans");
}
