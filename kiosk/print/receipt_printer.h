#pragma once
// [SECTION] The kiosk's receipt printer: the [printer] section of its config, and a
// worker that lays out, draws and prints one slip at a time off the UI thread. Its
// answer comes back from Poll() as ev::PrintResult, once per frame, like the register's.
// Nothing is printed unless the journey asks (fx::PrintReceipt); the slip's PDF, image
// and bytes live only in memory and are zeroed when sent.
#include <chrono>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/journey.h"
#include "kiosk/print/printer_ports.h"
#include "kiosk/print/slip_layout.h"
#include "kiosk/print/slip_words.h"

namespace tellus::print {

enum class PrinterKind { kNone, kCups, kEscPos };

struct PrinterConfig {
  PrinterKind kind = PrinterKind::kNone;           // kNone: no printer; "Print my receipt" is not offered
  std::string queue;                               // kCups: the CUPS queue's name
  std::string device;                              // kEscPos: the printer's device file (/dev/usb/lp0)
  int timeout_seconds = 60;                        // how long to wait for the paper before saying it failed
};

// What one slip became on its way out (the tests read the bytes; the kiosk never keeps them).
struct PrintJob {
  SlipLayout layout;
  std::string pdf;                                 // kCups
  std::vector<std::uint8_t> escpos;                // kEscPos
};
// Lays out and draws the slip for `kind` (throws PrintError).
PrintJob MakePrintJob(PrinterKind kind, const SlipWords& words, const SlipAssets& assets);
// Makes and sends one slip; the words, PDF and bytes are wiped before it returns.
PortResult SendSlip(const PrinterConfig& config, const SlipAssets& assets, SlipWords& words);

class ReceiptPrinter {
 public:
  ReceiptPrinter(PrinterConfig config, SlipAssets assets);
  ~ReceiptPrinter();                               // a slip still printing finishes on its own thread
  ReceiptPrinter(const ReceiptPrinter&) = delete;
  ReceiptPrinter& operator=(const ReceiptPrinter&) = delete;

  bool configured() const { return config_.kind != PrinterKind::kNone; }
  void Print(SlipWords& words);                    // takes and wipes the words; answered by a later Poll()
  void ForgetPending();                            // the person has gone: their answer is dropped
  std::vector<JourneyEvent> Poll();
  bool Pending() const { return !jobs_.empty(); }
  bool AnswerReady() const;
  std::vector<std::string> TakeErrors() { return std::exchange(errors_, {}); }   // for the log: never the slip

 private:
  struct Job {
    std::uint64_t session = 0;
    std::future<PortResult> result;
  };
  PrinterConfig config_;
  SlipAssets assets_;
  std::list<Job> jobs_;
  std::uint64_t session_ = 0;
  std::vector<std::string> errors_;
};

}  // namespace tellus::print
