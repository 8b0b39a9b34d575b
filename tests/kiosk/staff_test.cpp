#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/seal.h"
#include "core/staff.h"
#include "core/store.h"
#include "kiosk/staff/staff_mode.h"
#include "kiosk/ui/a11y.h"
#include "tests/kiosk/harness.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;

// Staff mode drawn through the real widget layer and pressed by label; the rig runs
// the reducer as the app does and keeps the effects it asked for.
struct StaffRig {
  Harness h;
  Catalog catalog = Catalog::LoadLanguage(testing::SourcePath("easyread/lang"), "en-GB");
  std::unique_ptr<Store> store = std::make_unique<Store>(Store::Open(":memory:"));  // for the waiting count
  StaffState state;
  std::vector<StaffEffect> effects;
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

  explicit StaffRig(const std::string& pin_hash = Hash())
      : h([] {
          HarnessOptions o;
          o.with_app = false;
          return o;
        }()),
        state(NewStaffState(pin_hash)) {
    h.DrawWith([this] {
      Do(staff::ev::Tick{h.clock().now_ms / 1000.0, now_unix});
      if (ui::InputThisFrame()) Do(staff::ev::Activity{});
      std::vector<StaffEvent> out;
      DrawStaff(state, catalog, info, out);
      for (const StaffEvent& e : out) Do(e);
    });
  }
  static const std::string& Hash() {
    static const std::string hash = [] {
      InitSodium();
      return HashSecret("2468");
    }();
    return hash;
  }
  void Do(const StaffEvent& e) {
    StaffReduceResult r = Reduce(std::move(state), e);
    state = std::move(r.state);
    effects.insert(effects.end(), r.effects.begin(), r.effects.end());
  }
  void EnterPin(const std::string& pin) {
    for (char c : pin) h.PressId(std::string("staff.digit.") + c);
    h.PressId("staff.ok");
  }
  template <class Fx>
  int Took() {                                     // effects of this kind since the last call
    int n = 0;
    for (const StaffEffect& e : effects) n += std::holds_alternative<Fx>(e) ? 1 : 0;
    effects.clear();
    return n;
  }
};

TEST(StaffMode, RightPinShowsMenuWithIdentityAndWaitingCountOnly) {
  StaffRig rig;
  ClearPart clear;
  clear.uuid = "11111111-2222-4333-8444-555555555555";
  clear.policy_id = "seetec";
  clear.reference = "SG-0074-001K";
  PersonalPart personal;
  personal.what_happened = "The bus was late every day";
  ASSERT_TRUE(rig.store->Enqueue(clear, SealPersonal(personal, NewBoxKeyPair().public_key), "hash"));
  rig.info.pending = rig.store->PendingCount();
  rig.Do(staff::ev::Open{});
  rig.h.Frame(2);
  EXPECT_TRUE(rig.h.Has("Staff only")) << rig.h.Describe();
  rig.EnterPin("2468");
  EXPECT_EQ(rig.state.page, StaffPage::kMenu);
  EXPECT_TRUE(rig.h.Has("This is kiosk number 7.")) << rig.h.Describe();
  EXPECT_TRUE(rig.h.Has("Its name is Luton reception."));
  EXPECT_TRUE(rig.h.Has("Waiting to be sent: 1 message."));
  EXPECT_FALSE(rig.h.ShowsText("bus")) << "staff mode never shows a submission";
  EXPECT_FALSE(rig.h.ShowsText("SG-0074")) << "nor its reference";
  EXPECT_TRUE(rig.h.Has("Sending to the register is not set up here.")) << rig.h.Describe();
  EXPECT_FALSE(rig.h.FindId("staff.send_now").enabled) << "nothing to send to";
  rig.h.Press("Exit kiosk");
  EXPECT_EQ(rig.Took<staff::fx::ExitKiosk>(), 1);
}

TEST(StaffMode, MenuShowsLastSuccessAndLastErrorInPlainWordsAndActions) {
  StaffRig rig;
  rig.info.sync_set_up = true;
  rig.info.can_save_usb = true;
  rig.info.last_success = "Monday 23 November 10:05";
  rig.info.last_error_key = "staff.error_unreachable";
  rig.info.last_error_detail = "register not reached at http://127.0.0.1:9: Couldn't connect to server";
  rig.Do(staff::ev::Open{});
  rig.h.Frame(2);
  rig.EnterPin("2468");
  ASSERT_EQ(rig.state.page, StaffPage::kMenu);
  EXPECT_TRUE(rig.h.Has("Last sent: Monday 23 November 10:05.")) << rig.h.Describe();
  EXPECT_TRUE(rig.h.Has("The register cannot be reached now."));
  EXPECT_EQ(rig.Took<staff::fx::SaveLock>(), 1) << "the right PIN resets the kept count";
  rig.h.Press("Send now");
  EXPECT_EQ(rig.Took<staff::fx::SendNow>(), 1);
  EXPECT_TRUE(rig.h.Has("Sending now.")) << rig.h.Describe();
  rig.h.Press("Save to USB");
  EXPECT_EQ(rig.Took<staff::fx::SaveUsb>(), 1);
  rig.Do(staff::ev::UsbSaved{UsbSaveOutcome::kSaved, 3});
  rig.h.Frame(2);
  EXPECT_TRUE(rig.h.Has("Saved to the USB stick: 3 messages.")) << rig.h.Describe();
}

TEST(StaffMode, FullMenuAtTheLargestTextIsSpokenAndBigEnough) {
  StaffRig rig;
  ui::SetTextSize(TextSize::kLargest);
  rig.info.sync_set_up = true;
  rig.info.can_save_usb = true;
  rig.info.last_success = "Monday 23 November 10:05";
  rig.info.last_error_key = "staff.error_refused";
  rig.info.last_error_detail = "register refused /v1/submissions (HTTP 401 unknown-kiosk): this kiosk is not enrolled";
  rig.Do(staff::ev::Open{});
  rig.h.Frame(2);
  rig.EnterPin("2468");
  rig.Do(staff::ev::UsbSaved{UsbSaveOutcome::kFailed, 0});
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
  ui::SetTextSize(TextSize::kStandard);
}

// Issue 10: "speech off" in plain words, in the kiosk's language, not a command-line flag.
TEST(StaffMode, SpeechOnOrOffInPlainWords) {
  StaffRig rig;
  rig.Do(staff::ev::Open{});
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
  rig.Do(staff::ev::Open{});
  rig.h.Frame(2);
  for (int i = 1; i <= 4; ++i) {
    rig.EnterPin("1111");
    EXPECT_TRUE(rig.h.ShowsText("You can try " + std::to_string(5 - i) + (i == 4 ? " more time." : " more times."))) << rig.h.Describe();
  }
  rig.EnterPin("1111");
  EXPECT_TRUE(rig.h.ShowsText("Staff mode is locked. Try again in 5 minutes.")) << rig.h.Describe();
  EXPECT_FALSE(rig.h.TryFindId("staff.ok")) << "no PIN pad while locked";
  // The right PIN does not help while locked.
  rig.now_unix += 10;
  for (char c : std::string("2468")) rig.Do(staff::ev::Digit{c});
  rig.Do(staff::ev::Ok{});
  rig.h.Frame();
  EXPECT_EQ(rig.state.page, StaffPage::kPin);
  EXPECT_TRUE(rig.h.ShowsText("Try again in 5 minutes")) << rig.h.Describe();
  rig.now_unix -= 10;
  rig.now_unix += 4 * 60;
  rig.h.Frame();
  EXPECT_TRUE(rig.h.ShowsText("Try again in 1 minute.")) << rig.h.Describe();
  rig.now_unix += 60;
  rig.h.Frame(2);
  ASSERT_TRUE(rig.h.TryFindId("staff.ok")) << rig.h.Describe();
  rig.EnterPin("2468");
  EXPECT_EQ(rig.state.page, StaffPage::kMenu);
}

TEST(StaffMode, NoPinConfiguredSaysSo) {
  StaffRig rig("");
  rig.Do(staff::ev::Open{});
  rig.h.Frame(2);
  rig.EnterPin("1234");
  EXPECT_EQ(rig.state.page, StaffPage::kPin);
  EXPECT_TRUE(rig.h.Has("No staff PIN is set in the settings file.")) << rig.h.Describe();
}

// The app: the corner gesture, the kept lock-out and Exit, through real frames.
HarnessOptions AppWithPin(const std::string& store_path = ":memory:") {
  HarnessOptions o;
  o.staff_pin_hash = StaffRig::Hash();
  o.store_path = store_path;
  return o;
}

TEST(StaffModeApp, HoldingTheTopLeftCornerOpensThePadAndExitEndsTheKiosk) {
  Harness h(AppWithPin());
  h.HoldAt(5, 5, 2);
  EXPECT_EQ(h.app().ScreenName(), "welcome") << "not yet: 3 seconds";
  h.HoldAt(5, 5, 4.5);                             // the first frame of the hold comes a second in
  ASSERT_EQ(h.app().ScreenName(), "staff.pin") << h.Describe();
  EXPECT_TRUE(h.Has("Staff only")) << h.Describe();
  for (char c : std::string("2468")) h.PressId(std::string("staff.digit.") + c);
  h.PressId("staff.ok");
  ASSERT_EQ(h.app().ScreenName(), "staff.menu") << h.Describe();
  EXPECT_FALSE(h.app().exit_requested());
  h.Press("Exit kiosk");
  EXPECT_TRUE(h.app().exit_requested());
}

TEST(StaffModeApp, LockoutSurvivesARestart) {
  const auto dir = std::filesystem::temp_directory_path() / ("tellus-staff-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "outbox.db").string();
  auto enter = [](Harness& h, const std::string& pin) {
    for (char c : pin) h.PressId(std::string("staff.digit.") + c);
    h.PressId("staff.ok");
  };
  {
    Harness h(AppWithPin(path));
    h.app().DispatchStaff(staff::ev::Open{});
    h.Frame(2);
    for (int i = 0; i < kStaffMaxFailures; ++i) enter(h, "0000");
    EXPECT_TRUE(h.ShowsText("Staff mode is locked. Try again in 5 minutes.")) << h.Describe();
  }
  {
    Harness h(AppWithPin(path));
    h.app().DispatchStaff(staff::ev::Open{});
    h.Frame(2);
    EXPECT_TRUE(h.ShowsText("Staff mode is locked.")) << "a restart must not reset the lockout\n" << h.Describe();
    EXPECT_FALSE(h.TryFindId("staff.ok"));
    h.Press("Cancel");
    h.Advance(301);
    h.app().DispatchStaff(staff::ev::Open{});
    h.Frame(2);
    enter(h, "2468");
    EXPECT_EQ(h.app().staff().page, StaffPage::kMenu) << h.Describe();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tellus
