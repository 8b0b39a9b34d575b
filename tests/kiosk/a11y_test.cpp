// Every interactive node on every screen the harness can reach has a spoken label
// and meets the 15 mm minimum; the widget layer records nodes in reading order and
// the dump is valid JSON. Screens are reached by pressing every button on every
// screen found so far (a breadth-first walk), typing into text boxes on the way.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <deque>
#include <set>

#include "kiosk/ui/a11y.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/sweep.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using namespace testing_sweep;

void CheckScreen(Harness& h, SweepResult& out) {
  const std::string screen = h.app().ScreenName();
  const float min = ui::MinTargetPixels();
  for (const ui::Node& n : h.Nodes()) {
    if (!n.interactive()) continue;
    ++out.nodes_checked;
    const std::string where = screen + ": " + ui::ToString(n.role) + " '" + n.label + "' (" + n.id + ")";
    if (n.spoken.empty()) out.problems.push_back(where + " has no spoken text");
    if (n.label.empty()) out.problems.push_back(where + " has no label");
    if (n.rect.w + 0.5f < min || n.rect.h + 0.5f < min)
      out.problems.push_back(where + " is " + std::to_string(int(n.rect.w)) + "x" + std::to_string(int(n.rect.h)) +
                             " px, under " + std::to_string(int(min)) + " px (15 mm)");
    if (n.rect.x < -0.5f || n.rect.x + n.rect.w > h.options().width + 0.5f)
      out.problems.push_back(where + " sticks out of the screen sideways");
    // The bar's own buttons (content scrolled under the bar is merely out of view).
    if (n.id.rfind("bar.", 0) == 0 && n.rect.y + n.rect.h > h.options().height + 0.5f)
      out.problems.push_back(where + " is cut off at the bottom of the bar");
  }
}

TEST(A11ySweep, EverySeedPolicyEveryReachableScreenIsSpokenAndBigEnough) {
  for (const char* policy : kSeedPolicies) {
    HarnessOptions o;
    o.policy_id = policy;
    const SweepResult r = Sweep(o, CheckScreen);
    EXPECT_TRUE(r.problems.empty()) << policy << ":\n" << Join(r.problems);
    // A walk that found only a handful of screens proves nothing.
    EXPECT_GE(r.screens.size(), 30u) << policy;
    EXPECT_GE(r.nodes_checked, 100) << policy;
    std::string names;
    for (const auto& s : r.screens) names += s + " ";
    RecordProperty(std::string("screens_") + policy, names);
  }
}

TEST(A11ySweep, LargestTextInYellowOnBlackStillFits) {
  HarnessOptions o;
  o.policy_id = "seetec";
  o.text_size = TextSize::kLargest;
  o.theme = ThemeId::kYellowOnBlack;
  const SweepResult r = Sweep(o, CheckScreen, 40);
  EXPECT_TRUE(r.problems.empty()) << Join(r.problems);
  std::string names;
  for (const auto& s : r.screens) names += s + " ";
  EXPECT_GE(r.screens.size(), 10u) << names;
}

// The settings (language, text size, colours, touch to hear, switches) are one touch away
// on the welcome screen at every text size and in every language: on screen, above the
// bottom bar, with no scrolling. At the standard size the four ways in are too; at the
// larger sizes the settings come first and the ways in may scroll (issue 9 item 2).
TEST(A11yWelcome, SettingsNeedNoScrollingAtEveryTextSizeAndLanguage) {
  for (TextSize size : {TextSize::kStandard, TextSize::kLarge, TextSize::kLargest}) {
    for (const std::string language : {"en-GB", "cy", "pl", "uk"}) {
      HarnessOptions o;
      o.policy_id = "next-steps";
      o.text_size = size;
      o.language = language;
      Harness h(o);
      const float bar_top = ui::ContentBottom();
      std::vector<std::string> ids{"welcome.language", "welcome.text_size", "welcome.contrast",
                                   "welcome.touch_to_hear", "welcome.scanning"};
      if (size == TextSize::kStandard)
        for (const char* way : {"choice.welcome.compliment", "choice.welcome.complaint", "choice.welcome.check"})
          ids.push_back(way);
      for (const std::string& id : ids) {
        const ui::Node* n = h.TryFindId(id);
        ASSERT_NE(n, nullptr) << id << "\n" << h.Describe();
        EXPECT_GE(n->rect.y, 0.f) << id;
        EXPECT_LE(n->rect.y + n->rect.h, bar_top) << id << " at " << ToString(size) << " in " << language
                                                  << " needs scrolling\n" << h.Describe();
      }
    }
  }
}

TEST(A11ySweep, CheckScreensWithTheRegistersAnswerAreSpokenAndBigEnough) {
  SweepResult r;
  HarnessOptions o;
  o.policy_id = "seetec";
  CheckEveryCheckScreen(o, CheckScreen, r);
  o.text_size = TextSize::kLargest;
  o.theme = ThemeId::kYellowOnBlack;
  CheckEveryCheckScreen(o, CheckScreen, r);
  EXPECT_TRUE(r.problems.empty()) << Join(r.problems);
  EXPECT_EQ(r.screens.size(), 25u);   // with the other places to go and why the next stage
  EXPECT_GE(r.nodes_checked, 100);
}

TEST(A11ySweep, PrintMyReceiptInEachStateIsSpokenAndBigEnough) {
  SweepResult r;
  HarnessOptions o;
  o.policy_id = "seetec";
  CheckEveryPrintScreen(o, CheckScreen, r);
  o.text_size = TextSize::kLargest;
  o.theme = ThemeId::kYellowOnBlack;
  CheckEveryPrintScreen(o, CheckScreen, r);
  EXPECT_TRUE(r.problems.empty()) << Join(r.problems);
  EXPECT_EQ(r.screens.size(), 32u);
  EXPECT_GE(r.nodes_checked, 200);
}

// Each seed's promises on the check screens: a new date with its reason at the last stage,
// every page of its other places to go, and why the person asks for the next stage.
TEST(A11ySweep, EachSeedsCheckScreensWithItsPromisesAreSpokenAndBigEnough) {
  for (const char* policy : kSeedPolicies) {
    SweepResult r;
    HarnessOptions o;
    o.policy_id = policy;
    CheckEveryCheckScreen(o, CheckScreen, r);
    EXPECT_TRUE(r.problems.empty()) << policy << "\n" << Join(r.problems);
    EXPECT_GE(r.nodes_checked, 100) << policy;
  }
}

TEST(A11yIdle, WarningIsSpokenShownAndWipes) {
  HarnessOptions o;
  o.policy_id = "seetec";
  o.warn_after_seconds = 60;
  o.countdown_seconds = 20;
  Harness h(o);
  h.PressId("choice.welcome.compliment");
  ASSERT_NE(h.app().ScreenName(), "welcome");
  h.Advance(61);
  EXPECT_TRUE(h.state().idle_warning) << h.Describe();
  SweepResult r;
  CheckScreen(h, r);
  EXPECT_TRUE(r.problems.empty()) << Join(r.problems);
  h.Advance(21);
  EXPECT_EQ(h.app().ScreenName(), "welcome");
}

TEST(A11yWidgets, MinimumIsFifteenMillimetresAtTheConfiguredDpi) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  // 1920x1080 at 21.5 inches: 102.5 px per inch, 15 mm = 60.5 px.
  EXPECT_NEAR(ui::PixelsPerMillimetre(), 4.035f, 0.01f);
  EXPECT_EQ(ui::MinTargetPixels(), 61.f);
  ui::Settings s = ui::CurrentSettings();
  s.diagonal_inches = 15.6f;
  ui::Configure(s);
  EXPECT_EQ(ui::MinTargetPixels(), 84.f);          // a smaller screen of the same resolution needs more pixels
  s.diagonal_inches = 21.5f;
  ui::Configure(s);
}

TEST(A11yWidgets, NodesInReadingOrderWithStateAndJsonDump) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  bool pressed = false;
  h.DrawWith([&] {
    ui::Heading("Which service?", "service");
    ui::Sentence("Choose one.", "touch");
    ui::Choice("choice.a", "Housing", "Housing", true);
    ui::SameLine();
    ui::Choice("choice.b", "Training", "Training", false);
    ui::ItemStyle disabled;
    disabled.enabled = false;
    ui::Button("next", "Next", "Next", disabled);
    ui::BeginBottomBar();
    ui::ItemStyle back;
    back.shortcut = ui::Shortcut::kBack;
    if (ui::Button("bar.back", "Back", "Go back", back)) pressed = true;
    ui::EndBottomBar();
  });
  h.Frame(2);
  const auto& n = h.Nodes();
  ASSERT_EQ(n.size(), 6u) << h.Describe();
  EXPECT_EQ(n[0].role, ui::Role::kHeading);
  EXPECT_EQ(n[1].role, ui::Role::kText);
  EXPECT_TRUE(n[2].selected);
  EXPECT_FALSE(n[3].selected);
  EXPECT_EQ(n[2].rect.y, n[3].rect.y) << "SameLine puts them side by side";
  EXPECT_FALSE(n[4].enabled);
  EXPECT_GT(n[5].rect.y, n[4].rect.y);
  EXPECT_FALSE(pressed);
}

TEST(A11yWidgets, DisabledCannotBePressedEscapeTriggersBackAndDumpIsJson) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  int next = 0, back = 0;
  h.DrawWith([&] {
    ui::Heading("Title");
    ui::ItemStyle disabled;
    disabled.enabled = false;
    if (ui::Button("next", "Next", "Next", disabled)) ++next;
    ui::ItemStyle b;
    b.shortcut = ui::Shortcut::kBack;
    if (ui::Button("bar.back", "Back", "Go back", b)) ++back;
  });
  h.Frame(2);
  EXPECT_THROW(h.Press("Next"), std::runtime_error);
  const ui::Node n = h.FindId("next");
  h.PressAt(n.rect.x + 5, n.rect.y + 5);
  EXPECT_EQ(next, 0);
  h.Key(GLFW_KEY_ESCAPE);
  EXPECT_EQ(back, 1);
  h.Key(GLFW_KEY_TAB);
  EXPECT_EQ(ui::FocusedId(), "bar.back") << "Tab skips disabled items";
  h.Key(GLFW_KEY_ENTER);
  EXPECT_EQ(back, 2);
  const auto json = nlohmann::json::parse(ui::NodesToJson(h.Nodes(), "test"));
  EXPECT_EQ(json["screen"], "test");
  EXPECT_EQ(json["nodes"].size(), 3u);
  EXPECT_EQ(json["nodes"][2]["label"], "Back");
  EXPECT_EQ(json["nodes"][2]["focused"], true);
}

TEST(A11yWidgets, TouchToHearSpeaksFirstAndActivatesOnSecondTouch) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  int pressed = 0;
  h.DrawWith([&] {
    if (ui::Button("send", "Send", "Send it now")) ++pressed;
  });
  h.Frame(2);
  ui::SetTouchToHear(true);
  ui::TakeSpeechRequests();
  h.Press("Send");
  EXPECT_EQ(pressed, 0);
  const auto spoken = ui::TakeSpeechRequests();
  ASSERT_FALSE(spoken.empty());
  EXPECT_EQ(spoken.back(), "Send it now");
  h.Press("Send");
  EXPECT_EQ(pressed, 1);
  ui::SetTouchToHear(false);
}

}  // namespace
}  // namespace tellus
