// tellus-kiosk: the full-screen kiosk. Exit status 2 for a bad config or command line.
#include <CLI/CLI.hpp>
#include <imgui.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include "core/seal.h"
#include "kiosk/app/config.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/startup.h"
#include "kiosk/platform/window.h"
#include "kiosk/ui/a11y.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/pictures.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

bool ParseSize(const std::string& text, int& w, int& h) {
  return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 16384 && h <= 16384;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tellus;
  const auto start = std::chrono::steady_clock::now();
  CLI::App cli{"Tell Us kiosk: compliments, complaints and comments, in Easy Read, read aloud"};
  std::string config_path, windowed, dump_path, hash_pin, speech = "auto";
  bool timing = false;
  int bench_frames = 0;
  cli.add_option("--config", config_path, "Kiosk config (TOML)");
  cli.add_option("--windowed", windowed, "Run in a window of WxH pixels instead of full screen (development)");
  cli.add_option("--a11y-dump", dump_path, "Write the accessibility node tree as JSON here whenever the screen changes");
  cli.add_option("--hash-pin", hash_pin, "Print the Argon2id hash of a staff PIN for staff_pin_hash, then exit");
  cli.add_option("--speech", speech, "auto (eSpeak NG + SDL, falling back to text only) or silent")
      ->check(CLI::IsMember({"auto", "silent"}));
  cli.add_flag("--timing", timing, "Print start-to-first-frame time on stderr");
  cli.add_option("--bench-frames", bench_frames, "Render this many frames back to back, print the mean frame time, exit");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = cli.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (!hash_pin.empty()) {
    if (hash_pin.size() < 4 || hash_pin.find_first_not_of("0123456789") != std::string::npos) {
      std::cerr << "tellus-kiosk: --hash-pin: a PIN is 4 to 12 digits\n";
      return 2;
    }
    InitSodium();
    std::cout << HashSecret(hash_pin) << "\n";
    return 0;
  }
  if (config_path.empty()) {
    std::cerr << "tellus-kiosk: --config PATH is required (see --help)\n";
    return 2;
  }
  platform::WindowOptions window_options;
  if (!windowed.empty()) {
    window_options.fullscreen = false;
    if (!ParseSize(windowed, window_options.width, window_options.height)) {
      std::cerr << "tellus-kiosk: --windowed: '" << windowed << "' is not WxH, for example 1920x1080\n";
      return 2;
    }
  }

  KioskConfig config;
  AppDeps deps;
  try {
    InitSodium();
    config = LoadConfigFile(config_path);
    // Chosen silence needs no reason: the staff menu's "Read aloud is off." says it all.
    deps = LoadAppDeps(config, speech == "silent" ? MakeSilentSpeaker("") : MakeSpeaker(config.speech));
  } catch (const ConfigError& e) {
    std::cerr << "tellus-kiosk: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tellus-kiosk: " << config_path << ": " << e.what() << "\n";
    return 2;
  }

  auto phase = [&](const char* name) {
    if (timing)
      std::fprintf(stderr, "%s_ms=%.1f\n", name,
                   std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  };
  phase("config");
  // The font atlas is baked on a worker thread while GLFW and GL start.
  std::string error, font_error;
  ImFontAtlas* atlas = IM_NEW(ImFontAtlas)();
  ui::FontFaces faces;
  bool fonts_ok = false;
  const float font_height = static_cast<float>(window_options.fullscreen ? config.screen_height : window_options.height);
  std::thread font_thread([&] { fonts_ok = ui::LoadFonts(*atlas, font_height, config.font_dir, faces, font_error); });
  auto window = platform::Window::Create(window_options, atlas, error);
  font_thread.join();
  if (!window) {
    std::cerr << "tellus-kiosk: " << error << "\n";
    return 1;
  }
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
  if (!fonts_ok) {
    std::cerr << "tellus-kiosk: " << font_error << "\n";
    return 2;
  }
  ui::SetFonts(faces);
  phase("window_and_fonts");
  if (timing) std::fprintf(stderr, "font_atlas=%dx%d\n", ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight);
  ui::Settings settings;
  settings.theme = config.theme;
  settings.text_size = config.text_size;
  settings.display_width_px = static_cast<float>(config.screen_width);
  settings.display_height_px = static_cast<float>(config.screen_height);
  settings.diagonal_inches = static_cast<float>(config.diagonal_inches);
  settings.pictogram_dir = config.pictogram_dir;
  settings.textures = true;
  ui::Configure(settings);
  ui::SetTextureLoader(platform::LoadTexture);

  KioskApp app(std::move(deps));
  if (!dump_path.empty()) app.SetDumpPath(dump_path);
  phase("app");

  int extra_frames = 2;                            // ImGui settles layout over a couple of frames
  bool first = true;
  int frames = 0;
  auto bench_start = std::chrono::steady_clock::now();
  while (!window->ShouldClose() && !app.exit_requested() && !g_stop) {
    const Clock clock = Clock::Real(start);
    if (extra_frames <= 0 && bench_frames == 0) {
      window->WaitEvents(app.SecondsToNextWake(clock), 0.5);
      const double wake = app.SecondsToNextWake(Clock::Real(start));
      if (!window->TakeInputFlag() && (wake < 0 || wake > 0.001)) continue;  // nothing changed: no frame
    } else {
      window->WaitEvents(0, 0);
      window->TakeInputFlag();
    }
    window->BeginFrame();
    app.Frame(Clock::Real(start));
    window->EndFrame(ui::CurrentTheme().background);
    if (first) {
      first = false;
      if (ImGui::GetIO().Fonts->IsBuilt()) ImGui::GetIO().Fonts->ClearTexData();  // the GPU has it now
      if (timing) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "first_frame_ms=%.1f\n", ms);
      }
      bench_start = std::chrono::steady_clock::now();
    }
    ++frames;
    if (ui::InputThisFrame() || ui::LastFrameChanged()) extra_frames = 3;
    else --extra_frames;
    if (bench_frames > 0 && frames > bench_frames) {
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - bench_start).count();
      std::fprintf(stderr, "frame_ms=%.2f over %d frames\n", ms / bench_frames, bench_frames);
      break;
    }
  }
  window.reset();
  IM_DELETE(atlas);
  return 0;
}
