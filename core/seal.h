#pragma once
// Sealing the personal part of a submission to the register's public key with
// libsodium's crypto_box_seal: only the register's private key opens it.
#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace tellus {

struct SealError : std::runtime_error { using std::runtime_error::runtime_error; };

struct BoxKeyPair {                                // X25519
  std::array<unsigned char, 32> public_key{};
  std::array<unsigned char, 32> secret_key{};
};

void InitSodium();                                 // idempotent; throws SealError if libsodium fails
BoxKeyPair NewBoxKeyPair();
std::vector<unsigned char> Seal(const std::string& plaintext, const std::array<unsigned char, 32>& public_key);
std::string Open(const std::vector<unsigned char>& sealed, const BoxKeyPair& keys);  // throws SealError

// The personal part as JSON, sealed; the intermediate plaintext is wiped.
std::vector<unsigned char> SealPersonal(const PersonalPart& part, const std::array<unsigned char, 32>& public_key);
// Throws SealError (wrong key, altered) or std::invalid_argument (not a personal part).
PersonalPart OpenPersonal(const std::vector<unsigned char>& sealed, const BoxKeyPair& keys);

std::string ToBase64(const unsigned char* data, std::size_t size);   // standard alphabet, padded
std::string ToBase64(const std::vector<unsigned char>& data);
std::vector<unsigned char> FromBase64(const std::string& text);   // throws SealError on bad input
void SecureZero(void* data, std::size_t size);

// Slow hash (Argon2id, libsodium's interactive limits) for secrets a person types back:
// tracking codes on the register, the staff PIN on the kiosk. The result is a
// self-describing "$argon2id$..." string that carries its own salt and limits.
std::string HashSecret(std::string_view secret);   // throws SealError if out of memory
bool VerifySecret(const std::string& hash, std::string_view secret);  // false on mismatch or a malformed hash

}  // namespace tellus
