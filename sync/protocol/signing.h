#pragma once
// Request signing between kiosk and register. Every kiosk request carries four
// headers; the signature is Ed25519 over a canonical string that binds the
// method, path, timestamp, a one-time nonce and the SHA-256 of the body, so a
// captured request cannot be replayed, retargeted or altered. The register signs
// its reply over the request's nonce and the reply body, so an acknowledgement
// cannot be forged by anything between kiosk and register.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tellus::proto {

inline constexpr const char* kHeaderKiosk = "X-Tellus-Kiosk";          // kiosk number, decimal
inline constexpr const char* kHeaderTimestamp = "X-Tellus-Timestamp";  // Unix seconds, decimal
inline constexpr const char* kHeaderNonce = "X-Tellus-Nonce";          // 32 hex digits, fresh per request
inline constexpr const char* kHeaderSignature = "X-Tellus-Signature";  // base64 Ed25519 signature
inline constexpr const char* kHeaderReplySignature = "X-Tellus-Reply-Signature";
inline constexpr std::int64_t kMaxClockSkewSeconds = 300;
inline constexpr std::size_t kMaxBodyBytes = 4 * 1024 * 1024;

using PublicKey = std::array<unsigned char, 32>;

struct SignKeyPair {                                 // Ed25519
  PublicKey public_key{};
  std::vector<unsigned char> secret_key;             // 64 bytes
};
SignKeyPair NewSignKeyPair();

std::string Sha256Hex(std::string_view data);        // lower-case hex
std::string NewNonce();                              // 16 random bytes as hex

// "TELLUS-V1\n<METHOD>\n<path>\n<timestamp>\n<nonce>\n<sha256 hex of body>"
std::string CanonicalRequest(std::string_view method, std::string_view path, std::int64_t timestamp,
                             std::string_view nonce, std::string_view body);

struct SignedHeaders {
  int kiosk = 0;
  std::int64_t timestamp = 0;
  std::string nonce;
  std::string signature;                             // base64
  std::map<std::string, std::string> AsMap() const;
};

// secret_key: the kiosk's 64-byte Ed25519 secret key. Throws std::invalid_argument on a bad key size.
SignedHeaders SignRequest(int kiosk, const std::vector<unsigned char>& secret_key, std::string_view method,
                          std::string_view path, std::string_view body, std::int64_t now);

// Why a request was refused; kOk when it verified.
enum class Verdict { kOk, kMissingHeaders, kUnknownKiosk, kBadSignature, kStale, kReplay };
std::string ToString(Verdict verdict);               // "missing-signature-headers" ...

// Parsed headers as received (strings, since they come off the wire).
struct ReceivedHeaders {
  std::string kiosk, timestamp, nonce, signature;
};
// Checks the header syntax, the timestamp against `now` (+- kMaxClockSkewSeconds) and the
// signature with `kiosk_key`. Replay detection is the caller's (ReplayCache), done after this.
Verdict VerifyRequest(const ReceivedHeaders& headers, const PublicKey& kiosk_key, std::string_view method,
                      std::string_view path, std::string_view body, std::int64_t now);
std::optional<int> ParseKioskNumber(const std::string& text);   // 1..32767 or nullopt

// Register reply signatures: over "TELLUS-V1-REPLY\n<request nonce>\n<sha256 hex of body>".
std::string SignReply(const std::vector<unsigned char>& register_secret_key, std::string_view request_nonce,
                      std::string_view body);
bool VerifyReply(const PublicKey& register_key, std::string_view request_nonce, std::string_view body,
                 const std::string& signature_b64);

// Detached signature over arbitrary bytes (bundles).
std::string SignDetached(const std::vector<unsigned char>& secret_key, std::string_view message);
bool VerifyDetached(const PublicKey& key, std::string_view message, const std::string& signature_b64);

std::int64_t UnixNow();

}  // namespace tellus::proto
