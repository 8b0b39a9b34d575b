// Issue 13 item 3: wrong guesses slow guessers, but never lock out the person who holds
// the right tracking code. The real register on loopback, two enrolled kiosks.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/client/register_client.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

// Enrols another kiosk at the fixture's register and points it at the server.
KioskIdentity SecondKiosk(RegisterFixture& f, const RegisterProcess& server) {
  std::string out, path = f.dir / "kiosk2.json";
  EXPECT_EQ(RunRegister({"enroll-kiosk", "--db", f.db, "--name", "Other kiosk", "--policy", "seetec", "--out", path},
                        &out),
            0)
      << out;
  KioskIdentity id = LoadKioskIdentity(path);
  id.register_url = server.url();
  return id;
}

long StatusOf(sync::RegisterClient& client, const std::string& ref, const std::string& code) {
  try {
    client.Status(ref, code);
    return 200;
  } catch (const sync::SyncError& e) {
    return e.status;
  }
}

TEST(ReceiptLockout, StrangersGuessingNeverLockOutTheRightCode) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  KioskIdentity other = SecondKiosk(f, server);
  auto item = MakeItem(f.identity, 1);
  sync::RegisterClient home(f.identity);
  home.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0});

  // A stranger at another kiosk guesses until the register slows them down.
  sync::RegisterClient stranger(other);
  long last = 0;
  for (int i = 0; i < 25 && last != 429; ++i) last = StatusOf(stranger, item.clear.reference, NewTrackingCode());
  EXPECT_EQ(last, 429) << "wrong guesses for one reference are still slowed";
  EXPECT_EQ(StatusOf(stranger, item.clear.reference, NewTrackingCode()), 429);

  // The person with the right code gets their status and can ask to escalate, at either kiosk.
  EXPECT_EQ(StatusOf(home, item.clear.reference, item.tracking_code), 200);
  EXPECT_EQ(StatusOf(stranger, item.clear.reference, item.tracking_code), 200);
  proto::KioskRequest escalate{"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", item.clear.reference, item.tracking_code,
                               proto::RequestAction::kEscalate, ""};
  try {
    proto::RequestReply reply = home.Request(escalate);
    EXPECT_EQ(reply.status.reference, item.clear.reference);   // answered (refused or done), not 429
  } catch (const sync::SyncError& e) {
    FAIL() << "the right code was refused: " << e.what();
  }
}

TEST(ReceiptLockout, RightCodesAreNeverCountedAgainstAReference) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  auto item = MakeItem(f.identity, 1);
  sync::RegisterClient client(f.identity);
  client.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0});
  // A person checking often (more than the 20 wrong guesses an hour a reference allows).
  for (int i = 0; i < 30; ++i) ASSERT_EQ(StatusOf(client, item.clear.reference, item.tracking_code), 200) << i;
}

TEST(ReceiptLockout, AKioskGuessingAcrossManyReferencesIsSlowed) {
  RegisterFixture f;
  RegisterProcess server(f.db, {"--failed-lookups-per-kiosk-per-minute", "8"});
  server.Start();
  f.UseServer(server);
  sync::RegisterClient client(f.identity);
  std::vector<testing::MadeItem> items;
  for (std::uint64_t seq = 1; seq <= 4; ++seq) {
    items.push_back(MakeItem(f.identity, seq));
    client.Submit({{{items.back().clear, items.back().sealed, items.back().tracking_hash}}, 0});
  }
  long last = 0;
  for (int i = 0; i < 12 && last != 429; ++i) last = StatusOf(client, items[i % 4].clear.reference, NewTrackingCode());
  EXPECT_EQ(last, 429) << "a kiosk spreading guesses over references is slowed too";
  // ... while a right code at that kiosk still opens its case.
  EXPECT_EQ(StatusOf(client, items[0].clear.reference, items[0].tracking_code), 200);
}

}  // namespace
}  // namespace tellus
