// Issue 13 items 15 and 16: what a kiosk key holder can make the register store.
// Submissions per kiosk are limited; implausible send times, sealed parts the register
// cannot open and clear fields outside the policy are flagged for staff; a kiosk
// enrolled without a policy is bound by the first one it uses; an anonymous case keeps
// only the day it was sent, never the time.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

proto::SubmitBatch Batch(const std::vector<testing::MadeItem>& items) {
  proto::SubmitBatch b;
  for (const auto& i : items) b.items.push_back({i.clear, i.sealed, i.tracking_hash});
  return b;
}

long Submit(sync::RegisterClient& client, const std::vector<testing::MadeItem>& items) {
  try {
    client.Submit(Batch(items));
    return 200;
  } catch (const sync::SyncError& e) {
    return e.status;
  }
}

TEST(SubmissionChecks, SubmissionsPerKioskAreLimited) {
  RegisterFixture f;
  RegisterProcess server(f.db, {"--submissions-per-kiosk-per-hour", "5"});
  server.Start();
  f.UseServer(server);
  sync::RegisterClient client(f.identity);
  std::vector<testing::MadeItem> items;
  for (std::uint64_t seq = 1; seq <= 7; ++seq) items.push_back(MakeItem(f.identity, seq));
  EXPECT_EQ(Submit(client, {items[0], items[1], items[2]}), 200);
  EXPECT_EQ(Submit(client, {items[3], items[4], items[5]}), 429) << "over the kiosk's limit";
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 3) << "nothing of a refused batch is stored";
  EXPECT_EQ(Submit(client, {items[3], items[4]}), 200) << "what fits in the hour still goes";
  try {
    client.Submit(Batch({items[6]}));
  } catch (const sync::SyncError& e) {
    EXPECT_FALSE(e.ItemsRefused()) << "a rate limit is temporary: the kiosk keeps the item and tries later";
  }
}

TEST(SubmissionChecks, ImplausibleTimesAndUnopenableSealedPartsAreFlagged) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::RegisterClient client(f.identity);
  auto backdated = MakeItem(f.identity, 1, "seetec", nullptr, "1999-01-04T09:00:00Z");
  backdated.clear.anonymous = false;
  auto future = MakeItem(f.identity, 2, "seetec", nullptr, "2099-06-01T09:00:00Z");
  future.clear.anonymous = false;
  auto garbage = MakeItem(f.identity, 3);
  garbage.sealed.assign(80, 0x42);
  auto fine = MakeItem(f.identity, 4, "seetec", nullptr, reg::IsoNow());
  ASSERT_EQ(Submit(client, {backdated, future, garbage, fine}), 200);
  auto storage = reg::OpenRegisterStorage(f.db);
  auto flags = [&](const testing::MadeItem& i) {
    std::string all;
    std::optional<reg::CaseRecord> c = storage->FindCase(i.clear.reference);
    if (!c) return std::string("no case");
    for (const std::string& text : c->flags) all += text + "; ";
    return all;
  };
  EXPECT_NE(flags(backdated).find("before this kiosk was enrolled"), std::string::npos) << flags(backdated);
  EXPECT_NE(flags(future).find("in the future"), std::string::npos) << flags(future);
  EXPECT_NE(flags(garbage).find("sealed part cannot be opened"), std::string::npos) << flags(garbage);
  EXPECT_EQ(flags(fine), "");
  // A send time in the future never pushes the deadlines out: the clock starts on the day it arrived.
  EXPECT_EQ(ToIso(storage->FindCase(future.clear.reference)->stages.front().entered_on), reg::IsoNow().substr(0, 10));
  std::string out;
  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0);
  EXPECT_NE(out.find("FLAGGED"), std::string::npos) << out;
}

TEST(SubmissionChecks, AKioskEnrolledWithoutAPolicyIsBoundByTheFirstItUses) {
  testing::TempDir dir;
  std::string db = testing::NewRegisterDb(dir), id_path = dir / "kiosk.json", out;
  ASSERT_EQ(RunRegister({"init", "--db", db}, &out), 0) << out;
  ASSERT_EQ(RunRegister({"enroll-kiosk", "--db", db, "--name", "No policy", "--out", id_path}, &out), 0) << out;
  KioskIdentity id = LoadKioskIdentity(id_path);
  RegisterProcess server(db);
  server.Start();
  id.register_url = server.url();
  sync::RegisterClient client(id);
  EXPECT_EQ(Submit(client, {MakeItem(id, 1, "seetec")}), 200);
  EXPECT_EQ(Submit(client, {MakeItem(id, 2, "next-steps")}), 400) << "a second policy from the same kiosk";
  EXPECT_EQ(Submit(client, {MakeItem(id, 3, "seetec")}), 200);
}

TEST(SubmissionChecks, AnAnonymousCaseKeepsOnlyTheDay) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::RegisterClient client(f.identity);
  auto item = MakeItem(f.identity, 1, "next-steps", nullptr, "2026-11-27T14:37:52Z");
  ASSERT_TRUE(item.clear.anonymous);
  ASSERT_EQ(Submit(client, {item}), 200);
  auto c = reg::OpenRegisterStorage(f.db)->FindCase(item.clear.reference);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->submitted_at, "2026-11-27");
  EXPECT_EQ(c->received_at.size(), 10u) << c->received_at;
  EXPECT_EQ(c->clear_json.find("14:37"), std::string::npos) << c->clear_json;
  EXPECT_EQ(ToIso(c->stages.front().entered_on), "2026-11-27");
}

}  // namespace
}  // namespace tellus
