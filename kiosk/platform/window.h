#pragma once
// The platform: a GLFW window with an OpenGL 3 context and Dear ImGui's GLFW and
// OpenGL3 backends (from Debian's libimgui.a). Nothing else in the kiosk knows GLFW or GL.
#include <memory>
#include <string>

#include "kiosk/ui/pictures.h"
#include "kiosk/ui/theme.h"

struct GLFWwindow;
struct ImFontAtlas;

namespace tellus::platform {

struct WindowOptions {
  bool fullscreen = true;                          // on the primary monitor, at its current mode
  int width = 1920, height = 1080;                 // windowed size
  std::string title = "Tell Us";
};

class Window {
 public:
  // Creates the window, GL context and ImGui context (using `fonts` if given, so the
  // atlas can be baked on another thread meanwhile); nullptr with `error` set on failure.
  static std::unique_ptr<Window> Create(const WindowOptions& options, ImFontAtlas* fonts, std::string& error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool ShouldClose() const;
  // Sleeps until an event arrives or `timeout_s` passes (<0: at most `max_s`).
  void WaitEvents(double timeout_s, double max_s);
  void BeginFrame();                               // backends' NewFrame + ImGui::NewFrame
  void EndFrame(ui::Colour clear);                 // render, swap
  void DropFrame();                                // end the ImGui frame without drawing it
  int width() const;
  int height() const;
  // Any input since the last call (GLFW callbacks chained before ImGui's).
  bool TakeInputFlag();
  // Seconds (glfwGetTime) of the last key or mouse button event; for timing a response.
  double LastPressTime() const;
  static double Now();                             // glfwGetTime()
  static void Wake();                              // from any thread: ends WaitEvents now
  // Uploads the baked atlas as a one-byte-a-pixel texture (replacing the last one) and frees
  // its CPU pixels. Call outside an ImGui frame, after every bake.
  void UploadFonts(ImFontAtlas& atlas);

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
  unsigned int font_texture_ = 0;
  bool swizzle_ = false;                           // GL >= 3.3: an R8 texture read as (1,1,1,r)
};

// stb_image -> GL texture (RGBA, linear); a null texture when the file cannot be read.
ui::Picture LoadTexture(const std::string& path);

}  // namespace tellus::platform
