#include "sync/register/terminal_text.h"

#include <cstdint>
#include <cstdio>

namespace tellus::reg {

namespace {

std::string Hex(const char* format, std::uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// Length of the UTF-8 sequence at text[i] and its code point; 0 when it is not valid UTF-8.
std::size_t Utf8At(std::string_view text, std::size_t i, std::uint32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;   // overlong, surrogate
  return n;
}

bool Invisible(std::uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

}  // namespace

std::string TerminalSafe(std::string_view text, std::size_t cap) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && i < cap) {
    std::uint32_t cp = 0;
    std::size_t n = Utf8At(text, i, cp);
    if (n == 0) {
      out += Hex("\\x%02x", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (!Invisible(cp)) {
      out.append(text.substr(i, n));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else {
      out += cp < 0x100 ? Hex("\\x%02x", cp) : Hex("\\u%04x", cp);
    }
    i += n;
  }
  if (i < text.size()) out += " ... (" + std::to_string(text.size() - i) + " more bytes not shown)";
  return out;
}

}  // namespace tellus::reg
