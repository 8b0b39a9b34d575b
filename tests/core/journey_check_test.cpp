// Check my complaint after the register answers: the case's status, asking for the
// next stage or withdrawing (each confirmed first), and the calm answers when the
// case is not found, the register is busy or cannot be reached.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "core/reference.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using namespace testing_journey;

CaseView OpenComplaint() {
  CaseView v;
  v.kind = JourneyKind::kComplaint;
  v.state = CaseState::kAcknowledged;
  v.stage_name = "Stage 1: informal";
  v.acknowledge_by = D(2026, 11, 25);
  v.respond_by = D(2026, 12, 18);
  v.latest_reply = "We are talking to the team.";
  v.can_escalate = true;
  v.next_stage_name = "Stage 2: formal";
  v.escalate_by = D(2027, 1, 8);
  v.can_withdraw = true;
  return v;
}

// At the check result with the register's answer `view`.
Driver& Checked(Driver& d, const CaseView& view) {
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({"SG", 10, 1234})).Type(Field::kTrackingCode, "7d2k9qx4mb").Next();
  d.Do(ev::StatusResult{CheckStatusKind::kFound, view});
  return d;
}

TEST(JourneyCheck, FoundShowsTheCaseAndKeepsTheNormalisedCodesForRequests) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Checked(d, OpenComplaint());
  EXPECT_EQ(d.step(), Step::kCheckResult);
  EXPECT_EQ(d.state().check_status, CheckStatusKind::kFound);
  ASSERT_TRUE(d.state().check_case);
  EXPECT_EQ(d.state().check_case->stage_name, "Stage 1: informal");
  EXPECT_EQ(d.state().check_tracking, "7D2K9-QX4MB");
}

// A reference copied from the receipt with one character wrong or two neighbours
// swapped, typed as people type it (lower case, spaces), is refused on the kiosk:
// the register is never asked, so a typo cannot reach someone else's case.
TEST(JourneyCheck, AOneCharacterTypoInTheReferenceIsRefusedWithoutAskingTheRegister) {
  Policy policy = SeetecLike();
  const std::string reference = FormatReference({"SG", 10, 1234});  // the receipt's spelling
  std::vector<std::string> typos;
  for (std::size_t i = 3; i < reference.size(); ++i) {
    if (reference[i] == '-') continue;
    for (char c : kCrockfordDigits) {
      if (c == reference[i]) continue;
      std::string typo = reference;
      typo[i] = c;
      typos.push_back(typo);
    }
    std::size_t next = reference[i + 1 < reference.size() ? i + 1 : i] == '-' ? i + 2 : i + 1;
    if (next < reference.size() && reference[next] != reference[i]) {
      std::string typo = reference;
      std::swap(typo[i], typo[next]);
      typos.push_back(typo);
    }
  }
  ASSERT_GT(typos.size(), 250u);
  for (std::string typed : typos) {
    for (char& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Driver d(policy);
    d.Choose("check");
    d.Type(Field::kReference, typed).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
    EXPECT_EQ(d.state().notice, Notice::kBadReference) << typed;
    EXPECT_EQ(d.step(), Step::kCheckEntry) << typed;
    for (const JourneyEffect& e : d.all_effects()) {
      ASSERT_FALSE(std::holds_alternative<fx::CheckStatus>(e)) << typed << " was sent to the register";
      ASSERT_FALSE(std::holds_alternative<fx::SendRequest>(e)) << typed << " was sent to the register";
    }
  }
  // The same reference typed right, in the same way, is asked about.
  std::string typed = reference;
  for (char& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Driver d(policy);
  d.Choose("check");
  d.Type(Field::kReference, typed).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
  const auto* asked = d.Find<fx::CheckStatus>();
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(asked->reference, reference);
}

TEST(JourneyCheck, FoundWithoutACaseIsNoAnswer) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({"SG", 10, 1})).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
  d.Do(ev::StatusResult{CheckStatusKind::kFound, std::nullopt});
  EXPECT_EQ(d.state().check_status, CheckStatusKind::kUnavailable);
}

TEST(JourneyCheck, EscalateIsConfirmedThenSentThenReported) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Checked(d, OpenComplaint());
  d.Choose("escalate");
  // Seetec 3.1.5-6: the request "must state the reasons": asked first, in their words.
  ASSERT_EQ(d.step(), Step::kEscalateReason);
  EXPECT_EQ(d.state().check_request, CaseRequest::kEscalate);
  d.Next();
  EXPECT_EQ(d.state().notice, Notice::kNeedText) << "a reason is needed";
  EXPECT_EQ(d.step(), Step::kEscalateReason);
  d.Type(Field::kEscalateReason, "The answer did not look at the missed calls.").Next();
  ASSERT_EQ(d.step(), Step::kCheckConfirm);
  EXPECT_FALSE(d.Emitted<fx::SendRequest>());
  d.Choose("yes");
  const auto* sent = d.Find<fx::SendRequest>();
  ASSERT_NE(sent, nullptr);
  EXPECT_EQ(sent->action, CaseRequest::kEscalate);
  EXPECT_EQ(sent->text, "The answer did not look at the missed calls.");
  EXPECT_EQ(sent->reference, FormatReference({"SG", 10, 1234}));
  EXPECT_EQ(sent->tracking_code, "7D2K9-QX4MB");
  EXPECT_EQ(d.step(), Step::kCheckOutcome);
  EXPECT_EQ(d.state().request_outcome, RequestOutcome::kWaiting);
  EXPECT_FALSE(CanGoBack(d.state())) << "no leaving while the register is asked";
  d.Back();
  d.Do(ev::StartAgain{});
  EXPECT_EQ(d.step(), Step::kCheckOutcome);

  CaseView after = OpenComplaint();
  after.stage_name = "Stage 2: formal";
  after.can_escalate = false;
  d.Do(ev::RequestResult{RequestOutcome::kDone, after});
  EXPECT_EQ(d.state().request_outcome, RequestOutcome::kDone);
  EXPECT_EQ(d.state().check_case->stage_name, "Stage 2: formal");
  d.Choose("status");
  EXPECT_EQ(d.step(), Step::kCheckResult);
  EXPECT_EQ(d.state().request_outcome, RequestOutcome::kNone);
  d.Choose("escalate");
  EXPECT_EQ(d.step(), Step::kCheckResult) << "no next stage to ask for now";
  d.Back();
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_TRUE(d.state().check_tracking.empty());
  EXPECT_FALSE(d.state().check_case);
}

TEST(JourneyCheck, WithdrawCanBeCalledOffAtTheConfirmStep) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Checked(d, OpenComplaint());
  d.Choose("withdraw");
  ASSERT_EQ(d.step(), Step::kCheckConfirm);
  EXPECT_EQ(d.state().check_request, CaseRequest::kWithdraw);
  d.Choose("no");
  EXPECT_EQ(d.step(), Step::kCheckResult);
  EXPECT_EQ(d.state().check_request, CaseRequest::kNone);
  d.Choose("withdraw").Back();
  EXPECT_EQ(d.step(), Step::kCheckResult) << "Back from the confirm step is No";
  d.Choose("withdraw").Choose("yes");
  d.Do(ev::RequestResult{RequestOutcome::kRefused, std::nullopt});
  EXPECT_EQ(d.state().request_outcome, RequestOutcome::kRefused);
  d.Back();
  EXPECT_EQ(d.step(), Step::kCheckResult);
  d.Choose("withdraw").Choose("yes");
  d.Do(ev::RequestResult{RequestOutcome::kUnavailable, std::nullopt});
  EXPECT_EQ(d.state().request_outcome, RequestOutcome::kUnavailable);
  d.Choose("finish");
  EXPECT_EQ(d.step(), Step::kWelcome);
}

TEST(JourneyCheck, FeedbackNeedsWordsIsSentWithTheCodesAndIsWipedAfter) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Checked(d, OpenComplaint());
  d.Choose("feedback");
  ASSERT_EQ(d.step(), Step::kCheckFeedback);
  d.Next();
  EXPECT_EQ(d.state().notice, Notice::kNeedText);
  EXPECT_FALSE(d.Emitted<fx::SendRequest>());
  d.Type(Field::kFeedback, "Kind but slow").Next();
  const auto* sent = d.Find<fx::SendRequest>();
  ASSERT_NE(sent, nullptr);
  EXPECT_EQ(sent->action, CaseRequest::kFeedback);
  EXPECT_EQ(sent->text, "Kind but slow");
  EXPECT_EQ(sent->tracking_code, "7D2K9-QX4MB");
  ASSERT_EQ(d.step(), Step::kCheckOutcome);
  d.Do(ev::RequestResult{RequestOutcome::kDone, OpenComplaint()});
  d.Choose("status");
  EXPECT_EQ(d.step(), Step::kCheckResult);
  EXPECT_TRUE(d.state().check_feedback.empty()) << "sent: not kept on the kiosk";
  d.Choose("feedback").Type(Field::kFeedback, "Never mind").Back();
  EXPECT_EQ(d.step(), Step::kCheckResult);
  EXPECT_TRUE(d.state().check_feedback.empty());
}

TEST(JourneyCheck, ACheckedComplimentOffersNoStagesNoWithdrawalNoFeedback) {
  Policy policy = SeetecLike();
  Driver d(policy);
  CaseView compliment;
  compliment.kind = JourneyKind::kCompliment;
  compliment.state = CaseState::kReceived;
  Checked(d, compliment);
  for (const char* choice : {"escalate", "withdraw", "feedback"}) {
    d.Choose(choice);
    EXPECT_EQ(d.step(), Step::kCheckResult) << choice;
  }
}

TEST(JourneyCheck, ChoicesTheCaseDoesNotAllowAreIgnored) {
  Policy policy = SeetecLike();
  Driver d(policy);
  CaseView closed = OpenComplaint();
  closed.state = CaseState::kClosed;
  closed.can_escalate = false;
  closed.can_withdraw = false;
  Checked(d, closed);
  d.Choose("escalate");
  EXPECT_EQ(d.step(), Step::kCheckResult);
  d.Choose("withdraw");
  EXPECT_EQ(d.step(), Step::kCheckResult);
  d.Choose("try-again");
  EXPECT_FALSE(d.Emitted<fx::CheckStatus>());
}

TEST(JourneyCheck, UnavailableAndBusyOfferToAskAgain) {
  Policy policy = SeetecLike();
  for (CheckStatusKind kind : {CheckStatusKind::kUnavailable, CheckStatusKind::kBusy}) {
    Driver d(policy);
    d.Choose("check");
    d.Type(Field::kReference, FormatReference({"SG", 10, 5})).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
    d.Do(ev::StatusResult{kind, std::nullopt});
    EXPECT_EQ(d.state().check_status, kind);
    d.Choose("try-again");
    ASSERT_TRUE(d.Emitted<fx::CheckStatus>());
    EXPECT_EQ(d.state().check_status, CheckStatusKind::kWaiting);
    d.Do(ev::StatusResult{CheckStatusKind::kFound, OpenComplaint()});
    EXPECT_EQ(d.state().check_status, CheckStatusKind::kFound);
  }
}

TEST(JourneyCheck, NotFoundLetsThePersonCorrectWhatTheyTyped) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({"SG", 10, 5})).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
  d.Do(ev::StatusResult{CheckStatusKind::kNotFound, std::nullopt});
  d.Choose("change-codes");
  EXPECT_EQ(d.step(), Step::kCheckEntry);
  EXPECT_EQ(d.state().check_reference, FormatReference({"SG", 10, 5}));
  d.Do(ev::FocusField{Field::kTrackingCode}).Do(ev::Backspace{20}).Do(ev::TypeText{"8D2K9QX4MB"}).Next();
  const auto* asked = d.Find<fx::CheckStatus>();
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(asked->tracking_code, "8D2K9-QX4MB");
}

TEST(JourneyCheck, ALateAnswerAfterThePersonLeftIsDropped) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({"SG", 10, 5})).Type(Field::kTrackingCode, "7D2K9QX4MB").Next();
  d.Back();
  ASSERT_EQ(d.step(), Step::kWelcome);
  d.Do(ev::StatusResult{CheckStatusKind::kFound, OpenComplaint()});
  EXPECT_FALSE(d.state().check_case);
  d.Do(ev::RequestResult{RequestOutcome::kDone, OpenComplaint()});
  EXPECT_FALSE(d.state().check_case);
  EXPECT_EQ(d.step(), Step::kWelcome);
}

}  // namespace
}  // namespace tellus
