// The register's domain on its own: this program links tellus_register_domain only (no
// libmicrohttpd, no CLI11), and staff actions go through the one transition table
// (core/case_lifecycle.h), each refusal telling staff why in plain words.
#include <gtest/gtest.h>

#include "../sync/register_process.h"
#include "sync/register/case_workflow.h"
#include "sync/register/sqlite_storage.h"

namespace tellus::reg {
namespace {

struct Desk {
  Desk()
      : storage(SqliteRegisterStorage::Open(dir / "r.db", true)),
        policies(std::string(TELLUS_SOURCE_DIR) + "/assets/policies", std::string(TELLUS_SOURCE_DIR) + "/assets/holidays"),
        workflow(*storage, policies, [this] { return *ParseIsoUtc(now); }) {
    identity.kiosk_number = 4;
    identity.register_box_public_key = NewBoxKeyPair().public_key;
  }
  CaseRecord Submit(Kind kind, const std::string& policy = "seetec") {
    auto made = testing::MakeItem(identity, ++sequence, policy, &hash, "2027-02-01T08:30:00Z");
    made.clear.kind = kind;
    storage->Ingest({workflow.NewCase({made.clear, made.sealed, made.tracking_hash}, identity.kiosk_number, Via::kUsb)});
    return workflow.Require(made.clear.reference);
  }
  std::string Refusal(const std::function<void()>& action) {
    try {
      action();
    } catch (const CaseError& e) {
      return e.what();
    }
    return "(done)";
  }

  testing::TempDir dir;
  std::unique_ptr<SqliteRegisterStorage> storage;
  PolicyBook policies;
  std::string now = "2027-02-01T09:00:00Z";
  CaseWorkflow workflow;
  KioskIdentity identity;
  std::string hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
  std::uint64_t sequence = 0;
};

TEST(CaseTransitions, AClosedCaseRefusesWorkUntilReopenedAndReopeningStartsAfresh) {
  Desk d;
  const CaseRecord c = d.Submit(Kind::kComplaint);
  const std::string& ref = c.reference;
  EXPECT_EQ(c.via, Via::kUsb);
  EXPECT_EQ(d.Refusal([&] { d.workflow.Reopen(ref, "officer"); }), ref + " is not closed");
  d.workflow.Acknowledge(ref, "officer");
  EXPECT_EQ(d.workflow.Require(ref).state, CaseState::kAcknowledged);
  d.now = "2027-02-03T11:00:00Z";
  d.workflow.Reply(ref, "Our answer", "officer", ReplyChannel::kEmail);
  EXPECT_EQ(d.workflow.Require(ref).state, CaseState::kAnswered);
  d.workflow.Close(ref, Outcome::kPartlyUpheld, "officer");
  const CaseRecord closed = d.workflow.Require(ref);
  EXPECT_EQ(closed.state, CaseState::kClosed);
  EXPECT_EQ(closed.outcome, Outcome::kPartlyUpheld);
  EXPECT_EQ(closed.stages.back().reply_sent_by, ReplyChannel::kEmail);

  EXPECT_EQ(d.Refusal([&] { d.workflow.Close(ref, Outcome::kUpheld, "officer"); }),
            ref + " is already closed (partly-upheld)");
  EXPECT_EQ(d.Refusal([&] { d.workflow.Withdraw(ref, false, "", "officer"); }), ref + " is already closed (partly-upheld)");
  EXPECT_EQ(d.Refusal([&] { d.workflow.Reply(ref, "More", "officer"); }), ref + " is closed");
  EXPECT_EQ(d.Refusal([&] { d.workflow.Acknowledge(ref, "officer"); }), ref + " is closed");
  EXPECT_EQ(d.Refusal([&] { d.workflow.Escalate(ref, "officer"); }), ref + " is closed");
  EXPECT_EQ(d.Refusal([&] { d.workflow.Extend(ref, ParseIsoDate("2027-03-01"), "a report", "officer"); }),
            ref + " is closed");
  EXPECT_FALSE(d.workflow.StatusOf(closed).can_withdraw);

  d.now = "2027-02-08T09:00:00Z";
  d.workflow.Reopen(ref, "officer");
  const CaseRecord again = d.workflow.Require(ref);
  EXPECT_EQ(again.state, CaseState::kReceived);
  EXPECT_EQ(again.outcome, std::nullopt);
  EXPECT_EQ(again.closed_at, std::nullopt);
  ASSERT_EQ(again.stages.size(), 2u);
  EXPECT_EQ(ToIso(again.stages.back().entered_on), "2027-02-08");   // its clock starts on the day it reopened
  EXPECT_EQ(d.storage->AuditLog(ref).back().action, "reopen");
}

TEST(CaseTransitions, ComplimentsAndCommentsCloseButNeverMoveBetweenStages) {
  Desk d;
  for (Kind kind : {Kind::kCompliment, Kind::kComment}) {
    const std::string ref = d.Submit(kind, "next-steps").reference;
    const std::string why = ref + " is a " + ToString(kind) + ": only complaints have stages";
    EXPECT_EQ(d.Refusal([&] { d.workflow.Escalate(ref, "officer"); }), why);
    EXPECT_EQ(d.Refusal([&] { d.workflow.SendBack(ref, "stage-1", "officer"); }), why);
    d.workflow.Close(ref, Outcome::kResolvedInformally, "officer");
    EXPECT_EQ(d.workflow.Require(ref).state, CaseState::kClosed);
  }
}

}  // namespace
}  // namespace tellus::reg
