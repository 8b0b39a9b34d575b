// Staff accounts: the CLI that makes them, Argon2id hashes, the lock-out that grows, scopes.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/register/case_workflow.h"
#include "sync/register/open_storage.h"
#include "sync/register/staff_auth.h"

namespace tellus::reg {
namespace {

// tellus-register with `input` on its standard input, as a person typing a password into a pipe.
int RunWithInput(const std::string& input, const std::vector<std::string>& args, std::string* output) {
  std::string command = "printf '%s\\n' " + testing::ShellQuote(input) + " | " +
                        testing::ShellQuote(testing::RegisterBinary());
  for (const auto& a : args) {
    command += ' ';
    command += testing::ShellQuote(a);
  }
  return testing::RunProgram("/bin/sh", {"-c", command}, output);
}

struct StaffFixture {
  StaffFixture() {
    db = dir / "register.db";
    OpenRegisterStorage(db, true);
    staff = OpenStaffStore(db);
  }
  StaffAccount Add(const std::string& name, StaffRole role, const std::string& password) {
    StaffAccount a;
    a.name = name;
    a.role = role;
    a.password_hash = HashPassword(password);
    a.created_at = IsoNow();
    EXPECT_TRUE(staff->AddStaff(a));
    return a;
  }
  testing::TempDir dir;
  std::string db;
  std::unique_ptr<StaffStore> staff;
};

TEST(StaffAccounts, CliAddsAnAdminWithAnArgon2idHashAndRefusesShortPasswords) {
  testing::TempDir dir;
  std::string db = dir / "register.db", out;
  ASSERT_EQ(testing::RunRegister({"init", "--db", db}, &out), 0) << out;
  ASSERT_EQ(RunWithInput("a long enough secret", {"staff", "add", "--db", db, "--name", "ada", "--role", "admin"}, &out), 0)
      << out;
  EXPECT_NE(RunWithInput("short", {"staff", "add", "--db", db, "--name", "bob"}, &out), 0);
  EXPECT_NE(out.find("shorter than 10"), std::string::npos) << out;
  EXPECT_NE(RunWithInput("a long enough secret", {"staff", "add", "--db", db, "--name", "ada"}, &out), 0);
  EXPECT_NE(out.find("exists already"), std::string::npos) << out;
  EXPECT_NE(RunWithInput("a long enough secret", {"staff", "add", "--db", db, "--name", "m", "--role", "manager",
                                                  "--policy", "seetec"}, &out), 0);
  EXPECT_NE(out.find("narrow a handler"), std::string::npos) << out;
  ASSERT_EQ(RunWithInput("another long secret", {"staff", "add", "--db", db, "--name", "bob", "--role", "handler",
                                                 "--policy", "seetec", "--service", "restart"}, &out), 0) << out;
  ASSERT_EQ(testing::RunRegister({"staff", "list", "--db", db}, &out), 0) << out;
  EXPECT_NE(out.find("ada                 admin"), std::string::npos) << out;
  EXPECT_NE(out.find("seetec          restart         active"), std::string::npos) << out;

  auto staff = OpenStaffStore(db);
  auto ada = staff->FindStaff("ada");
  ASSERT_TRUE(ada);
  EXPECT_EQ(ada->password_hash.rfind("$argon2id$", 0), 0u) << ada->password_hash;
  EXPECT_EQ(ada->password_hash.find("a long enough secret"), std::string::npos);
  EXPECT_EQ(SignIn(*staff, "ada", "a long enough secret", 1000).verdict, SignInVerdict::kOk);

  ASSERT_EQ(testing::RunRegister({"staff", "disable", "--db", db, "--name", "bob"}, &out), 0) << out;
  EXPECT_EQ(SignIn(*staff, "bob", "another long secret", 1000).verdict, SignInVerdict::kDisabled);
  ASSERT_EQ(RunWithInput("a brand new secret", {"staff", "reset", "--db", db, "--name", "bob"}, &out), 0) << out;
  EXPECT_EQ(SignIn(*staff, "bob", "another long secret", 1000).verdict, SignInVerdict::kWrong);
  EXPECT_EQ(SignIn(*staff, "bob", "a brand new secret", 1000).verdict, SignInVerdict::kOk);
  // Every change to an account is in the audit log, with who ran the command.
  auto log = OpenRegisterStorage(db)->AuditLog("");
  std::string actions;
  for (const auto& a : log) actions += a.action + " ";
  EXPECT_EQ(actions, "init staff-add staff-add staff-disable staff-reset ");
}

TEST(StaffAccounts, FiveWrongPasswordsLockAndEachFurtherOneLocksTwiceAsLong) {
  StaffFixture f;
  f.Add("ada", StaffRole::kAdmin, "the right password");
  std::int64_t now = 1'000'000;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(SignIn(*f.staff, "ada", "wrong guess", now).verdict, SignInVerdict::kWrong);
  SignInResult fifth = SignIn(*f.staff, "ada", "wrong guess", now);
  EXPECT_EQ(fifth.verdict, SignInVerdict::kLocked);
  EXPECT_EQ(fifth.locked_until, now + kFirstLockSeconds);
  EXPECT_NE(SignInMessage(fifth).find("staff reset"), std::string::npos);
  // Locked: even the right password is refused, and the guesses do not count on.
  EXPECT_EQ(SignIn(*f.staff, "ada", "the right password", now + 60).verdict, SignInVerdict::kLocked);
  // After the lock, one more wrong password locks for twice as long.
  now += kFirstLockSeconds + 1;
  SignInResult sixth = SignIn(*f.staff, "ada", "wrong guess", now);
  EXPECT_EQ(sixth.verdict, SignInVerdict::kLocked);
  EXPECT_EQ(sixth.locked_until, now + 2 * kFirstLockSeconds);
  now += 2 * kFirstLockSeconds + 1;
  EXPECT_EQ(SignIn(*f.staff, "ada", "the right password", now).verdict, SignInVerdict::kOk);
  EXPECT_EQ(f.staff->FindStaff("ada")->failed_logins, 0);   // a right password starts the count again
  EXPECT_EQ(SignIn(*f.staff, "nobody", "the right password", now).verdict, SignInVerdict::kWrong);
}

TEST(StaffAccounts, AHandlerSeesOnlyTheirPolicyAndServiceOthersSeeAll) {
  StaffAccount handler;
  handler.role = StaffRole::kHandler;
  handler.policy = "seetec";
  handler.service = "restart";
  EXPECT_TRUE(MaySee(handler, "seetec", "restart"));
  EXPECT_FALSE(MaySee(handler, "seetec", "work-health"));
  EXPECT_FALSE(MaySee(handler, "next-steps", "restart"));
  handler.service.clear();
  EXPECT_TRUE(MaySee(handler, "seetec", "work-health"));
  StaffAccount manager;
  manager.role = StaffRole::kManager;
  EXPECT_TRUE(MaySee(manager, "next-steps", "anything"));
}

TEST(StaffAccounts, SessionsAreKeptAsHashesAndEndWhenTheAccountIsReset) {
  StaffFixture f;
  f.Add("ada", StaffRole::kAdmin, "the right password");
  std::string token = NewToken();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_NE(token, NewToken());
  f.staff->AddSession({TokenHash(token), "ada", NewToken(), 10, 10});
  EXPECT_FALSE(f.staff->FindSession(token));   // the store never holds the cookie itself
  ASSERT_TRUE(f.staff->FindSession(TokenHash(token)));
  f.staff->TouchSession(TokenHash(token), 99);
  EXPECT_EQ(f.staff->FindSession(TokenHash(token))->last_seen, 99);
  f.staff->EndSessionsOf("ada");
  EXPECT_FALSE(f.staff->FindSession(TokenHash(token)));
  EXPECT_TRUE(SameToken("abc", "abc"));
  EXPECT_FALSE(SameToken("abc", "abd"));
  EXPECT_FALSE(SameToken("", ""));
}

}  // namespace
}  // namespace tellus::reg

namespace tellus::reg {
namespace {

TEST(StaffAccounts, CommandLineAsNameSignsInAppliesTheRoleAndNamesThePersonInTheAudit) {
  testing::RegisterFixture f;
  std::string out;
  ASSERT_EQ(RunWithInput("hal's long password", {"staff", "add", "--db", f.db, "--name", "hal", "--role", "handler",
                                                  "--policy", "seetec", "--service", "somewhere-else"}, &out), 0) << out;
  ASSERT_EQ(RunWithInput("mia's long password", {"staff", "add", "--db", f.db, "--name", "mia", "--role", "manager"},
                         &out), 0) << out;
  std::string reference;
  {
    auto storage = OpenRegisterStorage(f.db);
    PolicyBook policies(std::string(TELLUS_SOURCE_DIR) + "/assets/policies",
                        std::string(TELLUS_SOURCE_DIR) + "/assets/holidays");
    CaseWorkflow workflow(*storage, policies);
    auto item = testing::MakeItem(f.identity, 1, "seetec", nullptr, IsoNow());
    storage->Ingest({workflow.NewCase({item.clear, item.sealed, item.tracking_hash}, f.identity.kiosk_number,
                                      Via::kNetwork)});
    reference = item.clear.reference;
  }
  // A handler of another service may not touch the case, nor see it listed, nor reach the report.
  EXPECT_NE(RunWithInput("hal's long password", {"case", "ack", "--db", f.db, "--as", "hal", reference}, &out), 0);
  EXPECT_NE(out.find("is not one of theirs"), std::string::npos) << out;
  ASSERT_EQ(RunWithInput("hal's long password", {"cases", "--db", f.db, "--as", "hal"}, &out), 0) << out;
  EXPECT_EQ(out.find(reference), std::string::npos) << out;
  EXPECT_NE(RunWithInput("hal's long password", {"report", "--db", f.db, "--as", "hal", "--from", "2026-01-01",
                                                 "--to", "2026-12-31"}, &out), 0);
  EXPECT_NE(out.find("needs a manager"), std::string::npos) << out;
  // A wrong password is refused and counted, like on the staff pages.
  EXPECT_NE(RunWithInput("not the password", {"case", "ack", "--db", f.db, "--as", "mia", reference}, &out), 0);
  EXPECT_NE(out.find("wrong"), std::string::npos) << out;
  EXPECT_EQ(OpenStaffStore(f.db)->FindStaff("mia")->failed_logins, 1);
  // The manager acts, and the audit log names her, not the operating-system user.
  ASSERT_EQ(RunWithInput("mia's long password", {"case", "ack", "--db", f.db, "--as", "mia", reference}, &out), 0)
      << out;
  bool named = false;
  for (const AuditEntry& a : OpenRegisterStorage(f.db)->AuditLog(reference)) {
    named = named || (a.action == "ack" && a.actor == "mia");
  }
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace tellus::reg
