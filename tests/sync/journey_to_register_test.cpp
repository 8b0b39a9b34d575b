// The whole loop without a window: a headless kiosk journey on a real seed policy is
// committed to the kiosk's outbox, the real sync client sends it to the real register
// on loopback, and the kiosk reads its status back with the receipt.
#include <gtest/gtest.h>

#include "../core/journey_driver.h"
#include "core/submit.h"
#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/register_keys.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

TEST(JourneyToRegister, AnAnonymousComplaintArrivesOnceAndItsStatusShowsBack) {
  const std::string assets = std::string(TELLUS_SOURCE_DIR) + "/assets";
  Policy policy = LoadPolicy("next-steps", assets + "/policies");
  HolidayCalendar calendar = HolidayCalendar::FromFolder(assets + "/holidays", policy.division);
  testing::RegisterFixture f("next-steps");
  testing::RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);

  // Today, so the register's deadlines and the kiosk's promise are the same calendar.
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  Date today = std::chrono::floor<std::chrono::days>(now);
  testing_journey::Driver d(policy, today);
  d.Choose("complaint");
  ASSERT_EQ(testing_journey::WalkTo(d, Step::kConsent, {.anonymous = true}), Step::kConsent);
  d.Do(ev::Send{});
  ASSERT_TRUE(d.Emitted<fx::CommitSubmission>());

  std::string outbox = f.dir / "kiosk.db";
  Receipt receipt;
  {
    Store store = Store::Open(outbox);
    receipt = CommitSubmission(d.state(), policy, calendar, store, SubmitTarget::From(f.identity), now, today);
  }
  ASSERT_TRUE(receipt.anonymous);

  sync::SyncOptions options;
  options.min_backoff = std::chrono::milliseconds(50);
  sync::SyncClient client(f.identity, outbox, options);
  client.Start();
  client.SendNow();
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (client.Status().sent_total < 1 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  client.Stop();
  ASSERT_EQ(client.Status().sent_total, 1) << client.Status().last_error;
  EXPECT_EQ(Store::Open(outbox).PendingCount(), 0);

  auto storage = reg::OpenRegisterStorage(f.db);
  EXPECT_EQ(storage->CaseCount(), 1);
  auto stored = storage->FindCase(receipt.reference);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->uuid, receipt.uuid);
  EXPECT_TRUE(stored->anonymous);
  EXPECT_EQ(stored->deadline_note, "");
  PersonalPart personal = OpenPersonal(stored->sealed, reg::LoadRegisterKeys(reg::KeysPathFor(f.db)).box);
  EXPECT_EQ(personal.what_happened, "My appointment was cancelled twice with no call.");
  EXPECT_TRUE(personal.person.name.empty());
  EXPECT_THROW(OpenPersonal(stored->sealed, NewBoxKeyPair()), SealError);

  // Back at the kiosk, with the receipt only; the register's dates match the kiosk's promise.
  sync::RegisterClient kiosk(f.identity);
  proto::CaseStatus status = kiosk.Status(receipt.reference, receipt.tracking_code);
  EXPECT_EQ(status.state, CaseState::kReceived);
  EXPECT_EQ(status.kind, Kind::kComplaint);
  ASSERT_TRUE(receipt.acknowledge_by && receipt.respond_by);
  EXPECT_EQ(status.acknowledge_by, ToIso(*receipt.acknowledge_by));
  EXPECT_EQ(status.respond_by, ToIso(*receipt.respond_by));
}

}  // namespace
}  // namespace tellus
