// The seeds' promises on the kiosk's screens: safeguarding, other places to go with their
// pictures, phones and addresses, the stages and their times on the done screen, a new
// date with staff's reason, and no invented promises (retention, Works for Us' second review).
#include <gtest/gtest.h>

#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/sweep.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus {
namespace {

using namespace testing_journey;
using testing::Harness;
using testing::HarnessOptions;
using namespace testing_ui;

HarnessOptions Seed(const std::string& id) {
  HarnessOptions options;
  options.policy_id = id;
  return options;
}

// "Check my complaint" showing `view`, as the register answered; `at` the screen shown.
void ShowCase(Harness& h, const CaseView& view, Step at = Step::kCheckResult, std::vector<Place> history = {}) {
  JourneyState s = h.state();
  s.kind = JourneyKind::kCheck;
  s.history = {Place{Step::kWelcome, 0}, Place{Step::kCheckEntry, 0}};
  for (const Place& place : history) s.history.push_back(place);
  s.place = Place{at, 0};
  s.check_reference = "SG-0070-0001";
  s.check_tracking = "7D2K9-QX4MB";
  s.check_status = CheckStatusKind::kFound;
  s.check_case = view;
  testing_sweep::Restore(h, s);
}

// A complaint walked through the UI to the done screen.
void SendComplaint(Harness& h) {
  if (StepOf(h) == Step::kWelcome) Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
}

TEST(UiPromises, SteppingStonesSafeguardingYesReachesTellStaffNowAndTheCaseIsUrgent) {
  Harness h(Seed("stepping-stones"));
  Tap(h, "Make a complaint");
  ASSERT_EQ(StepOf(h), Step::kSafeguarding) << h.Describe();
  EXPECT_TRUE(h.Has("Is someone being hurt?")) << h.Describe();
  EXPECT_TRUE(h.Has("Or is someone in danger?")) << h.Describe();
  ExpectAccessible(h);
  TapId(h, "choice.safeguarding.yes");
  ASSERT_EQ(StepOf(h), Step::kTellStaff) << h.Describe();
  const ui::Node& now = h.Find("Please tell a member of staff now.");
  EXPECT_EQ(now.pictogram, "staff");
  ExpectAccessible(h);
  Tap(h, "Go on with my complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  // No figure the seed does not give: Stepping Stones says nothing about keeping records.
  EXPECT_TRUE(h.ShowsText("We keep it only as long as we need to.")) << h.Describe();
  EXPECT_FALSE(h.ShowsText("6 years")) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  EXPECT_TRUE(h.store().Pending(10).back().clear.urgent);
}

TEST(UiPromises, DoneScreenLeadsToTheStagesAndTheirTimes) {
  Harness h(Seed("stepping-stones"));
  SendComplaint(h);
  TapId(h, "choice.done.process");
  ASSERT_EQ(StepOf(h), Step::kProcess) << h.Describe();
  // A time the seed does not give is not promised.
  EXPECT_TRUE(h.ShowsText("Stage 1: Talk to your keyworker or manager: we will tell you the time.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Stage 2: Formal complaint to the CEO: we answer within 28 days.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Stage 3: Review by the Board of Trustees: we will tell you the time.")) << h.Describe();
  ExpectAccessible(h);
  // The Charity Commission and Ofsted "at any stage".
  TapId(h, "choice.process.other-places");
  ASSERT_EQ(StepOf(h), Step::kOtherPlaces) << h.Describe();
  EXPECT_TRUE(h.Has("The Charity Commission")) << h.Describe();
  Tap(h, "Go back");
  ASSERT_EQ(StepOf(h), Step::kProcess) << h.Describe();
  Tap(h, "Go back");
  EXPECT_EQ(StepOf(h), Step::kDone) << h.Describe();
}

// Stepping Stones: "The complainant can complain to the Charity Commission at any stage", and Ofsted.
TEST(UiPromises, SteppingStonesOffersItsOtherPlacesAtStageOne) {
  Harness h(Seed("stepping-stones"));
  CaseView v;
  v.state = CaseState::kReceived;
  v.stage_name = h.app().policy().stages.front().name;
  v.can_withdraw = true;
  ShowCase(h, v);
  TapId(h, "choice.check_result.other-places");
  ASSERT_EQ(StepOf(h), Step::kOtherPlaces) << h.Describe();
  EXPECT_TRUE(h.Has("The Charity Commission")) << h.Describe();
  EXPECT_EQ(h.Find("The Charity Commission").pictogram, "outside-body");
  EXPECT_TRUE(h.ShowsText("Where: www.charity-commission.gov.uk")) << h.Describe();
  EXPECT_TRUE(h.Has("You can go to them at any time.")) << h.Describe();
  ExpectAccessible(h);
  TapId(h, "list.more");                           // one place a page
  EXPECT_TRUE(h.Has("Ofsted")) << h.Describe();
  EXPECT_EQ(h.Find("Ofsted").pictogram, "school");
  EXPECT_TRUE(h.ShowsText("Phone: 0300 123 1231")) << h.Describe();
  ExpectAccessible(h);
  Tap(h, "Go back");
  EXPECT_EQ(StepOf(h), Step::kCheckResult) << h.Describe();
}

TEST(UiPromises, StepsToWorkSendsTheProcessAndTimescales) {
  Harness h(Seed("steps-to-work"));
  SendComplaint(h);
  TapId(h, "choice.done.process");
  ASSERT_EQ(StepOf(h), Step::kProcess) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Stage 1: Formal complaint: we answer by Monday 7 December.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Stage 2: Formal stage: we answer within 10 working days.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Stage 3: Appeal stage: we answer within 15 working days.")) << h.Describe();
  EXPECT_FALSE(h.TryFindId("choice.process.other-places")) << "the Ombudsman is only after stage 3";
}

TEST(UiPromises, SeetecSignpostShowsTheOtherPlacesToGo) {
  Harness h(Seed("seetec"));
  const Policy& p = h.app().policy();
  Tap(h, "Make a complaint");
  Tap(h, "Yes");                                   // more than 12 months ago
  Tap(h, "Yes");                                   // and known of then
  ASSERT_EQ(StepOf(h), Step::kSignpost) << h.Describe();
  TapId(h, "choice.signpost.other-places");
  ASSERT_EQ(StepOf(h), Step::kOtherPlaces) << h.Describe();
  EXPECT_TRUE(h.Has(p.external_bodies.at(0).name)) << h.Describe();
  EXPECT_TRUE(h.Has("Your stage 3 letter tells you who they are.")) << h.Describe();
}

TEST(UiPromises, SeetecRelativeOfSomeoneWhoHasDiedIsNotAskedForTheirPermission) {
  Harness h(Seed("seetec"));
  Tap(h, "Make a complaint");
  Tap(h, "No");                                    // within 12 months
  Tap(h, "Yes");                                   // for someone else
  ASSERT_TRUE(h.Has("Has the person died?")) << h.Describe();
  Tap(h, "Yes");
  ASSERT_TRUE(h.Has("Are you in their close family?")) << h.Describe();
  Tap(h, "Yes");
  ASSERT_EQ(UiWalkTo(h, Step::kOnBehalf), Step::kOnBehalf) << h.Describe();
  Tap(h, "Yes, for someone else");
  ASSERT_EQ(StepOf(h), Step::kOnBehalfDetails) << h.Describe();
  EXPECT_TRUE(h.Has("You are telling us about someone who has died.")) << h.Describe();
  EXPECT_FALSE(h.Has("Yes, they said yes")) << "no permission to ask for";
  ExpectAccessible(h);
  TypeInto(h, "field.their_name", "Pat Jones");
  TapId(h, "button.done_typing");
  TapId(h, "button.next");
  EXPECT_NE(StepOf(h), Step::kSignpost) << h.Describe();
  EXPECT_NE(StepOf(h), Step::kOnBehalfDetails) << h.Describe();
}

TEST(UiPromises, ExtensionIsShownInPlainWordsWithItsReason) {
  Harness h(Seed("next-steps"));
  CaseView v;
  v.state = CaseState::kAcknowledged;
  v.stage_name = "Response to your complaint";
  v.respond_by = D(2027, 1, 4);
  v.extended_to = D(2027, 2, 12);
  v.extension_reason = "We are waiting for the care records.";
  v.can_withdraw = true;
  ShowCase(h, v);
  EXPECT_TRUE(h.ShowsText("We need more time to answer.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We will answer by Friday 12 February.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We are waiting for the care records.")) << h.Describe();
  EXPECT_FALSE(h.ShowsText("4 January")) << "the old date is replaced";
  ExpectAccessible(h);
}

TEST(UiPromises, WorksForUsWithdrawalSaysItMayContinue) {
  Harness h(Seed("works-for-us"));
  CaseView v;
  v.state = CaseState::kReceived;
  v.stage_name = "First review";
  v.withdraw_requested = true;
  ShowCase(h, v, Step::kCheckOutcome, {Place{Step::kCheckResult, 0}, Place{Step::kCheckConfirm, 0}});
  JourneyState s = h.state();
  s.check_request = CaseRequest::kWithdraw;
  s.request_outcome = RequestOutcome::kDone;
  testing_sweep::Restore(h, s);
  EXPECT_TRUE(h.Has("We have your request to stop")) << h.Describe();
  EXPECT_TRUE(h.Has("But we may carry on if it is serious.")) << h.Describe();
  ExpectAccessible(h);
}

TEST(UiPromises, AskingForTheNextStageAsksWhyWithTheTextQuestion) {
  Harness h(Seed("seetec"));
  ShowCase(h, testing_sweep::SomeCase());
  TapId(h, "choice.check_result.escalate");
  ASSERT_EQ(StepOf(h), Step::kEscalateReason) << h.Describe();
  EXPECT_TRUE(h.Has("Why are you not happy with our answer?")) << h.Describe();
  ExpectAccessible(h);
  TypeInto(h, "field.escalate_reason", "Nobody called me back");
  TapId(h, "button.next");
  EXPECT_EQ(StepOf(h), Step::kCheckConfirm) << h.Describe();
  EXPECT_EQ(h.state().check_reason, "Nobody called me back");
}

}  // namespace
}  // namespace tellus
