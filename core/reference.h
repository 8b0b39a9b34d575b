#pragma once
// Reference numbers unique across kiosks without a network: kiosk number and a
// per-kiosk sequence in Crockford Base32 with its mod-37 check symbol, grouped
// for reading aloud ("SG-4K7Q-29MX"). Tracking codes are random secrets.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tellus {

struct Reference {
  std::string prefix;                              // organisation prefix, letters only
  std::uint32_t kiosk = 0;                         // 1 .. 32767
  std::uint64_t sequence = 0;                      // per kiosk, from 1
  bool operator==(const Reference&) const = default;
};

std::string FormatReference(const Reference& ref); // "SG-4K7Q-29MX"
// Folds case, I/L->1, O->0, ignores spaces and hyphens; nullopt on a bad check
// symbol or any character that is not Crockford Base32.
std::optional<Reference> ParseReference(std::string_view text);
bool ReferenceLooksValid(std::string_view text);   // check symbol verified, no network

std::string CrockfordEncode(std::uint64_t value, int min_digits);
std::optional<std::uint64_t> CrockfordDecode(std::string_view digits);
char CrockfordCheckSymbol(std::uint64_t value);    // mod 37, from "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U"

// Random tracking code: 50 bits from libsodium's CSPRNG, 10 Crockford digits in
// two groups ("7D2K9-QX4MB"). Compare with NormaliseTrackingCode on both sides.
std::string NewTrackingCode();
std::optional<std::string> NormaliseTrackingCode(std::string_view text);

// "S G. 4 K 7 Q. 2 9 M X": letters one by one, a pause between groups.
std::string SpokenCode(std::string_view grouped);

}  // namespace tellus
