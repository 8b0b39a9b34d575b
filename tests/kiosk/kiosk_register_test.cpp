// The kiosk and the real register together: a headless kiosk (real ImGui frames, the
// real app with its sync thread) talking to `tellus-register serve` on loopback.
// What is asserted is what a person or staff member would notice: words on the
// kiosk screen, and what the register's own command line says it holds.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>

#include "core/reference.h"
#include "core/seal.h"
#include "easyread/dates.h"
#include "kiosk/app/register_link.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"
#include "tests/sync/register_process.h"

namespace tellus {
namespace {

// The stage the check screen's timeline marks as "You are here" (its label without the note).
std::string CurrentStage(testing::Harness& h) {
  for (const ui::Node& n : h.Nodes())
    if (n.id.rfind("timeline.", 0) == 0 && n.selected) return n.label.substr(0, n.label.find(" ("));
  return {};
}

using testing::Harness;
using testing::HarnessOptions;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;
using namespace testing_ui;

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

HarnessOptions KioskFor(const RegisterFixture& f) {
  HarnessOptions o;
  o.policy_id = "next-steps";                      // accepts anonymous complaints
  o.store_path = f.dir / "kiosk.db";
  o.identity = f.identity;
  o.sync_options.min_backoff = std::chrono::milliseconds(50);
  o.sync_options.max_backoff = std::chrono::milliseconds(200);
  o.staff_pin_hash = HashSecret("2468");
  return o;
}

// Through the UI: an anonymous complaint, sent; returns its receipt.
Receipt MakeAnonymousComplaint(Harness& h) {
  TapId(h, "choice.welcome.complaint");
  EXPECT_EQ(UiWalkTo(h, Step::kConsent, {.anonymous = true}), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  EXPECT_EQ(StepOf(h), Step::kDone) << h.Describe();
  Receipt r = h.state().receipt.value_or(Receipt{});
  Tap(h, "Finish");
  return r;
}

// Through the UI: check my complaint with a receipt, waiting for the register's answer.
void CheckWith(Harness& h, const std::string& reference, const std::string& code) {
  TapId(h, "choice.welcome.check");
  TypeInto(h, "field.reference", reference);
  TypeInto(h, "field.tracking_code", code);
  Tap(h, "Check", ui::Role::kButton);
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().check_status != CheckStatusKind::kWaiting; })) << h.Describe();
}

void WaitForOutcome(Harness& h) {
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().request_outcome != RequestOutcome::kWaiting; })) << h.Describe();
}

TEST(KioskRegister, AnonymousComplaintSyncsOnceThenStatusReplyEscalationAndWithdrawalFromTheReceipt) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  Harness h(KioskFor(f));

  const Receipt receipt = MakeAnonymousComplaint(h);
  ASSERT_TRUE(receipt.anonymous);
  ASSERT_TRUE(receipt.respond_by);
  ASSERT_TRUE(FramesUntil(h, [&] { return h.store().PendingCount() == 0; })) << "the sync thread sent it";
  std::string out;
  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(Count(out, receipt.reference), 1) << out;

  // The receipt alone opens the status: stage and the dates the kiosk promised.
  const Catalog& en = h.app().catalog();
  CheckWith(h, receipt.reference, receipt.tracking_code);
  EXPECT_TRUE(h.Has("Your complaint")) << h.Describe();
  EXPECT_EQ(CurrentStage(h), "Response to your complaint") << h.Describe();
  EXPECT_TRUE(h.ShowsText("We will answer by " + LocalDate(en, *receipt.respond_by) + ".")) << h.Describe();
  ASSERT_TRUE(receipt.acknowledge_by);
  EXPECT_TRUE(h.ShowsText("We will say we have it by " + LocalDate(en, *receipt.acknowledge_by) + "."))
      << h.Describe();
  EXPECT_FALSE(h.Has("Ask for the next stage")) << "the answer is not due yet";
  EXPECT_TRUE(h.Has("Stop my complaint"));
  Tap(h, "Finish");

  // Staff answer at the register; the kiosk shows the reply and offers the next stage.
  ASSERT_EQ(RunRegister({"case", "reply", receipt.reference, "--db", f.db, "--text", "We have spoken to the team."},
                        &out),
            0)
      << out;
  CheckWith(h, receipt.reference, receipt.tracking_code);
  EXPECT_TRUE(h.ShowsText("We have given our answer.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We have spoken to the team.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Second response")) << "the timeline shows the next stage\n" << h.Describe();
  Tap(h, "Ask for the next stage");
  // Why, in their words first (the register keeps them with the request, sealed).
  EXPECT_TRUE(h.Has("Why are you not happy with our answer?")) << h.Describe();
  TypeInto(h, "field.escalate_reason", "Nobody has called me back");
  TapId(h, "button.next");
  EXPECT_TRUE(h.Has("Ask for the next stage?")) << h.Describe();
  Tap(h, "Yes, ask for it");
  WaitForOutcome(h);
  EXPECT_TRUE(h.Has("You asked for the next stage")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("It is at this stage: Second response.")) << h.Describe();
  ASSERT_EQ(RunRegister({"case", "show", receipt.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("escalate: Nobody has called me back"), std::string::npos) << out;

  // Says how it was handled: the register keeps the words (sealed) with the case.
  Tap(h, "See my complaint");
  Tap(h, "Tell us how we did");
  EXPECT_TRUE(h.Has("How did we do?")) << h.Describe();
  TypeInto(h, "field.feedback", "Kind staff but slow");
  Tap(h, "Send", ui::Role::kButton);
  WaitForOutcome(h);
  EXPECT_TRUE(h.Has("Thank you for telling us")) << h.Describe();

  // Then changes their mind: withdraws, from the same receipt.
  Tap(h, "See my complaint");
  EXPECT_EQ(CurrentStage(h), "Second response") << h.Describe();
  Tap(h, "Stop my complaint");
  EXPECT_TRUE(h.Has("Stop your complaint?")) << h.Describe();
  Tap(h, "Yes, stop it");
  WaitForOutcome(h);
  EXPECT_TRUE(h.Has("Your complaint is stopped")) << h.Describe();
  Tap(h, "Finish");
  EXPECT_EQ(StepOf(h), Step::kWelcome);

  ASSERT_EQ(RunRegister({"case", "show", receipt.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("withdrawn"), std::string::npos) << out;
  EXPECT_NE(out.find("second-response"), std::string::npos) << out;
  EXPECT_NE(out.find("escalate"), std::string::npos) << out;
  EXPECT_NE(out.find("feedback: Kind staff but slow"), std::string::npos) << out;
  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(Count(out, receipt.reference), 0) << "closed cases leave the open list:\n" << out;
  ASSERT_EQ(RunRegister({"cases", "--all", "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(Count(out, receipt.reference), 1) << out;

  // A closed case: nothing more to ask for.
  CheckWith(h, receipt.reference, receipt.tracking_code);
  EXPECT_TRUE(h.ShowsText("You took it back.")) << h.Describe();
  EXPECT_FALSE(h.Has("Stop my complaint"));
  EXPECT_FALSE(h.Has("Ask for the next stage"));
}

TEST(KioskRegister, WrongCodeAndRegisterDownGetCalmScreensThatSayWhatToDo) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  Harness h(KioskFor(f));
  const Receipt receipt = MakeAnonymousComplaint(h);
  ASSERT_TRUE(FramesUntil(h, [&] { return h.store().PendingCount() == 0; }));

  std::string wrong = NewTrackingCode();
  CheckWith(h, receipt.reference, wrong);
  EXPECT_TRUE(h.Has("We could not find it")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Or ask a member of staff."));
  Tap(h, "Type the codes again");
  ASSERT_EQ(StepOf(h), Step::kCheckEntry) << h.Describe();
  Tap(h, "Start again");

  server.Stop();
  CheckWith(h, receipt.reference, receipt.tracking_code);
  EXPECT_TRUE(h.Has("We cannot check right now")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Please try again later."));
  EXPECT_TRUE(h.ShowsText("Or ask a member of staff."));
  ASSERT_TRUE(h.Has("Try again"));

  server.Start(server.port());                     // back again: "Try again" now finds it
  Tap(h, "Try again");
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().check_status != CheckStatusKind::kWaiting; })) << h.Describe();
  EXPECT_TRUE(h.Has("Your complaint")) << h.Describe();
}

TEST(KioskRegister, StaffSaveToUsbIsImportedOnceAndSendNowDrainsTheOutbox) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  server.Stop();                                   // the network is down for now
  HarnessOptions o = KioskFor(f);
  o.sync_options.min_backoff = std::chrono::minutes(10);   // no retry by itself: staff press Send now
  o.sync_options.max_backoff = std::chrono::minutes(10);
  o.usb_dir = f.dir / "stick";
  Harness h(o);
  const Receipt first = MakeAnonymousComplaint(h);
  const Receipt second = MakeAnonymousComplaint(h);
  ASSERT_EQ(h.store().PendingCount(), 2);

  h.app().DispatchStaff(staff::ev::Open{});
  h.Frame(2);
  for (char c : std::string("2468")) h.PressId(std::string("staff.digit.") + c);
  h.PressId("staff.ok");
  ASSERT_EQ(h.app().staff().page, StaffPage::kMenu) << h.Describe();
  ASSERT_TRUE(FramesUntil(h, [&] { return h.ShowsText("The register cannot be reached now."); })) << h.Describe();
  EXPECT_TRUE(h.Has("Waiting to be sent: 2 messages.")) << h.Describe();
  EXPECT_TRUE(h.Has("Nothing has been sent yet."));

  h.Press("Save to USB");                          // the stick is not in yet
  h.Frame(2);
  EXPECT_TRUE(h.Has("No USB stick found.")) << h.Describe();
  std::filesystem::create_directories(o.usb_dir);
  h.Press("Save to USB");
  h.Frame(2);
  EXPECT_TRUE(h.Has("Saved to the USB stick: 2 messages.")) << h.Describe();
  EXPECT_FALSE(h.ShowsText(first.reference)) << "staff mode never shows a submission";
  std::vector<std::string> bundles;
  for (const auto& entry : std::filesystem::directory_iterator(o.usb_dir)) bundles.push_back(entry.path().string());
  ASSERT_EQ(bundles.size(), 1u);

  std::string out;
  ASSERT_EQ(RunRegister({"import", "--db", f.db, bundles[0]}, &out), 0) << out;
  EXPECT_NE(out.find("2 new case(s)"), std::string::npos) << out;
  ASSERT_EQ(RunRegister({"import", "--db", f.db, bundles[0]}, &out), 0) << out;
  EXPECT_NE(out.find("imported before"), std::string::npos) << out;

  server.Start(server.port());                     // the network is back
  h.Press("Send now");
  h.Frame(2);
  EXPECT_TRUE(h.Has("Sending now.")) << h.Describe();
  ASSERT_TRUE(FramesUntil(h, [&] { return h.store().PendingCount() == 0; })) << h.Describe();
  ASSERT_TRUE(FramesUntil(h, [&] { return h.Has("Waiting to be sent: 0 messages."); })) << h.Describe();
  EXPECT_TRUE(FramesUntil(h, [&] { return h.ShowsText("Last sent: "); })) << h.Describe();
  EXPECT_FALSE(h.ShowsText("The register cannot be reached now.")) << h.Describe();

  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(Count(out, first.reference), 1) << out;
  EXPECT_EQ(Count(out, second.reference), 1) << out;
}

// The register limits look-ups per reference (20 an hour): the 21st gets HTTP 429,
// which the kiosk turns into "try again later", never "not found".
TEST(KioskRegister, TooManyLookUpsSayTryAgainLater) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  const std::string reference = FormatReference({"NS", static_cast<std::uint32_t>(f.identity.kiosk_number), 99});
  const std::string code = *NormaliseTrackingCode(NewTrackingCode());
  {
    RegisterLink other(f.identity, ":memory:");      // someone trying codes for this reference
    for (int i = 0; i < 20; ++i) other.AskStatus(reference, code);
    int not_found = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (other.Pending() && std::chrono::steady_clock::now() < until) {
      for (const JourneyEvent& e : other.Poll())
        if (std::get<ev::StatusResult>(e).status == CheckStatusKind::kNotFound) ++not_found;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(not_found, 20);
  }
  Harness h(KioskFor(f));
  CheckWith(h, reference, code);
  EXPECT_TRUE(h.Has("Too many checks just now")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Please try again later."));
  EXPECT_TRUE(h.Has("Try again"));
}

// A register that takes the connection and never answers: the kiosk keeps drawing,
// keeps waking to look for the answer, lets the person leave, and shuts down promptly.
TEST(KioskRegister, ASilentRegisterNeverHoldsUpTheScreen) {
  RegisterFixture f("next-steps");
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(listener, 8), 0);
  socklen_t len = sizeof addr;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
  f.identity.register_url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));

  auto started = std::chrono::steady_clock::now();
  {
    Harness h(KioskFor(f));
    TapId(h, "choice.welcome.check");
    TypeInto(h, "field.reference", FormatReference({"NS", 7, 42}));
    TypeInto(h, "field.tracking_code", NewTrackingCode());
    Tap(h, "Check", ui::Role::kButton);
    EXPECT_TRUE(h.Has("Checking")) << h.Describe();
    const double wake = h.app().SecondsToNextWake(h.clock());
    EXPECT_GT(wake, 0.0) << "no answer yet: no frame needed this instant";
    EXPECT_LE(wake, 0.1) << "but the loop must wake soon to look for it";
    auto before = std::chrono::steady_clock::now();
    h.Frame(10);
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(2)) << "frames do not wait";
    EXPECT_EQ(h.state().check_status, CheckStatusKind::kWaiting);
    Tap(h, "Back");                                // the person gives up waiting
    EXPECT_EQ(StepOf(h), Step::kWelcome) << h.Describe();
    started = std::chrono::steady_clock::now();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3)) << "exit abandons the call";
  ::close(listener);
}

TEST(KioskRegister, WithoutARegisterTheCheckIsAnsweredHonestlyAndStaffSeeSyncIsNotSetUp) {
  HarnessOptions o;
  o.policy_id = "next-steps";
  o.staff_pin_hash = HashSecret("2468");
  Harness h(o);
  TapId(h, "choice.welcome.check");
  TypeInto(h, "field.reference", FormatReference({"NS", 7, 42}));
  TypeInto(h, "field.tracking_code", NewTrackingCode());
  h.app().Dispatch(ev::Next{});                    // as the Check button does, without drawing a frame
  EXPECT_EQ(h.app().SecondsToNextWake(h.clock()), 0.0) << "an answer is waiting: draw it now";
  h.Frame(2);
  EXPECT_TRUE(h.Has("We cannot check right now")) << h.Describe();
  EXPECT_TRUE(h.Has("Try again"));
  Tap(h, "Finish");
  h.app().DispatchStaff(staff::ev::Open{});
  h.Frame(2);
  for (char c : std::string("2468")) h.PressId(std::string("staff.digit.") + c);
  h.PressId("staff.ok");
  EXPECT_TRUE(h.Has("Sending to the register is not set up here.")) << h.Describe();
  EXPECT_FALSE(h.FindId("staff.save_usb").enabled) << "no identity to sign a bundle with";
}

}  // namespace
}  // namespace tellus
