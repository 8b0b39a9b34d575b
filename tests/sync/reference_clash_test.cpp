// Issue 13 item 4: a kiosk whose outbox was lost and recreated under the same identity
// starts its sequence again. The register never answers such an item "conflict" for
// ever: it stores it under a new reference, the person's receipt (old reference and
// tracking code) still opens it, and the kiosk learns the register's high-water mark so
// its next references are new. A clash inside a USB bundle does not stop the bundle.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

sync::SyncOptions Quick() {
  sync::SyncOptions o;
  o.timeouts = {1000, 5000};
  return o;
}

void Queue(Store& store, const testing::MadeItem& item) {
  ASSERT_TRUE(store.Enqueue(item.clear, item.sealed, item.tracking_hash));
}

TEST(ReferenceClash, ARecreatedOutboxLosesNothingAndLearnsTheHighWaterMark) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::SyncClient client(f.identity, "", Quick());
  std::vector<testing::MadeItem> first, second;
  {
    Store store = Store::Open(f.dir / "outbox-1.db");
    for (std::uint64_t seq = 1; seq <= 3; ++seq) {
      first.push_back(MakeItem(f.identity, seq));
      Queue(store, first.back());
    }
    sync::DrainResult r = client.DrainAll(store);
    ASSERT_FALSE(r.failed) << r.error;
    ASSERT_EQ(r.acknowledged, 3);
  }
  // The outbox is lost; a new one starts at sequence 1 again and hands out two receipts.
  Store store = Store::Open(f.dir / "outbox-2.db");
  for (int i = 0; i < 2; ++i) {
    second.push_back(MakeItem(f.identity, store.NextSequence()));
    Queue(store, second.back());
  }
  ASSERT_EQ(second[0].clear.reference, first[0].clear.reference);   // the clash, as it happens in the field
  sync::DrainResult r = client.DrainAll(store);
  EXPECT_FALSE(r.failed) << r.error;
  EXPECT_EQ(r.refused, 0) << r.error;
  EXPECT_EQ(r.acknowledged, 2);
  EXPECT_EQ(store.PendingCount(), 0);
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 5);

  // Every receipt opens its own case: the old ones theirs, the new ones theirs.
  sync::RegisterClient rc(f.identity);
  for (const auto& item : first) EXPECT_EQ(rc.Status(item.clear.reference, item.tracking_code).reference, item.clear.reference);
  for (const auto& item : second) {
    proto::CaseStatus s = rc.Status(item.clear.reference, item.tracking_code);
    EXPECT_NE(s.reference, item.clear.reference) << "stored under a new reference";
    EXPECT_EQ(ParseReference(s.reference)->kiosk, static_cast<std::uint32_t>(f.identity.kiosk_number));
  }
  // The kiosk's next reference is above everything the register holds for it.
  std::uint64_t next = store.NextSequence();
  EXPECT_GT(next, 5u);

  // Staff see both references on the case.
  std::string out;
  auto storage = reg::OpenRegisterStorage(f.db);
  std::string renamed;
  reg::CaseFilter all;
  for (const auto& c : storage->Cases(all)) {
    if (c.uuid == second[0].clear.uuid) renamed = c.reference;
  }
  ASSERT_FALSE(renamed.empty());
  ASSERT_EQ(RunRegister({"case", "show", renamed, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find(second[0].clear.reference), std::string::npos) << out;
}

TEST(ReferenceClash, OneClashDoesNotStopAUsbBundle) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::SyncClient client(f.identity, "", Quick());
  {
    Store store = Store::Open(f.dir / "outbox-1.db");
    Queue(store, MakeItem(f.identity, 1));
    ASSERT_EQ(client.DrainAll(store).acknowledged, 1);
  }
  Store store = Store::Open(f.dir / "outbox-2.db");
  Queue(store, MakeItem(f.identity, 1));   // clashes
  Queue(store, MakeItem(f.identity, 2));   // does not
  std::string bundle = f.dir / "bundle.tellus";
  ASSERT_EQ(sync::ExportBundle(store, f.identity, bundle), 2);
  std::string out;
  ASSERT_EQ(RunRegister({"import", bundle, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("2 new case(s)"), std::string::npos) << out;
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 3);
}

}  // namespace
}  // namespace tellus
