// "Print my receipt" at the kiosk: offered only where the config names a printer, printed
// off the UI thread (the screen keeps drawing while it prints), and the outcome said
// plainly with the receipt still on screen when the printer fails.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "easyread/dates.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"
#include "tests/print/print_fixtures.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using namespace testing_ui;
using print_testing::TempDir;
using Values = std::map<std::string, std::string>;

// A receipt printer's device file: a FIFO read by a thread standing in for the printer.
struct FakePrinter {
  TempDir dir;
  std::string path = (dir.path / "lp0").string();
  std::vector<std::uint8_t> received;
  std::atomic<bool> paper{true};                   // false: the printer takes nothing (the pipe fills, writes wait)
  std::thread reader;
  FakePrinter() {
    mkfifo(path.c_str(), 0600);
    reader = std::thread([this] {
      const int fd = open(path.c_str(), O_RDONLY);
      while (!paper) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::uint8_t buffer[4096];
      ssize_t n;
      while ((n = read(fd, buffer, sizeof buffer)) > 0) received.insert(received.end(), buffer, buffer + n);
      close(fd);
    });
  }
  ~FakePrinter() {
    if (reader.joinable()) {
      const int fd = open(path.c_str(), O_WRONLY | O_NONBLOCK);   // let a reader still waiting go
      if (fd >= 0) close(fd);
      reader.join();
    }
  }
};

HarnessOptions WithPrinter(const std::string& device) {
  HarnessOptions o;
  o.policy_id = "seetec";
  o.printer.kind = print::PrinterKind::kEscPos;
  o.printer.device = device;
  o.printer.timeout_seconds = 10;
  return o;
}

void ToDone(Harness& h) {
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
}

// Frames go on (0.1 s of kiosk time each) while the worker prints in real time.
int FramesUntilPrinted(Harness& h) {
  int frames = 0;
  for (; frames < 300 && h.state().print_status == PrintStatus::kPrinting; ++frames) {
    h.Advance(0.1);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return frames;
}

TEST(PrintUi, NoPrinterNoButton) {
  Harness h;                                       // the config has no [printer]
  ToDone(h);
  EXPECT_FALSE(h.Has("Print my receipt")) << h.Describe();
}

TEST(PrintUi, PrintMyReceiptPrintsOffTheUiThreadAndSaysSo) {
  FakePrinter printer;
  Harness h(WithPrinter(printer.path));
  ToDone(h);
  const std::string reference = h.state().receipt->reference;
  EXPECT_TRUE(printer.received.empty()) << "nothing is printed unless asked";
  // The slip's "what happens next" is what the done screen says, dates and all.
  const Catalog& catalog = h.app().catalog();
  for (const SlipSentence& line : ReceiptNextSteps(*h.state().receipt)) {
    Values values;
    if (line.date) values["date"] = LocalDate(catalog, *line.date);
    EXPECT_TRUE(h.ShowsText(catalog.Format(line.key, values))) << line.key << "\n" << h.Describe();
  }
  printer.paper = false;                           // a slow printer: the slip waits in the pipe
  Tap(h, "Print my receipt");
  EXPECT_EQ(h.state().print_status, PrintStatus::kPrinting);
  for (int i = 0; i < 20; ++i) {                   // frames go on while the worker waits on the printer
    h.Advance(0.1);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(h.state().print_status, PrintStatus::kPrinting);
  EXPECT_TRUE(h.Has("Printing now")) << h.Describe();
  EXPECT_FALSE(h.Find("Printing now").enabled);
  printer.paper = true;
  FramesUntilPrinted(h);
  ASSERT_EQ(h.state().print_status, PrintStatus::kPrinted) << h.Describe();
  h.Frame(2);
  EXPECT_TRUE(h.ShowsText("Take your receipt from the printer.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText(reference)) << "the receipt stays on screen";
  const ui::Node& button = h.Find("Receipt printed");
  EXPECT_FALSE(button.enabled);
  printer.reader.join();
  ASSERT_GT(printer.received.size(), 576u / 8 * 100);
  EXPECT_EQ(printer.received[0], 0x1B);            // ESC @ ... GS V: a whole slip, cut
  EXPECT_EQ(printer.received[printer.received.size() - 4], 0x1D);
  EXPECT_TRUE(h.app().errors().empty());
}

TEST(PrintUi, APrinterThatIsNotThereIsToldPlainlyAndTheReceiptStays) {
  TempDir dir;
  Harness h(WithPrinter((dir.path / "lp0").string()));
  ToDone(h);
  const Receipt receipt = *h.state().receipt;
  Tap(h, "Print my receipt");
  FramesUntilPrinted(h);
  ASSERT_EQ(h.state().print_status, PrintStatus::kFailed);
  h.Frame(2);
  EXPECT_TRUE(h.ShowsText("The printer is not working.")) << h.Describe();
  // "Write these down or take a photo" is said aloud with it; on screen the failure takes its place.
  EXPECT_TRUE(h.ShowsText(receipt.reference));
  EXPECT_TRUE(h.ShowsText(receipt.tracking_code));
  EXPECT_EQ(h.app().errors().size(), 1u) << "the kiosk's log says why";
  EXPECT_TRUE(h.Find("Try to print again").enabled);
  Tap(h, "Finish");
  EXPECT_EQ(StepOf(h), Step::kWelcome);
}

TEST(PrintUi, TheCheckResultOffersItToo) {
  TempDir dir;
  Harness h(WithPrinter((dir.path / "lp0").string()));
  JourneyState& s = h.app().mutable_state();
  s.kind = JourneyKind::kCheck;
  s.history = {Place{Step::kWelcome, 0}, Place{Step::kCheckEntry, 0}};
  s.place = Place{Step::kCheckResult, 0};
  s.check_reference = "SG-0070-0001";
  s.check_tracking = "7D2K9-QX4MB";
  s.check_status = CheckStatusKind::kFound;
  s.check_case = CaseView{};
  s.check_case->state = CaseState::kReceived;
  s.check_case->stage_name = "Informal stage 1";
  h.Frame(2);
  Tap(h, "Print my receipt");
  FramesUntilPrinted(h);
  EXPECT_EQ(h.state().print_status, PrintStatus::kFailed);
  h.Frame(2);
  EXPECT_TRUE(h.Find("Try to print again").enabled) << h.Describe();   // and it was said aloud
  EXPECT_EQ(StepOf(h), Step::kCheckResult);
}

}  // namespace
}  // namespace tellus
