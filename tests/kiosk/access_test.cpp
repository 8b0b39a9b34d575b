// Access, headless: touch to hear, switch scanning (one switch automatic, two switches
// step by step), the read-along word highlight, typed echo, codes and dates as spoken,
// and the About screen. Whole compliment journeys are completed by each way in, and
// the stored submission is checked in the store.
#include <GLFW/glfw3.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <memory>

#include "core/reference.h"
#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;

// What a RecordingSpeaker was asked to say, and the word it pretends to be reading.
struct SpeechLog {
  std::vector<std::string> said;
  std::string heard_text;
  int heard_offset = -1;
};

class RecordingSpeaker : public Speaker {
 public:
  explicit RecordingSpeaker(std::shared_ptr<SpeechLog> log) : log_(std::move(log)) {}
  void Say(const std::string& text, const std::string&) override { log_->said.push_back(text); }
  void Enqueue(const std::string& text, const std::string&) override { log_->said.push_back(text); }
  void Stop() override {}
  bool Speaking() const override { return log_->heard_offset >= 0; }
  void Play(Earcon) override {}
  void Configure(const SpeechSettings&) override {}
  int CurrentWordOffset() const override { return log_->heard_offset; }
  std::string CurrentText() const override { return log_->heard_text; }
  bool HasAudio() const override { return true; }
  std::string Status() const override { return "recording"; }

 private:
  std::shared_ptr<SpeechLog> log_;
};

HarnessOptions Recorded(const std::shared_ptr<SpeechLog>& log) {
  HarnessOptions o;
  o.policy = testing_journey::NextStepsLike();
  o.make_speaker = [log] { return std::make_unique<RecordingSpeaker>(log); };
  return o;
}

Step StepOf(Harness& h) { return h.state().place.step; }

std::string IdOf(Harness& h, const std::string& label, std::optional<ui::Role> role = std::nullopt) {
  h.Frame(2);
  return h.Find(label, role).id;
}

// The compliment every way in makes: Supported living, "They listened to me",
// anonymous, share without the name.
void ExpectStoredCompliment(Harness& h) {
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  ASSERT_EQ(h.store().PendingCount(), 1);
  const OutboxItem item = h.store().Pending(1).at(0);
  EXPECT_EQ(item.clear.kind, Kind::kCompliment);
  EXPECT_TRUE(item.clear.anonymous);
  EXPECT_EQ(item.clear.service_id, "supported-living");
  EXPECT_THAT(item.clear.categories, ::testing::ElementsAre("praise.listened"));
  EXPECT_EQ(item.clear.share, ShareConsent::kWithoutName);
  EXPECT_EQ(item.clear.reference, h.state().receipt->reference);
}

// The labels the compliment walk chooses, screen by screen (Easy Read, en-GB).
const std::vector<std::pair<std::string, std::optional<ui::Role>>> kComplimentWalk = {
    {"Say thank you", std::nullopt},    {"Supported living", std::nullopt},
    {"Next", ui::Role::kButton},         // subject: optional, left empty
    {"They listened to me", std::nullopt}, {"Next", ui::Role::kButton},
    {"Stay anonymous", std::nullopt},   {"Yes, without my name", std::nullopt},
    {"Send", ui::Role::kButton},
};

// ---- scanner order ------------------------------------------------------------

ui::Node Item(const std::string& id, ui::Role role, bool enabled = true) {
  ui::Node n;
  n.id = id;
  n.role = role;
  n.label = id;
  n.spoken = id;
  n.enabled = enabled;
  return n;
}

TEST(Scanner, ReadingOrderSkipsTextAndDisabledAndReachesTheBar) {
  const std::vector<ui::Node> nodes = {Item("heading", ui::Role::kHeading),  Item("choice.a", ui::Role::kChoice),
                                       Item("next", ui::Role::kButton, false), Item("sentence.3", ui::Role::kText),
                                       Item("field.name", ui::Role::kTextField), Item("key.a", ui::Role::kKey),
                                       Item("bar.back", ui::Role::kButton),   Item("bar.listen", ui::Role::kButton)};
  EXPECT_THAT(ui::ScanOrder(nodes), ::testing::ElementsAre("choice.a", "field.name", "key.a", "bar.back", "bar.listen"));
  EXPECT_EQ(ui::NextScanId(nodes, ""), "choice.a") << "nothing highlighted: start at the top";
  EXPECT_EQ(ui::NextScanId(nodes, "", true), "bar.listen");
  EXPECT_EQ(ui::NextScanId(nodes, "choice.a"), "field.name");
  EXPECT_EQ(ui::NextScanId(nodes, "bar.back"), "bar.listen");
  EXPECT_EQ(ui::NextScanId(nodes, "bar.listen"), "choice.a") << "wraps to the top";
  EXPECT_EQ(ui::NextScanId(nodes, "choice.a", true), "bar.listen") << "wraps backwards";
  EXPECT_EQ(ui::NextScanId(nodes, "gone"), "choice.a");
  EXPECT_EQ(ui::NextScanId({Item("heading", ui::Role::kHeading)}, ""), "");
}

// Twenty wide buttons (more than a screen) and a bar.
struct ManyItems {
  std::vector<int> pressed = std::vector<int>(20, 0);
  int back = 0;
  void Draw() {
    ui::Heading("Pick one");
    for (int i = 0; i < 20; ++i) {
      ui::ItemStyle wide;
      wide.wide = true;
      const std::string n = std::to_string(i);
      if (ui::Button("b" + n, "Item " + n, "Item " + n, wide)) ++pressed[static_cast<std::size_t>(i)];
    }
    ui::BeginBottomBar();
    if (ui::Button("bar.back", "Back", "Go back")) ++back;
    ui::EndBottomBar();
  }
};

bool InView(const ui::Node& n) { return n.rect.y >= -0.5f && n.rect.y + n.rect.h <= ui::ContentBottom() + 0.5f; }

TEST(Scanner, AutoMovesEveryStepScrollsBelowTheFoldWrapsAndSpaceChooses) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  ManyItems items;
  h.DrawWith([&] { items.Draw(); });
  h.Frame(2);
  ASSERT_FALSE(InView(h.FindId("b19"))) << "the test needs items below the fold";
  ui::SetScanning(ScanMode::kAuto, 1.5);
  h.Frame(1);
  EXPECT_EQ(ui::FocusedId(), "b0") << "scanning starts at the top";
  EXPECT_NEAR(ui::SecondsToNextScan(h.clock().now_ms / 1000.0), 1.5, 0.05);
  h.Advance(1.0);
  EXPECT_EQ(ui::FocusedId(), "b0");
  h.Advance(0.5);
  EXPECT_EQ(ui::FocusedId(), "b1") << "one step every 1.5 s";
  for (int i = 0; i < 80 && ui::FocusedId() != "b19"; ++i) h.Advance(0.5);
  ASSERT_EQ(ui::FocusedId(), "b19");
  h.Frame(3);
  EXPECT_TRUE(InView(h.FindId("b19"))) << "the highlight scrolls into view:\n" << h.Describe();
  for (int i = 0; i < 4 && ui::FocusedId() != "bar.back"; ++i) h.Advance(0.5);
  EXPECT_EQ(ui::FocusedId(), "bar.back") << "the bottom bar is scanned too";
  h.Advance(1.5);
  EXPECT_EQ(ui::FocusedId(), "b0") << "and it wraps";
  h.Advance(1.5);
  h.Advance(1.5);
  h.Advance(1.5);
  ASSERT_EQ(ui::FocusedId(), "b3");
  h.Key(GLFW_KEY_SPACE);
  EXPECT_EQ(items.pressed[3], 1);
  EXPECT_EQ(std::count(items.pressed.begin(), items.pressed.end(), 1), 1);
  const auto spoken = ui::TakeSpeechRequests();
  EXPECT_NE(std::find(spoken.begin(), spoken.end(), "Item 3"), spoken.end()) << "each highlighted item is spoken";
  ui::SetScanning(ScanMode::kOff, 1.5);
}

TEST(Scanner, StepTabOrEnterMovesSpaceChooses) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  ManyItems items;
  h.DrawWith([&] { items.Draw(); });
  ui::SetScanning(ScanMode::kStep, 1.5);
  h.Frame(2);
  EXPECT_EQ(ui::FocusedId(), "") << "step scanning waits for the move switch";
  EXPECT_LT(ui::SecondsToNextScan(h.clock().now_ms / 1000.0), 0) << "no timer";
  h.Key(GLFW_KEY_TAB);
  EXPECT_EQ(ui::FocusedId(), "b0");
  h.Key(GLFW_KEY_ENTER);
  EXPECT_EQ(ui::FocusedId(), "b1") << "Enter moves too, and does not choose";
  EXPECT_EQ(items.pressed[0] + items.pressed[1], 0);
  h.Key(GLFW_KEY_TAB, false, false, true);
  EXPECT_EQ(ui::FocusedId(), "b0") << "Shift+Tab goes back";
  h.Key(GLFW_KEY_TAB, false, false, true);
  EXPECT_EQ(ui::FocusedId(), "bar.back") << "backwards wraps to the bar";
  h.Key(GLFW_KEY_SPACE);
  EXPECT_EQ(items.back, 1);
  h.Advance(10);
  EXPECT_EQ(ui::FocusedId(), "bar.back") << "no automatic moves";
  ui::SetScanning(ScanMode::kOff, 1.5);
}

// ---- touch to hear ----------------------------------------------------------------

TEST(TouchToHear, SlidingSpeaksEachItemPassedAndTheNextTouchChoosesWhereItEnded) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  int pressed[3] = {0, 0, 0};
  h.DrawWith([&] {
    for (int i = 0; i < 3; ++i) {
      ui::ItemStyle wide;
      wide.wide = true;
      if (ui::Button("b" + std::to_string(i), "Item " + std::to_string(i), "Spoken " + std::to_string(i), wide))
        ++pressed[i];
    }
  });
  h.Frame(2);
  ui::SetTouchToHear(true);
  ui::TakeSpeechRequests();
  auto centre = [&](const std::string& id) {
    const ui::Node n = h.FindId(id);
    return ImVec2(n.rect.x + n.rect.w / 2, n.rect.y + n.rect.h / 2);
  };
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = centre("b0");
  h.Frame(1);
  io.MouseDown[0] = true;
  h.Frame(1);
  io.MousePos = centre("b1");
  h.Frame(1);
  io.MousePos = centre("b2");
  h.Frame(1);
  io.MouseDown[0] = false;
  h.Frame(2);
  EXPECT_THAT(ui::TakeSpeechRequests(), ::testing::ElementsAre("Spoken 0", "Spoken 1", "Spoken 2"));
  EXPECT_EQ(pressed[0] + pressed[1] + pressed[2], 0) << "sliding never chooses";
  EXPECT_EQ(ui::FocusedId(), "b2");
  h.PressId("b2");
  EXPECT_EQ(pressed[2], 1) << "a touch on the item the slide ended on chooses it";
  EXPECT_TRUE(ui::TakeSpeechRequests().empty()) << "the choosing touch is not spoken again";
  h.PressId("b0");
  EXPECT_EQ(pressed[0], 0);
  EXPECT_THAT(ui::TakeSpeechRequests(), ::testing::ElementsAre("Spoken 0")) << "spoken once per first touch";
  h.Key(GLFW_KEY_ENTER);
  EXPECT_EQ(pressed[0], 1) << "Enter chooses the touched item";
  ui::SetTouchToHear(false);
}

// A plain touch, scrolling the item into view first as a person would.
void Touch(Harness& h, const std::string& id) {
  h.Frame(2);
  if (id.rfind("bar.", 0) != 0 && !InView(h.FindId(id))) {
    ui::SetFocus(id);
    h.Frame(3);
  }
  h.PressId(id);
}

// First touch: spoken once, nothing else changes; second touch: chosen.
void TouchTwice(Harness& h, SpeechLog& log, const std::string& id) {
  h.Frame(2);
  const ui::Node node = h.FindId(id);
  if (id.rfind("bar.", 0) != 0 && !InView(node)) {
    ui::SetFocus(id);                              // scroll it into view (a person drags the page)
    h.Frame(3);
    ui::SetFocus("");
    h.Frame(1);
  }
  const Place before = h.state().place;
  log.said.clear();
  h.PressId(id);
  ASSERT_FALSE(log.said.empty()) << id << " was not spoken";
  EXPECT_EQ(log.said.back(), node.spoken) << id;
  EXPECT_EQ(std::count(log.said.begin(), log.said.end(), node.spoken), 1) << id << " spoken more than once";
  EXPECT_EQ(h.state().place, before) << "the first touch on " << id << " only speaks";
  EXPECT_EQ(ui::FocusedId(), id);
  h.PressId(id);
}

TEST(AccessJourney, ComplimentWithTouchToHearByTouchesOnly) {
  auto log = std::make_shared<SpeechLog>();
  Harness h(Recorded(log));
  log->said.clear();
  h.PressId("welcome.touch_to_hear");             // one touch from welcome, said aloud
  ASSERT_TRUE(h.state().settings.touch_to_hear);
  ASSERT_FALSE(log->said.empty());
  EXPECT_EQ(log->said.back(), "Touch to hear is on. Touch a button once to hear it. Touch it again to choose it.");
  for (const auto& [label, role] : kComplimentWalk) {
    SCOPED_TRACE(label);
    TouchTwice(h, *log, IdOf(h, label, role));
  }
  ExpectStoredCompliment(h);
  TouchTwice(h, *log, IdOf(h, "Finish"));
  EXPECT_EQ(StepOf(h), Step::kWelcome);
  EXPECT_FALSE(h.state().settings.touch_to_hear) << "the next person starts with the defaults";
  h.Frame(1);
  EXPECT_FALSE(ui::TouchToHear());
}

TEST(AccessJourney, TouchToHearIsResetByTheIdleWipe) {
  auto log = std::make_shared<SpeechLog>();
  HarnessOptions o = Recorded(log);
  o.warn_after_seconds = 30;
  o.countdown_seconds = 20;
  Harness h(o);
  h.PressId("welcome.touch_to_hear");
  ASSERT_TRUE(ui::TouchToHear());
  h.Advance(55);
  EXPECT_FALSE(h.state().settings.touch_to_hear);
  EXPECT_FALSE(ui::TouchToHear());
}

// ---- switch scanning -----------------------------------------------------------------

// One switch: only the clock moves the highlight; the switch (Space) chooses.
// Returns how much `log` held just before the press.
std::size_t AutoScanChoose(Harness& h, const std::string& id, const SpeechLog* log = nullptr) {
  for (int i = 0; i < 400; ++i) {
    if (ui::FocusedId() == id) {
      const std::size_t said = log ? log->said.size() : 0;
      h.Key(GLFW_KEY_SPACE);
      return said;
    }
    h.Advance(0.25);
  }
  ADD_FAILURE() << "the highlight never reached " << id << "\n" << h.Describe();
  return 0;
}

// Two switches: Tab or Enter moves (alternately here), Space chooses.
void StepScanChoose(Harness& h, const std::string& id) {
  h.Frame(2);
  for (int i = 0; i < 200; ++i) {
    if (ui::FocusedId() == id) {
      h.Key(GLFW_KEY_SPACE);
      return;
    }
    h.Key(i % 2 ? GLFW_KEY_ENTER : GLFW_KEY_TAB);
  }
  FAIL() << "stepping never reached " << id << "\n" << h.Describe();
}

TEST(AccessJourney, ComplimentByOneSwitchAutoScanning) {
  auto log = std::make_shared<SpeechLog>();
  HarnessOptions o = Recorded(log);
  o.scanning = ScanMode::kAuto;
  o.scan_seconds = 1.5;
  Harness h(o);
  std::size_t from = 0;                            // what was said since the last choice
  for (const auto& [label, role] : kComplimentWalk) {
    SCOPED_TRACE(label);
    const std::string id = IdOf(h, label, role);
    const std::string spoken = h.FindId(id).spoken;
    const std::size_t before_press = AutoScanChoose(h, id, log.get());
    EXPECT_NE(std::find(log->said.begin() + static_cast<std::ptrdiff_t>(from),
                        log->said.begin() + static_cast<std::ptrdiff_t>(before_press), spoken),
              log->said.begin() + static_cast<std::ptrdiff_t>(before_press))
        << "the highlighted item is spoken before it is chosen: " << spoken;
    from = before_press;
  }
  ExpectStoredCompliment(h);
}

TEST(AccessJourney, ComplimentByTwoSwitchStepScanning) {
  auto log = std::make_shared<SpeechLog>();
  HarnessOptions o = Recorded(log);
  o.scanning = ScanMode::kStep;
  Harness h(o);
  for (const auto& [label, role] : kComplimentWalk) {
    SCOPED_TRACE(label);
    const std::string id = IdOf(h, label, role);
    const std::string spoken = h.FindId(id).spoken;
    const std::size_t from = log->said.size();
    StepScanChoose(h, id);
    EXPECT_NE(std::find(log->said.begin() + static_cast<std::ptrdiff_t>(from), log->said.end(), spoken),
              log->said.end())
        << "the highlighted item is spoken: " << spoken;
  }
  ExpectStoredCompliment(h);
}

TEST(AccessJourney, StepScanningTypesWithTheOnScreenKeyboard) {
  HarnessOptions o;
  o.policy = testing_journey::NextStepsLike();
  o.scanning = ScanMode::kStep;
  Harness h(o);
  StepScanChoose(h, "choice.welcome.compliment");
  StepScanChoose(h, IdOf(h, "Supported living"));
  ASSERT_EQ(StepOf(h), Step::kSubject) << h.Describe();
  StepScanChoose(h, "field.subject");
  h.Frame(2);
  ASSERT_TRUE(ui::KeyboardShown());
  for (const char* key : {"key.shift", "key.key.j", "key.key.o"}) StepScanChoose(h, key);
  EXPECT_EQ(*FieldText(h.state(), Field::kSubject), "Jo");
  StepScanChoose(h, IdOf(h, "Next", ui::Role::kButton));
  EXPECT_EQ(StepOf(h), Step::kPraise);
}

TEST(AccessJourney, ScanningReachesTheBarAndStartsAgainOnEachScreen) {
  HarnessOptions o;
  o.policy = testing_journey::NextStepsLike();
  o.scanning = ScanMode::kStep;
  Harness h(o);
  StepScanChoose(h, "choice.welcome.compliment");
  h.Frame(2);
  EXPECT_EQ(ui::FocusedId(), "") << "a new screen starts with no highlight";
  StepScanChoose(h, "bar.help");
  EXPECT_TRUE(h.state().help_open) << h.Describe();
  StepScanChoose(h, "help.about");
  EXPECT_EQ(StepOf(h), Step::kAbout);
  StepScanChoose(h, "bar.back");
  EXPECT_EQ(StepOf(h), Step::kService);
}

TEST(AccessJourney, WelcomeCyclesScanningAndSaysEachMode) {
  auto log = std::make_shared<SpeechLog>();
  Harness h(Recorded(log));
  h.PressId("welcome.scanning");
  EXPECT_EQ(h.state().settings.scanning, ScanMode::kAuto);
  EXPECT_THAT(log->said,
              ::testing::Contains("One switch button is on. The light moves by itself. Press your switch button to choose."));
  EXPECT_EQ(ui::Scanning(), ScanMode::kAuto);
  h.PressId("welcome.scanning");
  EXPECT_EQ(h.state().settings.scanning, ScanMode::kStep);
  h.PressId("welcome.scanning");
  EXPECT_EQ(h.state().settings.scanning, ScanMode::kOff);
  EXPECT_EQ(log->said.back(), "Switch buttons are off.");
  h.Frame(1);
  EXPECT_EQ(ui::Scanning(), ScanMode::kOff);
}

// ---- speech ----------------------------------------------------------------------------

TEST(ReadAlong, TheWordBeingHeardIsHighlightedInItsSentence) {
  HarnessOptions o;
  o.with_app = false;
  Harness h(o);
  const std::string sentence = "You can say thank you.";
  std::string long_one = "This sentence is long enough to wrap";
  for (int i = 0; i < 8; ++i) long_one += " onto another line of the screen";
  long_one += " so the last word sits lower.";
  h.DrawWith([&] {
    ui::Sentence(sentence);
    ui::Sentence(long_one);
  });
  h.Frame(2);
  EXPECT_FALSE(ui::SpokenWordRect());
  ui::SetSpokenWord(sentence, 8);                  // "say"
  h.Frame(2);
  const ui::Node first = h.Nodes().at(0);
  ASSERT_TRUE(ui::SpokenWordRect());
  const ui::Rect say = *ui::SpokenWordRect();
  EXPECT_GT(say.x, first.rect.x + 10);
  EXPECT_LT(say.w, first.rect.w / 3);
  EXPECT_GE(say.y, first.rect.y - 0.5f);
  ui::SetSpokenWord(long_one, static_cast<int>(long_one.rfind(' ') + 1));
  h.Frame(2);
  const ui::Node second = h.Nodes().at(1);
  ASSERT_TRUE(ui::SpokenWordRect());
  EXPECT_GT(ui::SpokenWordRect()->y, second.rect.y + 10) << "the last word is on a lower line:\n" << h.Describe();
  ui::SetSpokenWord("", -1);
  h.Frame(2);
  EXPECT_FALSE(ui::SpokenWordRect());
}

TEST(ReadAlong, TheAppFollowsTheSpeakerAndWakesForEachWord) {
  auto log = std::make_shared<SpeechLog>();
  Harness h(Recorded(log));
  const std::string title = h.Nodes().at(0).label;
  ASSERT_EQ(title, "Tell us what you think");
  log->heard_text = title;
  log->heard_offset = 8;                           // "what"
  EXPECT_EQ(h.app().SecondsToNextWake(h.clock()), 0) << "a new word needs a frame";
  h.Frame(2);
  ASSERT_TRUE(ui::SpokenWordRect());
  EXPECT_GT(h.app().SecondsToNextWake(h.clock()), 0) << "the same word: no busy loop";
  EXPECT_LT(h.app().SecondsToNextWake(h.clock()), 0.1);
  log->heard_offset = 13;
  EXPECT_EQ(h.app().SecondsToNextWake(h.clock()), 0);
  log->heard_offset = -1;
  EXPECT_EQ(h.app().SecondsToNextWake(h.clock()), 0) << "speech ended: one more frame clears the highlight";
  h.Frame(2);
  EXPECT_FALSE(ui::SpokenWordRect());
  EXPECT_LT(h.app().SecondsToNextWake(h.clock()), 0) << "then idle is free again";
}

TEST(SpokenForm, TypedLettersAndWordsAreEchoedWhenListenIsOn) {
  auto log = std::make_shared<SpeechLog>();
  Harness h(Recorded(log));
  h.PressId("choice.welcome.compliment");
  h.PressId(IdOf(h, "Supported living"));
  ASSERT_EQ(StepOf(h), Step::kSubject) << h.Describe();
  h.PressId("field.subject");
  h.Type("Al");
  log->said.clear();
  h.Type(" ");
  EXPECT_TRUE(log->said.empty()) << "Listen is off: no echo";
  h.PressId("bar.listen");
  log->said.clear();
  h.Type("Jo ");
  EXPECT_THAT(log->said, ::testing::ElementsAre("capital J", "o", "space", "Jo"));
  h.PressId("key.symbols");                        // @ is on the "123" page
  log->said.clear();
  h.PressId("key.key.@");
  EXPECT_THAT(log->said, ::testing::Contains("at")) << "on-screen keys are echoed too";
}

TEST(SpokenForm, ReferenceLetterByLetterAndDatesAsWeSayThem) {
  auto log = std::make_shared<SpeechLog>();
  Harness h(Recorded(log));
  for (const auto& [label, role] : kComplimentWalk) Touch(h, IdOf(h, label, role));
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  const Receipt receipt = *h.state().receipt;
  const ui::Node& code = h.FindId("code." + receipt.reference);
  EXPECT_EQ(code.spoken, SpokenCode(receipt.reference));
  EXPECT_THAT(code.spoken, ::testing::MatchesRegex("N S\\. . . . .\\. . . . ."));
  EXPECT_EQ(h.FindId("code." + receipt.tracking_code).spoken, SpokenCode(receipt.tracking_code));
  h.PressId("bar.listen");
  EXPECT_NE(std::find(log->said.begin(), log->said.end(), SpokenCode(receipt.reference)), log->said.end())
      << "the screen read aloud says the reference letter by letter";
  h.Frame(2);
  EXPECT_TRUE(h.ShowsText(h.state().receipt->reference));
}

// ---- About --------------------------------------------------------------------------

TEST(About, FromWelcomeAndFromHelpWithTheCredits) {
  Harness h(Recorded(std::make_shared<SpeechLog>()));
  h.PressId("welcome.about");
  ASSERT_EQ(h.app().ScreenName(), "about");
  EXPECT_TRUE(h.Has("About this kiosk"));
  // Easy Read says what the licence lets people do before naming it.
  EXPECT_TRUE(h.ShowsText("Anyone may share the pictures for free. They must say the pictures come from OpenMoji."))
      << h.Describe();
  EXPECT_TRUE(h.ShowsText("The licence for the pictures is called CC BY-SA 4.0.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("A computer made the other languages."));
  const std::string credits =
      "Pictograms: OpenMoji (openmoji.org), CC BY-SA 4.0. Speech: eSpeak NG. Font: Andika by SIL (OFL).";
  EXPECT_FALSE(h.ShowsText(credits)) << "the exact credit line is for More detail (Standard wording)";
  h.PressId("bar.back");
  h.PressId("welcome.wording");
  h.PressId("welcome.about");
  EXPECT_TRUE(h.ShowsText(credits)) << h.Describe();
  h.PressId("bar.back");
  h.PressId("welcome.wording");
  EXPECT_EQ(h.app().ScreenName(), "welcome");
  h.PressId("choice.welcome.compliment");
  h.PressId("bar.help");
  h.PressId("help.about");
  EXPECT_EQ(h.app().ScreenName(), "about") << h.Describe();
  h.PressId("bar.back");
  EXPECT_EQ(StepOf(h), Step::kService);
}

}  // namespace
}  // namespace tellus
