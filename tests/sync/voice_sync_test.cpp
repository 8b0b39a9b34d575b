// Long spoken answers on the way to the register: batches are cut by size so a queue of
// recordings never makes a request the register refuses (which would stall every item
// behind it), each arrives once, and a USB bundle carries them too.
#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/seal.h"
#include "register_process.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/signing.h"
#include "sync/register/audit_actor.h"
#include "sync/register/register_keys.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

// Six complaints, each with three minutes of speech at ~27 kbit/s (the most a kiosk records):
// together far more than one request may carry.
std::vector<testing::MadeItem> SpokenItems(const KioskIdentity& id, std::vector<std::vector<unsigned char>>& takes) {
  std::vector<testing::MadeItem> items;
  for (std::uint64_t seq = 1; seq <= 6; ++seq) {
    testing::MadeItem item = MakeItem(id, seq, "next-steps");
    PersonalPart personal;
    Recording r;
    r.question = SpokenQuestion::kWhatHappened;
    std::vector<unsigned char> bytes(600 * 1024);
    randombytes_buf(bytes.data(), bytes.size());
    r.length_ms = 180000;
    takes.push_back(bytes);
    r.opus = AudioBuffer(std::move(bytes));
    personal.recordings.push_back(std::move(r));
    item.sealed = SealPersonal(personal, id.register_box_public_key);
    items.push_back(std::move(item));
  }
  return items;
}

TEST(VoiceSync, LongRecordingsGoInBatchesUnderTheRequestLimitAndArriveOnce) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  const std::string store_path = f.dir / "kiosk.db";
  std::vector<std::vector<unsigned char>> takes;
  std::vector<testing::MadeItem> items = SpokenItems(f.identity, takes);
  Store store = Store::Open(store_path);
  std::size_t total = 0;
  for (const auto& item : items) {
    ASSERT_TRUE(store.Enqueue(item.clear, item.sealed, item.tracking_hash));
    total += item.sealed.size();
  }
  ASSERT_GT(total * 4 / 3, proto::kMaxBodyBytes) << "the queue is more than one request can carry";

  // Without the cut by size, the whole queue is one request the register turns away.
  sync::SyncOptions unbounded;
  unbounded.batch_bytes = SIZE_MAX;
  sync::DrainResult refused = sync::SyncClient(f.identity, store_path, unbounded).DrainOnce(store);
  EXPECT_TRUE(refused.failed);
  EXPECT_EQ(refused.acknowledged, 0);
  EXPECT_EQ(store.PendingCount(), 6);

  sync::SyncOptions options;                       // the kiosk's defaults
  EXPECT_LE(options.batch_bytes * 4 / 3 + 64 * 1024, proto::kMaxBodyBytes);
  sync::SyncClient client(f.identity, store_path, options);
  sync::DrainResult sent = client.DrainAll(store);
  EXPECT_FALSE(sent.failed) << sent.error;
  EXPECT_EQ(sent.acknowledged, 6);
  EXPECT_EQ(store.PendingCount(), 0);
  // Sent again (an acknowledgement lost on the way): held once.
  for (const auto& item : items) store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  EXPECT_EQ(client.DrainAll(store).acknowledged, 6);
  auto storage = reg::OpenRegisterStorage(f.db);
  EXPECT_EQ(storage->CaseCount(), 6);
  const auto keys = reg::LoadRegisterKeys(reg::KeysPathFor(f.db));
  PersonalPart opened = OpenPersonal(storage->FindCase(items[3].clear.reference)->sealed, keys.box);
  ASSERT_EQ(opened.recordings.size(), 1u);
  EXPECT_EQ(opened.recordings[0].opus.bytes(), takes[3]);
}

TEST(VoiceSync, AUsbBundleCarriesRecordingsAndCaseAudioWritesThem) {
  RegisterFixture f("next-steps");
  const std::string store_path = f.dir / "kiosk.db";
  std::vector<std::vector<unsigned char>> takes;
  std::vector<testing::MadeItem> items = SpokenItems(f.identity, takes);
  Store store = Store::Open(store_path);
  for (const auto& item : items) ASSERT_TRUE(store.Enqueue(item.clear, item.sealed, item.tracking_hash));
  const std::string bundle = f.dir / "bundle.json";
  ASSERT_EQ(sync::ExportBundle(store, f.identity, bundle), 6);
  std::string out;
  ASSERT_EQ(RunRegister({"import", "--db", f.db, bundle}, &out), 0) << out;
  EXPECT_NE(out.find("6 new case(s)"), std::string::npos) << out;
  ASSERT_EQ(RunRegister({"import", "--db", f.db, bundle}, &out), 0) << out;
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 6) << "exactly once";

  ASSERT_EQ(RunRegister({"case", "show", items[0].clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("what_happened     3:00"), std::string::npos) << out;
  const std::filesystem::path dir = f.dir / "out";
  ASSERT_EQ(RunRegister({"case", "audio", items[0].clear.reference, "--db", f.db, "--out", dir}, &out), 0)
      << out;
  std::ifstream in(dir / (items[0].clear.reference + "-what_happened.opus"), std::ios::binary);
  const std::vector<unsigned char> written((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(written, takes[0]);
  auto log = reg::OpenRegisterStorage(f.db)->AuditLog(items[0].clear.reference);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().action, "audio");
  EXPECT_EQ(log.back().actor, reg::OsUserActor());   // the OS user, not a flag
}

}  // namespace
}  // namespace tellus
