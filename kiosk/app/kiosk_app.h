#pragma once
// [SECTION] The kiosk application without a window: one UI frame at a time, the
// journey reducer, the effect runner (commit, speech, language), idle ticks and
// staff mode, and the line to the register (background sync, status look-ups
// and case requests on worker threads; their answers arrive as events polled at
// the start of each frame). main.cpp drives it with GLFW; the test harness drives it headless
// with a simulated clock. Index: [deps] [clock] [app]
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/kiosk_identity.h"
#include "core/journey.h"
#include "core/policy.h"
#include "core/policy_language.h"
#include "core/store.h"
#include "core/submit.h"
#include "easyread/catalog.h"
#include "kiosk/app/register_link.h"
#include "kiosk/print/receipt_printer.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/staff/staff_mode.h"
#include "kiosk/voice/recorder.h"

struct ImFontAtlas;

namespace tellus {

// [SECTION] deps: everything the app needs, already loaded and checked (kiosk/app/startup.h).
struct AppDeps {
  Policy policy;
  HolidayCalendar calendar;
  std::string lang_root;                           // easyread/lang
  std::map<std::string, Catalog> catalogs;         // by tag; at least the default language
  // The policy in each language of `catalogs` (core/policy_language.h); KioskApp fills the
  // ones missing and leaves out a language whose translation of the policy is incomplete.
  std::map<std::string, Policy> policy_words;
  std::unique_ptr<Store> store;
  SubmitTarget target;
  std::string kiosk_name;
  std::unique_ptr<Speaker> speaker;
  std::string staff_pin_hash;
  JourneySettings defaults;
  IdleSettings idle;
  std::optional<KioskIdentity> identity;           // from the identity file; with a register_url sync runs
  std::string store_path;                          // the outbox file, which the sync thread opens too
  std::string usb_dir;                             // "Save to USB" folder; empty: look under /media
  sync::SyncOptions sync_options;
  double scan_seconds = 1.5;                       // [access] scan_seconds: one-switch scanning step
  print::PrinterConfig printer;                    // [printer]: none, a CUPS queue or an ESC/POS device
  print::SlipAssets slip_assets;                   // the receipt's font and pictures
  std::unique_ptr<voice::Recorder> recorder;       // null: no microphone, "Say it instead" not offered
  int voice_max_s = 180;                           // [voice] max_seconds
};

// Fills deps.policy_words for every catalog language that lacks it. A language whose
// translation of the policy has any problem is left out (its catalog removed): never
// English words on a screen in another language. Returns the problems of the languages left
// out, each naming the language, the translation file and the key.
std::vector<TranslationProblem> AddPolicyLanguages(AppDeps& deps);

// [SECTION] clock: time arrives from outside (real or simulated).
struct Clock {
  std::int64_t now_ms = 0;                         // monotonic
  std::chrono::sys_seconds now_utc{};
  Date today{};
  static Clock Real(std::chrono::steady_clock::time_point start);
};

// [SECTION] app
class KioskApp {
 public:
  explicit KioskApp(AppDeps deps);
  ~KioskApp();

  // Draws one frame (an ImGui frame must be open) and handles what it produced.
  void Frame(const Clock& clock);
  // Reduces one event and runs its effects (results come back as further events).
  void Dispatch(const JourneyEvent& event);
  // Seconds until the app needs a frame without input (timers, speech); <0: none.
  double SecondsToNextWake(const Clock& clock) const;
  // Staff mode: reduces one event and runs its effects (keep the lock, send now, save to USB, exit).
  void DispatchStaff(const StaffEvent& event);
  bool exit_requested() const { return exit_requested_; }

  // Fonts: only the current text size's faces, with the glyphs of what can be shown now (this
  // language's catalog, the policy, the language names in their own scripts, and any character seen
  // on screen without a glyph, such as a typed letter or a register's reply). Outside an ImGui frame:
  bool FontsStale() const;                         // the text size, language or glyphs needed changed since the bake
  bool BakeFonts(ImFontAtlas& atlas, float display_height, const std::string& font_dir, std::string& error);
  std::string FontTexts() const;                   // UTF-8: every text the bake covers (in any order)

  const JourneyState& state() const { return state_; }
  JourneyState& mutable_state() { return state_; }
  const Policy& policy() const { return deps_.policy; }   // as its file writes it (the journey, the register)
  const Policy& shown_policy() const;                      // in the language shown now
  const Catalog& catalog() const;
  Store& store() { return *deps_.store; }
  Speaker& speaker() { return *deps_.speaker; }
  const StaffState& staff() const { return staff_; }
  RegisterLink& link() { return *link_; }
  print::ReceiptPrinter& printer() { return *printer_; }
  std::string ScreenName() const;                  // "welcome", "complaint.when", "staff.pin"...

  // --a11y-dump: written (temp file + rename) whenever the node tree changes.
  void SetDumpPath(std::string path) { dump_path_ = std::move(path); }
  // Failures seen by the effect runner (for logs and tests; never personal data).
  const std::vector<std::string>& errors() const { return errors_; }
  // Wall time from Stop to the take being ready to Listen to, for the last take (ms; <0: none yet).
  double stop_to_ready_ms() const { return stop_to_ready_ms_; }

 private:
  void RunEffect(const JourneyEffect& effect);
  StaffInfo MakeStaffInfo();
  void RunStaffEffect(const StaffEffect& effect);
  void SpeakScreenFromNodes();
  void ApplyLanguageLabels();
  void WriteDump();
  std::string Voice() const;
  void ApplyAccess(double now_s);                  // touch-to-hear, scanning and the read-along word, before a frame
  void EchoTyping(const std::vector<JourneyEvent>& events);
  void NoteMissingGlyphs();                        // after a frame: characters drawn without a glyph
  void PumpVoice();                                // before a frame: the recorder's progress, playback's end
  void RunVoiceEffect(const JourneyEffect& effect);
  bool Quiet() const;                              // the microphone is open or a take is playing: no speech

  struct FontKey {
    int text_size = -1;
    std::string language;
    std::size_t extra = 0;                         // extra_glyphs_.size()
    bool operator==(const FontKey&) const = default;
  };
  FontKey NeededFonts() const;

  AppDeps deps_;
  JourneyState state_;
  StaffState staff_;
  bool exit_requested_ = false;
  std::unique_ptr<RegisterLink> link_;
  std::unique_ptr<print::ReceiptPrinter> printer_;
  std::string language_;
  bool speak_screen_pending_ = false;
  std::int64_t last_tick_ms_ = -1000000;
  std::string dump_path_;
  std::string last_dump_screen_;
  std::vector<std::string> errors_;
  Clock clock_;
  std::string scan_screen_;                        // the screen scanning last started on
  int drawn_word_ = -1;                            // read-along word offset last drawn
  FontKey baked_fonts_;
  std::string extra_glyphs_;                       // UTF-8, each character once
  std::unique_ptr<voice::VoicePlayer> player_;     // "Listen to what you said", on the speech output
  double stop_to_ready_ms_ = -1;
};

}  // namespace tellus
