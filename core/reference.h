#pragma once
// Reference numbers unique across kiosks without a network: kiosk number and a
// per-kiosk sequence in Crockford Base32 with a check character from the same 32
// letters and digits, grouped for reading aloud ("SG-4K7Q-298X"). No symbols: people
// copy a reference by hand, type it on a phone and staff paste it into a shell.
// Tracking codes are random secrets.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tellus {

// Layout of a reference, e.g. "SG-4K7Q-298X":
//   prefix   1-3 letters naming the organisation, printed before a hyphen; outside the
//            check character (ParseReference(text, expected_prefix) catches a wrong one)
//   kiosk    3 Crockford digits (15 bits, 1..32767)
//   sequence 4..9 Crockford digits, as few as the number needs (never a leading zero
//            beyond four digits), 1..2^45-1
//   check    1 Crockford digit by the Damm algorithm over GF(32): each digit d moves
//            the interim x to 2*x XOR d (multiplication modulo x^5+x^2+1), the check
//            digit brings the final interim to 0. The step is a totally anti-symmetric
//            quasigroup, so every single wrong character and every swap of two adjacent
//            different characters in the encoded part (the check included) is caught;
//            as 2 is primitive, so is a swap of any two different characters (13 at most)
//            and a doubled pair typed as another ("11" for "77"). tests/core/reference_test
//            proves this over every interim and digit pair.
// The encoded part (kiosk + sequence + check) prints in groups of four from the left;
// a remainder of 1..3 joins the last group, so every group has 4..7 characters. Hence when
// parsing, a first group of one to three characters is the prefix.
inline constexpr std::size_t kMaxPrefixLength = 3;
inline constexpr std::size_t kKioskDigits = 3;
inline constexpr std::size_t kMinSequenceDigits = 4;
inline constexpr std::size_t kMaxSequenceDigits = 9;
inline constexpr std::uint32_t kMaxKiosk = 32767;
inline constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << 45) - 1;
inline constexpr int kTrackingCodeBits = 50;     // 10 Crockford digits

struct Reference {
  std::string prefix;                              // organisation prefix, letters only
  std::uint32_t kiosk = 0;                         // 1 .. 32767
  std::uint64_t sequence = 0;                      // per kiosk, from 1
  bool operator==(const Reference&) const = default;
};

std::string FormatReference(const Reference& ref); // "SG-4K7Q-298X"; std::invalid_argument when out of range
// Folds case, I/L->1, O->0, ignores spaces and hyphens; nullopt on a bad check
// character or any character that is not Crockford Base32 (U and symbols included).
// The prefix is optional; when present it must be the first group (1-3 letters
// followed by a hyphen or space).
std::optional<Reference> ParseReference(std::string_view text);
// As above for a known organisation: the prefix may be left out or typed without its
// hyphen ("sg4k7q298x"); a different prefix is rejected. The result carries expected_prefix.
std::optional<Reference> ParseReference(std::string_view text, std::string_view expected_prefix);
bool ReferenceLooksValid(std::string_view text);   // check character verified, no network

std::string CrockfordEncode(std::uint64_t value, int min_digits);
std::optional<std::uint64_t> CrockfordDecode(std::string_view digits);
inline constexpr std::string_view kCrockfordDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // no I L O U
int CrockfordCheckStep(int interim, int digit);    // Damm step, 2*interim XOR digit in GF(32); both 0..31
char CrockfordCheckCharacter(std::uint64_t value); // Damm check over value's base-32 digits (leading zeros add nothing)

// Random tracking code: 50 bits from libsodium's CSPRNG, 10 Crockford digits in
// two groups ("7D2K9-QX4MB"). Compare with NormaliseTrackingCode on both sides; it
// folds like references and returns the grouped upper-case form, nullopt unless
// exactly ten Crockford digits. Stored only as HashSecret(normalised) (core/seal.h).
std::string NewTrackingCode();
std::optional<std::string> NormaliseTrackingCode(std::string_view text);

// "S G. 4 K 7 Q. 2 9 8 X": letters one by one, a pause between groups. A reference
// and a tracking code hold only letters and digits, so nothing needs naming.
std::string SpokenCode(std::string_view grouped);

}  // namespace tellus
