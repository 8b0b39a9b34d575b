#include "sync/protocol/signing.h"

#include <sodium.h>

#include <charconv>
#include <chrono>
#include <stdexcept>

#include "core/seal.h"

namespace tellus::proto {

namespace {

std::string Hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.resize(size * 2);
  return out;
}

std::optional<std::int64_t> ParseInt(const std::string& text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::vector<unsigned char>> DecodeSignature(const std::string& b64) {
  try {
    std::vector<unsigned char> sig = FromBase64(b64);
    if (sig.size() != crypto_sign_BYTES) return std::nullopt;
    return sig;
  } catch (const SealError&) {
    return std::nullopt;
  }
}

void CheckSecretKey(const std::vector<unsigned char>& secret_key) {
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES) {
    throw std::invalid_argument("Ed25519 secret key must be 64 bytes, got " + std::to_string(secret_key.size()));
  }
}

}  // namespace

SignKeyPair NewSignKeyPair() {
  InitSodium();
  SignKeyPair keys;
  keys.secret_key.resize(crypto_sign_SECRETKEYBYTES);
  crypto_sign_keypair(keys.public_key.data(), keys.secret_key.data());
  return keys;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return Hex(digest, sizeof digest);
}

std::string NewNonce() {
  InitSodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::string CanonicalRequest(std::string_view method, std::string_view path, std::int64_t timestamp,
                             std::string_view nonce, std::string_view body) {
  std::string out = "TELLUS-V1\n";
  out.append(method).append("\n").append(path).append("\n").append(std::to_string(timestamp)).append("\n");
  out.append(nonce).append("\n").append(Sha256Hex(body));
  return out;
}

std::map<std::string, std::string> SignedHeaders::AsMap() const {
  return {{kHeaderKiosk, std::to_string(kiosk)},
          {kHeaderTimestamp, std::to_string(timestamp)},
          {kHeaderNonce, nonce},
          {kHeaderSignature, signature}};
}

SignedHeaders SignRequest(int kiosk, const std::vector<unsigned char>& secret_key, std::string_view method,
                          std::string_view path, std::string_view body, std::int64_t now) {
  SignedHeaders headers;
  headers.kiosk = kiosk;
  headers.timestamp = now;
  headers.nonce = NewNonce();
  headers.signature = SignDetached(secret_key, CanonicalRequest(method, path, now, headers.nonce, body));
  return headers;
}

std::string ToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kOk: return "ok";
    case Verdict::kMissingHeaders: return "missing-or-malformed-signature-headers";
    case Verdict::kUnknownKiosk: return "unknown-kiosk";
    case Verdict::kBadSignature: return "bad-signature";
    case Verdict::kStale: return "stale-timestamp";
    case Verdict::kReplay: return "replayed-request";
  }
  return "unknown";
}

std::optional<int> ParseKioskNumber(const std::string& text) {
  auto value = ParseInt(text);
  if (!value || *value < 1 || *value > 32767) return std::nullopt;
  return static_cast<int>(*value);
}

Verdict VerifyRequest(const ReceivedHeaders& headers, const PublicKey& kiosk_key, std::string_view method,
                      std::string_view path, std::string_view body, std::int64_t now) {
  auto timestamp = ParseInt(headers.timestamp);
  if (!ParseKioskNumber(headers.kiosk) || !timestamp || headers.nonce.size() != 32 ||
      headers.nonce.find_first_not_of("0123456789abcdef") != std::string::npos || headers.signature.empty()) {
    return Verdict::kMissingHeaders;
  }
  if (*timestamp > now + kMaxClockSkewSeconds || *timestamp < now - kMaxClockSkewSeconds) return Verdict::kStale;
  auto sig = DecodeSignature(headers.signature);
  if (!sig) return Verdict::kBadSignature;
  std::string message = CanonicalRequest(method, path, *timestamp, headers.nonce, body);
  if (crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size(), kiosk_key.data()) != 0) {
    return Verdict::kBadSignature;
  }
  return Verdict::kOk;
}

static std::string ReplyMessage(std::string_view request_nonce, std::string_view body) {
  std::string out = "TELLUS-V1-REPLY\n";
  out.append(request_nonce).append("\n").append(Sha256Hex(body));
  return out;
}

std::string SignReply(const std::vector<unsigned char>& register_secret_key, std::string_view request_nonce,
                      std::string_view body) {
  return SignDetached(register_secret_key, ReplyMessage(request_nonce, body));
}

bool VerifyReply(const PublicKey& register_key, std::string_view request_nonce, std::string_view body,
                 const std::string& signature_b64) {
  return VerifyDetached(register_key, ReplyMessage(request_nonce, body), signature_b64);
}

std::string SignDetached(const std::vector<unsigned char>& secret_key, std::string_view message) {
  CheckSecretKey(secret_key);
  InitSodium();
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_key.data());
  return ToBase64(sig, sizeof sig);
}

bool VerifyDetached(const PublicKey& key, std::string_view message, const std::string& signature_b64) {
  InitSodium();
  auto sig = DecodeSignature(signature_b64);
  if (!sig) return false;
  return crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.data()) == 0;
}

std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace tellus::proto
