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
    // Whether the program linked. Waits for the GPU process: not before the first picture.
    bool linked();
    // Uploads the atlas ImGui just built, then drops the CPU copy.
    void uploadFonts();
    void render(const ImDrawData& data, int fbWidth, int fbHeight, ImU32 clearColor);

private:
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, texture_ = 0;
    bool linkChecked_ = false;
};

} // namespace aw::platform
