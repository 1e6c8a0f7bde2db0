#include "platform/GlRenderer.h"

#include <GLES3/gl3.h>
#include <emscripten/html5_webgl.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace aw::platform {
namespace {

const char* kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
layout(location = 3) in vec2 scale; // 2 / framebuffer size: a constant attribute, set per frame
layout(location = 4) in float picture; // 1 while a picture's texture is bound: a constant attribute too
out vec2 vUv;
out vec4 vColor;
out float vPicture;
void main() {
    vUv = uv;
    vColor = color;
    vPicture = picture;
    gl_Position = vec4(position.x * scale.x - 1.0, 1.0 - position.y * scale.y, 0.0, 1.0);
})";

// An atlas holds coverage only (white for solid shapes), in the red channel;
// a picture's texture its colours (straight alpha, as decoded).
const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 vUv;
in vec4 vColor;
in float vPicture;
out vec4 fragColor;
void main() {
    vec4 t = texture(atlas, vUv);
    fragColor = vPicture > 0.5 ? t * vColor : vec4(vColor.rgb, vColor.a * t.r);
})";

// Vertex layout of ImDrawVert, starting at byte `base` of the vertex buffer.
void pointAttributes(std::size_t base) {
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(base + offsetof(ImDrawVert, col)));
}

unsigned compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

} // namespace

// Nothing here asks the GPU process anything back: no compile or link status,
// no uniform locations (the scale is a constant attribute, the sampler keeps
// its default unit 0). Each such question waits until the GPU process has
// finished everything queued before it, which during page load is the page's
// own painting; render() asks later, once the first picture is on its way.
void GlRenderer::init() {
    const unsigned vs = compile(GL_VERTEX_SHADER, kVertexShader);
    const unsigned fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    glUseProgram(program_);

    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ibo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    pointAttributes(0);

    // Fixed state: nothing else draws into this context.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
}

void GlRenderer::forget() {
    program_ = vao_ = vbo_ = ibo_ = 0;
    imageTextures_.clear();
    textures_.clear();
    framesRendered_ = 0;
    linked_ = false;
}

void GlRenderer::upload(const ui::FontSet& set) {
    auto it = textures_.begin();
    while (it != textures_.end() && it->set != &set) ++it;
    if (it != textures_.end() && it->generation == set.generation()) {
        frameAtlas_ = it->id;
        return;
    }
    if (it == textures_.end()) {
        unsigned id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        it = textures_.insert(textures_.end(), Texture{&set, id, 0});
    }
    ImFontAtlas& atlas = set.atlas();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height); // kept: a restored context needs it again
    glBindTexture(GL_TEXTURE_2D, it->id);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(it->id)));
    it->generation = set.generation();
    frameAtlas_ = it->id;
}

unsigned GlRenderer::imageTexture() {
    unsigned id = 0;
    glGenTextures(1, &id);
    imageTextures_.push_back(id);
    return id;
}

void GlRenderer::finishImage(unsigned texture) {
    // Pictures are drawn smaller than they are (a wide source on a phone): mipmaps keep them smooth.
    glBindTexture(GL_TEXTURE_2D, texture);
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

bool GlRenderer::render(const ImDrawData& data, int fbWidth, int fbHeight, ImU32 clearColor) {
    glViewport(0, 0, fbWidth, fbHeight);
    glScissor(0, 0, fbWidth, fbHeight);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clearColor);
    glClearColor(c.x, c.y, c.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glUseProgram(program_);
    glVertexAttrib2f(3, 2.0f / static_cast<float>(fbWidth), 2.0f / static_cast<float>(fbHeight));
    glBindVertexArray(vao_);
    ImTextureID bound = nullptr;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size * sizeof(ImDrawVert)), list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size * sizeof(ImDrawIdx)), list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            const ImVec4 r = cmd.ClipRect; // device px already: ImGui works in framebuffer pixels here
            if (r.z <= r.x || r.w <= r.y) continue;
            if (cmd.GetTexID() != bound) {
                bound = cmd.GetTexID();
                // A set rebuilt this frame drew before its texture had an id: the one upload() just gave it.
                const auto id = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(bound));
                const GLuint texture = id ? id : frameAtlas_;
                glBindTexture(GL_TEXTURE_2D, texture);
                glVertexAttrib1f(4, isImage(texture) ? 1.0f : 0.0f);
            }
            glScissor(static_cast<GLint>(r.x), static_cast<GLint>(static_cast<float>(fbHeight) - r.w),
                      static_cast<GLsizei>(r.z - r.x), static_cast<GLsizei>(r.w - r.y));
            // Large lists: the attributes start at this command's first vertex.
            if (cmd.VtxOffset != 0) pointAttributes(static_cast<std::size_t>(cmd.VtxOffset) * sizeof(ImDrawVert));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<std::size_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
            if (cmd.VtxOffset != 0) pointAttributes(0);
        }
    }
    if (!linked_ && ++framesRendered_ > 1) {
        GLint ok = 0;
        glGetProgramiv(program_, GL_LINK_STATUS, &ok);
        // A lost context answers 0 to every question: that says nothing of the program, asked again once it is back.
        if (!ok && emscripten_is_webgl_context_lost(emscripten_webgl_get_current_context())) return true;
        linked_ = ok != 0;
        return linked_;
    }
    return true;
}

} // namespace aw::platform
