// The journey reducer, with no window: every journey for hand-made policies shaped like
// the seeds and for the five seed policies themselves, each signposting branch,
// review-and-change, idle wipe, commit failure and text limits.
#include "core/journey.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/reference.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using namespace testing_journey;

const char* const kSeedPolicies[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};

Policy Seed(const std::string& id) {
  return LoadPolicy(id, std::string(TELLUS_SOURCE_DIR) + "/assets/policies");
}

TEST(JourneyReduce, WelcomeOffersCommentOnlyWhenAccepted) {
  EXPECT_THAT(WelcomeChoices(SeetecLike()), ::testing::ElementsAre("compliment", "complaint", "check"));
  EXPECT_THAT(WelcomeChoices(NextStepsLike()), ::testing::ElementsAre("compliment", "complaint", "comment", "check"));
  Policy seetec = SeetecLike();
  Driver d(seetec);
  d.Choose("comment");                              // not offered: ignored
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_EQ(d.state().kind, JourneyKind::kNone);
}

TEST(JourneyReduce, ComplimentWalkAsksSharePermissionAndSends) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("compliment");
  EXPECT_EQ(d.step(), Step::kService);
  d.Choose("supported-living");
  EXPECT_EQ(d.step(), Step::kSubject);
  d.Type(Field::kSubject, "Amira").Next();
  EXPECT_EQ(d.step(), Step::kPraise);
  d.Next();
  EXPECT_EQ(d.state().notice, Notice::kChooseOne) << "nothing said yet";
  EXPECT_EQ(d.step(), Step::kPraise);
  d.Toggle("kind").Toggle("listened").Toggle("kind").Type(Field::kPraise, "Always patient.").Next();
  EXPECT_EQ(d.step(), Step::kAnonymous);
  d.Choose("name");
  EXPECT_EQ(d.step(), Step::kName);
  d.Type(Field::kName, "Sam").Next().Choose("none");
  EXPECT_EQ(d.step(), Step::kShare);
  d.Choose("with-name");
  EXPECT_EQ(d.step(), Step::kReview);
  d.Do(ev::Send{});
  const auto* commit = d.Find<fx::CommitSubmission>();
  ASSERT_NE(commit, nullptr);
  EXPECT_EQ(commit->received, D(2026, 11, 20));
  EXPECT_TRUE(d.state().committing);

  Submission sub = BuildSubmission(d.state(), policy);
  EXPECT_EQ(sub.clear.kind, Kind::kCompliment);
  EXPECT_EQ(sub.clear.share, ShareConsent::kWithName);
  EXPECT_THAT(sub.clear.categories, ::testing::ElementsAre("praise.listened"));
  EXPECT_FALSE(sub.clear.anonymous);
  EXPECT_EQ(sub.personal.praise, "Always patient.");
  EXPECT_EQ(sub.personal.subject, "Amira");
  EXPECT_EQ(sub.personal.person.name, "Sam");
}

TEST(JourneyReduce, AnonymousComplimentCannotShareWithName) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("compliment");
  WalkTo(d, Step::kShare, {.anonymous = true});
  ASSERT_EQ(d.step(), Step::kShare);
  d.Choose("with-name");
  EXPECT_EQ(d.step(), Step::kShare) << "no name was given, so 'with name' is not a choice";
  d.Choose("without-name");
  EXPECT_EQ(d.step(), Step::kReview);
}

TEST(JourneyReduce, CommentWalkWhereAccepted) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("comment");
  EXPECT_EQ(WalkTo(d, Step::kReview), Step::kReview);
  d.Do(ev::Send{});
  EXPECT_TRUE(d.Emitted<fx::CommitSubmission>());
  Submission sub = BuildSubmission(d.state(), policy);
  EXPECT_EQ(sub.clear.kind, Kind::kComment);
  EXPECT_FALSE(sub.personal.what_happened.empty());
}

TEST(JourneyReduce, ComplaintWalkSeetecLikeNamed) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  EXPECT_EQ(d.step(), Step::kEligibility);
  EXPECT_EQ(WalkTo(d, Step::kConsent, {.contact = ContactPreference::kPhone}), Step::kConsent);
  d.Do(ev::Send{});
  ASSERT_TRUE(d.Emitted<fx::CommitSubmission>());
  Submission sub = BuildSubmission(d.state(), policy);
  EXPECT_EQ(sub.clear.kind, Kind::kComplaint);
  EXPECT_EQ(sub.clear.service_id, "ia");
  EXPECT_THAT(sub.clear.categories, ::testing::ElementsAre("service"));
  EXPECT_EQ(sub.clear.incident, (IncidentPeriod{D(2026, 11, 19), D(2026, 11, 19)}));
  EXPECT_EQ(sub.personal.person.phone, "07700 900123");
  EXPECT_EQ(sub.personal.person.contact, ContactPreference::kPhone);
  EXPECT_TRUE(sub.personal.person.email.empty());
  EXPECT_TRUE(sub.personal.support.easy_read);
  EXPECT_EQ(sub.personal.how_affected, "I lost a day of work.");
}

// Blocking answers to every single question of rule `i` (after clearing the rules before it).
// Rules asked only about someone who has died are not on this path.
void AnswerAllBlocking(Driver& d, const Policy& policy, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    if (policy.eligibility[j].asked_when != AnswerMark::kNone) continue;
    d.Choose(policy.eligibility[j].questions[0].blocking_answer ? "no" : "yes");
  }
  for (const YesNoQuestion& q : policy.eligibility[i].questions) {
    ASSERT_EQ(d.step(), Step::kEligibility);
    ASSERT_EQ(d.state().place.index, static_cast<int>(i));
    d.Choose(q.blocking_answer ? "yes" : "no");
  }
}

TEST(JourneyReduce, EachEligibilityBlockingAnswerSignposts) {
  Policy policy = SeetecLike();
  for (std::size_t i = 0; i < policy.eligibility.size(); ++i) {
    Driver d(policy);
    d.Choose("complaint");
    AnswerAllBlocking(d, policy, i);
    EXPECT_EQ(d.step(), Step::kSignpost);
    EXPECT_EQ(d.state().signpost, SignpostReason::kEligibility);
    EXPECT_EQ(d.state().signpost_index, static_cast<int>(i));
    d.Back();
    EXPECT_EQ(d.step(), Step::kEligibility) << "Back returns to the question";
    EXPECT_EQ(d.state().place.part, static_cast<int>(policy.eligibility[i].questions.size()) - 1) << "the last one asked";
    d.Choose(policy.eligibility[i].questions.back().blocking_answer ? "yes" : "no").Choose("start-again");
    EXPECT_EQ(d.step(), Step::kWelcome);
    EXPECT_EQ(d.state().kind, JourneyKind::kNone);
  }
}

TEST(JourneyReduce, CompoundQuestionIsAskedAsTwoSingleOnes) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  ASSERT_EQ(d.state().place, (Place{Step::kEligibility, 0, 0}));
  EXPECT_EQ(EligibilityQuestionAt(policy, d.state().place)->question.words, "Did this happen more than 12 months ago?");
  d.Choose("yes");                                  // long ago: not turned away yet, the second question decides
  ASSERT_EQ(d.state().place, (Place{Step::kEligibility, 0, 1}));
  EXPECT_EQ(EligibilityQuestionAt(policy, d.state().place)->question.words,
            "Did you know about it more than 12 months ago?");
  d.Back();
  EXPECT_EQ(d.state().place, (Place{Step::kEligibility, 0, 0})) << "Back goes to the first half";
  d.Choose("no");                                   // recent: the second question is not asked
  EXPECT_EQ(d.state().place, (Place{Step::kEligibility, 1, 0}));
}

TEST(JourneyReduce, LongAgoButFoundOutRecentlyIsNotTurnedAway) {
  Policy policy = SeetecLike();
  Driver d(policy, D(2026, 11, 20));
  d.Choose("complaint").Choose("yes").Choose("no");  // happened long ago, found out recently
  EXPECT_EQ(d.state().place, (Place{Step::kEligibility, 1, 0}));
  ASSERT_EQ(WalkTo(d, Step::kWhen, {}), Step::kWhen);
  EXPECT_TRUE(TimeLimitWaived(d.state(), policy));
  d.Choose("day");                                   // the grid reaches back past the limit for them
  ASSERT_EQ(d.step(), Step::kPickDate);
  d.Do(ev::ShowMonth{std::chrono::year{2024} / std::chrono::month{5}}).Do(ev::PickDay{D(2024, 5, 20)});
  EXPECT_EQ(d.step(), Step::kAffected) << "the date is old, but they found out within the limit";
  EXPECT_EQ(d.state().incident.from, D(2024, 5, 20));
  EXPECT_EQ(d.state().incident.to, D(2024, 5, 20));
}

TEST(JourneyReduce, EachQuestionOfARuleHasItsOwnBlockingAnswer) {
  Policy policy = SeetecLike();
  policy.eligibility = {{"on-behalf-no-permission",
                         {Ask("Are you complaining for someone else?"),
                          Ask("Have they given their written permission?", /*blocking_answer=*/false)},
                         Words("Ask them to write a note.")}};
  Driver with_note(policy);
  with_note.Choose("complaint").Choose("yes").Choose("yes");
  EXPECT_NE(with_note.step(), Step::kSignpost) << "for someone else, with their yes in writing";
  EXPECT_NE(with_note.step(), Step::kEligibility);
  Driver without(policy);
  without.Choose("complaint").Choose("yes").Choose("no");
  EXPECT_EQ(without.step(), Step::kSignpost);
  EXPECT_EQ(without.state().signpost, SignpostReason::kEligibility);
}

TEST(JourneyReduce, SignpostOffersComplimentInstead) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint").Choose("yes").Choose("yes");  // long ago, and known long ago
  ASSERT_EQ(d.step(), Step::kSignpost);
  d.Choose("comment");                              // seetec takes no comments
  EXPECT_EQ(d.step(), Step::kSignpost);
  d.Choose("compliment");
  EXPECT_EQ(d.state().kind, JourneyKind::kCompliment);
  EXPECT_EQ(d.step(), Step::kService);
}

TEST(JourneyReduce, EachExclusionSignposts) {
  Policy policy = SeetecLike();
  for (std::size_t i = 0; i < policy.exclusions.size(); ++i) {
    Driver d(policy);
    d.Choose("complaint");
    ASSERT_EQ(WalkTo(d, Step::kExclusions), Step::kExclusions);
    d.Choose(policy.exclusions[i].id);
    EXPECT_EQ(d.step(), Step::kSignpost);
    EXPECT_EQ(d.state().signpost, SignpostReason::kExclusion);
    EXPECT_EQ(d.state().signpost_index, static_cast<int>(i));
  }
}

TEST(JourneyReduce, AnonymousRefusedSignposts) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  ASSERT_EQ(WalkTo(d, Step::kAnonymous), Step::kAnonymous);
  d.Choose("anonymous");
  EXPECT_EQ(d.step(), Step::kSignpost);
  EXPECT_EQ(d.state().signpost, SignpostReason::kAnonymousRefused);
}

TEST(JourneyReduce, AnonymousAcceptedSaysNoReplyAndSkipsName) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("complaint");
  ASSERT_EQ(WalkTo(d, Step::kAnonymous), Step::kAnonymous);
  d.Choose("anonymous");
  EXPECT_EQ(d.step(), Step::kAnonymousMeaning);
  std::vector<Step> seen;
  for (int i = 0; i < 40 && d.step() != Step::kConsent; ++i) {
    seen.push_back(d.step());
    WalkTo(d, Step::kConsent, {.anonymous = true}, 1);
  }
  ASSERT_EQ(d.step(), Step::kConsent);
  EXPECT_THAT(seen, ::testing::Not(::testing::Contains(Step::kName)));
  EXPECT_THAT(seen, ::testing::Not(::testing::Contains(Step::kSupport)));
  d.Do(ev::Send{});
  ASSERT_TRUE(d.Emitted<fx::CommitSubmission>());
  Submission sub = BuildSubmission(d.state(), policy);
  EXPECT_TRUE(sub.clear.anonymous);
  EXPECT_TRUE(sub.personal.person.name.empty());
  EXPECT_FALSE(sub.personal.what_happened.empty());
}

// The date answers (spans, the grid, the time limit) are tested in journey_dates_test.cpp.

TEST(JourneyReduce, OnBehalfWithoutPermissionSignpostsWhenNeeded) {
  Policy seetec = SeetecLike();
  Driver d(seetec);
  d.Choose("complaint");
  WalkTo(d, Step::kOnBehalf);
  d.Choose("yes");
  ASSERT_EQ(d.step(), Step::kOnBehalfDetails);
  d.Type(Field::kTheirName, "Pat").Choose("permission-no");
  EXPECT_EQ(d.step(), Step::kSignpost);
  EXPECT_EQ(d.state().signpost, SignpostReason::kOnBehalfPermission);

  Policy next = NextStepsLike();
  Driver n(next);
  n.Choose("complaint");
  WalkTo(n, Step::kOnBehalf);
  n.Choose("yes").Choose("permission-no");
  EXPECT_EQ(n.step(), Step::kSupport);
}

TEST(JourneyReduce, ReviewChangeReturnsToReviewWithChangeKept) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  ASSERT_EQ(WalkTo(d, Step::kReview), Step::kReview);
  d.Do(ev::Change{Step::kWhatHappened});
  ASSERT_EQ(d.step(), Step::kWhatHappened);
  d.Do(ev::FocusField{Field::kWhatHappened}).Do(ev::TypeText{" Again today."}).Next();
  EXPECT_EQ(d.step(), Step::kReview);
  EXPECT_EQ(d.state().personal.what_happened, "My appointment was cancelled twice with no call. Again today.");

  // A change that needs a follow-up step goes through it, then back to review.
  d.Do(ev::Change{Step::kAnonymous});
  ASSERT_EQ(d.step(), Step::kAnonymous);
  d.Choose("name");
  ASSERT_EQ(d.step(), Step::kName);
  d.Next();
  ASSERT_EQ(d.step(), Step::kContact);
  d.Choose("letter");
  ASSERT_EQ(d.step(), Step::kContactDetails);
  d.Type(Field::kAddress, "2 Low Road").Next();
  EXPECT_EQ(d.step(), Step::kReview);
  EXPECT_EQ(d.state().personal.person.contact, ContactPreference::kLetter);
  EXPECT_EQ(d.state().personal.person.name, "Sam Jones");

  d.Do(ev::Change{Step::kWhen});
  d.Choose("today");
  EXPECT_EQ(d.step(), Step::kReview);
  EXPECT_EQ(d.state().incident, (IncidentPeriod{D(2026, 11, 20), D(2026, 11, 20)}));
  d.Do(ev::Change{Step::kShare});                   // not a section of a complaint
  EXPECT_EQ(d.step(), Step::kReview);
}

TEST(JourneyReduce, AccessSettingsAreSpokenAndWipedWithTheJourney) {
  Policy policy = SeetecLike();
  IdleSettings idle;
  idle.warn_after_s = 60;
  idle.countdown_s = 20;
  Driver d(policy, D(2026, 11, 20), idle);
  EXPECT_FALSE(NeedsTimer(d.state()));
  d.Do(ev::TouchToHearToggle{});
  EXPECT_TRUE(d.state().settings.touch_to_hear);
  ASSERT_NE(d.Find<fx::SpeakKey>(), nullptr) << "said aloud even with Listen off";
  EXPECT_EQ(d.Find<fx::SpeakKey>()->key, "access.touch_to_hear_on");
  d.Do(ev::SetScanning{ScanMode::kStep});
  EXPECT_EQ(d.state().settings.scanning, ScanMode::kStep);
  ASSERT_NE(d.Find<fx::SpeakKey>(), nullptr);
  EXPECT_EQ(d.Find<fx::SpeakKey>()->key, "access.scanning_step");
  EXPECT_TRUE(NeedsTimer(d.state())) << "a changed setting on welcome still times out";
  d.Wait(60'000);
  d.Wait(20'000);
  EXPECT_FALSE(d.state().settings.touch_to_hear) << "the next person gets the defaults";
  EXPECT_EQ(d.state().settings.scanning, ScanMode::kOff);
  d.Do(ev::TouchToHearToggle{});
  EXPECT_EQ(d.Find<fx::SpeakKey>()->key, "access.touch_to_hear_on");
  d.Do(ev::TouchToHearToggle{});
  EXPECT_EQ(d.Find<fx::SpeakKey>()->key, "access.touch_to_hear_off");
}

TEST(JourneyReduce, AboutOpensFromAnywhereAndBackReturns) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Do(ev::OpenAbout{});
  EXPECT_EQ(d.step(), Step::kAbout);
  EXPECT_STREQ(StepKey(d.step()), "about");
  d.Back();
  EXPECT_EQ(d.step(), Step::kWelcome);
  d.Choose("compliment");
  d.Do(ev::Help{});
  d.Do(ev::OpenAbout{});
  EXPECT_EQ(d.step(), Step::kAbout);
  EXPECT_FALSE(d.state().help_open);
  d.Back();
  EXPECT_EQ(d.step(), Step::kService);
  EXPECT_EQ(d.state().kind, JourneyKind::kCompliment) << "the journey goes on";
  EXPECT_EQ(ParseScanMode("auto"), ScanMode::kAuto);
  EXPECT_EQ(ParseScanMode("sometimes"), std::nullopt);
}

TEST(JourneyReduce, IdleWarningThenWipeZeroesAndReturnsToWelcome) {
  Policy policy = SeetecLike();
  IdleSettings idle;
  idle.warn_after_s = 60;
  idle.countdown_s = 5;                             // below the minimum: raised to 20
  Driver d(policy, D(2026, 11, 20), idle);
  EXPECT_EQ(d.state().idle.countdown_s, 20);
  d.Do(ev::SetTheme{ThemeId::kYellowOnBlack});
  d.Choose("complaint");
  WalkTo(d, Step::kWhatHappened);
  d.Type(Field::kWhatHappened, "Something private");
  d.Wait(59'000);
  EXPECT_FALSE(d.state().idle_warning);
  d.Wait(1'000);
  EXPECT_TRUE(d.state().idle_warning);
  const auto* spoken = d.Find<fx::SpeakKey>();
  ASSERT_NE(spoken, nullptr) << "the warning is spoken even with Listen off";
  EXPECT_EQ(spoken->key, "idle.spoken");
  EXPECT_EQ(IdleSecondsLeft(d.state()), 20);
  d.Wait(12'500);
  EXPECT_EQ(IdleSecondsLeft(d.state()), 8);
  EXPECT_EQ(d.step(), Step::kWhatHappened);
  d.Wait(7'500);
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_TRUE(d.Emitted<fx::WipeAndRestart>());
  EXPECT_EQ(d.state().kind, JourneyKind::kNone);
  EXPECT_TRUE(d.state().personal.what_happened.empty());
  EXPECT_EQ(d.state().settings.theme, ThemeId::kStandard) << "the next person gets the defaults";
  EXPECT_TRUE(d.state().history.empty());
  EXPECT_FALSE(NeedsTimer(d.state()));
}

TEST(JourneyReduce, WipeZeroesTheTextBuffers) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  WalkTo(d, Step::kWhatHappened);
  d.Type(Field::kWhatHappened, "A secret that must not linger in memory");
  JourneyState& s = d.mutable_state();
  s.check_tracking = "7D2K9-QX4MB-private";
  const char* text = s.personal.what_happened.data();
  const std::size_t text_size = s.personal.what_happened.size();
  const char* code = s.check_tracking.data();
  const std::size_t code_size = s.check_tracking.size();
  JourneyState fresh = WipeJourney(s);
  // The old buffers are still owned by `s` (clear keeps capacity): every byte is zero.
  for (std::size_t i = 0; i < text_size; ++i) ASSERT_EQ(text[i], '\0') << i;
  for (std::size_t i = 0; i < code_size; ++i) ASSERT_EQ(code[i], '\0') << i;
  EXPECT_EQ(fresh.place.step, Step::kWelcome);
  EXPECT_TRUE(fresh.personal.what_happened.empty());
}

TEST(JourneyReduce, MovedFromStateKeepsNoLetters) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  WalkTo(d, Step::kName);
  d.Type(Field::kName, "Sam Jones");
  JourneyState before = d.state();
  const char* inline_letters = before.personal.person.name.data();  // short: stored inside `before`
  ReduceResult after = Reduce(std::move(before), ev::UserActivity{}, policy);
  EXPECT_EQ(after.state.personal.person.name, "Sam Jones");
  for (int i = 0; i < 9; ++i) EXPECT_EQ(inline_letters[i], '\0') << i;
}

TEST(JourneyReduce, ActivityCancelsTheWarning) {
  Policy policy = SeetecLike();
  IdleSettings idle;
  idle.warn_after_s = 30;
  idle.countdown_s = 20;
  Driver d(policy, D(2026, 11, 20), idle);
  d.Choose("complaint");
  d.Wait(30'000);
  ASSERT_TRUE(d.state().idle_warning);
  d.Do(ev::MoreTime{});
  EXPECT_FALSE(d.state().idle_warning);
  d.Wait(25'000);
  EXPECT_FALSE(d.state().idle_warning);
  EXPECT_EQ(d.step(), Step::kEligibility);
  d.Wait(5'000);
  ASSERT_TRUE(d.state().idle_warning);
  d.Do(ev::UserActivity{});
  d.Wait(19'000);
  EXPECT_EQ(d.step(), Step::kEligibility) << "nothing wiped after activity";
}

TEST(JourneyReduce, UntouchedWelcomeNeverWarns) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Wait(10 * 60 * 1000);
  EXPECT_FALSE(d.state().idle_warning);
  EXPECT_FALSE(NeedsTimer(d.state()));
  EXPECT_TRUE(d.effects().empty());
}

TEST(JourneyReduce, CommitFailureKeepsTextAndSaysSorry) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  WalkTo(d, Step::kConsent);
  d.Do(ev::Send{});
  ASSERT_TRUE(d.state().committing);
  d.Do(ev::StartAgain{});                           // ignored while a commit is in flight
  EXPECT_EQ(d.step(), Step::kConsent);
  d.Wait(10 * 60 * 1000);                           // nor wiped by idle
  EXPECT_EQ(d.step(), Step::kConsent);
  d.Do(ev::CommitFailed{"disk I/O error: /var/lib/tellus/outbox.db"});
  EXPECT_FALSE(d.state().committing);
  EXPECT_EQ(d.step(), Step::kConsent);
  EXPECT_EQ(d.state().notice, Notice::kCommitFailed);
  EXPECT_STREQ(NoticeKey(d.state().notice), "notice.commit_failed");
  EXPECT_EQ(d.state().personal.what_happened, "My appointment was cancelled twice with no call.");
  d.Do(ev::UserActivity{});
  EXPECT_EQ(d.state().notice, Notice::kCommitFailed) << "stays until the person acts";
  d.Do(ev::Send{});
  EXPECT_TRUE(d.Emitted<fx::CommitSubmission>()) << "they may try again";
}

TEST(JourneyReduce, CommitSuccessShowsDoneAndWipesWords) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  WalkTo(d, Step::kConsent);
  d.Do(ev::CommitSucceeded{});                      // stale: nothing sent yet
  EXPECT_EQ(d.step(), Step::kConsent);
  d.Do(ev::Send{});
  Receipt receipt;
  receipt.reference = "SG-0010-0017";
  receipt.tracking_code = "7D2K9-QX4MB";
  receipt.received = D(2026, 11, 20);
  receipt.acknowledge_by = D(2026, 11, 25);
  receipt.respond_by = D(2026, 12, 18);
  receipt.kind = JourneyKind::kComplaint;
  d.Do(ev::CommitSucceeded{receipt});
  EXPECT_EQ(d.step(), Step::kDone);
  ASSERT_TRUE(d.state().receipt);
  EXPECT_EQ(*d.state().receipt, receipt);
  EXPECT_TRUE(d.state().personal.what_happened.empty());
  EXPECT_TRUE(d.state().personal.person.name.empty());
  EXPECT_FALSE(CanGoBack(d.state()));
  d.Choose("finish");
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_FALSE(d.state().receipt);
}

TEST(JourneyReduce, TypingPastTheLimitIsRefusedVisibly) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  WalkTo(d, Step::kName);
  const int limit = FieldLimit(Field::kName);
  d.Do(ev::FocusField{Field::kName});
  d.Do(ev::TypeText{std::string(static_cast<std::size_t>(limit - 1), 'a')});
  EXPECT_EQ(d.state().notice, Notice::kNone);
  d.Do(ev::TypeText{"\xC3\xA9xyz"});                // é fits, the rest does not
  EXPECT_EQ(d.state().notice, Notice::kTextTooLong);
  EXPECT_EQ(CountCodePoints(d.state().personal.person.name), limit);
  EXPECT_EQ(d.state().personal.person.name.substr(static_cast<std::size_t>(limit - 1)), "\xC3\xA9");
  EXPECT_TRUE(d.Emitted<fx::SpeakKey>());
  d.Do(ev::Backspace{1});
  EXPECT_EQ(CountCodePoints(d.state().personal.person.name), limit - 1);
  EXPECT_EQ(d.state().personal.person.name.back(), 'a') << "the whole two-byte letter went";
  d.Do(ev::TypeText{"b\x01\n"});                     // control characters are dropped in one-line fields
  EXPECT_EQ(d.state().personal.person.name.back(), 'b');
}

TEST(JourneyReduce, FocusOnlyOnTheCurrentStepsFields) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  d.Do(ev::FocusField{Field::kWhatHappened}).Do(ev::TypeText{"x"});
  EXPECT_EQ(d.state().focused, Field::kNone);
  EXPECT_TRUE(d.state().personal.what_happened.empty());
}

TEST(JourneyReduce, RequiredTextAndChoicesAreAsked) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("complaint");
  WalkTo(d, Step::kCategories);
  d.Next();
  EXPECT_EQ(d.state().notice, Notice::kChooseOne);
  d.Toggle("staff").Next();
  ASSERT_EQ(d.step(), Step::kWhatHappened);
  d.Next();
  EXPECT_EQ(d.state().notice, Notice::kNeedText);
  EXPECT_EQ(d.step(), Step::kWhatHappened);
}

TEST(JourneyReduce, CheckMyComplaintVerifiesLocallyThenAsks) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("check");
  ASSERT_EQ(d.step(), Step::kCheckEntry);
  std::string reference = FormatReference({"SG", 10, 1234});
  std::string typo = reference;
  typo.back() = typo.back() == '0' ? '1' : '0';
  d.Type(Field::kReference, typo).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
  EXPECT_EQ(d.state().notice, Notice::kBadReference);
  EXPECT_FALSE(d.Emitted<fx::CheckStatus>());
  d.Do(ev::FocusField{Field::kReference}).Do(ev::Backspace{40}).Do(ev::TypeText{reference}).Next();
  const auto* check = d.Find<fx::CheckStatus>();
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->reference, reference);
  EXPECT_EQ(check->tracking_code, "7D2K9-QX4MB");
  EXPECT_EQ(d.step(), Step::kCheckResult);
  EXPECT_EQ(d.state().check_status, CheckStatusKind::kWaiting);
  d.Do(ev::StatusResult{CheckStatusKind::kUnavailable, {}});
  EXPECT_EQ(d.state().check_status, CheckStatusKind::kUnavailable);
  d.Choose("finish");
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_TRUE(d.state().check_reference.empty());
}

TEST(JourneyReduce, BadTrackingCodeIsCaughtBeforeAsking) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({"SG", 10, 7})).Type(Field::kTrackingCode, "12345").Next();
  EXPECT_EQ(d.state().notice, Notice::kBadTrackingCode);
  EXPECT_EQ(d.step(), Step::kCheckEntry);
}

TEST(JourneyReduce, ListenSpeaksEachScreenAndHelpToggles) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Do(ev::ListenToggle{});
  EXPECT_TRUE(d.Emitted<fx::SpeakScreen>());
  d.Choose("complaint");
  EXPECT_TRUE(d.Emitted<fx::SpeakScreen>());
  d.Do(ev::Help{});
  EXPECT_TRUE(d.state().help_open);
  d.Back();
  EXPECT_FALSE(d.state().help_open) << "Back closes help first";
  EXPECT_EQ(d.step(), Step::kEligibility);
  d.Do(ev::ListenToggle{});
  EXPECT_TRUE(d.Emitted<fx::StopSpeech>());
  d.Choose(policy.eligibility[0].questions[0].blocking_answer ? "no" : "yes");
  EXPECT_FALSE(d.Emitted<fx::SpeakScreen>());
}

TEST(JourneyReduce, LanguageChooserReturnsWhereYouWere) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Do(ev::OpenLanguages{});
  ASSERT_EQ(d.step(), Step::kLanguage);
  d.Do(ev::SetLanguage{"xx"});
  EXPECT_EQ(d.step(), Step::kLanguage) << "unknown language ignored";
  d.Do(ev::SetLanguage{"cy"});
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_EQ(d.state().settings.language, "cy");
  const auto* load = d.Find<fx::LoadLanguage>();
  ASSERT_NE(load, nullptr);
  EXPECT_EQ(load->tag, "cy");
}

TEST(JourneyReduce, BackOutOfTheFirstStepWipes) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("compliment").Choose("supported-living").Type(Field::kSubject, "Jo");
  d.Back().Back();
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_EQ(d.state().kind, JourneyKind::kNone);
  EXPECT_TRUE(d.state().personal.subject.empty());
}

// --- The five seed policies ---------------------------------------------------

TEST(JourneySeeds, EveryJourneyOfEverySeedPolicy) {
  for (const char* id : kSeedPolicies) {
    SCOPED_TRACE(id);
    Policy policy = Seed(id);
    auto choices = WelcomeChoices(policy);
    for (const std::string& choice : choices) {
      SCOPED_TRACE(choice);
      Driver d(policy);
      d.Choose(choice);
      if (choice == "check") {
        EXPECT_EQ(d.step(), Step::kCheckEntry);
        continue;
      }
      Step stop = choice == "complaint" ? Step::kConsent : Step::kReview;
      ASSERT_EQ(WalkTo(d, stop), stop);
      d.Do(ev::Send{});
      ASSERT_TRUE(d.Emitted<fx::CommitSubmission>());
      Submission sub = BuildSubmission(d.state(), policy);
      EXPECT_EQ(sub.clear.policy_id, policy.id);
      if (choice == "comment" && !policy.comments_keep_name) {
        // Works for Us: "The customers name will not be included" — never asked, never kept.
        EXPECT_TRUE(sub.clear.anonymous);
        EXPECT_EQ(sub.personal.person.name, "");
        continue;
      }
      EXPECT_FALSE(sub.clear.anonymous);
      EXPECT_EQ(sub.personal.person.name, "Sam Jones");
      if (!policy.services.empty()) {
        EXPECT_EQ(sub.clear.service_id, policy.services[0].id);
      }
    }
  }
}

TEST(JourneySeeds, AnonymousComplaintFollowsEachPolicy) {
  for (const char* id : kSeedPolicies) {
    SCOPED_TRACE(id);
    Policy policy = Seed(id);
    Driver d(policy);
    d.Choose("complaint");
    Step stopped = WalkTo(d, Step::kConsent, {.anonymous = true});
    if (policy.anonymous_complaints) {
      EXPECT_EQ(stopped, Step::kConsent);
    } else {
      EXPECT_EQ(stopped, Step::kSignpost);
      EXPECT_EQ(d.state().signpost, SignpostReason::kAnonymousRefused);
      EXPECT_FALSE(policy.anonymous_signpost.empty() && policy.anonymous_explanation.empty())
          << "a refusal must say what to do instead";
    }
  }
}

TEST(JourneySeeds, SeetecBranchesAllSignpost) {
  Policy policy = Seed("seetec");
  EXPECT_FALSE(policy.anonymous_complaints);
  ASSERT_TRUE(policy.time_limit);
  EXPECT_TRUE(policy.on_behalf_needs_permission);
  for (std::size_t i = 0; i < policy.exclusions.size(); ++i) {
    Driver d(policy);
    d.Choose("complaint");
    ASSERT_EQ(WalkTo(d, Step::kExclusions), Step::kExclusions);
    d.Choose(policy.exclusions[i].id);
    EXPECT_EQ(d.state().signpost, SignpostReason::kExclusion);
    EXPECT_FALSE(policy.exclusions[i].signpost.empty()) << policy.exclusions[i].id;
  }
  for (std::size_t i = 0; i < policy.eligibility.size(); ++i) {
    if (policy.eligibility[i].asked_when != AnswerMark::kNone) continue;   // the died branch: its own test
    Driver d(policy);
    d.Choose("complaint");
    AnswerAllBlocking(d, policy, i);
    EXPECT_EQ(d.state().signpost, SignpostReason::kEligibility);
    EXPECT_EQ(d.state().signpost_index, static_cast<int>(i));
  }
  {
    Driver d(policy, D(2026, 11, 20));
    d.Choose("complaint");
    WalkTo(d, Step::kWhen);
    d.Choose("over-a-year");
    EXPECT_EQ(d.state().signpost, SignpostReason::kTimeLimit) << "older than 12 months";
  }
  {
    Driver d(policy);
    d.Choose("complaint");
    WalkTo(d, Step::kOnBehalf);
    d.Choose("yes").Choose("permission-no");
    EXPECT_EQ(d.state().signpost, SignpostReason::kOnBehalfPermission);
  }
}

// Each field asks for the keyboard its answer needs.
TEST(JourneyFields, EachFieldNamesItsKeyboard) {
  EXPECT_EQ(FieldKeyboard(Field::kPhone), KeyboardKind::kNumber);
  EXPECT_EQ(FieldKeyboard(Field::kEmail), KeyboardKind::kEmail);
  EXPECT_EQ(FieldKeyboard(Field::kReference), KeyboardKind::kCode);
  EXPECT_EQ(FieldKeyboard(Field::kTrackingCode), KeyboardKind::kCode);
  for (Field f : {Field::kSubject, Field::kPraise, Field::kWhatHappened, Field::kAffected, Field::kPutRight, Field::kName,
                  Field::kAddress, Field::kTheirName, Field::kOtherLanguage, Field::kFeedback})
    EXPECT_EQ(FieldKeyboard(f), KeyboardKind::kText) << FieldKey(f);
}

}  // namespace
}  // namespace tellus
