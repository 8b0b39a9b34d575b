#pragma once
// Text that came from a kiosk (clear fields, the opened personal part, requests) made safe
// for a staff terminal: control characters (C0, DEL, C1), line and paragraph separators and
// bidirectional overrides become visible escapes ("\x1b", "\r", "\u202e"), bytes that are
// not UTF-8 become "\xNN", and a field longer than `cap` bytes is cut with a note of how
// much was left out. A person's words can then neither move the cursor, retitle the
// window, forge an output line nor bury the screen.
#include <cstddef>
#include <string>
#include <string_view>

namespace tellus::reg {

inline constexpr std::size_t kTerminalFieldCap = 4000;

std::string TerminalSafe(std::string_view text, std::size_t cap = kTerminalFieldCap);

}  // namespace tellus::reg
