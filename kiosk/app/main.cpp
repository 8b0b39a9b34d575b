// tellus-kiosk: the full-screen kiosk. Exit status 2 for a bad config or command line.
#include <CLI/CLI.hpp>
#include <imgui.h>

#include <pthread.h>

#include <algorithm>
#include <atomic>
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

std::atomic<bool> g_stop{false};

// SIGTERM and SIGINT are taken by one thread with sigwait, which wakes the main loop
// (GLFW's wait goes on after a signal), so the loop can sleep until something happens.
sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

bool ParseSize(const std::string& text, int& w, int& h) {
  return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 16384 && h <= 16384;
}

// VmHWM from /proc/self/status, for --timing.
long PeakRssKb() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long kb = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "VmHWM: %ld", &kb) == 1) break;
  std::fclose(f);
  return kb;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tellus;
  const auto start = std::chrono::steady_clock::now();
  const sigset_t stop_signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // before any thread starts: they inherit it
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

  auto ms_since_start = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  auto phase = [&](const char* name, double ms) {
    if (timing) std::fprintf(stderr, "%s_ms=%.1f peak_rss_mb=%ld\n", name, ms, PeakRssKb() / 1024);
  };
  // The config, catalogs, store and app load, and the fonts they need are baked, on a worker
  // thread while GLFW and GL start: opening the window is most of the start-up under software GL.
  KioskConfig config;
  std::unique_ptr<KioskApp> app_owner;
  ImFontAtlas* atlas = IM_NEW(ImFontAtlas)();
  float font_height = 0;
  std::string load_error;
  int load_status = 0;
  double config_ms = 0;
  std::thread loader([&] {
    try {
      InitSodium();
      config = LoadConfigFile(config_path);
      // Chosen silence needs no reason: the staff menu's "Read aloud is off." says it all.
      AppDeps deps = LoadAppDeps(config, speech == "silent" ? MakeSilentSpeaker("")
                                                            : MakeSpeaker(config.speech));
      config_ms = ms_since_start();
      app_owner = std::make_unique<KioskApp>(std::move(deps));
    } catch (const ConfigError& e) {
      load_error = e.what();
      load_status = 2;
      return;
    } catch (const std::exception& e) {
      load_error = config_path + ": " + e.what();
      load_status = 2;
      return;
    }
    font_height = static_cast<float>(window_options.fullscreen ? config.screen_height : window_options.height);
    if (!app_owner->BakeFonts(*atlas, font_height, config.font_dir, load_error)) load_status = 2;
  });
  std::string error;
  auto window = platform::Window::Create(window_options, atlas, error);
  const double window_ms = ms_since_start();
  loader.join();
  if (load_status != 0) {
    std::cerr << "tellus-kiosk: " << load_error << "\n";
    window.reset();
    IM_DELETE(atlas);
    return load_status;
  }
  if (!window) {
    std::cerr << "tellus-kiosk: " << error << "\n";
    return 1;
  }
  KioskApp& app = *app_owner;
  if (!dump_path.empty()) app.SetDumpPath(dump_path);
  phase("config", config_ms);
  phase("window", window_ms);
  if (timing) std::fprintf(stderr, "font_atlas=%dx%d\n", atlas->TexWidth, atlas->TexHeight);
  window->UploadFonts(*atlas);
  std::thread signal_thread([&stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    g_stop = true;
    platform::Window::Wake();
  });
  phase("window_and_fonts", ms_since_start());
  ui::Settings settings;
  settings.theme = config.theme;
  settings.text_size = config.text_size;
  settings.display_width_px = static_cast<float>(config.screen_width);
  settings.display_height_px = static_cast<float>(config.screen_height);
  settings.diagonal_inches = static_cast<float>(config.diagonal_inches);
  settings.pictogram_dir = config.pictogram_dir;
  settings.textures = true;
  ui::Configure(settings);
  ui::SetTextureLoader(platform::LoadTexture);  // each picture is loaded when first drawn
  phase("app", ms_since_start());

  int status = 0;
  int extra_frames = 2;                            // ImGui settles layout over a couple of frames
  bool first = true;
  int frames = 0;
  auto bench_start = std::chrono::steady_clock::now();
  while (!window->ShouldClose() && !app.exit_requested() && !g_stop) {
    const Clock clock = Clock::Real(start);
    if (extra_frames <= 0 && bench_frames == 0) {
      window->WaitEvents(app.SecondsToNextWake(clock), 10);
      const double wake = app.SecondsToNextWake(Clock::Real(start));
      if (!window->TakeInputFlag() && (wake < 0 || wake > 0.001)) continue;  // nothing changed: no frame
    } else {
      window->WaitEvents(0, 0);
      window->TakeInputFlag();
    }
    // A new text size or language: bake and upload its fonts before the frame that uses them.
    double rebaked_after_press = -1;
    const int size_before = ui::Fonts().text_size;
    double bake_ms = 0, upload_ms = 0;
    if (app.FontsStale()) {
      const double press = window->LastPressTime();
      const double t0 = platform::Window::Now();
      std::string font_error;
      if (!app.BakeFonts(*atlas, font_height, config.font_dir, font_error)) {
        std::cerr << "tellus-kiosk: " << font_error << "\n";
        status = 1;
        break;
      }
      const double t1 = platform::Window::Now();
      window->UploadFonts(*atlas);
      bake_ms = (t1 - t0) * 1000;
      upload_ms = (platform::Window::Now() - t1) * 1000;
      rebaked_after_press = press;
    }
    const double frame_start = platform::Window::Now();
    window->BeginFrame();
    app.Frame(Clock::Real(start));
    const double frame_drawn = platform::Window::Now();
    if (app.FontsStale() && !first) {
      // Laid out with the fonts it has just changed: not worth drawing; the next frame bakes and draws.
      window->DropFrame();
      extra_frames = std::max(extra_frames, 1);
      continue;
    }
    window->EndFrame(ui::CurrentTheme().background);
    if (timing && rebaked_after_press > 0) {
      // From the key or touch that asked for it to the first frame drawn with the new fonts.
      const double ms = (platform::Window::Now() - rebaked_after_press) * 1000;
      std::fprintf(stderr, "%s_switch_ms=%.1f bake_ms=%.1f upload_ms=%.1f atlas=%dx%d\n",
                   size_before != ui::Fonts().text_size ? "text_size" : "fonts", ms, bake_ms, upload_ms,
                   atlas->TexWidth, atlas->TexHeight);
    }
    if (first) {
      first = false;
      if (timing) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "first_frame_ms=%.1f peak_rss_mb=%ld (ui %.1f ms, render and swap %.1f ms)\n", ms,
                     PeakRssKb() / 1024, (frame_drawn - frame_start) * 1000, (platform::Window::Now() - frame_drawn) * 1000);
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
  g_stop = true;
  pthread_kill(signal_thread.native_handle(), SIGTERM);  // ends its sigwait
  signal_thread.join();
  window.reset();
  IM_DELETE(atlas);
  return status;
}
