// tellus-sync, the kiosk's sync from a shell, against the real register.
#include <gtest/gtest.h>

#include "register_process.h"

namespace tellus {
namespace {

int RunSync(const std::vector<std::string>& args, std::string* output) {
  return testing::RunProgram(std::string(TELLUS_BINARY_DIR) + "/sync/tellus-sync", args, output);
}

TEST(SyncCli, StatusSendExportAndCheck) {
  testing::RegisterFixture f;
  testing::RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  SaveKioskIdentity(f.identity, f.identity_path);   // now pointing at the running server
  std::string outbox = f.dir / "kiosk.db";
  auto item = testing::MakeItem(f.identity, 1);
  {
    Store store = Store::Open(outbox);
    store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  }
  std::string out;
  ASSERT_EQ(RunSync({"status", "--identity", f.identity_path, "--outbox", outbox}, &out), 0) << out;
  EXPECT_NE(out.find("1 waiting"), std::string::npos) << out;
  EXPECT_NE(out.find(item.clear.reference), std::string::npos) << out;
  EXPECT_EQ(out.find("Secret words"), std::string::npos);   // nothing personal
  ASSERT_EQ(RunSync({"export", "--identity", f.identity_path, "--outbox", outbox, "--out", f.dir / "b.json"}, &out), 0)
      << out;
  EXPECT_NE(out.find("1 item(s)"), std::string::npos) << out;
  ASSERT_EQ(RunSync({"send", "--identity", f.identity_path, "--outbox", outbox}, &out), 0) << out;
  EXPECT_NE(out.find("1 sent, 0 waiting"), std::string::npos) << out;
  ASSERT_EQ(RunSync({"health", "--identity", f.identity_path}, &out), 0) << out;
  ASSERT_EQ(RunSync({"check", "--identity", f.identity_path, item.clear.reference, item.tracking_code}, &out), 0) << out;
  EXPECT_NE(out.find("complaint, received"), std::string::npos) << out;
  EXPECT_NE(RunSync({"check", "--identity", f.identity_path, item.clear.reference, NewTrackingCode()}, &out), 0);
  EXPECT_NE(out.find("no case matches"), std::string::npos) << out;

  server.Stop();
  EXPECT_NE(RunSync({"health", "--identity", f.identity_path}, &out), 0);
  EXPECT_NE(RunSync({"send", "--identity", f.dir / "missing.json", "--outbox", outbox}, &out), 0);
  EXPECT_NE(out.find("missing.json"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
