// Issue 13 item 5: a USB bundle passes the same checks as the network: the kiosk's
// policy, and no case that was purged comes back.
#include <gtest/gtest.h>

#include "register_process.h"
#include "register_sql.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RunRegister;

std::int64_t CasesIn(const std::string& db) { return reg::OpenRegisterStorage(db)->CaseCount(); }

void Sql(const std::string& db, const std::string& sql) { EXPECT_NO_THROW(testing::RegisterSql(db, sql)); }

TEST(ImportChecks, ABundleFromASeetecKioskCannotStoreANextStepsCase) {
  RegisterFixture f("seetec");
  Store store = Store::Open(f.dir / "kiosk.db");
  auto fine = MakeItem(f.identity, 1, "seetec");
  auto foreign = MakeItem(f.identity, 2, "next-steps");
  store.Enqueue(fine.clear, fine.sealed, fine.tracking_hash);
  store.Enqueue(foreign.clear, foreign.sealed, foreign.tracking_hash);
  std::string file = f.dir / "bundle.json";
  ASSERT_EQ(sync::ExportBundle(store, f.identity, file), 2);
  std::string out;
  EXPECT_NE(RunRegister({"import", "--db", f.db, file}, &out), 0) << out;
  EXPECT_NE(out.find("policy"), std::string::npos) << out;
  auto storage = reg::OpenRegisterStorage(f.db);
  EXPECT_FALSE(storage->FindCase(foreign.clear.reference).has_value()) << "a next-steps case from a seetec kiosk";
}

TEST(ImportChecks, AnOldBundleCannotBringBackAPurgedCase) {
  RegisterFixture f;
  std::string outbox = f.dir / "kiosk.db";
  Store store = Store::Open(outbox);
  auto item = MakeItem(f.identity, 1);
  store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  std::string file = f.dir / "old-bundle.json";
  ASSERT_EQ(sync::ExportBundle(store, f.identity, file), 1);   // saved to USB, never imported

  // The item goes over the network instead, is handled, closed and purged years later.
  {
    testing::RegisterProcess server(f.db);
    server.Start();
    f.UseServer(server);
    sync::SyncClient client(f.identity, outbox);
    ASSERT_EQ(client.DrainAll(store).acknowledged, 1);
  }
  std::string out;
  ASSERT_EQ(RunRegister({"case", "close", item.clear.reference, "--outcome", "upheld", "--db", f.db}, &out), 0) << out;
  Sql(f.db, "UPDATE cases SET closed_at = '2020-01-01T10:00:00Z'");
  ASSERT_EQ(RunRegister({"purge", "--db", f.db}, &out), 0) << out;
  ASSERT_NE(out.find("1 case(s) purged"), std::string::npos) << out;
  ASSERT_EQ(CasesIn(f.db), 0);

  ASSERT_EQ(RunRegister({"import", "--db", f.db, file}, &out), 0) << out;
  EXPECT_NE(out.find("0 new case(s)"), std::string::npos) << out;
  EXPECT_EQ(CasesIn(f.db), 0) << "the purged case and its personal text came back";

  // A kiosk that sends it again over the network is told it is held, and it is not stored.
  store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  testing::RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::SyncClient client(f.identity, outbox);
  sync::DrainResult r = client.DrainAll(store);
  EXPECT_EQ(r.acknowledged, 1) << r.error;
  EXPECT_EQ(CasesIn(f.db), 0);
}

}  // namespace
}  // namespace tellus
