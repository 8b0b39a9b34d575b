#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/seal.h"
#include "core/staff_lock.h"
#include "core/store.h"
#include "kiosk/staff/staff_mode.h"
#include "kiosk/ui/a11y.h"
#include "tests/kiosk/harness.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;

TEST(StaffLock, FiveWrongLockForFiveMinutes) {
  StaffLock lock;
  const std::int64_t t0 = 1'800'000'000;
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(lock.Attempt(false, t0 + i));
  EXPECT_FALSE(lock.Locked(t0 + 4));
  EXPECT_FALSE(lock.Attempt(false, t0 + 4));
  EXPECT_TRUE(lock.Locked(t0 + 4));
  EXPECT_FALSE(lock.Attempt(true, t0 + 10)) << "the right PIN is refused while locked";
  EXPECT_EQ(lock.SecondsLeft(t0 + 4), 300);
  EXPECT_TRUE(lock.Locked(t0 + 4 + 299));
  EXPECT_FALSE(lock.Locked(t0 + 4 + 300));
  EXPECT_TRUE(lock.Attempt(true, t0 + 4 + 300));
}

TEST(StaffLock, RightPinResetsTheCount) {
  StaffLock lock;
  for (int i = 0; i < 4; ++i) lock.Attempt(false, 100);
  EXPECT_TRUE(lock.Attempt(true, 101));
  for (int i = 0; i < 4; ++i) lock.Attempt(false, 102);
  EXPECT_FALSE(lock.Locked(103));
}

TEST(StaffLock, SerialisesAndRejectsGarbage) {
  StaffLock lock;
  for (int i = 0; i < 5; ++i) lock.Attempt(false, 1000);
  auto back = StaffLock::Parse(lock.Serialise());
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->Locked(1100));
  EXPECT_FALSE(StaffLock::Parse(""));
  EXPECT_FALSE(StaffLock::Parse("failures=x;locked_until=1"));
  EXPECT_FALSE(StaffLock::Parse("failures=2;locked_until=1junk"));
  EXPECT_FALSE(StaffLock::Parse("failures=99;locked_until=1"));
}

// Staff mode drawn through the real widget layer and pressed by label.
struct StaffRig {
  Harness h;
  Catalog catalog = Catalog::LoadLanguage(testing::SourcePath("easyread/lang"), "en-GB");
  std::unique_ptr<Store> store;
  std::unique_ptr<StaffMode> staff;
  std::int64_t now_unix = 1'800'000'000;
  StaffInfo info = [] {
    StaffInfo i;
    i.kiosk_number = 7;
    i.kiosk_name = "Luton reception";
    i.organisation = "Seetec Group";
    i.speech_on = true;
    i.speech_status = "speech ready";
    return i;
  }();

  explicit StaffRig(const std::string& store_path = ":memory:")
      : h([] {
          HarnessOptions o;
          o.with_app = false;
          return o;
        }()),
        store(std::make_unique<Store>(Store::Open(store_path))) {
    InitSodium();
    staff = std::make_unique<StaffMode>(Hash(), store.get());
    h.DrawWith([this] { staff->Draw(catalog, info, now_unix, h.clock().now_ms / 1000.0); });
  }
  static const std::string& Hash() {
    static const std::string hash = HashSecret("2468");
    return hash;
  }
  void EnterPin(const std::string& pin) {
    for (char c : pin) h.PressId(std::string("staff.digit.") + c);
    h.PressId("staff.ok");
  }
};

TEST(StaffMode, CornerHoldOpensThePinPad) {
  StaffMode staff("", nullptr);
  staff.TrackCorner(true, 10, 10, 90, 100.0);
  staff.TrackCorner(true, 12, 11, 90, 102.9);
  EXPECT_FALSE(staff.active());
  staff.TrackCorner(true, 12, 11, 90, 103.0);
  EXPECT_EQ(staff.page(), StaffMode::Page::kPin);
  StaffMode other("", nullptr);
  other.TrackCorner(true, 10, 10, 90, 100.0);
  other.TrackCorner(false, 10, 10, 90, 101.0);     // let go: starts again
  other.TrackCorner(true, 10, 10, 90, 102.0);
  other.TrackCorner(true, 10, 10, 90, 104.0);
  EXPECT_FALSE(other.active());
  other.TrackCorner(true, 200, 10, 90, 106.0);     // outside the corner
  EXPECT_FALSE(other.active());
}

TEST(StaffMode, RightPinShowsMenuWithIdentityAndWaitingCountOnly) {
  StaffRig rig;
  ClearPart clear;
  clear.uuid = "11111111-2222-4333-8444-555555555555";
  clear.policy_id = "seetec";
  clear.reference = "SG-0074-0001X";
  PersonalPart personal;
  personal.what_happened = "The bus was late every day";
  ASSERT_TRUE(rig.store->Enqueue(clear, SealPersonal(personal, NewBoxKeyPair().public_key), "hash"));
  rig.info.pending = rig.store->PendingCount();
  rig.staff->Open(0);
  rig.h.Frame(2);
  EXPECT_TRUE(rig.h.Has("Staff only")) << rig.h.Describe();
  rig.EnterPin("2468");
  EXPECT_EQ(rig.staff->page(), StaffMode::Page::kMenu);
  EXPECT_TRUE(rig.h.Has("This is kiosk number 7.")) << rig.h.Describe();
  EXPECT_TRUE(rig.h.Has("Its name is Luton reception."));
  EXPECT_TRUE(rig.h.Has("1 messages are waiting to be sent."));
  EXPECT_FALSE(rig.h.ShowsText("bus")) << "staff mode never shows a submission";
  EXPECT_FALSE(rig.h.ShowsText("SG-0074")) << "nor its reference";
  EXPECT_TRUE(rig.h.Has("Sending to the register is not set up here.")) << rig.h.Describe();
  EXPECT_FALSE(rig.h.FindId("staff.send_now").enabled) << "nothing to send to";
  rig.h.Press("Exit kiosk");
  EXPECT_TRUE(rig.staff->exit_requested());
}

TEST(StaffMode, MenuShowsLastSuccessAndLastErrorInPlainWordsAndActions) {
  StaffRig rig;
  rig.info.sync_set_up = true;
  rig.info.can_save_usb = true;
  rig.info.last_success = "Monday 23 November 10:05";
  rig.info.last_error_key = "staff.error_unreachable";
  rig.info.last_error_detail = "register not reached at http://127.0.0.1:9: Couldn't connect to server";
  rig.staff->Open(0);
  rig.h.Frame(2);
  rig.EnterPin("2468");
  ASSERT_EQ(rig.staff->page(), StaffMode::Page::kMenu);
  EXPECT_TRUE(rig.h.Has("Last sent: Monday 23 November 10:05.")) << rig.h.Describe();
  EXPECT_TRUE(rig.h.Has("The register cannot be reached now."));
  EXPECT_EQ(rig.staff->TakeAction(), StaffMode::MenuAction::kNone);
  rig.h.Press("Send now");
  EXPECT_EQ(rig.staff->TakeAction(), StaffMode::MenuAction::kSendNow);
  EXPECT_EQ(rig.staff->TakeAction(), StaffMode::MenuAction::kNone) << "taken once";
  rig.h.Press("Save to USB");
  EXPECT_EQ(rig.staff->TakeAction(), StaffMode::MenuAction::kSaveUsb);
  rig.staff->ShowResult("staff.usb_saved", {{"count", "3"}});
  rig.h.Frame(2);
  EXPECT_TRUE(rig.h.Has("3 messages saved to the USB stick.")) << rig.h.Describe();
}

TEST(StaffMode, FullMenuAtTheLargestTextIsSpokenAndBigEnough) {
  StaffRig rig;
  ui::SetTextSize(ui::TextSize::kLargest);
  rig.info.sync_set_up = true;
  rig.info.can_save_usb = true;
  rig.info.last_success = "Monday 23 November 10:05";
  rig.info.last_error_key = "staff.error_refused";
  rig.info.last_error_detail = "register refused /v1/submissions (HTTP 401 unknown-kiosk): this kiosk is not enrolled";
  rig.staff->Open(0);
  rig.h.Frame(2);
  rig.EnterPin("2468");
  rig.staff->ShowResult("staff.usb_failed", {});
  rig.h.Frame(3);
  int buttons = 0;
  for (const ui::Node& n : rig.h.Interactive()) {
    ++buttons;
    EXPECT_FALSE(n.spoken.empty()) << n.id;
    EXPECT_GE(n.rect.h + 0.5f, ui::MinTargetPixels()) << n.id;
    EXPECT_GE(n.rect.w + 0.5f, ui::MinTargetPixels()) << n.id;
    EXPECT_LE(n.rect.x + n.rect.w, rig.h.options().width + 0.5f) << n.id;
  }
  EXPECT_EQ(buttons, 4) << rig.h.Describe();      // send now, save to USB, back to the kiosk, exit
  EXPECT_TRUE(rig.h.Has("The register did not take the last try.")) << rig.h.Describe();
  EXPECT_TRUE(rig.h.Has("Could not save to the USB stick."));
  ui::SetTextSize(ui::TextSize::kStandard);
}

// Issue 10: "speech off" in plain words, in the kiosk's language, not a command-line flag.
TEST(StaffMode, SpeechOnOrOffInPlainWords) {
  StaffRig rig;
  rig.staff->Open(0);
  rig.h.Frame(2);
  rig.EnterPin("2468");
  EXPECT_TRUE(rig.h.Has("Read aloud is on.")) << rig.h.Describe();
  EXPECT_FALSE(rig.h.ShowsText("speech ready")) << "nothing technical when it works";
  rig.info.speech_on = false;
  rig.info.speech_status = "no audio device: text only";
  rig.h.Frame(2);
  EXPECT_TRUE(rig.h.Has("Read aloud is off.")) << rig.h.Describe();
  EXPECT_TRUE(rig.h.ShowsText("no audio device")) << "the reason, for whoever fixes it";
  EXPECT_FALSE(rig.h.ShowsText("--speech"));
  rig.catalog = Catalog::LoadLanguage(testing::SourcePath("easyread/lang"), "cy");
  rig.h.Frame(2);
  EXPECT_TRUE(rig.h.Has("Mae darllen yn uchel i ffwrdd.")) << rig.h.Describe();
}

TEST(StaffMode, FiveWrongPinsLockForFiveMinutesThenUnlock) {
  StaffRig rig;
  rig.staff->Open(0);
  rig.h.Frame(2);
  for (int i = 1; i <= 4; ++i) {
    rig.EnterPin("1111");
    EXPECT_TRUE(rig.h.ShowsText("You can try " + std::to_string(5 - i) + " more times")) << rig.h.Describe();
  }
  rig.EnterPin("1111");
  EXPECT_TRUE(rig.h.ShowsText("Staff mode is locked. Try again in 5 minutes.")) << rig.h.Describe();
  EXPECT_FALSE(rig.h.TryFindId("staff.ok")) << "no PIN pad while locked";
  // The right PIN does not help while locked.
  rig.staff->SubmitPin("2468", rig.now_unix + 10);
  EXPECT_EQ(rig.staff->page(), StaffMode::Page::kPin);
  rig.now_unix += 4 * 60;
  rig.h.Frame();
  EXPECT_TRUE(rig.h.ShowsText("Try again in 1 minutes")) << rig.h.Describe();
  rig.now_unix += 60;
  rig.h.Frame(2);
  ASSERT_TRUE(rig.h.TryFindId("staff.ok")) << rig.h.Describe();
  rig.EnterPin("2468");
  EXPECT_EQ(rig.staff->page(), StaffMode::Page::kMenu);
}

TEST(StaffMode, LockoutSurvivesARestart) {
  const auto dir = std::filesystem::temp_directory_path() / ("tellus-staff-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "outbox.db").string();
  const std::int64_t now = 1'800'000'000;
  {
    Store store = Store::Open(path);
    StaffMode staff(StaffRig::Hash(), &store);
    staff.Open(0);
    for (int i = 0; i < 5; ++i) staff.SubmitPin("0000", now);
    EXPECT_TRUE(staff.lock().Locked(now));
  }
  {
    Store store = Store::Open(path);
    StaffMode staff(StaffRig::Hash(), &store);
    EXPECT_TRUE(staff.lock().Locked(now + 60)) << "a restart must not reset the lockout";
    staff.Open(0);
    staff.SubmitPin("2468", now + 60);
    EXPECT_EQ(staff.page(), StaffMode::Page::kPin);
    staff.SubmitPin("2468", now + 301);
    EXPECT_EQ(staff.page(), StaffMode::Page::kMenu);
  }
  std::filesystem::remove_all(dir);
}

TEST(StaffMode, NoPinConfiguredSaysSo) {
  StaffMode staff("", nullptr);
  staff.Open(0);
  staff.SubmitPin("1234", 100);
  EXPECT_EQ(staff.page(), StaffMode::Page::kPin);
  EXPECT_EQ(staff.message(), "staff.no_pin");
}

}  // namespace
}  // namespace tellus
