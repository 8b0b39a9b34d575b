// An anonymous complainant follows up with nothing but the receipt: status,
// the staff's reply, escalation to the next stage, withdrawal. Real binary, loopback.
#include <gtest/gtest.h>

#include <cctype>

#include "register_process.h"
#include "sync/register/audit_actor.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

std::string NewUuid() { return testing::NewRequestUuid(); }

TEST(KioskRequests, AnonymousComplainantEscalatesAndWithdrawsWithTheReceiptOnly) {
  RegisterFixture f("seetec");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  std::string today = reg::IsoNow();
  auto item = testing::MakeItem(f.identity, 1, "seetec", nullptr, today);
  sync::RegisterClient kiosk(f.identity);
  ASSERT_EQ(kiosk.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0}).accepted.size(), 1u);

  // Only the receipt: reference and tracking code.
  const std::string ref = item.clear.reference, code = item.tracking_code;
  proto::CaseStatus status = kiosk.Status(ref, code);
  EXPECT_EQ(status.state, CaseState::kReceived);
  EXPECT_FALSE(status.stage_id.empty());
  EXPECT_FALSE(status.respond_by.empty());
  EXPECT_FALSE(status.can_escalate);   // nothing answered yet
  EXPECT_TRUE(status.can_withdraw);

  proto::KioskRequest early{NewUuid(), ref, code, proto::RequestAction::kEscalate, ""};
  proto::RequestReply refused = kiosk.Request(early);
  EXPECT_FALSE(refused.done);
  EXPECT_FALSE(refused.reason.empty());

  // Staff answer at the register; the person reads it at the kiosk.
  std::string out;
  ASSERT_EQ(RunRegister({"case", "ack", ref, "--db", f.db}, &out), 0) << out;
  ASSERT_EQ(RunRegister({"case", "reply", ref, "--db", f.db, "--text", "We looked into it and we are sorry."}, &out), 0)
      << out;
  status = kiosk.Status(ref, code);
  EXPECT_EQ(status.state, CaseState::kAnswered);
  EXPECT_EQ(status.latest_reply, "We looked into it and we are sorry.");
  EXPECT_TRUE(status.can_escalate);
  EXPECT_FALSE(status.next_stage_name.empty());
  std::string first_stage = status.stage_id;

  proto::RequestReply escalated = kiosk.Request({NewUuid(), ref, code, proto::RequestAction::kEscalate, "Not fixed"});
  EXPECT_TRUE(escalated.done) << escalated.reason;
  EXPECT_NE(escalated.status.stage_id, first_stage);
  EXPECT_EQ(escalated.status.state, CaseState::kReceived);
  EXPECT_EQ(kiosk.Status(ref, code).stage_id, escalated.status.stage_id);

  // A wrong code changes nothing.
  EXPECT_THROW(kiosk.Request({NewUuid(), ref, NewTrackingCode(), proto::RequestAction::kWithdraw, ""}), sync::SyncError);
  proto::RequestReply withdrawn = kiosk.Request({NewUuid(), ref, code, proto::RequestAction::kWithdraw, ""});
  EXPECT_TRUE(withdrawn.done);
  EXPECT_EQ(withdrawn.status.state, CaseState::kClosed);
  EXPECT_EQ(withdrawn.status.outcome, Outcome::kWithdrawn);
  EXPECT_FALSE(withdrawn.status.can_escalate);

  // The register's staff see it all, and the audit log records who did what.
  ASSERT_EQ(RunRegister({"case", "show", ref, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("Secret words number 1"), std::string::npos);   // opened with the register key
  // Staff may type it as read out (lower case, spaces); only letters and digits, so no shell quoting.
  std::string spoken_form = ref;
  for (char& c : spoken_form) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string same;
  ASSERT_EQ(RunRegister({"case", "show", spoken_form, "--db", f.db}, &same), 0) << same;
  EXPECT_NE(same.find("reference     " + ref), std::string::npos) << same;
  std::string typo = ref;
  typo.back() = typo.back() == 'A' ? 'B' : 'A';
  std::string typo_out;
  EXPECT_NE(RunRegister({"case", "show", typo, "--db", f.db}, &typo_out), 0);
  EXPECT_NE(typo_out.find("no case with reference " + typo), std::string::npos) << typo_out;
  EXPECT_NE(out.find("escalate: Not fixed"), std::string::npos);
  EXPECT_NE(out.find(reg::OsUserActor() + "  ack"), std::string::npos) << "the audit names the OS user";
  EXPECT_NE(out.find("kiosk  close  withdrawn"), std::string::npos);
  ASSERT_EQ(RunRegister({"cases", "--db", f.db, "--all"}, &out), 0) << out;
  EXPECT_NE(out.find(ref), std::string::npos);
  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(out.find(ref), std::string::npos);   // closed: not in the open list
  ASSERT_EQ(RunRegister({"kiosks", "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("Test kiosk"), std::string::npos);
  std::string day = today.substr(0, 10);
  ASSERT_EQ(RunRegister({"report", "--db", f.db, "--from", day, "--to", day, "--csv"}, &out), 0) << out;
  EXPECT_NE(out.find("total,cases,1"), std::string::npos) << out;
  EXPECT_NE(out.find("outcome,withdrawn,1"), std::string::npos) << out;
  EXPECT_NE(out.find("on_time,acknowledged,1"), std::string::npos) << out;
  EXPECT_NE(out.find("on_time,answered,1"), std::string::npos) << out;
  ASSERT_EQ(RunRegister({"purge", "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("0 case(s) purged"), std::string::npos) << out;   // withdrawn today: kept for the retention
}

TEST(KioskRequests, CaseCommandsRefuseBadInputClearly) {
  RegisterFixture f("seetec");
  std::string out;
  EXPECT_NE(RunRegister({"case", "ack", "TS-0000-0000", "--db", f.db}, &out), 0);
  EXPECT_NE(out.find("no case with reference"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"case", "close", "X", "--db", f.db, "--outcome", "maybe"}, &out), 0);
  EXPECT_NE(RunRegister({"report", "--db", f.db, "--from", "yesterday", "--to", "2026-12-31"}, &out), 0);
  EXPECT_NE(out.find("not a date"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"cases", "--db", f.dir / "absent.db"}, &out), 0);
  EXPECT_NE(out.find("tellus-register init"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"init", "--db", f.db}, &out), 0);   // never over an existing register
  EXPECT_NE(RunRegister({"serve", "--db", f.db, "--listen", "0.0.0.0:0"}, &out), 0);
  EXPECT_NE(out.find("needs TLS"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"serve", "--db", f.db, "--listen", "nonsense"}, &out), 0);
  EXPECT_NE(out.find("ADDR:PORT"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
