#pragma once
// Text from the network on its way into a log line: a path, a header. Control characters
// (CR, LF, ESC, DEL...) and backslashes become visible escapes (\n, \x1b, \\), so nobody can
// forge a second log line or drive a staff terminal, and the text is cut at `max_bytes`.
#include <string>
#include <string_view>

namespace tellus::reg {

inline std::string EscapeForLog(std::string_view text, std::size_t max_bytes = 200) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char ch : text.substr(0, max_bytes)) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f || c >= 0x80) {   // bytes above ASCII too: C1 controls hide among them
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  if (text.size() > max_bytes) out += "...";
  return out;
}

}  // namespace tellus::reg
