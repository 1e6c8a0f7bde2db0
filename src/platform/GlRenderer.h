#pragma once
// Draws ImGui's output with WebGL 2. The widget owns its context outright, so
// unlike ImGui's general OpenGL backend this never reads GL state back
// (each glGet* stalls the pipeline: most of a frame's cost under SwiftShader),
// and the font atlas stays one byte per pixel (R8) instead of RGBA.
#include <imgui.h>

namespace aw::platform {

class GlRenderer {
public:
    // Sets up the program and state in the current context without waiting for the GPU.
    void init();
    bool initialised() const { return program_ != 0; }
    // Uploads the atlas ImGui just built, then drops the CPU copy.
    void uploadFonts();
    // False when the program did not link. That is asked from the second frame
    // on (the answer waits for the GPU process), so the first picture never waits.
    bool render(const ImDrawData& data, int fbWidth, int fbHeight, ImU32 clearColor);

private:
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, texture_ = 0;
    unsigned framesRendered_ = 0;
    bool linked_ = false;
};

} // namespace aw::platform
