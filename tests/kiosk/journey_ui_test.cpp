// Headless UI journeys: real ImGui frames, the real widget layer, screens and app,
// pressing items by label (or by id where a label repeats) with real mouse events,
// and asserting on what the store holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "core/reference.h"
#include "core/submit.h"
#include "easyread/dates.h"
#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"

namespace tellus {
namespace {

using namespace testing_journey;
using testing::Harness;
using testing::HarnessOptions;

const char* const kSeedPolicies[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};

HarnessOptions WithPolicy(const Policy& policy) {
  HarnessOptions options;
  options.policy = policy;
  return options;
}

HarnessOptions Seed(const std::string& id) {
  HarnessOptions options;
  options.policy_id = id;
  return options;
}

Step StepOf(Harness& h) { return h.app().state().place.step; }

// The first frame of a new screen still carries the old screen's scroll; let the layout
// settle before reading a rect to press (a person cannot touch within two frames either).
// Items below the fold are scrolled into view here too: the harness takes any node
// whose top lies below the bar's top for a bar button.
void TapId(Harness& h, const std::string& id) {
  h.Frame(2);
  const ui::Node node = h.FindId(id);
  const float bar_top = h.options().height - ui::BottomBarHeight();
  if (id.rfind("bar.", 0) != 0 && (node.rect.y < 0 || node.rect.y + node.rect.h > bar_top)) {
    ui::SetFocus(id);
    h.Frame(3);
  }
  h.PressId(id);
}
void Tap(Harness& h, const std::string& label, std::optional<ui::Role> role = std::nullopt) {
  h.Frame(2);
  TapId(h, h.Find(label, role).id);
}

void TypeInto(Harness& h, const std::string& field_id, const std::string& text) {
  TapId(h, field_id);
  h.Type(text);
}

// Every interactive node of the screen has a spoken label and the minimum size.
void ExpectAccessible(Harness& h) {
  for (const ui::Node& n : h.Interactive()) {
    if (n.role == ui::Role::kKey) continue;        // the keyboard's own checks live with it
    EXPECT_FALSE(n.spoken.empty()) << n.id << " on " << StepKey(StepOf(h));
    EXPECT_GE(n.rect.h + 0.5f, ui::MinTargetPixels()) << n.id << " on " << StepKey(StepOf(h));
  }
}

// Answers whatever screen is showing, through the UI, until `stop` (or a signpost).
Step UiWalkTo(Harness& h, Step stop, const Answers& a = {}) {
  const Policy& p = h.app().policy();
  for (int i = 0; i < 60 && StepOf(h) != stop && StepOf(h) != Step::kSignpost; ++i) {
    ExpectAccessible(h);
    switch (StepOf(h)) {
      case Step::kEligibility: {
        const auto& q = p.eligibility.at(static_cast<std::size_t>(h.state().place.index));
        Tap(h, q.blocking_answer ? "No" : "Yes");
        break;
      }
      case Step::kExclusions: Tap(h, "None of these"); break;
      case Step::kAnonymous: TapId(h, a.anonymous ? "choice.anonymous.anonymous" : "choice.anonymous.name"); break;
      case Step::kAnonymousMeaning: Tap(h, "Next"); break;
      case Step::kService: Tap(h, p.services.at(0).name); break;
      case Step::kSubject: TypeInto(h, "field.subject", "Amira"); Tap(h, "Next"); break;
      case Step::kPraise: Tap(h, "They were kind"); TypeInto(h, "field.praise", "Patient"); Tap(h, "Next"); break;
      case Step::kCategories: Tap(h, p.categories.at(0).name); Tap(h, "Next"); break;
      case Step::kWhatHappened: TypeInto(h, "field.what_happened", "Nobody called me back"); Tap(h, "Next"); break;
      case Step::kWhen: Tap(h, a.when == "today" ? "Today" : "Yesterday"); break;
      case Step::kWhenOlder: Tap(h, "No"); break;
      case Step::kPickDate: Tap(h, "Next"); break;
      case Step::kAffected: TypeInto(h, "field.affected", "Worried"); Tap(h, "Next"); break;
      case Step::kPutRight: Tap(h, "Next"); break;
      case Step::kName: TypeInto(h, "field.name", "Sam Jones"); Tap(h, "Next"); break;
      case Step::kContact: Tap(h, "Email me"); break;
      case Step::kContactDetails: TypeInto(h, "field.email", "sam@example.org"); Tap(h, "Next"); break;
      case Step::kOnBehalf: Tap(h, a.on_behalf ? "Yes, for someone else" : "No, it is for me"); break;
      case Step::kOnBehalfDetails: TypeInto(h, "field.their_name", "Pat"); Tap(h, "Yes, they said yes"); break;
      case Step::kSupport: Tap(h, "Letters in Easy Read"); Tap(h, "Next"); break;
      case Step::kShare: TapId(h, a.anonymous ? "choice.share.without-name" : "choice.share.with-name"); break;
      case Step::kReview:
        if (h.state().kind != JourneyKind::kComplaint) return StepOf(h);
        Tap(h, "Next");
        break;
      default: return StepOf(h);
    }
  }
  return StepOf(h);
}

TEST(UiJourney, ComplimentByLabelIsStored) {
  Policy policy = NextStepsLike();
  Harness h(WithPolicy(policy));
  Tap(h, "Say thank you");
  Tap(h, "Supported living");
  TypeInto(h, "field.subject", "Amira");
  Tap(h, "Next");
  Tap(h, "They listened to me");
  Tap(h, "Next");
  Tap(h, "Give my name");
  TypeInto(h, "field.name", "Sam");
  Tap(h, "Next");
  Tap(h, "You do not need to contact me");
  Tap(h, "Yes, without my name");
  ASSERT_EQ(StepOf(h), Step::kReview) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Amira"));
  EXPECT_TRUE(h.ShowsText("They listened to me"));
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  ASSERT_TRUE(h.state().receipt);
  EXPECT_TRUE(h.ShowsText(h.state().receipt->reference));
  ASSERT_EQ(h.store().PendingCount(), 1);
  const OutboxItem item = h.store().Pending(1).at(0);
  EXPECT_EQ(item.clear.kind, Kind::kCompliment);
  EXPECT_EQ(item.clear.share, ShareConsent::kWithoutName);
  EXPECT_THAT(item.clear.categories, ::testing::ElementsAre("praise.listened"));
  EXPECT_EQ(item.clear.reference, h.state().receipt->reference);
  Tap(h, "Finish");
  EXPECT_EQ(StepOf(h), Step::kWelcome);
}

TEST(UiJourney, EveryJourneyOfEverySeedPolicy) {
  for (const char* id : kSeedPolicies) {
    SCOPED_TRACE(id);
    Harness h(Seed(id));
    const Policy& policy = h.app().policy();
    std::int64_t stored = 0;
    for (const std::string& choice : WelcomeChoices(policy)) {
      if (choice == "check") continue;
      SCOPED_TRACE(choice);
      TapId(h, "choice.welcome." + choice);
      const Step stop = choice == "complaint" ? Step::kConsent : Step::kReview;
      ASSERT_EQ(UiWalkTo(h, stop), stop) << h.Describe();
      ExpectAccessible(h);
      Tap(h, "Send", ui::Role::kButton);
      ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
      EXPECT_TRUE(h.ShowsText(h.state().receipt->reference));
      ASSERT_EQ(h.store().PendingCount(), ++stored);
      const OutboxItem last = h.store().Pending(100).back();
      EXPECT_EQ(last.clear.kind, ParseKind(choice));
      EXPECT_EQ(last.clear.policy_id, policy.id);
      EXPECT_FALSE(last.clear.anonymous);
      Tap(h, "Finish");
      ASSERT_EQ(StepOf(h), Step::kWelcome);
    }
  }
}

// Harness day: Monday 23 November 2026. Seetec: acknowledge in 3 working days ->
// Thursday 26 November; stage 1 answers in 20 working days, counting from Tuesday 24:
// 24-27 Nov (4), 30 Nov-4 Dec (9), 7-11 Dec (14), 14-18 Dec (19), 21 Dec (20).
TEST(UiJourney, SeetecDoneScreenShowsRealDates) {
  Harness h(Seed("seetec"));
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We will write to you by Thursday 26 November.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We will answer your complaint by Monday 21 December.")) << h.Describe();
  EXPECT_TRUE(h.state().personal.what_happened.empty()) << "the words are wiped once stored";
}

TEST(UiJourney, SeetecEverySignpostOffersAWayOn) {
  Harness h(Seed("seetec"));
  const Policy& p = h.app().policy();
  auto expect_signpost = [&](const std::string& text) {
    ASSERT_EQ(StepOf(h), Step::kSignpost) << h.Describe();
    if (!text.empty()) {
      EXPECT_TRUE(h.ShowsText(text)) << h.Describe();
    }
    ASSERT_NE(h.TryFindId("choice.signpost.start-again"), nullptr);
    EXPECT_NE(h.TryFindId("choice.signpost.compliment"), nullptr) << "never a dead end";
    TapId(h, "choice.signpost.start-again");
    ASSERT_EQ(StepOf(h), Step::kWelcome);
  };
  for (std::size_t i = 0; i < p.eligibility.size(); ++i) {
    Tap(h, "Make a complaint");
    for (std::size_t j = 0; j < i; ++j) Tap(h, p.eligibility[j].blocking_answer ? "No" : "Yes");
    Tap(h, p.eligibility[i].blocking_answer ? "Yes" : "No");
    expect_signpost(p.eligibility[i].signpost);
  }
  for (const Exclusion& exclusion : p.exclusions) {
    Tap(h, "Make a complaint");
    ASSERT_EQ(UiWalkTo(h, Step::kExclusions), Step::kExclusions);
    TapId(h, "choice.exclusions." + exclusion.id);
    expect_signpost(exclusion.signpost);
  }
  Tap(h, "Make a complaint");
  UiWalkTo(h, Step::kAnonymous);
  ASSERT_TRUE(h.ShowsText("We need your name to look at a complaint.")) << h.Describe();
  TapId(h, "choice.anonymous.anonymous");
  expect_signpost(p.anonymous_signpost);

  Tap(h, "Make a complaint");
  UiWalkTo(h, Step::kWhen);
  Tap(h, "Pick a date");
  for (int i = 0; i < 13; ++i) Tap(h, "Month before");
  Tap(h, "Next");
  expect_signpost("");

  Tap(h, "Make a complaint");
  UiWalkTo(h, Step::kOnBehalf);
  Tap(h, "Yes, for someone else");
  Tap(h, "No, not yet");
  expect_signpost("");
}

TEST(UiJourney, NextStepsAnonymousComplaintIsAccepted) {
  Harness h(Seed("next-steps"));
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kAnonymous), Step::kAnonymous);
  Tap(h, "Stay anonymous");
  ASSERT_EQ(StepOf(h), Step::kAnonymousMeaning);
  EXPECT_TRUE(h.ShowsText("We cannot write to you."));
  ASSERT_EQ(UiWalkTo(h, Step::kConsent, {.anonymous = true}), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We cannot write to you."));
  EXPECT_TRUE(h.ShowsText(h.state().receipt->tracking_code)) << "an anonymous person still gets a receipt";
  const OutboxItem item = h.store().Pending(1).at(0);
  EXPECT_TRUE(item.clear.anonymous);
}

TEST(UiJourney, ReviewChangeReturnsToReview) {
  Harness h(WithPolicy(SeetecLike()));
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kReview), Step::kReview) << h.Describe();
  ASSERT_TRUE(h.ShowsText("Nobody called me back"));
  TapId(h, "review.change.what_happened");
  ASSERT_EQ(StepOf(h), Step::kWhatHappened);
  TypeInto(h, "field.what_happened", " twice");
  Tap(h, "Next");
  ASSERT_EQ(StepOf(h), Step::kReview) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Nobody called me back twice"));
}

TEST(UiJourney, TextLimitIsShownAndRefused) {
  Harness h(WithPolicy(SeetecLike()));
  Tap(h, "Make a complaint");
  UiWalkTo(h, Step::kName);
  TapId(h, "field.name");
  const int limit = FieldLimit(Field::kName);
  h.Type(std::string(static_cast<std::size_t>(limit + 2), 'a'));
  EXPECT_EQ(CountCodePoints(h.state().personal.person.name), limit);
  EXPECT_TRUE(h.ShowsText("That is too long. Please make it shorter.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText(std::to_string(limit) + " of " + std::to_string(limit))) << h.Describe();
}

TEST(UiJourney, IdleWarningThenWipe) {
  HarnessOptions options = WithPolicy(SeetecLike());
  options.warn_after_seconds = 60;
  options.countdown_seconds = 20;
  Harness h(options);
  Tap(h, "Make a complaint");
  UiWalkTo(h, Step::kWhatHappened);
  TypeInto(h, "field.what_happened", "private words");
  h.Advance(61);
  ASSERT_TRUE(h.Has("Do you need more time?")) << h.Describe();
  Tap(h, "Yes, I need more time");
  EXPECT_FALSE(h.state().idle_warning);
  EXPECT_TRUE(h.ShowsText("private words"));
  h.Advance(61);
  ASSERT_TRUE(h.state().idle_warning);
  h.Advance(21);
  EXPECT_EQ(StepOf(h), Step::kWelcome);
  EXPECT_TRUE(h.state().personal.what_happened.empty());
  EXPECT_FALSE(h.ShowsText("private words"));
}

TEST(UiJourney, CommitFailureKeepsWhatTheyWrote) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("tellus-ui-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  HarnessOptions options = WithPolicy(SeetecLike());
  options.store_path = (dir / "outbox.db").string();
  {
    Harness h(options);
    Tap(h, "Make a complaint");
    ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(options.store_path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    Tap(h, "Send", ui::Role::kButton);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_EQ(StepOf(h), Step::kConsent) << h.Describe();
    EXPECT_TRUE(h.ShowsText("Sorry, this did not save. Please ask a member of staff.")) << h.Describe();
    EXPECT_EQ(h.state().personal.what_happened, "Nobody called me back");
    EXPECT_EQ(h.store().PendingCount(), 0);
    Tap(h, "Send", ui::Role::kButton);             // the lock is gone: it saves now
    EXPECT_EQ(StepOf(h), Step::kDone) << h.Describe();
    EXPECT_EQ(h.store().PendingCount(), 1);
  }
  std::filesystem::remove_all(dir);
}

TEST(UiJourney, CheckMyComplaintSaysHonestlyItCannotCheckYet) {
  Harness h(WithPolicy(SeetecLike()));
  Tap(h, "Check my complaint");
  TypeInto(h, "field.reference", "SG-0000-0000");
  TypeInto(h, "field.tracking_code", "7D2K9QX4MB");
  Tap(h, "Check");
  EXPECT_TRUE(h.ShowsText("That reference is not right. Please check it.")) << h.Describe();
  TapId(h, "field.reference");
  h.Key(259 /* GLFW_KEY_BACKSPACE */);
  for (int i = 0; i < 20; ++i) h.Key(259);
  h.Type(FormatReference({"SG", 7, 42}));
  Tap(h, "Check");
  ASSERT_EQ(StepOf(h), Step::kCheckResult) << h.Describe();
  EXPECT_TRUE(h.Has("We cannot check right now")) << h.Describe();
}

}  // namespace
}  // namespace tellus
