// Issue 13 item 7: a register whose storage fails (disk full, database busy) answers
// 503, which the kiosk treats as "try again later" for the whole batch; `tellus-sync
// send` says what happened in its exit code and message; an empty (0-byte) outbox or
// register file is refused, not taken for a new one.
#include <gtest/gtest.h>

#include <fstream>

#include "register_process.h"
#include "register_sql.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunProgram;
using testing::RunRegister;

std::string SyncBinary() { return std::string(TELLUS_BINARY_DIR) + "/sync/tellus-sync"; }

// Makes every insert of a case fail as a full disk would.
void FillTheDisk(const std::string& db) { testing::FailInserts(db, "cases", "database or disk is full"); }

void EmptyTheDisk(const std::string& db) { testing::AllowInserts(db, "cases"); }

TEST(StorageErrors, AFullDiskIsA503AndTheBatchWaitsWhole) {
  RegisterFixture f;
  FillTheDisk(f.db);
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  SaveKioskIdentity(f.identity, f.identity_path);   // for tellus-sync below
  auto item = MakeItem(f.identity, 1);
  sync::RegisterClient rc(f.identity);
  try {
    rc.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0});
    FAIL() << "stored on a full disk";
  } catch (const sync::SyncError& e) {
    EXPECT_EQ(e.status, 503) << e.what();
    EXPECT_FALSE(e.ItemsRefused());
  }

  std::string outbox = f.dir / "kiosk.db";
  Store store = Store::Open(outbox);
  for (std::uint64_t seq = 1; seq <= 5; ++seq) {
    auto i = MakeItem(f.identity, seq);
    store.Enqueue(i.clear, i.sealed, i.tracking_hash);
  }
  sync::SyncClient client(f.identity, outbox);
  sync::DrainResult r = client.DrainOnce(store);
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.refused, 0) << "a storage error is not the items' fault";
  for (const OutboxItem& i : store.Pending(10)) EXPECT_EQ(i.attempts, 1) << "one request for the batch, not one per item";

  // tellus-sync send: exit 2 ("could not deliver now; try again") with the register's reason.
  std::string out, err;
  EXPECT_EQ(RunProgram(SyncBinary(), {"send", "--identity", f.identity_path, "--outbox", outbox}, &out, &err), 2)
      << out << err;
  EXPECT_NE(err.find("503"), std::string::npos) << err;
  EXPECT_NE(err.find("disk is full"), std::string::npos) << err;
  EXPECT_NE(err.find("try again"), std::string::npos) << err;

  // Space again: everything goes, nothing was lost.
  EmptyTheDisk(f.db);
  EXPECT_EQ(RunProgram(SyncBinary(), {"send", "--identity", f.identity_path, "--outbox", outbox}, &out, &err), 0)
      << out << err;
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 5);
}

TEST(StorageErrors, SendExitsZeroWhenEverythingWasDeliveredAndThreeWhenItemsAreRefused) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  // The identity file the CLI reads must point at the running server.
  f.identity.register_url = server.url();
  SaveKioskIdentity(f.identity, f.identity_path);
  std::string outbox = f.dir / "kiosk.db";
  {
    Store store = Store::Open(outbox);
    for (std::uint64_t seq = 1; seq <= 3; ++seq) {
      auto i = MakeItem(f.identity, seq);
      store.Enqueue(i.clear, i.sealed, i.tracking_hash);
    }
  }
  std::string out, err;
  EXPECT_EQ(RunProgram(SyncBinary(), {"send", "--identity", f.identity_path, "--outbox", outbox}, &out, &err), 0)
      << out << err;
  EXPECT_NE(out.find("3 sent, 0 waiting"), std::string::npos) << out;
  EXPECT_TRUE(err.empty()) << err;

  auto bad = MakeItem(f.identity, 4, "another-policy");
  {
    Store store = Store::Open(outbox);
    store.Enqueue(bad.clear, bad.sealed, bad.tracking_hash);
  }
  EXPECT_EQ(RunProgram(SyncBinary(), {"send", "--identity", f.identity_path, "--outbox", outbox}, &out, &err), 3)
      << out << err;
  EXPECT_NE(err.find(bad.clear.reference), std::string::npos) << err;
  EXPECT_NE(err.find("policy"), std::string::npos) << err;
}

TEST(StorageErrors, AnEmptyOutboxOrRegisterFileIsRefused) {
  testing::TempDir dir;
  std::string outbox = dir / "outbox.db";
  { std::ofstream(outbox, std::ios::binary); }
  try {
    Store::Open(outbox);
    FAIL() << "a 0-byte outbox was taken for a new one";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
  }
  std::string db = dir / "register.db";
  { std::ofstream(db, std::ios::binary); }
  std::string out;
  EXPECT_NE(RunRegister({"cases", "--db", db}, &out), 0) << out;
  EXPECT_NE(out.find("empty"), std::string::npos) << out;
  EXPECT_EQ(std::filesystem::file_size(db), 0u) << "the empty file was made into a new register";
}

// On either engine: a --db that holds no register (a file never made, a database the DBA
// created but nobody initialised) is refused with what to do, and is not made into one.
TEST(StorageErrors, ADatabaseWithoutARegisterIsRefusedAndLeftAlone) {
  testing::TempDir dir;
  std::string db = testing::NewRegisterDb(dir), out;
  EXPECT_NE(RunRegister({"cases", "--db", db}, &out), 0) << out;
  EXPECT_NE(out.find("tellus-register init"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"kiosks", "--db", db}, &out), 0) << out;
  ASSERT_EQ(RunRegister({"init", "--db", db}, &out), 0) << "the refusals left something behind: " << out;
}

}  // namespace
}  // namespace tellus
