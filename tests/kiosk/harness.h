#pragma once
// Headless UI harness: real ImGui frames at a fixed display size with no window
// and no renderer, the real widget layer, screens and app (effect runner, store,
// staff mode), and a simulated clock. Tests find items by label, role or id in
// the node log and press them by sending mouse position and button events over
// real frames, so ImGui's own hit-testing runs.
//
//   tellus::testing::Harness h;                  // seetec, en-GB, :memory: store
//   h.Press("Say thank you");
//   h.Type("Sam was kind");
//   h.Advance(95);                               // idle warning shows
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/journey.h"
#include "core/policy.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/ui/a11y.h"

struct ImGuiContext;

namespace tellus::testing {

struct HarnessOptions {
  std::string policy_id = "seetec";                // from TELLUS_SOURCE_DIR/assets/policies...
  std::optional<Policy> policy;                    // ...unless given here
  std::optional<HolidayCalendar> calendar;         // default: TELLUS_SOURCE_DIR/assets/holidays
  std::string language = "en-GB";
  std::string lang_root;                           // default: TELLUS_SOURCE_DIR/easyread/lang
  ThemeId theme = ThemeId::kStandard;
  TextSize text_size = TextSize::kStandard;
  std::string store_path = ":memory:";
  std::string staff_pin_hash;                      // empty: staff PIN pad says no PIN is set
  int kiosk_number = 7;
  int warn_after_seconds = 90;
  int countdown_seconds = 30;
  float width = 1920, height = 1080;
  float diagonal_inches = 21.5f;
  std::function<std::unique_ptr<Speaker>()> make_speaker;  // default: MakeSilentSpeaker()
  ScanMode scanning = ScanMode::kOff;              // [access] defaults
  double scan_seconds = 1.5;
  bool touch_to_hear = false;
  bool with_app = true;                            // false: widget tests drawing through DrawWith()
  std::optional<KioskIdentity> identity;           // an enrolled kiosk: its register URL starts sync (file store only)
  std::string usb_dir;                             // "Save to USB" folder
  sync::SyncOptions sync_options;
  print::PrinterConfig printer;                    // [printer]: none by default
  bool microphone = false;                         // open SDL capture (tests set SDL_AUDIODRIVER=disk + SDL_DISKAUDIOFILEIN)
  int voice_max_s = 180;
};

class Harness {
 public:
  explicit Harness(HarnessOptions options = {});
  ~Harness();
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // --- frames and time ---
  void Frame(int count = 1);                       // frames at the current simulated time
  void Advance(double seconds);                    // moves the clock on in steps of at most 1 s, a frame each
  // Widget tests: frames draw this instead of the app (between ui::BeginFrame and EndFrame).
  void DrawWith(std::function<void()> draw);

  // --- finding ---
  const std::vector<ui::Node>& Nodes() const;      // last complete frame
  std::vector<ui::Node> Interactive() const;
  std::string Describe() const;                    // every node on screen, one a line
  const ui::Node* TryFind(const std::string& label, std::optional<ui::Role> role = std::nullopt) const;
  const ui::Node& Find(const std::string& label, std::optional<ui::Role> role = std::nullopt) const;  // throws, listing the nodes
  const ui::Node* TryFindId(const std::string& id) const;
  const ui::Node& FindId(const std::string& id) const;
  bool Has(const std::string& label) const { return TryFind(label) != nullptr; }
  // Any node whose label (or text box value) contains `text`.
  bool ShowsText(const std::string& text) const;

  // --- input ---
  void Press(const std::string& label, std::optional<ui::Role> role = std::nullopt);
  void PressId(const std::string& id);
  void PressAt(float x, float y);                  // down and up over real frames
  void HoldAt(float x, float y, double seconds);   // pointer held down while time passes
  void Type(const std::string& utf8);              // a physical keyboard, one character a frame
  void Key(int glfw_key, bool ctrl = false, bool alt = false, bool shift = false);

  // --- state ---
  KioskApp& app();
  const JourneyState& state() { return app().state(); }
  Store& store() { return app().store(); }
  Clock& clock() { return clock_; }
  const HarnessOptions& options() const { return options_; }

 private:
  void OneFrame();
  void BakeFontsIfStale();                         // before a frame: the text size or language changed
  void EnsureVisible(const std::string& id);
  HarnessOptions options_;
  std::unique_ptr<KioskApp> app_;
  std::function<void()> draw_;
  Clock clock_;
  ::ImGuiContext* context_ = nullptr;
};

// Where the tests find repository files.
std::string SourcePath(const std::string& relative);

}  // namespace tellus::testing
