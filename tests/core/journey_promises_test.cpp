// The seeds' promises through the journey reducer: safeguarding, Seetec 2.3.2 and 2.3.5,
// nameless comments (Works for Us), other places to go, and only the seed's own times.
#include <gtest/gtest.h>

#include "core/reference.h"
#include "core/submit.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using namespace testing_journey;

Policy Seed(const std::string& id) { return LoadPolicy(id, std::string(TELLUS_SOURCE_DIR) + "/assets/policies"); }

HolidayCalendar EnglandAndWales() {
  return HolidayCalendar::FromFolder(std::string(TELLUS_SOURCE_DIR) + "/assets/holidays", Division::kEnglandAndWales);
}

bool EmittedSound(const Driver& d, fx::Sound sound) {
  for (const auto& e : d.effects()) {
    if (const auto* s = std::get_if<fx::PlaySound>(&e); s && s->sound == sound) return true;
  }
  return false;
}

TEST(JourneyPromises, SteppingStonesSafeguardingYesSaysTellStaffNowAndMarksTheCaseUrgent) {
  const Policy p = Seed("stepping-stones");
  Driver d(p);
  d.Choose("complaint");
  ASSERT_EQ(d.step(), Step::kSafeguarding) << "asked first, before anything else";
  EXPECT_EQ(p.safeguarding->question.words, "Is someone being hurt, or in danger?");
  d.Choose("yes");
  ASSERT_EQ(d.step(), Step::kTellStaff);
  EXPECT_TRUE(EmittedSound(d, fx::Sound::kAttention));
  EXPECT_EQ(p.safeguarding->tell_staff.easy_read.at(0).text, "Please tell a member of staff now.");
  EXPECT_TRUE(d.state().urgent);
  d.Next();                                         // the complaint goes on: nothing is lost
  ASSERT_EQ(WalkTo(d, Step::kConsent), Step::kConsent);
  d.Do(ev::Send{});
  ASSERT_TRUE(d.Emitted<fx::CommitSubmission>());
  EXPECT_TRUE(BuildSubmission(d.state(), p).clear.urgent);

  // Back from "tell staff" and answering no clears it.
  Driver again(p);
  again.Choose("complaint").Choose("yes").Back();
  ASSERT_EQ(again.step(), Step::kSafeguarding);
  again.Choose("no");
  EXPECT_FALSE(again.state().urgent);
  EXPECT_NE(again.step(), Step::kTellStaff);
}

// Someone who is not sure is not told to say no: a member of staff decides, as for a yes.
TEST(JourneyPromises, NotSureAboutSafetyAlsoSaysTellStaffNowAndMarksTheCaseUrgent) {
  for (const char* id : {"next-steps", "stepping-stones"}) {
    const Policy p = Seed(id);
    Driver d(p);
    d.Choose("complaint").Choose("not_sure");
    EXPECT_EQ(d.step(), Step::kTellStaff) << id;
    EXPECT_TRUE(d.state().urgent) << id;
  }
}

TEST(JourneyPromises, NextStepsAsksTheSafeguardingQuestionAndTheOthersDoNot) {
  for (const char* id : {"next-steps", "stepping-stones"}) {
    const Policy p = Seed(id);
    Driver d(p);
    d.Choose("complaint");
    EXPECT_EQ(d.step(), Step::kSafeguarding) << id;
    ASSERT_EQ(WalkTo(d, Step::kConsent), Step::kConsent) << id;
    EXPECT_FALSE(BuildSubmission(d.state(), p).clear.urgent) << id;
  }
  for (const char* id : {"seetec", "steps-to-work", "works-for-us"}) {
    const Policy p = Seed(id);
    Driver d(p);
    d.Choose("complaint");
    EXPECT_NE(d.step(), Step::kSafeguarding) << id << ": the seed has no safeguarding section";
  }
  // A compliment is never asked.
  const Policy p = Seed("stepping-stones");
  Driver d(p);
  d.Choose("compliment");
  EXPECT_NE(d.step(), Step::kSafeguarding);
}

TEST(JourneyPromises, SeetecComplaintAboutSomeoneWhoHasDiedIsTakenFromCloseFamily) {
  const Policy p = Seed("seetec");
  Driver d(p);
  d.Choose("complaint");
  d.Choose("no");                                  // 2.3.2: it did not happen more than 12 months ago
  ASSERT_EQ(d.state().place.index, 1);
  d.Choose("yes");                                 // 2.3.3: complaining for someone else
  ASSERT_EQ(EligibilityQuestionAt(p, d.state().place)->question.words, "Has the person died?");
  d.Choose("yes");                                 // 2.3.5: no written permission can be asked for
  ASSERT_EQ(d.step(), Step::kEligibility);
  ASSERT_EQ(p.eligibility[static_cast<std::size_t>(d.state().place.index)].id, "deceased-family");
  d.Choose("yes");                                 // close family, or chosen to speak for them
  EXPECT_EQ(p.eligibility[static_cast<std::size_t>(d.state().place.index)].id, "colleague");
  EXPECT_TRUE(d.state().personal.on_behalf.deceased);
  ASSERT_EQ(WalkTo(d, Step::kOnBehalf), Step::kOnBehalf);
  d.Choose("yes");
  ASSERT_EQ(d.step(), Step::kOnBehalfDetails);
  d.Type(Field::kTheirName, "Pat Jones").Next();   // their name only: no permission question
  EXPECT_NE(d.step(), Step::kOnBehalfDetails);
  EXPECT_NE(d.step(), Step::kSignpost);
  ASSERT_EQ(WalkTo(d, Step::kConsent, {.on_behalf = true}), Step::kConsent);
  Submission sub = BuildSubmission(d.state(), p);
  EXPECT_TRUE(sub.personal.on_behalf.deceased);
  EXPECT_EQ(sub.personal.on_behalf.their_name, "Pat Jones");

  // Not close family: turned away with what to do instead.
  Driver other(p);
  other.Choose("complaint").Choose("no").Choose("yes").Choose("yes").Choose("no");
  EXPECT_EQ(other.step(), Step::kSignpost);
  EXPECT_EQ(p.eligibility[static_cast<std::size_t>(other.state().signpost_index)].id, "deceased-family");

  // Alive and no written permission: 2.3.3 still applies.
  Driver alive(p);
  alive.Choose("complaint").Choose("no").Choose("yes").Choose("no").Choose("no");
  EXPECT_EQ(alive.step(), Step::kSignpost);
  EXPECT_EQ(p.eligibility[static_cast<std::size_t>(alive.state().signpost_index)].id, "on-behalf-no-permission");
  EXPECT_FALSE(alive.state().personal.on_behalf.deceased);
}

TEST(JourneyPromises, SeetecFoundOutLaterIsNotTurnedAwayByTheDate) {
  const Policy p = Seed("seetec");
  Driver d(p, D(2026, 11, 20));
  d.Choose("complaint");
  d.Choose("yes");                                 // it happened more than 12 months ago...
  d.Choose("no");                                  // ...but they found out about it recently
  EXPECT_TRUE(TimeLimitWaived(d.state(), p));
  ASSERT_EQ(WalkTo(d, Step::kWhen), Step::kWhen);
  d.Choose("day");
  d.Do(ev::PickDay{D(2024, 6, 3)});                // two years ago
  EXPECT_EQ(d.state().notice, Notice::kNone);
  EXPECT_EQ(d.state().incident, (IncidentPeriod{D(2024, 6, 3), D(2024, 6, 3)}));
  EXPECT_NE(d.step(), Step::kSignpost);
}

TEST(JourneyPromises, WorksForUsCommentNeverAsksForOrKeepsAName) {
  const Policy p = Seed("works-for-us");
  Driver d(p);
  d.Choose("comment");
  ASSERT_EQ(WalkTo(d, Step::kReview), Step::kReview);
  for (const Place& place : d.state().history) {
    EXPECT_NE(place.step, Step::kAnonymous);
    EXPECT_NE(place.step, Step::kName);
  }
  auto sections = ReviewSections(d.state(), p);
  EXPECT_EQ(std::count(sections.begin(), sections.end(), Step::kAnonymous), 0) << "nothing to change";
  d.Do(ev::Change{Step::kAnonymous});
  EXPECT_EQ(d.step(), Step::kReview);
  d.Do(ev::Send{});
  EXPECT_TRUE(d.Emitted<fx::CommitSubmission>());
  EXPECT_TRUE(BuildSubmission(d.state(), p).clear.anonymous);
  // Even a name left in memory is not sent.
  d.mutable_state().personal.person.name = "Sam Jones";
  d.mutable_state().personal.person.anonymous = false;
  Submission sub = BuildSubmission(d.state(), p);
  EXPECT_TRUE(sub.clear.anonymous);
  EXPECT_EQ(sub.personal.person.name, "");

  // Another policy's comment still offers a name.
  const Policy ns = Seed("next-steps");
  Driver named(ns);
  named.Choose("comment");
  ASSERT_EQ(WalkTo(named, Step::kReview), Step::kReview);
  EXPECT_EQ(BuildSubmission(named.state(), ns).personal.person.name, "Sam Jones");
}

TEST(JourneyPromises, OtherPlacesFromTheSignpostListEveryBody) {
  const Policy p = Seed("seetec");
  Driver d(p);
  d.Choose("complaint");
  WalkTo(d, Step::kExclusions);
  d.Choose(p.exclusions[0].id);
  ASSERT_EQ(d.step(), Step::kSignpost);
  d.Choose("other-places");
  ASSERT_EQ(d.step(), Step::kOtherPlaces);
  EXPECT_EQ(OtherPlacesNow(d.state(), p).size(), p.external_bodies.size());
  d.Back();
  EXPECT_EQ(d.step(), Step::kSignpost);
}

CaseView CaseAt(const Policy& p, std::size_t stage) {
  CaseView v;
  v.state = CaseState::kAnswered;
  v.stage_name = p.stages.at(stage).name;
  v.latest_reply = "Our answer.";
  return v;
}

// Check my complaint with a good receipt; the register answers with `view`.
void Checked(Driver& d, const CaseView& view) {
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({d.policy().reference_prefix, 10, 1}))
      .Type(Field::kTrackingCode, "7D2K9QX4MB")
      .Next();
  ASSERT_EQ(d.step(), Step::kCheckResult);
  d.Do(ev::StatusResult{CheckStatusKind::kFound, view});
}

TEST(JourneyPromises, OtherPlacesFromTheCheckScreenFollowTheStage) {
  // Stepping Stones: the Charity Commission and Ofsted "at any stage".
  const Policy ss = Seed("stepping-stones");
  Driver d(ss);
  Checked(d, CaseAt(ss, 0));
  d.Choose("other-places");
  ASSERT_EQ(d.step(), Step::kOtherPlaces);
  const auto now = OtherPlacesNow(d.state(), ss);
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[0]->name, "The Charity Commission");
  EXPECT_EQ(now[1]->phone, "0300 123 1231");
  d.Back();
  EXPECT_EQ(d.step(), Step::kCheckResult);

  // Steps to Work: the Ombudsman only after the stage 3 appeal.
  const Policy stw = Seed("steps-to-work");
  Driver early(stw);
  Checked(early, CaseAt(stw, 0));
  early.Choose("other-places");
  EXPECT_EQ(early.step(), Step::kCheckResult) << "nowhere else to go yet";
  Driver last(stw);
  Checked(last, CaseAt(stw, 2));
  last.Choose("other-places");
  ASSERT_EQ(last.step(), Step::kOtherPlaces);
  EXPECT_EQ(OtherPlacesNow(last.state(), stw).at(0)->name, "Parliamentary and Health Service Ombudsman");
  last.Do(ev::StartAgain{});
  EXPECT_EQ(last.step(), Step::kWelcome) << "a check journey is wiped";
}

TEST(JourneyPromises, ReceiptPromisesOnlyTheSeedsOwnTimes) {
  const HolidayCalendar calendar = EnglandAndWales();
  const Date sent = D(2026, 11, 20);
  const Policy ss = Seed("stepping-stones");
  // Childcare: "within 20 days of the date the complaint was made".
  EXPECT_EQ(ComputePromisedDates(JourneyKind::kComplaint, ss, calendar, sent, "childcare").respond_by, D(2026, 12, 10));
  // The women's service: the seed gives stage 1 no time, so none is promised.
  EXPECT_FALSE(ComputePromisedDates(JourneyKind::kComplaint, ss, calendar, sent, "womens-service").respond_by);
  // Works for Us' first review: "within 28 days of the receipt of the original complaint".
  EXPECT_EQ(ComputePromisedDates(JourneyKind::kComplaint, Seed("works-for-us"), calendar, sent).respond_by,
            D(2026, 12, 18));
  for (const char* id : {"stepping-stones", "steps-to-work", "works-for-us", "next-steps"}) {
    EXPECT_TRUE(Seed(id).retention_own_choice) << id << ": the seed is silent on keeping records";
  }
  EXPECT_FALSE(Seed("seetec").retention_own_choice) << "2.10.1 gives 2 years";
}

}  // namespace
}  // namespace tellus
