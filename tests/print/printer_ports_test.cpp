// Printing for real: a receipt through a CUPS queue (cups-pdf, in the test's own cupsd
// where it can) read back from the printed PDF; ESC/POS bytes through a device file
// (a FIFO standing in for /dev/usb/lp0); and each way failing plainly.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <thread>

#include "kiosk/print/escpos.h"
#include "kiosk/print/printer_ports.h"
#include "kiosk/print/receipt_printer.h"
#include "tests/print/cups_sandbox.h"
#include "tests/print/print_fixtures.h"

namespace tellus {
namespace {

using namespace print_testing;
using namespace std::chrono_literals;

PrinterConfig Cups(const std::string& queue) {
  PrinterConfig c;
  c.kind = PrinterKind::kCups;
  c.queue = queue;
  c.timeout_seconds = 60;
  return c;
}

PrinterConfig Device(const std::string& path, int timeout_seconds = 10) {
  PrinterConfig c;
  c.kind = PrinterKind::kEscPos;
  c.device = path;
  c.timeout_seconds = timeout_seconds;
  return c;
}

// One CUPS for all the tests here: libcups keeps the server it first talked to.
class CupsPrint : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sandbox_ = new CupsSandbox(); }
  static void TearDownTestSuite() {
    delete sandbox_;
    sandbox_ = nullptr;
  }
  static CupsSandbox* sandbox_;
};
CupsSandbox* CupsPrint::sandbox_ = nullptr;

TEST_F(CupsPrint, AReceiptPrintedToACupsPdfQueueSaysTheCodesAndTheFirstDeadline) {
  CupsSandbox& cups = *sandbox_;
  if (!cups.skip_reason().empty()) GTEST_SKIP() << cups.skip_reason();
  SlipWords words = Words("en-GB");
  const PortResult result = SendSlip(Cups(cups.queue()), Assets(), words);
  ASSERT_TRUE(result.printed) << result.error;
  EXPECT_TRUE(words.tracking_code.empty()) << "the words are wiped once sent";
  const std::string printed = cups.WaitForPdf(30s);
  ASSERT_FALSE(printed.empty()) << "cups-pdf wrote nothing into " << cups.out_dir();
  const std::string text = Squeeze(RunCommand("pdftotext -layout '" + printed + "' -"));
  std::filesystem::remove(printed);
  EXPECT_NE(text.find("SG 0070 002Z"), std::string::npos) << text;
  EXPECT_NE(text.find("XHWTS 15AW5"), std::string::npos) << text;
  EXPECT_NE(text.find("Thursday 3 December"), std::string::npos) << text;   // contact by: the first deadline
  EXPECT_NE(text.find("Seetec Group"), std::string::npos) << text;
  // CUPS keeps no copy: no job file left in its spool, no job in its history.
  if (!cups.spool_dir().empty()) {
    for (const auto& entry : std::filesystem::directory_iterator(cups.spool_dir()))
      EXPECT_NE(entry.path().filename().string().rfind("d", 0), 0u) << "job file left: " << entry.path();
  }
  EXPECT_EQ(RunCommand("lpstat -W completed -o " + cups.queue() + " || true"), "");
}

TEST_F(CupsPrint, WelshAndUkrainianTextSurviveThePrinter) {
  CupsSandbox& cups = *sandbox_;
  if (!cups.skip_reason().empty()) GTEST_SKIP() << cups.skip_reason();
  for (const char* language : {"cy", "uk"}) {
    SlipWords words = Words(language);
    const std::string title = words.title.text;
    ASSERT_TRUE(SendSlip(Cups(cups.queue()), Assets(), words).printed) << language;
    const std::string printed = cups.WaitForPdf(30s);
    ASSERT_FALSE(printed.empty());
    const std::string text = Squeeze(RunCommand("pdftotext '" + printed + "' -"));
    std::filesystem::remove(printed);
    EXPECT_NE(text.find(title), std::string::npos) << language << ": " << text;
  }
}

TEST_F(CupsPrint, AStoppedPrinterFailsAtOnceAndNothingIsLeftToPrintLater) {
  CupsSandbox& cups = *sandbox_;
  if (!cups.skip_reason().empty()) GTEST_SKIP() << cups.skip_reason();
  ASSERT_TRUE(cups.Shell("cupsdisable " + cups.queue()));
  struct Enable {
    CupsSandbox& cups;
    ~Enable() { cups.Shell("cupsenable " + cups.queue()); }
  } enable{cups};
  SlipWords words = Words("en-GB");
  const auto start = std::chrono::steady_clock::now();
  const PortResult result = SendSlip(Cups(cups.queue()), Assets(), words);
  EXPECT_FALSE(result.printed);
  EXPECT_NE(result.error.find("stopped"), std::string::npos) << result.error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s) << "a stopped printer is known at once";
  EXPECT_EQ(RunCommand("lpstat -o " + cups.queue() + " || true"), "") << "a job left waiting would print unasked later";
}

TEST_F(CupsPrint, AQueueThatIsNotThereFailsPlainly) {
  CupsSandbox& cups = *sandbox_;
  if (!cups.skip_reason().empty()) GTEST_SKIP() << cups.skip_reason();
  SlipWords words = Words("en-GB");
  const PortResult result = SendSlip(Cups("no-such-queue"), Assets(), words);
  EXPECT_FALSE(result.printed);
  EXPECT_NE(result.error.find("no-such-queue"), std::string::npos) << result.error;
}

TEST(DevicePrint, EscPosBytesReachThePrintersDeviceFile) {
  TempDir dir;
  const std::string fifo = (dir.path / "lp0").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::vector<std::uint8_t> received;
  std::thread printer([&] {
    const int fd = open(fifo.c_str(), O_RDONLY);
    std::uint8_t buffer[4096];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) received.insert(received.end(), buffer, buffer + n);
    close(fd);
  });
  std::this_thread::sleep_for(100ms);              // the printer is there before the kiosk writes
  SlipWords words = Words("en-GB");
  const SlipLayout layout = LayOutSlip(words, Assets());
  const PortResult result = SendSlip(Device(fifo), Assets(), words);
  printer.join();
  ASSERT_TRUE(result.printed) << result.error;
  const Decoded d = DecodeEscPos(received);
  EXPECT_TRUE(d.cut);
  EXPECT_EQ(d.image.width, 576);
  EXPECT_EQ(d.image.height, static_cast<int>(std::ceil(layout.height)));
  // What was sent is what the slip looks like, dot for dot.
  const std::vector<std::uint8_t> expected = Dither(RenderGrey(layout, Assets()));
  int differ = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) differ += (d.image.pixels[i] == 0) != (expected[i] == 1);
  EXPECT_EQ(differ, 0);
}

TEST(DevicePrint, AMissingDeviceAPrinterNotListeningOrAFileFailPlainly) {
  TempDir dir;
  SlipWords words = Words("en-GB");
  PortResult r = SendSlip(Device((dir.path / "lp9").string()), Assets(), words);
  EXPECT_FALSE(r.printed);
  EXPECT_NE(r.error.find("No such file"), std::string::npos) << r.error;
  EXPECT_FALSE(std::filesystem::exists(dir.path / "lp9")) << "a receipt is never written to a new file";

  const std::string fifo = (dir.path / "lp0").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);        // nobody reading: the printer is off
  words = Words("en-GB");
  r = SendSlip(Device(fifo), Assets(), words);
  EXPECT_FALSE(r.printed);

  const std::string file = (dir.path / "receipt.bin").string();
  WriteFile(file, "");
  words = Words("en-GB");
  r = SendSlip(Device(file), Assets(), words);
  EXPECT_FALSE(r.printed);
  EXPECT_NE(r.error.find("not a printer device"), std::string::npos) << r.error;
  EXPECT_EQ(std::filesystem::file_size(file), 0u);
}

TEST(DevicePrint, APrinterThatStopsTakingPaperTimesOut) {
  TempDir dir;
  const std::string fifo = (dir.path / "lp0").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);   // open, but never reads: a jammed printer
  ASSERT_GE(reader, 0);
  SlipWords words = Words("en-GB");
  const auto start = std::chrono::steady_clock::now();
  const PortResult r = SendSlip(Device(fifo, 5), Assets(), words);
  const auto took = std::chrono::steady_clock::now() - start;
  close(reader);
  EXPECT_FALSE(r.printed);
  EXPECT_NE(r.error.find("took nothing"), std::string::npos) << r.error;
  EXPECT_GE(took, 4s);
  EXPECT_LT(took, 20s);
}

TEST(ReceiptPrinterWorker, PrintsOffTheCallersThreadAndDropsAnAnswerForSomeoneWhoLeft) {
  TempDir dir;
  ReceiptPrinter printer(Device((dir.path / "missing").string()), Assets());
  EXPECT_TRUE(printer.configured());
  SlipWords words = Words("en-GB");
  printer.Print(words);
  EXPECT_TRUE(words.tracking_code.empty()) << "the caller's copy is wiped at once";
  std::vector<JourneyEvent> answers;
  for (int i = 0; i < 200 && answers.empty(); ++i) {
    answers = printer.Poll();
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_FALSE(std::get<ev::PrintResult>(answers[0]).printed);
  EXPECT_FALSE(printer.TakeErrors().empty());

  words = Words("en-GB");
  printer.Print(words);
  printer.ForgetPending();                         // the journey was wiped meanwhile
  for (int i = 0; i < 200 && printer.Pending(); ++i) {
    EXPECT_TRUE(printer.Poll().empty());
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_FALSE(printer.Pending());
}

}  // namespace
}  // namespace tellus
