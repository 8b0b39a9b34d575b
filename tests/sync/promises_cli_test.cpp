// Every promise of the seed procedures reaches staff through the real register process:
// urgent safeguarding cases first with the policy's contacts, who handles the stage and
// where else to go, Seetec 2.3.5, the Stepping Stones childcare outcome held across an
// escalation, posted replies, extensions, reopening, sending back and withdrawal by policy.
#include <gtest/gtest.h>

#include <sodium.h>

#include "core/date.h"
#include "core/seal.h"
#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

std::string NewRequestId() { return testing::NewRequestUuid(); }

std::string Today() { return reg::IsoNow().substr(0, 10); }
std::string DaysFromToday(int days) { return ToIso(AddDays(ParseIsoDate(Today()), days)); }

// A register with one kiosk of `policy`, served on loopback, and a kiosk client.
struct Live {
  explicit Live(const std::string& policy) : f(policy), server(f.db) {
    server.Start();
    f.UseServer(server);
    kiosk = std::make_unique<sync::RegisterClient>(f.identity);
  }
  // Sends a complaint as the kiosk would; `edit` shapes the clear and personal parts.
  testing::MadeItem Send(const std::string& policy, const std::string& service,
                         const std::function<void(ClearPart&, PersonalPart&)>& edit = {}) {
    auto item = testing::MakeItem(f.identity, ++sequence, policy, nullptr, reg::IsoNow());
    item.clear.service_id = service;
    PersonalPart personal;
    personal.what_happened = "What happened, number " + std::to_string(sequence);
    if (edit) edit(item.clear, personal);
    item.sealed = SealPersonal(personal, f.identity.register_box_public_key);
    EXPECT_EQ(kiosk->Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0}).accepted.size(), 1u);
    return item;
  }
  // `expect`: 0 for success, anything else for a refusal.
  std::string Cli(const std::vector<std::string>& args, int expect = 0) {
    std::vector<std::string> all = args;
    all.push_back("--db");
    all.push_back(f.db);
    std::string out;
    int code = RunRegister(all, &out);
    if (expect == 0) {
      EXPECT_EQ(code, 0) << out;
    } else {
      EXPECT_NE(code, 0) << out;                   // refused, with the reason in `out`
    }
    return out;
  }

  RegisterFixture f;
  RegisterProcess server;
  std::unique_ptr<sync::RegisterClient> kiosk;
  std::uint64_t sequence = 0;
};

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(PromisesCli, SteppingStonesSafeguardingCaseIsUrgentFirstWithTheSeedsContacts) {
  Live live("stepping-stones");
  auto ordinary = live.Send("stepping-stones", "womens-service");
  auto urgent = live.Send("stepping-stones", "childcare", [](ClearPart& clear, PersonalPart&) { clear.urgent = true; });

  std::string list = live.Cli({"cases"});
  ASSERT_TRUE(Has(list, urgent.clear.reference)) << list;
  EXPECT_LT(list.find(urgent.clear.reference), list.find(ordinary.clear.reference)) << "urgent cases come first\n" << list;
  EXPECT_TRUE(Has(list.substr(list.find(urgent.clear.reference)), "URGENT")) << list;
  std::string only = live.Cli({"cases", "--urgent"});
  EXPECT_TRUE(Has(only, urgent.clear.reference)) << only;
  EXPECT_FALSE(Has(only, ordinary.clear.reference)) << only;
  EXPECT_TRUE(Has(only, "1 case(s)")) << only;

  std::string show = live.Cli({"case", "show", urgent.clear.reference});
  EXPECT_TRUE(Has(show, "URGENT: the person said someone is being hurt, or in danger")) << show;
  EXPECT_TRUE(Has(show, "Member of staff will be suspended")) << show;
  EXPECT_TRUE(Has(show, "Local Authority Designated Officer (LADO): 01582 548069")) << show;
  EXPECT_TRUE(Has(show, "Luton Safeguarding Children Board: 01582 547590")) << show;
  EXPECT_TRUE(Has(show, "Ofsted: 0300 123 1231")) << show;
  // Who handles stage 1, how to ask for stage 2, and where else the person may go at any stage.
  EXPECT_TRUE(Has(show, "handled by    Your keyworker, the Women's Service Manager")) << show;
  EXPECT_TRUE(Has(show, "how to ask    Write to The CEO, Stepping Stones, 9a George Street West")) << show;
  EXPECT_TRUE(Has(show, "other places (at any stage):")) << show;
  EXPECT_TRUE(Has(show, "The Charity Commission (at any stage)")) << show;
  EXPECT_TRUE(Has(show, "Ofsted (at any stage, about the childcare service), phone 0300 123 1231")) << show;

  std::string plain = live.Cli({"case", "show", ordinary.clear.reference});
  EXPECT_FALSE(Has(plain, "URGENT")) << plain;
}

TEST(PromisesCli, SteppingStonesChildcareOutcomeIsHeldAcrossAnEscalation) {
  Live live("stepping-stones");
  auto child = live.Send("stepping-stones", "childcare");
  auto women = live.Send("stepping-stones", "womens-service");
  const std::string due = DaysFromToday(20);   // "within 20 days of the date the complaint was made"

  proto::CaseStatus status = live.kiosk->Status(child.clear.reference, child.tracking_code);
  EXPECT_EQ(status.respond_by, due) << "the seed's promise is shown at the kiosk";
  // Stage 1's 20 days for the women's service is our own choice: the register keeps it, the kiosk does not promise it.
  EXPECT_EQ(live.kiosk->Status(women.clear.reference, women.tracking_code).respond_by, "");
  EXPECT_TRUE(Has(live.Cli({"case", "show", women.clear.reference}), "is our own choice"));

  live.Cli({"case", "reply", child.clear.reference, "--text", "We spoke to the nursery."});
  std::string moved = live.Cli({"case", "escalate", child.clear.reference});
  // Stage 2 gives 28 days from today, but the childcare outcome is still due 20 days from the complaint.
  EXPECT_TRUE(Has(moved, "is now at stage-2")) << moved;
  EXPECT_TRUE(Has(moved, "answer by " + due)) << moved;
  status = live.kiosk->Status(child.clear.reference, child.tracking_code);
  EXPECT_EQ(status.stage_id, "stage-2");
  EXPECT_EQ(status.respond_by, due);
  std::string show = live.Cli({"case", "show", child.clear.reference});
  EXPECT_TRUE(Has(show, "outcome due   " + due + " (from the date the complaint was made, at every stage)")) << show;

  // Another policy's second stage is timed from the escalation as usual.
  live.Cli({"case", "reply", women.clear.reference, "--text", "We talked to your keyworker."});
  EXPECT_TRUE(Has(live.Cli({"case", "escalate", women.clear.reference}), "answer by " + DaysFromToday(28)));
}

TEST(PromisesCli, SeetecComplaintAboutSomeoneWhoHasDiedIsTakenFromFamilyForStaffToAssess) {
  Live live("seetec");
  auto item = live.Send("seetec", "pluss", [](ClearPart& clear, PersonalPart& p) {
    clear.anonymous = false;
    p.person.anonymous = false;
    p.person.name = "Sam Jones";
    p.on_behalf.on_behalf = true;
    p.on_behalf.deceased = true;
    p.on_behalf.their_name = "Pat Jones";
  });
  std::string show = live.Cli({"case", "show", item.clear.reference});
  EXPECT_TRUE(Has(show, "on behalf of      Pat Jones")) << show;
  EXPECT_FALSE(Has(show, "NOT given")) << "no written permission is asked about someone who has died\n" << show;
  EXPECT_TRUE(Has(show, "about someone who has died")) << show;
  EXPECT_TRUE(Has(show, "2.3.5: a complaint about someone who has died")) << show;
  EXPECT_TRUE(Has(show, "Assess it case by case.")) << show;
}

TEST(PromisesCli, ExtensionGivesTheKioskANewDateAndItsReason) {
  Live live("next-steps");
  auto item = live.Send("next-steps", "");
  const std::string to = DaysFromToday(60);
  std::string out = live.Cli({"case", "extend", item.clear.reference, "--to", to, "--reason",
                              "We are waiting for the care records."});
  EXPECT_TRUE(Has(out, "answer by " + to)) << out;
  proto::CaseStatus status = live.kiosk->Status(item.clear.reference, item.tracking_code);
  EXPECT_EQ(status.extended_to, to);
  EXPECT_EQ(status.respond_by, to);
  EXPECT_EQ(status.extension_reason, "We are waiting for the care records.");
  std::string show = live.Cli({"case", "show", item.clear.reference});
  EXPECT_TRUE(Has(show, "extended to   " + to)) << show;
  EXPECT_TRUE(Has(show, "extend  response: answer by " + to)) << show;   // audited

  std::string err = live.Cli({"case", "extend", item.clear.reference, "--to", "2020-01-01", "--reason", "x"}, 1);
  EXPECT_TRUE(Has(err, "is in the past")) << err;
  err = live.Cli({"case", "extend", item.clear.reference, "--to", "soon", "--reason", "x"}, 1);
  EXPECT_TRUE(Has(err, "'soon' is not a date")) << err;
}

TEST(PromisesCli, SeetecAppealPanelSendsBackToStageTwoAndAClosedCaseReopens) {
  Live live("seetec");
  auto item = live.Send("seetec", "pluss");
  const std::string ref = item.clear.reference;
  for (int i = 0; i < 2; ++i) {
    live.Cli({"case", "reply", ref, "--text", "Our answer."});
    live.Cli({"case", "escalate", ref});
  }
  EXPECT_EQ(live.kiosk->Status(ref, item.tracking_code).stage_id, "stage-3");
  std::string back = live.Cli({"case", "send-back", ref, "--to", "stage-2"});
  EXPECT_TRUE(Has(back, "is back at stage-2")) << back;
  proto::CaseStatus status = live.kiosk->Status(ref, item.tracking_code);
  EXPECT_EQ(status.stage_id, "stage-2");
  EXPECT_EQ(status.state, CaseState::kReceived);
  EXPECT_FALSE(status.respond_by.empty()) << "a fresh clock for the reopened formal stage";
  std::string err = live.Cli({"case", "send-back", ref, "--to", "stage-3"}, 1);
  EXPECT_TRUE(Has(err, "send-back goes to an earlier stage")) << err;
  err = live.Cli({"case", "send-back", ref, "--to", "stage-9"}, 1);
  EXPECT_TRUE(Has(err, "no stage 'stage-9' (its stages: stage-1, stage-2, stage-3)")) << err;

  live.Cli({"case", "close", ref, "--outcome", "not-upheld"});
  std::string reopened = live.Cli({"case", "reopen", ref});
  EXPECT_TRUE(Has(reopened, "is open again at stage-2")) << reopened;
  status = live.kiosk->Status(ref, item.tracking_code);
  EXPECT_EQ(status.state, CaseState::kReceived);
  EXPECT_EQ(status.outcome, std::nullopt);
  std::string show = live.Cli({"case", "show", ref});
  EXPECT_TRUE(Has(show, "send-back  stage-2")) << show;
  EXPECT_TRUE(Has(show, "reopen  stage-2")) << show;
  err = live.Cli({"case", "reopen", ref}, 1);
  EXPECT_TRUE(Has(err, "is not closed")) << err;
}

TEST(PromisesCli, WithdrawalFollowsThePolicy) {
  // Works for Us "reserves the right to continue to investigate serious complaints".
  Live wfu("works-for-us");
  auto item = wfu.Send("works-for-us", "");
  proto::RequestReply reply =
      wfu.kiosk->Request({NewRequestId(), item.clear.reference, item.tracking_code, proto::RequestAction::kWithdraw, ""});
  EXPECT_TRUE(reply.done) << reply.reason;
  EXPECT_EQ(reply.status.state, CaseState::kReceived) << "still open: staff decide";
  EXPECT_TRUE(reply.status.withdraw_requested);
  EXPECT_FALSE(reply.status.can_withdraw);
  std::string show = wfu.Cli({"case", "show", item.clear.reference});
  EXPECT_TRUE(Has(show, "WITHDRAWAL asked for")) << show;
  EXPECT_TRUE(Has(show, "we may still carry on looking into it")) << show;
  std::string out = wfu.Cli({"case", "withdraw", item.clear.reference, "--continue", "--note", "Serious: a safety issue."});
  EXPECT_TRUE(Has(out, "the case continues")) << out;
  EXPECT_TRUE(Has(wfu.Cli({"case", "show", item.clear.reference}), "withdraw-continued  Serious: a safety issue."));
  out = wfu.Cli({"case", "withdraw", item.clear.reference});
  EXPECT_TRUE(Has(out, "closed (withdrawn)")) << out;

  // Seetec 2.9.1: "the outcome will be recorded as withdrawn and the complaint closed".
  Live seetec("seetec");
  auto other = seetec.Send("seetec", "pluss");
  std::string err = seetec.Cli({"case", "withdraw", other.clear.reference, "--continue", "--note", "x"}, 1);
  EXPECT_TRUE(Has(err, "policy seetec closes a withdrawn complaint")) << err;
  reply = seetec.kiosk->Request(
      {NewRequestId(), other.clear.reference, other.tracking_code, proto::RequestAction::kWithdraw, ""});
  EXPECT_EQ(reply.status.state, CaseState::kClosed);
  EXPECT_EQ(reply.status.outcome, Outcome::kWithdrawn);
}

TEST(PromisesCli, APostedReplyCountsFromWhenItArrives) {
  // Steps to Work stage 3: "within 10 working days of receipt of the response given under stage 2".
  Live live("steps-to-work");
  auto posted = live.Send("steps-to-work", "steps-to-work");
  auto emailed = live.Send("steps-to-work", "steps-to-work");
  for (const auto* item : {&posted, &emailed}) {
    live.Cli({"case", "reply", item->clear.reference, "--text", "Stage 1 answer."});
    live.Cli({"case", "escalate", item->clear.reference});
  }
  live.Cli({"case", "reply", posted.clear.reference, "--text", "Stage 2 answer.", "--sent-by", "post"});
  live.Cli({"case", "reply", emailed.clear.reference, "--text", "Stage 2 answer.", "--sent-by", "email"});
  proto::CaseStatus by_post = live.kiosk->Status(posted.clear.reference, posted.tracking_code);
  proto::CaseStatus by_email = live.kiosk->Status(emailed.clear.reference, emailed.tracking_code);
  ASSERT_TRUE(by_post.can_escalate);
  ASSERT_TRUE(by_email.can_escalate);
  EXPECT_GT(by_post.escalate_by, by_email.escalate_by) << "two working days of post added";
  std::string show = live.Cli({"case", "show", posted.clear.reference});
  EXPECT_TRUE(Has(show, "reply sent by post, counts as received")) << show;
  live.Cli({"case", "reply", posted.clear.reference, "--text", "x", "--sent-by", "pigeon"}, 1);
}

TEST(PromisesCli, WorksForUsSecondReviewTimeIsNotPromisedAtTheKiosk) {
  Live live("works-for-us");
  auto item = live.Send("works-for-us", "");
  EXPECT_FALSE(live.kiosk->Status(item.clear.reference, item.tracking_code).respond_by.empty()) << "the seed's 28 days";
  live.Cli({"case", "reply", item.clear.reference, "--text", "First review."});
  live.Cli({"case", "escalate", item.clear.reference});
  proto::CaseStatus status = live.kiosk->Status(item.clear.reference, item.tracking_code);
  EXPECT_EQ(status.stage_id, "second-review");
  EXPECT_EQ(status.respond_by, "") << "the seed gives no time for the second review";
  std::string show = live.Cli({"case", "show", item.clear.reference});
  EXPECT_TRUE(Has(show, "answer by " + DaysFromToday(28))) << "the register still uses it\n" << show;
  EXPECT_TRUE(Has(show, "other places (after the last stage):")) << show;
  EXPECT_TRUE(Has(show, "The police (after the second review, if a crime may have happened), phone 101")) << show;
}

}  // namespace
}  // namespace tellus
