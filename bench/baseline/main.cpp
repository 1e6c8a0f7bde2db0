// The baseline: Dear ImGui's own Emscripten set-up as its GLFW + OpenGL 3
// example does it (examples/example_glfw_opengl3 in ImGui 1.90.1), reduced to
// a three-widget hello world: no demo window, no fonts beyond ImGui's built-in
// one, no content. It redraws on every animation frame, as the example does.
// Built by bench/baseline/Makefile against the pinned .deps/imgui-1.90.1.
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <cstdio>

namespace {

GLFWwindow* window = nullptr;
float value = 0.5f;
int clicks = 0;
ImVec4 clearColor(0.45f, 0.55f, 0.60f, 1.00f);

void frame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    ImGui::Begin("Hello, world!");
    ImGui::Text("This is some useful text.");
    ImGui::SliderFloat("float", &value, 0.0f, 1.0f);
    if (ImGui::Button("Button")) ++clicks;
    ImGui::SameLine();
    ImGui::Text("counter = %d", clicks);
    ImGui::End();

    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(clearColor.x, clearColor.y, clearColor.z, clearColor.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
}

} // namespace

int main() {
    glfwSetErrorCallback([](int error, const char* what) { std::fprintf(stderr, "GLFW error %d: %s\n", error, what); });
    if (!glfwInit()) return 1;
    window = glfwCreateWindow(1280, 720, "Dear ImGui baseline", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr; // no file system in this build
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplGlfw_InstallEmscriptenCanvasResizeCallback("#canvas");
    ImGui_ImplOpenGL3_Init(nullptr); // Emscripten: WebGL 1, GLSL "#version 100"

    // As the example's emscripten_mainloop_stub.h: one call per requestAnimationFrame, forever.
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
