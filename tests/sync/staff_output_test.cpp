// Issue 13 items 6 and 14: what reaches a staff terminal from `cases` and `case show`
// (control characters shown as visible escapes, long fields cut, clear fields checked
// against the policy when stored) and an audit that names the OS user and is written
// before anything personal is shown.
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "register_process.h"
#include "register_sql.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RunRegister;

// Exports `items` to a bundle and imports it; returns the import's exit code.
int ImportItems(RegisterFixture& f, const std::vector<testing::MadeItem>& items, std::string* out) {
  static int n = 0;
  std::string outbox = f.dir / ("kiosk-" + std::to_string(++n) + ".db");
  Store store = Store::Open(outbox);
  for (const auto& item : items) store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  std::string file = f.dir / ("bundle-" + std::to_string(n) + ".json");
  sync::ExportBundle(store, f.identity, file);
  return RunRegister({"import", "--db", f.db, file}, out);
}

bool HasControl(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
  }
  return text.find("\xc2\x9b") != std::string::npos;   // C1 CSI
}

TEST(StaffOutput, ControlCharactersAreShownAsEscapesAndLongFieldsAreCut) {
  RegisterFixture f;
  auto item = MakeItem(f.identity, 1);
  PersonalPart p;
  p.person.name = "Jane\rDoe";
  p.what_happened = "\x1b]0;owned\x07\x1b[2J\xc2\x9b" "31m" + std::string(1 << 20, 'A');
  item.sealed = SealPersonal(p, f.identity.register_box_public_key);
  std::string out;
  ASSERT_EQ(ImportItems(f, {item}, &out), 0) << out;
  ASSERT_EQ(RunRegister({"case", "show", item.clear.reference, "--db", f.db}, &out), 0) << out.substr(0, 2000);
  EXPECT_FALSE(HasControl(out)) << "a control character reached the terminal";
  EXPECT_NE(out.find("Jane\\rDoe"), std::string::npos) << out.substr(0, 2000);
  EXPECT_NE(out.find("\\x1b]0;owned"), std::string::npos) << out.substr(0, 2000);
  EXPECT_LT(out.size(), 64u * 1024) << "a megabyte field reached the terminal";
  EXPECT_NE(out.find("more bytes not shown"), std::string::npos);
}

TEST(StaffOutput, ClearFieldsAreCheckedAgainstThePolicyWhenStored) {
  RegisterFixture f;
  auto escaped = MakeItem(f.identity, 1);
  escaped.clear.categories = {"\x1b[31mred"};
  std::string out;
  EXPECT_NE(ImportItems(f, {escaped}, &out), 0) << "a category with a control character was stored";
  EXPECT_NE(out.find("categor"), std::string::npos) << out;

  auto unknown = MakeItem(f.identity, 2);
  unknown.clear.categories = {"made-up"};
  ASSERT_EQ(ImportItems(f, {unknown}, &out), 0) << out;
  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("FLAGGED"), std::string::npos) << out;
  ASSERT_EQ(RunRegister({"case", "show", unknown.clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("category 'made-up' is not in policy seetec"), std::string::npos) << out;
}

std::string OsUser() {
  const passwd* pw = ::getpwuid(::geteuid());
  return pw ? pw->pw_name : "uid " + std::to_string(::geteuid());
}

TEST(StaffOutput, TheAuditNamesTheOsUserNotAFlagOrUser) {
  RegisterFixture f;
  auto item = MakeItem(f.identity, 1);
  std::string out;
  ASSERT_EQ(ImportItems(f, {item}, &out), 0) << out;
  EXPECT_NE(RunRegister({"case", "ack", item.clear.reference, "--db", f.db, "--actor", "mallory"}, &out), 0)
      << "--actor is not a way to choose who the audit names";
  std::string saved = std::getenv("USER") ? std::getenv("USER") : "";
  ::setenv("USER", "mallory", 1);
  int rc = RunRegister({"case", "ack", item.clear.reference, "--db", f.db}, &out);
  ::setenv("USER", saved.c_str(), 1);
  ASSERT_EQ(rc, 0) << out;
  auto log = reg::OpenRegisterStorage(f.db)->AuditLog(item.clear.reference);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().action, "ack");
  EXPECT_EQ(log.back().actor, OsUser());
}

TEST(StaffOutput, CaseShowPrintsNothingWhenTheAuditCannotBeWritten) {
  RegisterFixture f;
  auto item = MakeItem(f.identity, 1);
  std::string out;
  ASSERT_EQ(ImportItems(f, {item}, &out), 0) << out;
  testing::FailInserts(f.db, "audit", "disk full");
  EXPECT_NE(RunRegister({"case", "show", item.clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(out.find("Secret words"), std::string::npos) << "shown without an audit line: " << out;
  EXPECT_EQ(out.find(item.clear.reference + "\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
