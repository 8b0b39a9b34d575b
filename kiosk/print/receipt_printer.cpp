// The print worker: one slip per std::async task, its answer polled by the UI thread.
#include "kiosk/print/receipt_printer.h"

#include "kiosk/print/escpos.h"
#include "kiosk/print/slip_render.h"

namespace tellus::print {

PrintJob MakePrintJob(PrinterKind kind, const SlipWords& words, const SlipAssets& assets) {
  PrintJob job;
  job.layout = LayOutSlip(words, assets);
  if (kind == PrinterKind::kCups) {
    job.pdf = RenderPdf(job.layout, assets);
  } else if (kind == PrinterKind::kEscPos) {
    GreyImage grey = RenderGrey(job.layout, assets);
    job.escpos = EscPosJob(grey);
    WipeBytes(grey.pixels);
  }
  return job;
}

PortResult SendSlip(const PrinterConfig& config, const SlipAssets& assets, SlipWords& words) {
  PortResult result;
  const std::chrono::milliseconds timeout(std::int64_t{config.timeout_seconds} * 1000);
  try {
    PrintJob job = MakePrintJob(config.kind, words, assets);
    Wipe(words);
    for (SlipItem& item : job.layout.items) WipeBytes(item.text);
    if (config.kind == PrinterKind::kCups) result = PrintToCups(config.queue, job.pdf, timeout);
    else if (config.kind == PrinterKind::kEscPos) result = WriteToDevice(config.device, job.escpos, timeout);
    else result.error = "no printer is set up";
    WipeBytes(job.pdf);
    WipeBytes(job.escpos);
  } catch (const std::exception& e) {
    result.printed = false;
    result.error = e.what();
  }
  Wipe(words);
  return result;
}

ReceiptPrinter::ReceiptPrinter(PrinterConfig config, SlipAssets assets)
    : config_(std::move(config)), assets_(std::move(assets)) {}

ReceiptPrinter::~ReceiptPrinter() {
  for (Job& job : jobs_) job.result.wait();
}

void ReceiptPrinter::Print(SlipWords& words) {
  Job job;
  job.session = session_;
  job.result = std::async(std::launch::async, [config = config_, assets = assets_, w = words]() mutable {
    return SendSlip(config, assets, w);             // wipes w
  });
  jobs_.push_back(std::move(job));
  Wipe(words);
}

void ReceiptPrinter::ForgetPending() { ++session_; }

bool ReceiptPrinter::AnswerReady() const {
  for (const Job& job : jobs_)
    if (job.result.wait_for(std::chrono::seconds(0)) != std::future_status::timeout) return true;
  return false;
}

std::vector<JourneyEvent> ReceiptPrinter::Poll() {
  std::vector<JourneyEvent> out;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->result.wait_for(std::chrono::seconds(0)) == std::future_status::timeout) {
      ++it;
      continue;
    }
    const PortResult result = it->result.get();
    if (!result.error.empty()) errors_.push_back("receipt printer: " + result.error);
    if (it->session == session_) out.push_back(ev::PrintResult{result.printed});
    it = jobs_.erase(it);
  }
  return out;
}

}  // namespace tellus::print
