// Easy Read at kiosk scale, measured over the real widget tree of every screen the
// walk reaches (every seed policy, each text size, each theme, en-GB cy pl uk):
// text and picture sizes, a picture beside every sentence, the main action in the
// dock, nothing under the open keyboard, nothing below the fold at the standard size,
// disabled items drawn as disabled, the progress line in one place, one caret.
#include <gtest/gtest.h>

#include <cmath>

#include "core/journey_progress.h"
#include "kiosk/ui/a11y.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/sweep.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using namespace testing_sweep;

float SizeFactor(TextSize size) {
  switch (size) {
    case TextSize::kStandard: return 1.f;
    case TextSize::kLarge: return 1.25f;
    case TextSize::kLargest: return 1.5f;
  }
  return 1.f;
}

bool Near(float a, float b) { return std::fabs(a - b) <= 0.5f; }

bool IsBar(const ui::Node& n) { return n.id.rfind("bar.", 0) == 0; }

std::string Where(Harness& h, const ui::Node& n) {
  const JourneyState& s = h.state();
  return h.app().ScreenName() + "[" + std::to_string(static_cast<int>(s.kind)) + "." +
         std::to_string(s.place.index) + (s.focused != Field::kNone ? ",typing" : "") + "] " +
         ui::ToString(n.role) + " '" + n.label.substr(0, 40) + "' (" + n.id + ")";
}

// The rules of issue "Easy Read at kiosk scale", one screen at a time.
void CheckLayout(Harness& h, SweepResult& out) {
  const HarnessOptions& o = h.options();
  const float f = SizeFactor(o.text_size) * o.height / 1080.f;
  const float body = std::round(32 * f), heading = std::round(48 * f);
  const float sentence_picture = std::round(96 * f), button_picture = std::round(64 * f),
              heading_picture = std::round(128 * f);
  const ui::Rect dock = ui::DockRect();
  const float bar_top = o.height - ui::BottomBarHeight();
  const bool standard = o.text_size == TextSize::kStandard;
  auto problem = [&](const ui::Node& n, const std::string& what) { out.problems.push_back(Where(h, n) + ": " + what); };

  float keyboard_top = bar_top;
  for (const ui::Node& n : h.Nodes())
    if (n.role == ui::Role::kKey) keyboard_top = std::min(keyboard_top, n.rect.y - ui::MinTargetPixels() * 0.25f);
  const bool keyboard = keyboard_top < bar_top;

  int primaries = 0, active_fields = 0;
  bool progress_seen = false;
  for (const ui::Node& n : h.Nodes()) {
    ++out.nodes_checked;
    // Sizes of words.
    if (n.role != ui::Role::kImage) {
      if (n.font_px <= 0) problem(n, "drawn without a measured font");
      const float need = n.role == ui::Role::kHeading ? heading : body;
      if (n.font_px + 0.5f < need)
        problem(n, "text " + std::to_string(int(n.font_px)) + " px, under " + std::to_string(int(need)) + " px");
    }
    // Pictures: every sentence and heading has one, at Easy Read size; buttons at 64 px.
    const bool sentence = n.id.rfind("sentence.", 0) == 0;
    if (sentence || n.role == ui::Role::kHeading) {
      const float need = sentence ? sentence_picture : heading_picture;
      if (n.pictogram.empty()) problem(n, "has no picture");
      else if (n.picture_px + 0.5f < need)
        problem(n, "picture " + std::to_string(int(n.picture_px)) + " px, under " + std::to_string(int(need)) + " px");
    }
    if ((n.role == ui::Role::kButton || n.role == ui::Role::kChoice || n.role == ui::Role::kCheckbox) &&
        !n.pictogram.empty() && n.picture_px + 0.5f < button_picture)
      problem(n, "button picture " + std::to_string(int(n.picture_px)) + " px, under " + std::to_string(int(button_picture)));
    // The main action lives in the dock, and only there.
    if (n.primary) {
      ++primaries;
      if (!Near(n.rect.x, dock.x) || !Near(n.rect.y, dock.y) || !Near(n.rect.w, dock.w) || !Near(n.rect.h, dock.h))
        problem(n, "main action outside the dock");
    }
    for (const char* main : {"button.next", "button.send", "button.check", "button.finish"})
      if (n.id == main && !n.primary) problem(n, "a main action drawn as an ordinary button");
    // Honest states.
    if (n.interactive() && n.enabled == n.looks_disabled) problem(n, n.enabled ? "enabled but drawn disabled" : "disabled but drawn like an enabled item");
    if (n.active_field) ++active_fields;
    if (n.id == "progress") {
      progress_seen = true;
      if (!Near(n.rect.x, ui::ColumnLeftForTests()) || n.rect.y > 24.f) problem(n, "progress line out of its place");
    }
    // Nothing under the open keyboard, nothing below the fold at the standard size.
    if (IsBar(n) || n.primary || n.role == ui::Role::kKey || n.id == "progress") continue;
    const float bottom = n.rect.y + n.rect.h;
    if (keyboard && bottom > keyboard_top + 0.5f) problem(n, "under the open keyboard (or scrolled below it)");
    if (standard && !keyboard && (bottom > ui::ContentBottom() + 0.5f || n.rect.y < ui::ContentTop() - 0.5f))
      problem(n, "below the fold: needs scrolling at the standard size");
  }
  if (primaries > 1) out.problems.push_back(h.app().ScreenName() + ": more than one main action");
  const JourneyState& s = h.state();
  if (!s.help_open && !s.idle_warning && active_fields != (s.focused != Field::kNone ? 1 : 0))
    out.problems.push_back(h.app().ScreenName() + ": " + std::to_string(active_fields) + " text boxes drawn as active");
  if (!s.help_open && !s.idle_warning && Progress(s, h.app().policy()) && !progress_seen)
    out.problems.push_back(h.app().ScreenName() + ": a journey screen without 'Step N of M'");
}

void ExpectClean(const SweepResult& r, const std::string& what, std::size_t min_screens) {
  EXPECT_TRUE(r.problems.empty()) << what << ": " << r.problems.size() << " problems\n" << Join(r.problems);
  std::string names;
  for (const auto& s : r.screens) names += s + " ";
  EXPECT_GE(r.screens.size(), min_screens) << what << ": " << names;
}

TEST(Layout, EverySeedPolicyAtTheStandardSizeFitsOneScreen) {
  for (const char* policy : kSeedPolicies) {
    HarnessOptions o;
    o.policy_id = policy;
    ExpectClean(Sweep(o, CheckLayout), policy, 30);
  }
}

TEST(Layout, CheckScreensWithTheRegistersAnswer) {
  for (TextSize size : {TextSize::kStandard, TextSize::kLargest}) {
    SweepResult r;
    HarnessOptions o;
    o.policy_id = "seetec";
    o.text_size = size;
    CheckEveryCheckScreen(o, CheckLayout, r);
    ExpectClean(r, ToString(size), 20);
  }
  // Each seed's other places to go and new dates, at the standard size.
  for (const char* policy : kSeedPolicies) {
    SweepResult r;
    HarnessOptions o;
    o.policy_id = policy;
    CheckEveryCheckScreen(o, CheckLayout, r);
    ExpectClean(r, policy, 20);
  }
}

TEST(Layout, EveryTextSizeInEveryTheme) {
  for (TextSize size : {TextSize::kStandard, TextSize::kLarge, TextSize::kLargest}) {
    for (ThemeId theme : kAllThemeIds) {
      if (size == TextSize::kStandard && theme == ThemeId::kStandard) continue;  // the first test
      HarnessOptions o;
      o.policy_id = size == TextSize::kLarge ? "next-steps" : "seetec";
      o.text_size = size;
      o.theme = theme;
      ExpectClean(Sweep(o, CheckLayout, 45), std::string(ToString(size)) + " " + ToString(theme), 20);
    }
  }
}

TEST(Layout, WelshPolishAndUkrainianFitToo) {
  for (const std::string language : {"cy", "pl", "uk"}) {
    for (const char* policy : {"seetec", "next-steps"}) {
      HarnessOptions o;
      o.policy_id = policy;
      o.language = language;
      ExpectClean(Sweep(o, CheckLayout, 60), language + " " + policy, 20);
    }
  }
}

TEST(Layout, PrintMyReceiptOnTheDoneAndCheckScreensFits) {
  for (TextSize size : {TextSize::kStandard, TextSize::kLargest}) {
    for (const std::string language : {"en-GB", "cy", "pl", "uk"}) {
      if (size == TextSize::kLargest && language != "en-GB") continue;
      SweepResult r;
      HarnessOptions o;
      o.policy_id = "seetec";
      o.text_size = size;
      o.language = language;
      CheckEveryPrintScreen(o, CheckLayout, r);
      ExpectClean(r, std::string(ToString(size)) + " " + language, 32);
    }
  }
}

// Say it instead and help to tell us: the sweep has no microphone, so the record screen in
// each of its moments, and the fullest text question (a kept recording and a help request),
// are set up here in the languages with the longest words.
TEST(Layout, SayItInsteadScreensFitInEveryMoment) {
  for (const std::string language : {"en-GB", "cy", "pl", "uk", "lt"}) {
    HarnessOptions o;
    o.policy_id = "next-steps";
    o.language = language;
    Harness h(o);
    SweepResult r;
    auto show = [&](Step step, VoicePhase phase) {
      JourneyState& s = h.app().mutable_state();
      s.kind = JourneyKind::kComplaint;
      s.voice_available = true;
      s.history = {Place{Step::kWelcome, 0}, Place{Step::kWhatHappened, 0}};
      s.place = Place{step, 0};
      s.aside_from = Step::kWhatHappened;
      s.voice.phase = phase;
      s.voice.elapsed_ms = 83000;
      s.voice.level = 70;
      s.voice.opus = AudioBuffer({1, 2, 3});
      s.personal.recordings = {Recording{SpokenQuestion::kWhatHappened, AudioBuffer({1, 2, 3}), 83000}};
      s.personal.help = {HelpWay::kCallBack, HelpTime::kMorning};
      s.now_ms = h.clock().now_ms;
      s.last_activity_ms = h.clock().now_ms;
      h.Frame(3);
      r.screens.insert(h.app().ScreenName() + "|" + std::to_string(static_cast<int>(phase)));
      CheckLayout(h, r);
    };
    for (VoicePhase phase : {VoicePhase::kReady, VoicePhase::kRecording, VoicePhase::kFinishing, VoicePhase::kRecorded,
                             VoicePhase::kPlaying, VoicePhase::kFailed}) {
      show(Step::kRecord, phase);
    }
    show(Step::kWhatHappened, VoicePhase::kReady);
    show(Step::kAffected, VoicePhase::kReady);
    show(Step::kSubject, VoicePhase::kReady);
    show(Step::kHelpToWrite, VoicePhase::kReady);
    show(Step::kHelpTime, VoicePhase::kReady);
    ExpectClean(r, language, 10);
  }
}

}  // namespace
}  // namespace tellus
