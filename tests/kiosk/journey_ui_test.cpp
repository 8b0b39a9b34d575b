// Headless UI journeys: real ImGui frames, the real widget layer, screens and app,
// pressing items by label (or by id where a label repeats) with real mouse events,
// and asserting on what the store holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "core/reference.h"
#include "core/submit.h"
#include "easyread/checks.h"
#include "easyread/dates.h"
#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus {
namespace {

using namespace testing_journey;
using testing::Harness;
using testing::HarnessOptions;
using namespace testing_ui;

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
      // Works for Us keeps no name with a comment ("The customers name will not be included").
      EXPECT_EQ(last.clear.anonymous, choice == "comment" && !policy.comments_keep_name);
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
  EXPECT_TRUE(h.ShowsText("We will contact you by Thursday 26 November.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We will answer your complaint by Monday 21 December.")) << h.Describe();
  EXPECT_TRUE(h.state().personal.what_happened.empty()) << "the words are wiped once stored";
}

TEST(UiJourney, SeetecEverySignpostOffersAWayOn) {
  Harness h(Seed("seetec"));
  const Policy& p = h.app().policy();
  auto expect_signpost = [&](const PolicyText& text) {
    ASSERT_EQ(StepOf(h), Step::kSignpost) << h.Describe();
    // The policy's Easy Read sentences, each with its own picture, all of them.
    for (const EasyReadSentence& sentence : text.easy_read) {
      const ui::Node* node = h.TryFind(sentence.text);
      ASSERT_NE(node, nullptr) << sentence.text << "\n" << h.Describe();
      EXPECT_EQ(node->pictogram, sentence.picture) << sentence.text;
    }
    ASSERT_NE(h.TryFindId("choice.signpost.start-again"), nullptr);
    EXPECT_NE(h.TryFindId("choice.signpost.compliment"), nullptr) << "never a dead end";
    TapId(h, "choice.signpost.start-again");
    ASSERT_EQ(StepOf(h), Step::kWelcome);
  };
  for (std::size_t i = 0; i < p.eligibility.size(); ++i) {
    if (p.eligibility[i].asked_when != AnswerMark::kNone) continue;   // only about someone who has died
    Tap(h, "Make a complaint");
    for (std::size_t j = 0; j < i; ++j) {
      if (p.eligibility[j].asked_when != AnswerMark::kNone) continue;
      Tap(h, p.eligibility[j].questions[0].blocking_answer ? "No" : "Yes");
    }
    for (const YesNoQuestion& q : p.eligibility[i].questions) Tap(h, q.blocking_answer ? "Yes" : "No");
    expect_signpost(p.eligibility[i].signpost);
  }
  for (const Exclusion& exclusion : p.exclusions) {
    Tap(h, "Make a complaint");
    ASSERT_EQ(UiWalkTo(h, Step::kExclusions), Step::kExclusions);
    for (int page = 0; page < 4 && !h.TryFindId("choice.exclusions." + exclusion.id); ++page) TapId(h, "list.more");
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
  Tap(h, "More than a year ago");                  // the grid refuses such days, saying why (dates_ui_test.cpp)
  expect_signpost(PolicyText{});

  Tap(h, "Make a complaint");
  UiWalkTo(h, Step::kOnBehalf);
  Tap(h, "Yes, for someone else");
  Tap(h, "No, not yet");
  expect_signpost({});
}

// Seetec 2.3.2 as two single questions, each in Easy Read with its own picture; the person
// whose events were long ago but who found out recently goes on to the next question.
TEST(UiJourney, SeetecCompoundQuestionIsTwoEasyReadQuestions) {
  Harness h(Seed("seetec"));
  Tap(h, "Make a complaint");
  const ui::Node* first = h.TryFind("Did this happen more than 12 months ago?");
  ASSERT_NE(first, nullptr) << h.Describe();
  EXPECT_EQ(first->pictogram, "calendar");
  EXPECT_FALSE(h.ShowsText("Did this happen more than 12 months ago, and did you know about it more than 12 months ago?"));
  Tap(h, "Yes");
  const ui::Node* second = h.TryFind("Did you find out about it more than 12 months ago?");
  ASSERT_NE(second, nullptr) << h.Describe();
  EXPECT_EQ(second->pictogram, "idea");
  Tap(h, "No");                                    // found out recently: still in time
  EXPECT_EQ(StepOf(h), Step::kEligibility) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Are you making this complaint for someone else?")) << h.Describe();
}

TEST(UiJourney, StandardWordsShowThePolicysOwnWords) {
  Harness h(Seed("seetec"));
  h.PressId("welcome.wording");
  ASSERT_TRUE(h.state().settings.standard_wording);
  Tap(h, "Make a complaint");
  Tap(h, "Yes");
  EXPECT_TRUE(h.ShowsText("Did you know about it more than 12 months ago?")) << h.Describe();
  EXPECT_FALSE(h.ShowsText("Did you find out about it more than 12 months ago?"));
  Tap(h, "Yes");
  ASSERT_EQ(StepOf(h), Step::kSignpost) << h.Describe();
  EXPECT_TRUE(h.ShowsText("You can still talk to the person who works with you about it.")) << h.Describe();
}

// Every service and category shows its own picture from the policy.
TEST(UiJourney, SeetecServicesAndCategoriesHaveTheirOwnPictures) {
  Harness h(Seed("seetec"));
  const Policy& p = h.app().policy();
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kService), Step::kService) << h.Describe();
  std::set<std::string> pictures;
  for (const NamedItem& service : p.services) {
    const ui::Node& node = h.FindId("choice.service." + service.id);
    EXPECT_EQ(node.pictogram, service.picture) << service.id;
    pictures.insert(node.pictogram);
  }
  EXPECT_EQ(pictures.size(), p.services.size()) << "not four identical buildings";
  Tap(h, p.services[0].name);
  ASSERT_EQ(StepOf(h), Step::kCategories) << h.Describe();
  for (const NamedItem& category : p.categories) {
    EXPECT_EQ(h.FindId("check.categories." + category.id).pictogram, category.picture) << category.id;
  }
}

// An organisation's own logo (a policy's `image`) is drawn instead of the pictogram.
TEST(UiJourney, ServiceImageFromThePolicyFolderIsShown) {
  Policy policy = SeetecLike();
  policy.services[0].picture = "fair";
  policy.services[0].image = std::string(TELLUS_SOURCE_DIR) + "/assets/policies/logo.png";
  policy.services[1].picture = "graduation";
  Harness h(WithPolicy(policy));
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kService), Step::kService) << h.Describe();
  EXPECT_EQ(h.FindId("choice.service." + policy.services[0].id).pictogram, policy.services[0].image);
  EXPECT_EQ(h.FindId("choice.service." + policy.services[1].id).pictogram, "graduation");
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
  std::string typo = FormatReference({"SG", 7, 42});  // one character copied wrong
  typo[4] = typo[4] == 'K' ? 'H' : 'K';
  TypeInto(h, "field.reference", typo);
  TypeInto(h, "field.tracking_code", "7D2K9QX4MB");
  Tap(h, "Check");
  EXPECT_TRUE(h.ShowsText("That reference is not right. Please check it.")) << h.Describe();
  EXPECT_EQ(StepOf(h), Step::kCheckEntry) << "refused on the kiosk, the register never asked";
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
