#pragma once
// Draws ImGui's output with WebGL 2, into the page's one shared context. The
// runtime owns that context outright, so unlike ImGui's general OpenGL backend
// this never reads GL state back (each glGet* stalls the pipeline: most of a
// frame's cost under SwiftShader), and font atlases stay one byte per pixel
// (R8) instead of RGBA.
#include "ui/Fonts.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace aw::platform {

class GlRenderer {
public:
    // Sets up the program and state in the current context without waiting for the GPU.
    void init();
    bool initialised() const { return program_ != 0; }
    // The context was lost: every GL object is gone. The next init() makes
    // them again, and each atlas is uploaded again from its CPU copy.
    void forget();
    // Uploads the set's atlas unless its texture already holds this build.
    void upload(const ui::FontSet& set);
    // A texture for a picture (RGBA, drawn in colour, not as coverage); the caller fills
    // it (from the shell's bitmap), then finishImage() builds its smaller sizes.
    unsigned imageTexture();
    void finishImage(unsigned texture);
    // False when the program did not link. That is asked from the second frame
    // on (the answer waits for the GPU process), so the first picture never waits.
    bool render(const ImDrawData& data, int fbWidth, int fbHeight, ImU32 clearColor);

private:
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0;
    std::vector<unsigned> imageTextures_;
    unsigned frameAtlas_ = 0; // the texture of the set upload() was last given
    bool isImage(unsigned texture) const {
        return std::find(imageTextures_.begin(), imageTextures_.end(), texture) != imageTextures_.end();
    }
    struct Texture {
        const ui::FontSet* set;
        unsigned id;
        unsigned generation;
    };
    std::vector<Texture> textures_;
    unsigned framesRendered_ = 0;
    bool linked_ = false;
};

} // namespace aw::platform
