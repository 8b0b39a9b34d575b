#include "easyread/letters.h"

#include <cstdint>

namespace tellus {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at `at` and moves past it; malformed input gives U+FFFD and one byte.
char32_t Decode(const std::string& s, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(at);
  int extra = 0;
  char32_t cp = 0;
  if (lead < 0x80) { ++at; return lead; }
  if ((lead & 0xE0) == 0xC0) { extra = 1; cp = lead & 0x1F; }
  else if ((lead & 0xF0) == 0xE0) { extra = 2; cp = lead & 0x0F; }
  else if ((lead & 0xF8) == 0xF0) { extra = 3; cp = lead & 0x07; }
  else { ++at; return kReplacement; }
  if (at + static_cast<std::size_t>(extra) >= s.size()) {  // cut short
    ++at;
    return kReplacement;
  }
  for (int i = 1; i <= extra; ++i) {
    const unsigned char next = byte(at + static_cast<std::size_t>(i));
    if ((next & 0xC0) != 0x80) { ++at; return kReplacement; }
    cp = (cp << 6) | (next & 0x3F);
  }
  static const char32_t kMinimum[4] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++at; return kReplacement; }
  at += static_cast<std::size_t>(extra) + 1;
  return cp;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// In these blocks capitals and small letters alternate: the capital sits just before its small letter.
bool InPairs(char32_t cp, char32_t first, char32_t last, bool capital_even) {
  if (cp < first || cp > last) return false;
  return ((cp % 2) == 0) != capital_even;          // true: a small letter
}

char32_t Upper(char32_t cp) {
  if (cp >= U'a' && cp <= U'z') return cp - 0x20;
  if (cp < 0x80) return cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 0x20;            // à..þ
  if (cp == 0xFF) return 0x178;                                            // ÿ
  if (cp == 0x131) return U'I';                                            // dotless ı
  if (InPairs(cp, 0x100, 0x137, true) || InPairs(cp, 0x139, 0x148, false) || InPairs(cp, 0x14A, 0x177, true) ||
      InPairs(cp, 0x179, 0x17E, false))
    return cp - 1;                                                         // Latin Extended-A: ą ł ń ś ż ŵ ŷ ė į ų ū
  if (InPairs(cp, 0x200, 0x21F, true) || InPairs(cp, 0x222, 0x233, true)) return cp - 1;  // ș ț
  if (InPairs(cp, 0x1E00, 0x1E95, true) || InPairs(cp, 0x1EA0, 0x1EFF, true)) return cp - 1;  // ẁ ẃ ẅ ỳ
  if (cp >= 0x3B1 && cp <= 0x3C9) return cp == 0x3C2 ? 0x3A3 : cp - 0x20;  // Greek
  if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;                        // а..я
  if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;                        // ѐ..џ (і ї є)
  if (InPairs(cp, 0x460, 0x481, true) || InPairs(cp, 0x48A, 0x4BF, true) || InPairs(cp, 0x4D0, 0x4FF, true))
    return cp - 1;                                                         // ґ
  if (InPairs(cp, 0x4C1, 0x4CE, false)) return cp - 1;
  if (cp == 0x4CF) return 0x4C0;
  return cp;
}

}  // namespace

std::vector<std::string> SplitLetters(const std::string& utf8) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < utf8.size();) {
    std::string letter;
    Encode(Decode(utf8, at), letter);
    out.push_back(std::move(letter));
  }
  return out;
}

bool IsValidUtf8(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t before = at;
    const char32_t cp = Decode(text, at);
    if (cp == kReplacement && !(at - before == 3 && text.compare(before, 3, "\xEF\xBF\xBD") == 0)) return false;
  }
  return true;
}

std::string UpperCase(const std::string& utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t at = 0; at < utf8.size();) Encode(Upper(Decode(utf8, at)), out);
  return out;
}

bool HasCapital(const std::string& letter) {
  std::size_t at = 0;
  if (letter.empty()) return false;
  const char32_t cp = Decode(letter, at);
  return at == letter.size() && Upper(cp) != cp;
}

}  // namespace tellus

namespace tellus {

bool IsCapital(const std::string& letter) {
  std::size_t at = 0;
  if (letter.empty()) return false;
  const char32_t cp = Decode(letter, at);
  if (at != letter.size() || Upper(cp) != cp) return false;
  // Its small letter sits 1, 0x20 or 0x50 above it in every block Upper() knows (Ÿ apart).
  for (char32_t offset : {char32_t{1}, char32_t{0x20}, char32_t{0x50}})
    if (Upper(cp + offset) == cp) return true;
  return cp == 0x178;
}

}  // namespace tellus
