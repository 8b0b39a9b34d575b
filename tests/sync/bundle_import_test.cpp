// Save to USB at the kiosk, `tellus-register import FILE` at the register.
#include <gtest/gtest.h>

#include <fstream>

#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RunRegister;

std::int64_t CasesIn(const std::string& db) { return reg::OpenRegisterStorage(db)->CaseCount(); }

TEST(BundleImport, ExportedItemsAreImportedExactlyOnce) {
  RegisterFixture f;
  std::string store_path = f.dir / "kiosk.db";
  Store store = Store::Open(store_path);
  for (std::uint64_t seq = 1; seq <= 4; ++seq) {
    auto item = MakeItem(f.identity, seq);
    store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  }
  std::string file = f.dir / "usb-bundle.json";
  EXPECT_EQ(sync::ExportBundle(store, f.identity, file), 4);
  EXPECT_EQ(store.PendingCount(), 4);   // kept until the register acknowledges over the network

  std::string out;
  ASSERT_EQ(RunRegister({"import", "--db", f.db, file}, &out), 0) << out;
  EXPECT_NE(out.find("4 new case(s)"), std::string::npos) << out;
  EXPECT_EQ(CasesIn(f.db), 4);
  ASSERT_EQ(RunRegister({"import", "--db", f.db, file}, &out), 0) << out;
  EXPECT_NE(out.find("imported before"), std::string::npos) << out;
  EXPECT_EQ(CasesIn(f.db), 4);

  // Later the network comes back: the same items are acknowledged as already held.
  auto item = MakeItem(f.identity, 5);
  store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  testing::RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::SyncClient client(f.identity, store_path);
  sync::DrainResult drained = client.DrainAll(store);
  EXPECT_FALSE(drained.failed) << drained.error;
  EXPECT_EQ(drained.acknowledged, 5);
  EXPECT_EQ(store.PendingCount(), 0);
  EXPECT_EQ(CasesIn(f.db), 5);

  // A second bundle holding an item the register already has stores only what is new.
  auto late = MakeItem(f.identity, 6);
  store.Enqueue(late.clear, late.sealed, late.tracking_hash);
  store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  std::string second = f.dir / "usb-2.json";
  sync::ExportBundle(store, f.identity, second);
  ASSERT_EQ(RunRegister({"import", "--db", f.db, second}, &out), 0) << out;
  EXPECT_NE(out.find("1 new case(s), 1 already held"), std::string::npos) << out;
  EXPECT_EQ(CasesIn(f.db), 6);
}

TEST(BundleImport, AlteredForeignAndGarbageBundlesAreRefused) {
  RegisterFixture f;
  Store store = Store::Open(":memory:");
  auto item = MakeItem(f.identity, 1);
  store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  std::string file = f.dir / "b.json";
  sync::ExportBundle(store, f.identity, file);
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  std::string altered = text;
  altered.replace(altered.find("interventions-alliance"), 7, "interXen");
  std::ofstream(f.dir / "altered.json") << altered;
  std::string out;
  EXPECT_NE(RunRegister({"import", "--db", f.db, f.dir / "altered.json"}, &out), 0);
  EXPECT_NE(out.find("signature does not match"), std::string::npos) << out;

  KioskIdentity stranger = f.identity;
  stranger.kiosk_number = 99;
  sync::ExportBundle(store, stranger, f.dir / "stranger.json");
  EXPECT_NE(RunRegister({"import", "--db", f.db, f.dir / "stranger.json"}, &out), 0);
  EXPECT_NE(out.find("not enrolled"), std::string::npos) << out;

  std::ofstream(f.dir / "garbage.json") << "PK\x03\x04 not a bundle";
  EXPECT_NE(RunRegister({"import", "--db", f.db, f.dir / "garbage.json"}, &out), 0);
  EXPECT_NE(out.find("bundle"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"import", "--db", f.db, f.dir / "missing.json"}, &out), 0);
  EXPECT_EQ(CasesIn(f.db), 0);
}

}  // namespace
}  // namespace tellus
