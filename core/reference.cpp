#include "core/reference.h"

#include <sodium.h>

#include <cassert>
#include <cctype>
#include <stdexcept>
#include <vector>

#include "core/seal.h"

namespace tellus {
namespace {

constexpr std::string_view kDigits = kCrockfordDigits;

bool IsSeparator(char c) { return c == '-' || c == ' ' || c == '\t'; }

// Value of one typed Crockford digit, folding case, I/L -> 1 and O -> 0; -1 if not a digit.
int DigitValue(char c) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (c == 'I' || c == 'L') return 1;
  if (c == 'O') return 0;
  std::size_t at = kDigits.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool ValidPrefix(std::string_view prefix) {
  if (prefix.empty() || prefix.size() > kMaxPrefixLength) return false;
  for (char c : prefix) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;  // ASCII, whatever the locale
  }
  return true;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string WithoutSeparators(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsSeparator(c)) out += c;
  }
  return out;
}

// Groups of four from the left; a remainder of one to three joins the last group,
// so no group is ever shorter than four ("4K7Q-29MX", "4K7Q-29MXZ", "4K7Q-29MX-ZZZZ").
std::string Grouped(std::string_view compact) {
  std::string out;
  std::size_t at = 0;
  while (at < compact.size()) {
    std::size_t take = compact.size() - at < 8 ? compact.size() - at : 4;
    if (!out.empty()) out += '-';
    out += compact.substr(at, take);
    at += take;
  }
  return out;
}

// The encoded part with separators removed: 3 kiosk digits, 4..9 sequence digits
// in canonical form (no leading zero beyond four digits), one check character.
std::optional<Reference> ParseEncoded(std::string_view compact) {
  constexpr std::size_t kMin = kKioskDigits + kMinSequenceDigits + 1;
  constexpr std::size_t kMax = kKioskDigits + kMaxSequenceDigits + 1;
  if (compact.size() < kMin || compact.size() > kMax) return std::nullopt;
  std::uint64_t value = 0;  // kiosk and sequence digits read as one number
  std::vector<int> digits;
  int interim = 0;          // Damm: every digit, the check included, must bring it back to 0
  for (std::size_t i = 0; i < compact.size(); ++i) {
    int digit = DigitValue(compact[i]);
    if (digit < 0) return std::nullopt;
    interim = CrockfordCheckStep(interim, digit);
    if (i + 1 == compact.size()) break;
    digits.push_back(digit);
    value = value * 32 + static_cast<std::uint64_t>(digit);
  }
  if (interim != 0) return std::nullopt;
  std::size_t sequence_digits = digits.size() - kKioskDigits;
  if (sequence_digits > kMinSequenceDigits && digits[kKioskDigits] == 0) return std::nullopt;
  Reference ref;
  ref.kiosk = static_cast<std::uint32_t>(value >> (5 * sequence_digits));
  ref.sequence = value & ((std::uint64_t{1} << (5 * sequence_digits)) - 1);
  if (ref.kiosk < 1 || ref.kiosk > kMaxKiosk || ref.sequence < 1) return std::nullopt;
  return ref;
}

}  // namespace

std::string CrockfordEncode(std::uint64_t value, int min_digits) {
  std::string out;
  do {
    out.insert(out.begin(), kDigits[value % 32]);
    value /= 32;
  } while (value > 0);
  if (static_cast<int>(out.size()) < min_digits) out.insert(0, static_cast<std::size_t>(min_digits) - out.size(), '0');
  return out;
}

std::optional<std::uint64_t> CrockfordDecode(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    int digit = DigitValue(c);
    if (digit < 0 || value > (UINT64_MAX >> 5)) return std::nullopt;
    value = value * 32 + static_cast<std::uint64_t>(digit);
  }
  return value;
}

int CrockfordCheckStep(int interim, int digit) {
  assert(interim >= 0 && interim < 32 && digit >= 0 && digit < 32);
  // 2*x in GF(32) modulo x^5+x^2+1 (0b100101): shift, and reduce when x^5 appears.
  int doubled = interim << 1;
  if (doubled & 0x20) doubled ^= 0x25;
  return doubled ^ digit;
}

char CrockfordCheckCharacter(std::uint64_t value) {
  int interim = 0;
  for (char c : CrockfordEncode(value, 1)) interim = CrockfordCheckStep(interim, DigitValue(c));
  // The check digit d must make 2*interim XOR d = 0, so d = 2*interim.
  return kDigits[static_cast<std::size_t>(CrockfordCheckStep(interim, 0))];
}

std::string FormatReference(const Reference& ref) {
  if (!ref.prefix.empty() && !ValidPrefix(ref.prefix)) {
    throw std::invalid_argument("reference prefix must be 1 to 3 letters");
  }
  if (ref.kiosk < 1 || ref.kiosk > kMaxKiosk) {
    throw std::invalid_argument("kiosk number " + std::to_string(ref.kiosk) + " is outside 1.." +
                                std::to_string(kMaxKiosk));
  }
  if (ref.sequence < 1 || ref.sequence > kMaxSequence) {
    throw std::invalid_argument("reference sequence " + std::to_string(ref.sequence) + " is outside 1.." +
                                std::to_string(kMaxSequence));
  }
  std::string sequence = CrockfordEncode(ref.sequence, kMinSequenceDigits);
  std::uint64_t value = (std::uint64_t{ref.kiosk} << (5 * sequence.size())) | ref.sequence;
  std::string compact = CrockfordEncode(ref.kiosk, kKioskDigits) + sequence + CrockfordCheckCharacter(value);
  std::string grouped = Grouped(compact);
  return ref.prefix.empty() ? grouped : Upper(ref.prefix) + "-" + grouped;
}

std::optional<Reference> ParseReference(std::string_view text) {
  // The encoded part prints in groups of four or more, so a first group of one to
  // three characters is the prefix; it must then be letters.
  std::size_t start = 0;
  while (start < text.size() && IsSeparator(text[start])) ++start;
  std::size_t end = start;
  while (end < text.size() && !IsSeparator(text[end])) ++end;
  std::string_view first = text.substr(start, end - start);
  std::string prefix;
  if (end < text.size() && !first.empty() && first.size() <= kMaxPrefixLength) {
    if (!ValidPrefix(first)) return std::nullopt;
    prefix = Upper(first);
    start = end;
  }
  std::optional<Reference> ref = ParseEncoded(WithoutSeparators(text.substr(start)));
  if (ref) ref->prefix = prefix;
  return ref;
}

std::optional<Reference> ParseReference(std::string_view text, std::string_view expected_prefix) {
  std::string compact = WithoutSeparators(text);
  std::string prefix = Upper(expected_prefix);
  // The organisation's own prefix may be typed without its hyphen ("sg4k7q29mx").
  if (!prefix.empty() && compact.size() > prefix.size() && Upper(compact.substr(0, prefix.size())) == prefix) {
    if (auto ref = ParseEncoded(std::string_view(compact).substr(prefix.size()))) {
      ref->prefix = prefix;
      return ref;
    }
  }
  std::optional<Reference> ref = ParseReference(text);
  if (!ref || (!ref->prefix.empty() && ref->prefix != prefix)) return std::nullopt;
  ref->prefix = prefix;
  return ref;
}

bool ReferenceLooksValid(std::string_view text) { return ParseReference(text).has_value(); }

std::string NewTrackingCode() {
  InitSodium();
  std::uint64_t random = 0;
  randombytes_buf(&random, sizeof random);
  std::uint64_t value = random & ((std::uint64_t{1} << kTrackingCodeBits) - 1);
  std::string compact = CrockfordEncode(value, kTrackingCodeBits / 5);
  return compact.substr(0, 5) + "-" + compact.substr(5);
}

std::optional<std::string> NormaliseTrackingCode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (IsSeparator(c)) continue;
    int digit = DigitValue(c);
    if (digit < 0) return std::nullopt;
    compact += kDigits[static_cast<std::size_t>(digit)];
  }
  if (compact.size() != kTrackingCodeBits / 5) return std::nullopt;
  return compact.substr(0, 5) + "-" + compact.substr(5);
}

std::string SpokenCode(std::string_view grouped) {
  std::string out;
  bool pause = false;  // a separator seen since the last character
  for (char c : grouped) {
    if (IsSeparator(c)) {
      pause = !out.empty();
      continue;
    }
    if (pause) out += '.';
    if (!out.empty()) out += ' ';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    pause = false;
  }
  return out;
}

}  // namespace tellus
