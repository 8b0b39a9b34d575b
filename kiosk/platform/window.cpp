#include "kiosk/platform/window.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image.h>

#include "kiosk/ui/a11y.h"

#include <atomic>
#include <cmath>

namespace tellus::platform {
namespace {

std::atomic<bool> g_input{false};
double g_last_press = 0;                           // glfwGetTime() of the last key or button event

void OnKey(GLFWwindow*, int key, int, int action, int mods) {
  g_input = true;
  g_last_press = glfwGetTime();
  if (action != GLFW_RELEASE)
    ui::QueueKeyPress(key, mods & GLFW_MOD_CONTROL, mods & GLFW_MOD_ALT, mods & GLFW_MOD_SHIFT);
}
void OnChar(GLFWwindow*, unsigned int) { g_input = true; }
void OnButton(GLFWwindow*, int, int, int) {
  g_input = true;
  g_last_press = glfwGetTime();
}
void OnScroll(GLFWwindow*, double, double) { g_input = true; }
void OnCursor(GLFWwindow*, double, double) { g_input = true; }
void OnRefresh(GLFWwindow*) { g_input = true; }  // exposed: draw again

}  // namespace

std::unique_ptr<Window> Window::Create(const WindowOptions& options, ImFontAtlas* fonts, std::string& error) {
  glfwSetErrorCallback(nullptr);
  if (!glfwInit()) {
    const char* why = nullptr;
    glfwGetError(&why);
    error = std::string("cannot start GLFW: ") + (why ? why : "no display?");
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWmonitor* monitor = nullptr;
  int width = options.width, height = options.height;
  if (options.fullscreen) {
    monitor = glfwGetPrimaryMonitor();
    if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
      width = mode->width;
      height = mode->height;
      glfwWindowHint(GLFW_RED_BITS, mode->redBits);
      glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
      glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
      glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    }
  } else {
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  }
  GLFWwindow* window = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
  if (!window) {
    const char* why = nullptr;
    glfwGetError(&why);
    error = std::string("cannot open an OpenGL 3 window: ") + (why ? why : "unknown reason");
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  // Ours first: ImGui's GLFW backend chains to callbacks installed before it.
  glfwSetKeyCallback(window, OnKey);
  glfwSetCharCallback(window, OnChar);
  glfwSetMouseButtonCallback(window, OnButton);
  glfwSetScrollCallback(window, OnScroll);
  glfwSetCursorPosCallback(window, OnCursor);
  glfwSetWindowRefreshCallback(window, OnRefresh);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext(fonts);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                        // nothing written to disk
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  // ImGui 1.86's OpenGL3 backend makes its font texture from GetTexDataAsRGBA32 (four bytes a
  // pixel, a CPU copy of the whole atlas) when it creates its device objects. Let it make them
  // now with a 1x1 stand-in, drop that texture, and upload the real atlas ourselves (UploadFonts).
  {
    ImFontAtlas* real = io.Fonts;
    ImFontAtlas stand_in;
    stand_in.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(4));
    *stand_in.TexPixelsRGBA32 = 0xFFFFFFFFu;
    stand_in.TexWidth = stand_in.TexHeight = 1;
    io.Fonts = &stand_in;
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts = real;
  }
  std::unique_ptr<Window> out(new Window());
  out->window_ = window;
  GLint major = 0, minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  out->swizzle_ = major > 3 || (major == 3 && minor >= 3);
  return out;
}

void Window::UploadFonts(ImFontAtlas& atlas) {
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  if (font_texture_ == 0) glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  if (swizzle_) {
    // One byte a pixel; the shader samples (1,1,1,coverage) exactly as from the RGBA copy.
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  } else {
    atlas.GetTexDataAsRGBA32(&pixels, &w, &h);     // GL 3.0-3.2 has no swizzle
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  }
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
  atlas.ClearTexData();                            // the GPU has it now
}

Window::~Window() {
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::ShouldClose() const { return glfwWindowShouldClose(window_); }

void Window::WaitEvents(double timeout_s, double max_s) {
  const double wait = timeout_s < 0 ? max_s : std::min(timeout_s, max_s);
  if (wait <= 0) glfwPollEvents();
  else glfwWaitEventsTimeout(wait);
}

void Window::BeginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void Window::EndFrame(ui::Colour clear) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(clear.r / 255.f, clear.g / 255.f, clear.b / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window_);
}

void Window::DropFrame() { ImGui::EndFrame(); }

int Window::width() const {
  int w = 0, h = 0;
  glfwGetWindowSize(window_, &w, &h);
  return w;
}

int Window::height() const {
  int w = 0, h = 0;
  glfwGetWindowSize(window_, &w, &h);
  return h;
}

bool Window::TakeInputFlag() { return g_input.exchange(false); }
double Window::LastPressTime() const { return g_last_press; }
double Window::Now() { return glfwGetTime(); }
void Window::Wake() { glfwPostEmptyEvent(); }

ui::Picture LoadTexture(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
  if (!pixels) return {};
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  stbi_image_free(pixels);
  ui::Picture picture;
  picture.texture = reinterpret_cast<void*>(static_cast<intptr_t>(texture));
  picture.width = w;
  picture.height = h;
  return picture;
}

}  // namespace tellus::platform
