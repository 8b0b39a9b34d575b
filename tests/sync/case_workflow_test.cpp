// Case handling by each seed procedure, with a fixed clock.
#include "sync/register/case_workflow.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "register_process.h"
#include "sync/register/column_text.h"
#include "sync/register/report.h"
#include "sync/register/open_storage.h"

namespace tellus::reg {
namespace {

const std::string kPolicies = std::string(TELLUS_SOURCE_DIR) + "/assets/policies";
const std::string kHolidays = std::string(TELLUS_SOURCE_DIR) + "/assets/holidays";
const char* kSeeds[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};

struct Bench {
  Bench() : storage(OpenRegisterStorage(testing::NewRegisterDb(dir, "r.db"), true)), policies(kPolicies, kHolidays),
            workflow(*storage, policies, [this] { return *ParseIsoUtc(now); }) {
    identity.kiosk_number = 3;
    identity.register_box_public_key = keys.public_key;
  }
  // A case as the kiosk would send it, stored as the server does.
  CaseRecord Submit(const std::string& policy, const std::string& sent_at, Kind kind = Kind::kComplaint) {
    auto made = testing::MakeItem(identity, ++sequence, policy, &hash, sent_at);
    made.clear.kind = kind;
    CaseRecord c = workflow.NewCase({made.clear, made.sealed, made.tracking_hash}, identity.kiosk_number, Via::kNetwork);
    storage->Ingest({c});
    return *storage->FindCase(c.reference);
  }
  Date Add(const std::string& from, const Duration& d, const Policy& p) {
    return AddDuration(ParseIsoDate(from), d, policies.Calendar(p.division));
  }

  testing::TempDir dir;
  std::unique_ptr<RegisterStorage> storage;
  PolicyBook policies;
  std::string now = "2026-12-21T09:00:00Z";
  CaseWorkflow workflow;
  BoxKeyPair keys = NewBoxKeyPair();
  KioskIdentity identity;
  std::string hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
  std::uint64_t sequence = 0;
};

TEST(CaseWorkflow, SeetecDeadlinesCountFromSendNotArrivalAcrossChristmas) {
  Bench b;
  b.now = "2026-12-21T09:00:00Z";   // the kiosk was offline: it arrives four days after Send
  CaseRecord c = b.Submit("seetec", "2026-12-17T10:00:00Z");
  ASSERT_EQ(c.deadline_note, "");
  ASSERT_EQ(c.stages.size(), 1u);
  EXPECT_EQ(ToIso(c.stages[0].entered_on), "2026-12-17");
  // 3 working days: Fri 18, Mon 21, Tue 22.
  EXPECT_EQ(DayText(c.stages[0].acknowledge_due, ""), "2026-12-22");
  // 20 working days, skipping Christmas (Fri 25), Boxing Day's substitute (Mon 28) and New Year's Day.
  EXPECT_EQ(DayText(c.stages[0].respond_due, ""), "2027-01-19");
}

TEST(CaseWorkflow, EverySeedRecomputesDeadlinesOnEachStageChange) {
  for (const char* id : kSeeds) {
    SCOPED_TRACE(id);
    Bench b;
    const Policy& policy = b.policies.Get(id);
    ASSERT_FALSE(policy.stages.empty());
    b.now = "2027-02-01T09:00:00Z";
    CaseRecord c = b.Submit(id, "2027-02-01T08:30:00Z");
    ASSERT_EQ(c.deadline_note, "");
    const Stage& first = policy.stages.front();
    EXPECT_EQ(c.stages[0].stage_id, first.id);
    auto first_ack = policy.acknowledge_within ? policy.acknowledge_within : first.acknowledge_within;
    EXPECT_EQ(DayText(c.stages[0].acknowledge_due, ""), first_ack ? ToIso(b.Add("2027-02-01", *first_ack, policy)) : "");
    EXPECT_EQ(DayText(c.stages[0].respond_due, ""), first.respond_within ? ToIso(b.Add("2027-02-01", *first.respond_within, policy)) : "");

    // Each escalation starts the next stage's clock on the day of the change.
    std::vector<std::string> days = {"2027-02-15", "2027-03-15", "2027-04-12", "2027-05-10"};
    for (std::size_t i = 1; i < policy.stages.size(); ++i) {
      const Stage& stage = policy.stages[i];
      b.now = days[i - 1] + "T10:00:00Z";
      b.workflow.Reply(c.reference, "Our answer", "officer");
      b.workflow.Escalate(c.reference, "officer");
      c = b.workflow.Require(c.reference);
      ASSERT_EQ(c.stages.size(), i + 1);
      EXPECT_EQ(ColumnText(c.stages[i - 1].left_at), b.now);
      const StageRecord& st = c.stages.back();
      EXPECT_EQ(st.stage_id, stage.id);
      EXPECT_EQ(ToIso(st.entered_on), days[i - 1]);
      EXPECT_EQ(DayText(st.acknowledge_due, ""),
                stage.acknowledge_within ? ToIso(b.Add(days[i - 1], *stage.acknowledge_within, policy)) : "");
      EXPECT_EQ(DayText(st.respond_due, ""), stage.respond_within ? ToIso(b.Add(days[i - 1], *stage.respond_within, policy)) : "");
      EXPECT_EQ(c.state, CaseState::kReceived);
    }
    EXPECT_THROW(b.workflow.Escalate(c.reference, "officer"), CaseError);   // past the last stage
    b.workflow.Close(c.reference, Outcome::kNotUpheld, "officer");
    EXPECT_THROW(b.workflow.Escalate(c.reference, "officer"), CaseError);
    EXPECT_THROW(b.workflow.Close(c.reference, Outcome::kUpheld, "officer"), CaseError);
    // Every staff action is in the audit log.
    auto log = b.storage->AuditLog(c.reference);
    EXPECT_EQ(log.size(), 2 * (policy.stages.size() - 1) + 1);
    EXPECT_EQ(log.back().action, "close");
    EXPECT_EQ(log.back().actor, "officer");
  }
}

TEST(CaseWorkflow, ComplimentsAndCommentsHaveNoStages) {
  Bench b;
  const Policy& policy = b.policies.Get("next-steps");
  CaseRecord c = b.Submit("next-steps", "2026-12-21T08:00:00Z", Kind::kCompliment);
  EXPECT_EQ(c.stages[0].stage_id, "");
  EXPECT_EQ(DayText(c.stages[0].acknowledge_due, ""), policy.compliments.acknowledge_within
                                             ? ToIso(b.Add("2026-12-21", *policy.compliments.acknowledge_within, policy))
                                             : "");
  EXPECT_THROW(b.workflow.Escalate(c.reference, "officer"), CaseError);
  EXPECT_FALSE(b.workflow.StatusOf(c).can_escalate);
  EXPECT_FALSE(b.workflow.StatusOf(c).can_withdraw);
}

TEST(CaseWorkflow, OverdueUntilAcknowledgedAndAnswered) {
  Bench b;
  b.now = "2026-12-17T12:00:00Z";
  CaseRecord c = b.Submit("seetec", "2026-12-17T10:00:00Z");
  EXPECT_FALSE(b.workflow.IsOverdue(c, ParseIsoDate("2026-12-22")));
  EXPECT_TRUE(b.workflow.IsOverdue(c, ParseIsoDate("2026-12-23")));   // not acknowledged by 22 December
  b.now = "2026-12-23T09:00:00Z";
  b.workflow.Acknowledge(c.reference, "officer");
  EXPECT_THROW(b.workflow.Acknowledge(c.reference, "officer"), CaseError);
  c = b.workflow.Require(c.reference);
  EXPECT_EQ(c.state, CaseState::kAcknowledged);
  EXPECT_FALSE(b.workflow.IsOverdue(c, ParseIsoDate("2027-01-19")));
  EXPECT_TRUE(b.workflow.IsOverdue(c, ParseIsoDate("2027-01-20")));
  b.workflow.Reply(c.reference, "We are sorry.", "officer");
  c = b.workflow.Require(c.reference);
  EXPECT_FALSE(b.workflow.IsOverdue(c, ParseIsoDate("2027-02-20")));
  EXPECT_EQ(b.workflow.StatusOf(c).latest_reply, "We are sorry.");
}

TEST(CaseWorkflow, KioskEscalationOnlyInsideThePolicyWindow) {
  Bench b;
  b.now = "2027-02-01T09:00:00Z";
  CaseRecord c = b.Submit("seetec", "2027-02-01T08:00:00Z");
  proto::KioskRequest escalate{"11111111-1111-4111-8111-111111111111", c.reference, "", proto::RequestAction::kEscalate, ""};
  proto::RequestReply early = b.workflow.HandleRequest(escalate, c, b.keys.public_key);
  EXPECT_FALSE(early.done);   // not answered and not yet due
  EXPECT_FALSE(early.reason.empty());

  b.now = "2027-02-10T15:00:00Z";   // Wednesday
  b.workflow.Reply(c.reference, "Stage 1 answer", "officer");
  c = b.workflow.Require(c.reference);
  proto::CaseStatus status = b.workflow.StatusOf(c);
  EXPECT_TRUE(status.can_escalate);
  // 10 working days after Wednesday 10 February 2027: Wednesday 24 February.
  EXPECT_EQ(status.escalate_by, "2027-02-24");

  b.now = "2027-02-25T09:00:00Z";
  escalate.request_id = "22222222-2222-4222-8222-222222222222";
  proto::RequestReply late = b.workflow.HandleRequest(escalate, c, b.keys.public_key);
  EXPECT_FALSE(late.done);
  EXPECT_NE(late.reason.find("2027-02-24"), std::string::npos);

  b.now = "2027-02-24T16:00:00Z";
  escalate.request_id = "33333333-3333-4333-8333-333333333333";
  proto::RequestReply ok = b.workflow.HandleRequest(escalate, c, b.keys.public_key);
  EXPECT_TRUE(ok.done);
  EXPECT_EQ(ok.status.stage_id, b.policies.Get("seetec").stages[1].id);
  // The kiosk retrying the same request does not escalate twice.
  c = b.workflow.Require(c.reference);
  proto::RequestReply repeat = b.workflow.HandleRequest(escalate, c, b.keys.public_key);
  EXPECT_TRUE(repeat.done);
  EXPECT_EQ(b.workflow.Require(c.reference).stages.size(), 2u);
}

TEST(CaseWorkflow, WithdrawAndFeedbackFromTheKiosk) {
  Bench b;
  CaseRecord c = b.Submit("next-steps", "2026-12-21T08:00:00Z");
  proto::KioskRequest feedback{"44444444-4444-4444-8444-444444444444", c.reference, "", proto::RequestAction::kFeedback,
                               "The person on the phone was kind"};
  EXPECT_TRUE(b.workflow.HandleRequest(feedback, c, b.keys.public_key).done);
  auto requests = b.storage->Requests(c.uuid);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(Open(requests[0].sealed_text, b.keys), "The person on the phone was kind");   // sealed at rest
  proto::KioskRequest withdraw{"55555555-5555-4555-8555-555555555555", c.reference, "", proto::RequestAction::kWithdraw, ""};
  proto::RequestReply r = b.workflow.HandleRequest(withdraw, c, b.keys.public_key);
  EXPECT_TRUE(r.done);
  EXPECT_EQ(r.status.state, CaseState::kClosed);
  EXPECT_EQ(r.status.outcome, Outcome::kWithdrawn);
  withdraw.request_id = "66666666-6666-4666-8666-666666666666";
  EXPECT_FALSE(b.workflow.HandleRequest(withdraw, b.workflow.Require(c.reference), b.keys.public_key).done);
}

TEST(CaseWorkflow, ReportCountsAndOnTimeShares) {
  Bench b;
  b.now = "2026-12-17T12:00:00Z";
  CaseRecord on_time = b.Submit("seetec", "2026-12-17T10:00:00Z");      // ack by 12-22, answer by 2027-01-19
  CaseRecord late_ack = b.Submit("seetec", "2026-12-17T10:00:00Z");
  CaseRecord never = b.Submit("seetec", "2026-12-17T10:00:00Z");
  CaseRecord outside = b.Submit("seetec", "2027-03-01T10:00:00Z");      // outside the report's dates
  b.now = "2026-12-18T09:00:00Z";
  b.workflow.Acknowledge(on_time.reference, "officer");
  b.now = "2027-01-05T09:00:00Z";
  b.workflow.Reply(on_time.reference, "Answer", "officer");
  b.workflow.Acknowledge(late_ack.reference, "officer");                  // after 22 December
  b.workflow.Close(on_time.reference, Outcome::kUpheld, "officer");
  CaseFilter all;
  Report r = MakeReport(b.storage->Cases(all), ParseIsoDate("2026-12-01"), ParseIsoDate("2026-12-31"), ParseIsoDate("2027-01-06"));
  EXPECT_EQ(r.total, 3);
  EXPECT_EQ(r.counts["kind"]["complaint"], 3);
  EXPECT_EQ(r.counts["outcome"]["upheld"], 1);
  EXPECT_EQ(r.counts["outcome"]["(open)"], 2);
  EXPECT_EQ(r.acknowledged.due, 3);        // all three acknowledgement deadlines have passed or were met
  EXPECT_EQ(r.acknowledged.on_time, 1);
  EXPECT_EQ(r.answered.due, 1);            // the others still have until 19 January
  EXPECT_EQ(r.answered.on_time, 1);
  Report later = MakeReport(b.storage->Cases(all), ParseIsoDate("2026-12-01"), ParseIsoDate("2026-12-31"), ParseIsoDate("2027-01-20"));
  EXPECT_EQ(later.answered.due, 3);
  EXPECT_EQ(later.answered.on_time, 1);
  EXPECT_NE(ReportCsv(later).find("on_time,answered,1"), std::string::npos);
  EXPECT_NE(ReportText(later).find("answered on time      1 of 3 (33.3%)"), std::string::npos);
  (void)outside;
  (void)never;
}

TEST(CaseWorkflow, PurgeDeletesOnlyAfterTheRetentionHasPassed) {
  Bench b;
  const Policy& policy = b.policies.Get("seetec");
  ASSERT_TRUE(policy.retention);
  b.now = "2026-01-05T09:00:00Z";
  CaseRecord c = b.Submit("seetec", "2026-01-05T08:00:00Z");
  CaseRecord open = b.Submit("seetec", "2026-01-05T08:00:00Z");
  b.workflow.Close(c.reference, Outcome::kResolvedInformally, "officer");
  std::string until = ToIso(b.Add("2026-01-05", *policy.retention, policy));
  b.now = until + "T12:00:00Z";
  EXPECT_TRUE(b.workflow.Purge("officer").empty());
  b.now = ToIso(AddDays(ParseIsoDate(until), 1)) + "T12:00:00Z";
  EXPECT_EQ(b.workflow.Purge("officer"), std::vector<std::string>{c.reference});
  EXPECT_FALSE(b.storage->FindCase(c.reference));
  EXPECT_TRUE(b.storage->FindCase(open.reference));   // open cases are never purged
  EXPECT_EQ(b.storage->AuditLog(c.reference).back().action, "purge");
}

TEST(CaseWorkflow, UnknownPolicyKeepsTheCaseAndSaysWhy) {
  Bench b;
  CaseRecord c = b.Submit("no-such-policy", "2026-12-17T10:00:00Z");
  EXPECT_FALSE(c.deadline_note.empty());
  EXPECT_EQ(DayText(c.stages[0].respond_due, ""), "");
  CaseRecord sneaky = b.Submit("../../etc/passwd", "2026-12-17T10:00:00Z");
  EXPECT_NE(sneaky.deadline_note.find("not a plain name"), std::string::npos);
}

}  // namespace
}  // namespace tellus::reg
