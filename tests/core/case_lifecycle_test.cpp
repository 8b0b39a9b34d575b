// The case lifecycle's types: each name parses back to its value, unknown text is refused,
// and the one transition table says which action may move a case from which state.
#include "core/case_lifecycle.h"

#include <gtest/gtest.h>

namespace tellus {
namespace {

template <typename Enum, std::size_t N, typename Parse>
void RoundTrips(const EnumNames<Enum, N>& names, Parse parse) {
  for (const auto& [value, name] : names) {
    EXPECT_EQ(ToString(value), name);
    EXPECT_EQ(parse(name), value) << name;
    EXPECT_EQ(parse(std::string(name) + " "), std::nullopt) << "no trimming, no prefixes";
  }
  EXPECT_EQ(parse(""), std::nullopt);
}

TEST(CaseLifecycle, EveryNameParsesBackAndNothingElseDoes) {
  RoundTrips(kCaseStateNames, ParseCaseState);
  RoundTrips(kOutcomeNames, ParseOutcome);
  RoundTrips(kReplyChannelNames, ParseReplyChannel);
  RoundTrips(kViaNames, ParseVia);
  // The names are the SQL, JSON and CLI text of today's registers: they never change.
  EXPECT_EQ(ChoicesOf(kCaseStateNames), "received, acknowledged, answered, closed");
  EXPECT_EQ(ChoicesOf(kOutcomeNames), "upheld, partly-upheld, not-upheld, resolved-informally, withdrawn, not-eligible");
  EXPECT_EQ(ChoicesOf(kReplyChannelNames), "post, email, in-person, phone");
  EXPECT_EQ(ParseCaseState("Closed"), std::nullopt);
  EXPECT_EQ(ParseOutcome("withdrawn"), Outcome::kWithdrawn);   // an outcome, not a state
  EXPECT_EQ(ParseCaseState("withdrawn"), std::nullopt);
  EXPECT_EQ(NotOneOf("--outcome", "won", kOutcomeNames),
            "--outcome 'won' is not one of upheld, partly-upheld, not-upheld, resolved-informally, withdrawn, "
            "not-eligible");
}

TEST(CaseLifecycle, AClosedCaseOnlyReopensOrGoesBack) {
  for (CaseKind kind : {Kind::kCompliment, Kind::kComplaint, Kind::kComment}) {
    for (CaseAction action : {CaseAction::kAcknowledge, CaseAction::kReply, CaseAction::kExtend,
                              CaseAction::kEscalate, CaseAction::kWithdraw, CaseAction::kClose}) {
      EXPECT_FALSE(CanMove(kind, CaseState::kClosed, action)) << ToString(kind);
    }
    EXPECT_EQ(StateAfter(kind, CaseState::kClosed, CaseAction::kReopen), CaseState::kReceived);
  }
  EXPECT_EQ(StateAfter(Kind::kComplaint, CaseState::kClosed, CaseAction::kSendBack), CaseState::kReceived);
}

TEST(CaseLifecycle, OpenCasesMoveAsStaffAct) {
  for (CaseState open : {CaseState::kReceived, CaseState::kAcknowledged, CaseState::kAnswered}) {
    EXPECT_FALSE(CanMove(Kind::kComplaint, open, CaseAction::kReopen)) << "only a closed case reopens";
    EXPECT_EQ(StateAfter(Kind::kComplaint, open, CaseAction::kReply), CaseState::kAnswered);
    EXPECT_EQ(StateAfter(Kind::kComplaint, open, CaseAction::kExtend), open);
    EXPECT_EQ(StateAfter(Kind::kComplaint, open, CaseAction::kClose), CaseState::kClosed);
    EXPECT_EQ(StateAfter(Kind::kComplaint, open, CaseAction::kWithdraw), CaseState::kClosed);
    EXPECT_EQ(StateAfter(Kind::kComplaint, open, CaseAction::kEscalate), CaseState::kReceived);
  }
  EXPECT_EQ(StateAfter(Kind::kComplaint, CaseState::kReceived, CaseAction::kAcknowledge), CaseState::kAcknowledged);
  // Acknowledging an answered case (a later stage's letter) does not undo the answer.
  EXPECT_EQ(StateAfter(Kind::kComplaint, CaseState::kAnswered, CaseAction::kAcknowledge), CaseState::kAnswered);
}

TEST(CaseLifecycle, OnlyComplaintsHaveStages) {
  for (CaseKind kind : {Kind::kCompliment, Kind::kComment}) {
    EXPECT_FALSE(CanMove(kind, CaseState::kReceived, CaseAction::kEscalate));
    EXPECT_FALSE(CanMove(kind, CaseState::kAnswered, CaseAction::kSendBack));
    EXPECT_TRUE(CanMove(kind, CaseState::kReceived, CaseAction::kClose));
    EXPECT_TRUE(CanMove(kind, CaseState::kReceived, CaseAction::kReply));
  }
}

}  // namespace
}  // namespace tellus
