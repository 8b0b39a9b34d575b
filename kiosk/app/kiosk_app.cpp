#include "kiosk/app/kiosk_app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <type_traits>

#include "easyread/dates.h"
#include "easyread/spoken.h"
#include "kiosk/screens/screens.h"
#include "kiosk/ui/a11y.h"
#include "kiosk/ui/fonts.h"

namespace tellus {

Clock Clock::Real(std::chrono::steady_clock::time_point start) {
  Clock c;
  c.now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  c.now_utc = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  c.today = LocalDateOf(c.now_utc);
  return c;
}

namespace {

Earcon ToEarcon(fx::Sound sound) {
  switch (sound) {
    case fx::Sound::kPress: return Earcon::kPress;
    case fx::Sound::kBack: return Earcon::kBack;
    case fx::Sound::kError: return Earcon::kError;
    case fx::Sound::kDone: return Earcon::kDone;
    case fx::Sound::kAttention: return Earcon::kError;
  }
  return Earcon::kPress;
}

template <typename T>
bool Contains(const std::vector<JourneyEvent>& events) {
  for (const auto& e : events)
    if (std::holds_alternative<T>(e)) return true;
  return false;
}

// "2026-11-30T09:05:00Z" in the catalog's words and local time: "Monday 30 November 09:05".
std::string LocalWhen(const Catalog& catalog, const std::string& iso) {
  const std::optional<std::chrono::sys_seconds> when = ParseIsoUtc(iso);
  if (!when) return iso;
  const std::time_t t = std::chrono::system_clock::to_time_t(*when);
  std::tm local{};
  localtime_r(&t, &local);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
  return LocalDate(catalog, LocalDateOf(*when)) + " " + clock;
}

// The staff lock kept in the store's settings; a fresh one if it is missing or unreadable.
StaffLock LoadStaffLock(Store& store) {
  try {
    if (auto saved = store.GetSetting(kStaffLockSetting)) {
      if (auto parsed = ParseStaffLock(*saved)) return *parsed;
      std::cerr << "tellus-kiosk: staff lock setting unreadable; starting a fresh count\n";
    }
  } catch (const StoreError& e) {
    std::cerr << "tellus-kiosk: cannot read the staff lock: " << e.what() << "\n";
  }
  return {};
}

// The sync client's last error, in plain words for the staff menu.
std::string ErrorKey(const std::string& error) {
  if (error.empty()) return {};
  if (error.find("not reached") != std::string::npos) return "staff.error_unreachable";
  if (error.find("refused") != std::string::npos) return "staff.error_refused";
  return "staff.error_other";
}

// Every policy text the screens can show (names, questions, signposts, stages, bodies).
void AppendPolicyTexts(const Policy& p, std::string& out) {
  auto add = [&out](const std::string& s) { out += s; };
  auto add_text = [&](const PolicyText& t) {
    add(t.words);
    for (const EasyReadSentence& e : t.easy_read) add(e.text);
  };
  add(p.organisation);
  add(p.reference_prefix);
  for (const NamedItem& i : p.services) add(i.name);
  for (const NamedItem& i : p.categories) add(i.name);
  add_text(p.anonymous_explanation);
  add_text(p.anonymous_signpost);
  for (const EligibilityQuestion& q : p.eligibility) {
    for (const YesNoQuestion& one : q.questions) add_text(one.question);
    add_text(q.signpost);
  }
  for (const Exclusion& e : p.exclusions) {
    add_text(e.text);
    add_text(e.signpost);
  }
  add_text(p.comments_handling);
  add_text(p.compliments.handling);
  add_text(p.withdrawal_note);
  if (p.safeguarding) {
    add_text(p.safeguarding->question);
    add_text(p.safeguarding->tell_staff);
  }
  for (const Stage& s : p.stages) add(s.name + s.handled_by + s.how_to_request);
  for (const ExternalBody& b : p.external_bodies) {
    add(b.name + b.phone + b.address);
    add_text(b.when);
    add_text(b.contact);
  }
}

// A language left out because the policy's words are not all in it: why, for logs and staff.
void ReportLeftOut(const std::vector<TranslationProblem>& problems, std::vector<std::string>& errors) {
  for (const TranslationProblem& problem : problems) {
    errors.push_back(Describe(problem));
    std::cerr << "tellus-kiosk: language " << problem.language << " left out: " << Describe(problem) << "\n";
  }
}

}  // namespace

std::vector<TranslationProblem> AddPolicyLanguages(AppDeps& deps) {
  std::vector<TranslationProblem> problems;
  for (auto it = deps.catalogs.begin(); it != deps.catalogs.end();) {
    if (deps.policy_words.count(it->first)) {
      ++it;
      continue;
    }
    PolicyInLanguage words = PolicyForLanguage(deps.policy, it->first);
    if (words.problems.empty()) {
      deps.policy_words.emplace(it->first, std::move(words.policy));
      ++it;
    } else {
      problems.insert(problems.end(), words.problems.begin(), words.problems.end());
      it = deps.catalogs.erase(it);
    }
  }
  return problems;
}

KioskApp::KioskApp(AppDeps deps)
    : deps_(std::move(deps)), staff_(NewStaffState(deps_.staff_pin_hash, LoadStaffLock(*deps_.store))),
      link_(std::make_unique<RegisterLink>(deps_.identity, deps_.store_path, deps_.sync_options)) {
  link_->StartSync();                              // no-op without a register URL
  ReportLeftOut(AddPolicyLanguages(deps_), errors_);
  if (!deps_.catalogs.count(deps_.defaults.language))
    throw std::runtime_error("the policy's words are not all in the kiosk's language " + deps_.defaults.language +
                             (errors_.empty() ? std::string() : ": " + errors_.front()));
  printer_ = std::make_unique<print::ReceiptPrinter>(deps_.printer, deps_.slip_assets);
  std::vector<LanguageOption> languages;
  for (const auto& [tag, catalog] : deps_.catalogs) languages.push_back({tag, catalog.language().native_name});
  state_ = NewJourney(deps_.defaults, deps_.idle, languages);
  state_.printer = printer_->configured();
  state_.voice_available = deps_.recorder != nullptr;
  state_.voice_max_s = deps_.voice_max_s;
  player_ = std::make_unique<voice::VoicePlayer>(deps_.speaker->Output(), deps_.speaker->OutputRate());
  language_ = deps_.defaults.language;
  ApplyLanguageLabels();
}

KioskApp::~KioskApp() {
  link_.reset();                                   // stops the sync thread, abandons look-ups in flight
  printer_.reset();                                // a slip still printing finishes first
  player_.reset();
  if (deps_.recorder) deps_.recorder->Discard();
  WipeJourney(state_);
}

const Catalog& KioskApp::catalog() const {
  auto found = deps_.catalogs.find(language_);
  if (found != deps_.catalogs.end()) return found->second;
  return deps_.catalogs.begin()->second;
}

const Policy& KioskApp::shown_policy() const {
  auto found = deps_.policy_words.find(catalog().language().tag);
  return found != deps_.policy_words.end() ? found->second : deps_.policy;  // every catalog has its words (ctor)
}

std::string KioskApp::Voice() const { return catalog().language().voice; }

std::string KioskApp::ScreenName() const {
  if (staff_.page == StaffPage::kPin) return "staff.pin";
  if (staff_.page == StaffPage::kMenu) return "staff.menu";
  std::string name = StepKey(state_.place.step);
  if (state_.idle_warning) name += ".idle";
  else if (state_.help_open) name += ".help";
  return name;
}

void KioskApp::ApplyLanguageLabels() {
  const Catalog& c = catalog();
  ui::WidgetLabels l;
  l.shift = c.Text("keyboard.shift");
  l.shift_spoken = c.Spoken("keyboard.shift");
  l.space = c.Text("keyboard.space");
  l.space_spoken = c.Spoken("keyboard.space");
  l.backspace = c.Text("keyboard.backspace");
  l.backspace_spoken = c.Spoken("keyboard.backspace");
  l.symbols = c.Text("keyboard.symbols");
  l.symbols_spoken = c.Spoken("keyboard.symbols");
  l.letters = c.Text("keyboard.letters");
  l.letters_spoken = c.Spoken("keyboard.letters");
  l.latin = c.Text("keyboard.latin");
  l.latin_spoken = c.Spoken("keyboard.latin");
  l.sign_names = SpokenSignNames(c);
  l.capital = c.Text("speech.capital");
  l.count = c.Text("keyboard.count");
  l.qr = c.Spoken("keyboard.qr");
  ui::SetWidgetLabels(l);
}

void KioskApp::Frame(const Clock& clock) {
  clock_ = clock;
  // Answers from the register that arrived since the last frame.
  for (const JourneyEvent& answer : link_->Poll()) Dispatch(answer);
  for (const JourneyEvent& answer : printer_->Poll()) Dispatch(answer);
  for (std::string& error : printer_->TakeErrors()) {
    std::cerr << "tellus-kiosk: " << error << "\n";
    errors_.push_back(std::move(error));
  }
  // A Tick at the start of every frame while a journey runs (journey.h: NeedsTimer).
  if (NeedsTimer(state_) || clock.now_ms - last_tick_ms_ >= 1000) {
    last_tick_ms_ = clock.now_ms;
    Dispatch(ev::Tick{clock.now_ms, clock.now_utc, clock.today});
  }
  PumpVoice();
  ui::SetTheme(state_.settings.theme);
  ui::SetTextSize(state_.settings.text_size);

  const double now_s = clock.now_ms / 1000.0;
  ApplyAccess(now_s);
  const bool speak_after_draw = speak_screen_pending_;  // the screen asked for is the one drawn now
  ui::BeginFrame(now_s, !StaffActive(staff_) && ShowsProgress(state_, deps_.policy));
  const ImGuiIO& io = ImGui::GetIO();
  const float corner = ui::MinTargetPixels() * 1.5f;
  const std::int64_t now_unix =
      std::chrono::duration_cast<std::chrono::seconds>(clock.now_utc.time_since_epoch()).count();
  DispatchStaff(staff::ev::Tick{now_s, now_unix});
  DispatchStaff(staff::ev::Corner{io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.y >= 0 &&
                                  io.MousePos.x <= corner && io.MousePos.y <= corner});
  if (ui::StaffComboPressed()) DispatchStaff(staff::ev::Open{});

  std::vector<JourneyEvent> events;
  std::vector<StaffEvent> staff_events;
  const bool staff_was_active = StaffActive(staff_);
  if (staff_was_active) {
    if (ui::InputThisFrame()) DispatchStaff(staff::ev::Activity{});
    DrawStaff(staff_, catalog(), MakeStaffInfo(), staff_events);
  } else {
    DrawScreen(state_, catalog(), shown_policy(), events, &deps_.policy);
    // Keypad commands no widget answered still reach the journey.
    if (ui::CommandPressed(ui::Shortcut::kBack) && !Contains<ev::Back>(events) && CanGoBack(state_))
      events.push_back(ev::Back{});
    if (ui::CommandPressed(ui::Shortcut::kHelp) && !Contains<ev::Help>(events)) events.push_back(ev::Help{});
    if (ui::CommandPressed(ui::Shortcut::kRepeat) && !Contains<ev::Repeat>(events)) events.push_back(ev::Repeat{});
  }
  ui::EndFrame();
  for (const StaffEvent& e : staff_events) DispatchStaff(e);

  if (ui::InputThisFrame() && !staff_was_active) events.insert(events.begin(), ev::UserActivity{});
  for (const auto& e : events) Dispatch(e);
  EchoTyping(events);

  // Focus moves, touches and the scan highlight are read aloud when Listen, touch-to-hear or scanning is on.
  const bool speak_focus =
      state_.settings.listen || state_.settings.touch_to_hear || state_.settings.scanning != ScanMode::kOff;
  for (const std::string& text : ui::TakeSpeechRequests())
    if (speak_focus && !text.empty() && !Quiet()) deps_.speaker->Say(text, Voice());
  if (speak_after_draw && speak_screen_pending_ && !Quiet()) SpeakScreenFromNodes();
  if (!dump_path_.empty() && (ui::LastFrameChanged() || ScreenName() != last_dump_screen_)) WriteDump();
  NoteMissingGlyphs();
}

KioskApp::FontKey KioskApp::NeededFonts() const {
  return {static_cast<int>(state_.settings.text_size), language_, extra_glyphs_.size()};
}

bool KioskApp::FontsStale() const { return !(NeededFonts() == baked_fonts_); }

std::string KioskApp::FontTexts() const {
  std::string texts;
  for (const auto& [key, entry] : catalog().entries()) {
    texts += entry.text;
    texts += entry.standard;
  }
  AppendPolicyTexts(shown_policy(), texts);
  for (const LanguageOption& language : state_.languages) texts += language.native_name;  // each in its own script
  texts += extra_glyphs_;
  return texts;
}

bool KioskApp::BakeFonts(ImFontAtlas& atlas, float display_height, const std::string& font_dir, std::string& error) {
  const FontKey key = NeededFonts();
  ui::FontRequest request;
  request.text_size = key.text_size;
  request.display_height = display_height;
  request.font_dir = font_dir;
  request.texts = FontTexts();
  ui::FontFaces faces;
  if (!ui::LoadFonts(atlas, request, faces, error)) return false;
  ui::SetFonts(faces);
  baked_fonts_ = key;
  return true;
}

void KioskApp::NoteMissingGlyphs() {
  // A character with no glyph in Andika stays in extra_glyphs_, so it asks for one bake only.
  for (const ui::Node& n : ui::LastFrameNodes()) {
    for (const std::string* text : {&n.label, &n.value}) {
      const std::string missing = ui::MissingGlyphs(*text);
      for (std::size_t i = 0; i < missing.size();) {
        std::size_t len = 1;
        while (i + len < missing.size() && (static_cast<unsigned char>(missing[i + len]) & 0xC0) == 0x80) ++len;
        const std::string ch = missing.substr(i, len);
        if (extra_glyphs_.find(ch) == std::string::npos) extra_glyphs_ += ch;
        i += len;
      }
    }
  }
}

void KioskApp::Dispatch(const JourneyEvent& event) {
  ReduceResult result = Reduce(std::move(state_), event, deps_.policy);
  state_ = std::move(result.state);
  for (const JourneyEffect& effect : result.effects) RunEffect(effect);
}

void KioskApp::RunEffect(const JourneyEffect& effect) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, fx::SpeakScreen>) {
          speak_screen_pending_ = true;            // after the new screen has been drawn once
        } else if constexpr (std::is_same_v<E, fx::SpeakKey>) {
          if (!Quiet()) deps_.speaker->Say(catalog().Spoken(e.key, e.values), Voice());
        } else if constexpr (std::is_same_v<E, fx::SpeakText>) {
          if (!Quiet()) deps_.speaker->Say(e.text, Voice());
        } else if constexpr (std::is_same_v<E, fx::StopSpeech>) {
          deps_.speaker->Stop();
          speak_screen_pending_ = false;
        } else if constexpr (std::is_same_v<E, fx::PlaySound>) {
          if (!MicrophoneOpen(state_)) deps_.speaker->Play(ToEarcon(e.sound));
        } else if constexpr (std::is_same_v<E, fx::LoadLanguage>) {
          if (!deps_.catalogs.count(e.tag)) {
            try {
              deps_.catalogs.emplace(e.tag, Catalog::LoadLanguage(deps_.lang_root, e.tag));
            } catch (const CatalogError& error) {
              errors_.push_back(error.what());
              std::cerr << "tellus-kiosk: " << error.what() << "\n";
              return;
            }
            ReportLeftOut(AddPolicyLanguages(deps_), errors_);  // never English words instead
            if (!deps_.catalogs.count(e.tag)) return;
          }
          language_ = e.tag;
          ApplyLanguageLabels();
        } else if constexpr (std::is_same_v<E, fx::CommitSubmission>) {
          // A StoreError (disk full, read-only) becomes CommitFailed: the journey keeps the text and says sorry.
          JourneyEvent result = CommitAsEvent(state_, deps_.policy, deps_.calendar, *deps_.store, deps_.target, e);
          if (auto* failed = std::get_if<ev::CommitFailed>(&result)) {
            errors_.push_back(failed->message);
            std::cerr << "tellus-kiosk: commit failed: " << failed->message << "\n";
          } else {
            link_->SendNow();                        // off to the register now, not at the next idle check
          }
          Dispatch(result);
        } else if constexpr (std::is_same_v<E, fx::CheckStatus>) {
          link_->AskStatus(e.reference, e.tracking_code);  // answered by a later Poll(); never waits here
        } else if constexpr (std::is_same_v<E, fx::SendRequest>) {
          link_->AskRequest(e.action, e.reference, e.tracking_code, e.text);
        } else if constexpr (std::is_same_v<E, fx::PrintReceipt>) {
          // The words in the person's language here (the catalog is the UI thread's); the worker draws and prints.
          auto found = deps_.catalogs.find(e.language);
          ReceiptSlip slip = e.slip;
          auto shown = deps_.policy_words.find(e.language);    // the register names stages as the file writes them
          const Policy& words_policy = shown != deps_.policy_words.end() ? shown->second : deps_.policy;
          for (SlipSentence& line : slip.next) line.stage = ShownStageName(deps_.policy, words_policy, line.stage);
          print::SlipWords words =
              print::WordsFor(slip, found != deps_.catalogs.end() ? found->second : catalog(), words_policy);
          WipeSlip(slip);
          printer_->Print(words);                    // wipes words
        } else if constexpr (std::is_same_v<E, fx::StartRecording> || std::is_same_v<E, fx::StopRecording> ||
                             std::is_same_v<E, fx::PlayRecording> || std::is_same_v<E, fx::StopPlayback> ||
                             std::is_same_v<E, fx::DiscardRecording>) {
          RunVoiceEffect(e);
        } else if constexpr (std::is_same_v<E, fx::WipeAndRestart>) {
          if (deps_.recorder) deps_.recorder->Discard();   // the microphone closes with the journey
          player_->Stop();
          link_->ForgetPending();                    // an answer still on its way was for the person who left
          printer_->ForgetPending();
          deps_.speaker->Stop();
          speak_screen_pending_ = false;
          ui::ResetSession();                        // focus, keyboard shift, touch-to-hear belong to the person who left
          if (language_ != state_.settings.language) {
            language_ = state_.settings.language;
            ApplyLanguageLabels();
          }
        }
      },
      effect);
}

StaffInfo KioskApp::MakeStaffInfo() {
  StaffInfo info;
  info.kiosk_number = deps_.target.kiosk_number;
  info.kiosk_name = deps_.kiosk_name;
  info.organisation = deps_.policy.organisation;
  try {
    info.pending = deps_.store->PendingCount();
  } catch (const StoreError& e) {
    info.pending = -1;
    errors_.push_back(e.what());
  }
  info.speech_on = deps_.speaker->HasAudio();
  info.speech_status = deps_.speaker->Status();
  info.sync_set_up = link_->configured();
  info.can_save_usb = deps_.identity.has_value();
  if (info.sync_set_up) {
    const sync::SyncStatus status = link_->SyncStatus();
    std::string last_success = status.last_success;
    if (last_success.empty()) {
      try {
        last_success = deps_.store->GetSetting("sync.last_success").value_or("");
      } catch (const StoreError&) {
      }
    }
    if (!last_success.empty()) info.last_success = LocalWhen(catalog(), last_success);
    info.last_error_key = ErrorKey(status.last_error);
    info.last_error_detail = status.last_error;
  }
  return info;
}

void KioskApp::DispatchStaff(const StaffEvent& event) {
  StaffReduceResult result = Reduce(std::move(staff_), event);
  WipeString(staff_.pin);                          // the moved-from copy may keep short PINs inline
  staff_ = std::move(result.state);
  for (const StaffEffect& effect : result.effects) RunStaffEffect(effect);
}

void KioskApp::RunStaffEffect(const StaffEffect& effect) {
  if (const auto* save = std::get_if<staff::fx::SaveLock>(&effect)) {
    try {
      deps_.store->SetSetting(kStaffLockSetting, SerialiseStaffLock(save->lock));
    } catch (const StoreError& e) {
      errors_.push_back(std::string("save the staff lock: ") + e.what());
      std::cerr << "tellus-kiosk: cannot save the staff lock: " << e.what() << "\n";
    }
  } else if (std::holds_alternative<staff::fx::SendNow>(effect)) {
    link_->SendNow();
  } else if (std::holds_alternative<staff::fx::ExitKiosk>(effect)) {
    exit_requested_ = true;
  } else if (std::holds_alternative<staff::fx::SaveUsb>(effect)) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    const UsbSaveResult r = link_->SaveToUsb(*deps_.store, FindUsbFolder(deps_.usb_dir), stamp);
    if (r.ok) {
      DispatchStaff(staff::ev::UsbSaved{UsbSaveOutcome::kSaved, r.saved});
    } else {
      errors_.push_back("save to USB: " + r.error);
      std::cerr << "tellus-kiosk: save to USB: " << r.error << "\n";
      DispatchStaff(staff::ev::UsbSaved{r.no_stick ? UsbSaveOutcome::kNoStick : UsbSaveOutcome::kFailed, 0});
    }
  }
}

void KioskApp::ApplyAccess(double now_s) {
  ui::SetTouchToHear(state_.settings.touch_to_hear);
  ui::SetScanning(state_.settings.scanning, deps_.scan_seconds);
  // A new screen (or a new question on the same one) starts the scan at the top.
  const std::string screen = ScreenName() + "|" + std::to_string(state_.place.index) + "|" +
                             std::to_string(static_cast<int>(state_.kind));
  if (screen != scan_screen_) {
    ui::RestartScan();
    ui::ScrollToTop();
    scan_screen_ = screen;
  }
  if (deps_.speaker->Speaking()) ui::HoldScan(now_s);  // auditory scanning: each item is heard in full
  drawn_word_ = deps_.speaker->CurrentWordOffset();
  ui::SetSpokenWord(drawn_word_ >= 0 ? deps_.speaker->CurrentText() : std::string(), drawn_word_);
}

bool KioskApp::Quiet() const {
  return MicrophoneOpen(state_) || (state_.place.step == Step::kRecord && state_.voice.phase == VoicePhase::kPlaying);
}

void KioskApp::PumpVoice() {
  if (deps_.recorder && deps_.recorder->recording()) {
    try {
      const voice::RecorderProgress p = deps_.recorder->Pump();
      Dispatch(ev::RecordProgress{p.elapsed_ms, p.level});
    } catch (const voice::OpusError& e) {
      deps_.recorder->Discard();
      errors_.push_back(std::string("recording: ") + e.what());
      Dispatch(ev::RecordingFailed{e.what()});
    }
  }
  if (player_->playing() && !player_->Pump()) Dispatch(ev::PlaybackEnded{});
}

void KioskApp::RunVoiceEffect(const JourneyEffect& effect) {
  if (const auto* start = std::get_if<fx::StartRecording>(&effect)) {
    player_->Stop();
    deps_.speaker->Stop();                         // read-aloud pauses: the microphone must not hear it
    speak_screen_pending_ = false;
    std::string why = "no microphone";
    if (!deps_.recorder || !deps_.recorder->Start(start->max_ms, &why)) {
      errors_.push_back("recording: " + why);
      std::cerr << "tellus-kiosk: recording: " << why << "\n";
      Dispatch(ev::RecordingFailed{why});
    }
  } else if (std::holds_alternative<fx::StopRecording>(effect)) {
    if (!deps_.recorder || !deps_.recorder->recording()) return;
    const auto stopped = std::chrono::steady_clock::now();
    ev::RecordingFinished finished;
    try {
      finished.opus = AudioBuffer(deps_.recorder->Finish(&finished.length_ms));
    } catch (const voice::OpusError& e) {
      errors_.push_back(std::string("recording: ") + e.what());
      Dispatch(ev::RecordingFailed{e.what()});
      return;
    }
    Dispatch(finished);
    stop_to_ready_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - stopped).count();
  } else if (const auto* play = std::get_if<fx::PlayRecording>(&effect)) {
    deps_.speaker->Stop();
    speak_screen_pending_ = false;
    if (!player_->Start(play->opus.bytes())) Dispatch(ev::PlaybackEnded{});   // no output, or nothing to play
  } else if (std::holds_alternative<fx::StopPlayback>(effect)) {
    player_->Stop();
  } else if (std::holds_alternative<fx::DiscardRecording>(effect)) {
    if (deps_.recorder) deps_.recorder->Discard();
  }
}

void KioskApp::EchoTyping(const std::vector<JourneyEvent>& events) {
  if (!state_.settings.listen || Quiet()) return;
  const std::string* text = FieldText(state_, state_.focused);
  for (const JourneyEvent& e : events) {
    const auto* typed = std::get_if<ev::TypeText>(&e);
    if (!typed) continue;
    bool first = true;
    for (const std::string& said : TypingEcho(catalog(), typed->utf8, text ? *text : std::string())) {
      if (first) deps_.speaker->Say(said, Voice());
      else deps_.speaker->Enqueue(said, Voice());
      first = false;
    }
  }
}

void KioskApp::SpeakScreenFromNodes() {
  speak_screen_pending_ = false;
  bool first = true;
  for (const ui::Node& n : ui::LastFrameNodes()) {
    if (n.spoken.empty() || n.role == ui::Role::kKey) continue;
    if (first) deps_.speaker->Say(n.spoken, Voice());
    else deps_.speaker->Enqueue(n.spoken, Voice());
    first = false;
  }
}

double KioskApp::SecondsToNextWake(const Clock& clock) const {
  double wake = -1;
  auto consider = [&wake](double s) {
    if (s < 0) return;
    wake = wake < 0 ? s : std::min(wake, s);
  };
  if (NeedsTimer(state_)) consider(std::max(0.0, (last_tick_ms_ + 1000 - clock.now_ms) / 1000.0));
  if (speak_screen_pending_) consider(0);
  // The level meter moves and playback is fed while a take records or plays.
  if ((deps_.recorder && deps_.recorder->recording()) || player_->playing()) consider(0.04);
  // The register's answer: a frame as soon as it is here; till then look again every 50 ms.
  if (link_->AnswerReady() || printer_->AnswerReady()) consider(0);
  else if (link_->Pending() || printer_->Pending()) consider(0.05);
  // The staff menu's waiting count and last success move on while the sync thread works.
  if (staff_.page == StaffPage::kMenu && link_->syncing())
    consider(std::max(0.0, (clock_.now_ms + 1000 - clock.now_ms) / 1000.0));
  // The read-along word follows speech: a frame as soon as the word heard changes.
  // Auto scanning waits while speech plays (HoldScan): its timer only counts in silence.
  if (deps_.speaker->Speaking()) consider(deps_.speaker->CurrentWordOffset() != drawn_word_ ? 0 : 0.03);
  else consider(drawn_word_ >= 0 ? 0 : ui::SecondsToNextScan(clock.now_ms / 1000.0));  // clear the last word
  const double staff_deadline = StaffNextDeadline(staff_);
  if (staff_deadline >= 0) consider(std::max(0.0, staff_deadline - clock.now_ms / 1000.0));
  return wake;
}

void KioskApp::WriteDump() {
  last_dump_screen_ = ScreenName();
  const std::string tmp = dump_path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      errors_.push_back(tmp + ": cannot write the a11y dump");
      return;
    }
    // Never what the person typed, on any screen (README, "--a11y-dump").
    std::vector<std::string> typed;
    for (int f = static_cast<int>(Field::kSubject); f <= static_cast<int>(Field::kFeedback); ++f) {
      const std::string* text = FieldText(state(), static_cast<Field>(f));
      if (text && !text->empty()) typed.push_back(*text);
    }
    out << ui::NodesToJson(ui::LastFrameNodes(), last_dump_screen_, typed);
    if (!out.flush()) return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, dump_path_, ec);
  if (ec) errors_.push_back(dump_path_ + ": " + ec.message());
}

}  // namespace tellus
