#pragma once
// [SECTION] The two ways a slip leaves the kiosk: a CUPS queue (the PDF, through
// libcups) or a receipt printer's device file (ESC/POS bytes). Both run on the print
// worker's thread, wait a bounded time, and say plainly whether the slip printed.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace tellus::print {

struct PortResult {
  bool printed = false;
  std::string error;                               // for the kiosk's log: what went wrong, never the slip
};

// Sends the PDF to `queue` on the CUPS server libcups is set up for (CUPS_SERVER,
// client.conf) and waits until the job is done, up to `timeout`. A queue that is
// missing, stopped or not accepting jobs fails at once; a job the printer stops on, or
// still waiting at the timeout, is cancelled (so it cannot print later, unasked) and fails.
PortResult PrintToCups(const std::string& queue, const std::string& pdf, std::chrono::milliseconds timeout);

// Writes the bytes to a printer's device file (/dev/usb/lp0, a serial port...). Never
// creates a file: a missing path or a regular file fails. Gives up when the printer
// takes nothing for `timeout` (out of paper, cover open).
PortResult WriteToDevice(const std::string& device, const std::vector<std::uint8_t>& bytes,
                         std::chrono::milliseconds timeout);

}  // namespace tellus::print
