#include "core/seal.h"

#include <sodium.h>

namespace tellus {

void InitSodium() {
  // sodium_init is itself idempotent and thread-safe; < 0 means no usable RNG.
  if (sodium_init() < 0) throw SealError("libsodium could not be initialised");
}

BoxKeyPair NewBoxKeyPair() {
  InitSodium();
  BoxKeyPair keys;
  static_assert(sizeof(keys.public_key) == crypto_box_PUBLICKEYBYTES);
  static_assert(sizeof(keys.secret_key) == crypto_box_SECRETKEYBYTES);
  if (crypto_box_keypair(keys.public_key.data(), keys.secret_key.data()) != 0) {
    throw SealError("could not generate a key pair");
  }
  return keys;
}

std::vector<unsigned char> Seal(const std::string& plaintext, const std::array<unsigned char, 32>& public_key) {
  InitSodium();
  std::vector<unsigned char> sealed(plaintext.size() + crypto_box_SEALBYTES);
  if (crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                      public_key.data()) != 0) {
    throw SealError("sealing failed (is the public key valid?)");
  }
  return sealed;
}

std::string Open(const std::vector<unsigned char>& sealed, const BoxKeyPair& keys) {
  InitSodium();
  if (sealed.size() < crypto_box_SEALBYTES) {
    throw SealError("sealed data is too short (" + std::to_string(sealed.size()) + " bytes)");
  }
  std::string plaintext(sealed.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plaintext.data()), sealed.data(), sealed.size(),
                           keys.public_key.data(), keys.secret_key.data()) != 0) {
    throw SealError("sealed data could not be opened: wrong key or altered data");
  }
  return plaintext;
}

std::vector<unsigned char> SealPersonal(const PersonalPart& part, const std::array<unsigned char, 32>& public_key) {
  std::string json = PersonalToJson(part);
  try {
    std::vector<unsigned char> sealed = Seal(json, public_key);
    WipeString(json);
    return sealed;
  } catch (...) {
    WipeString(json);
    throw;
  }
}

PersonalPart OpenPersonal(const std::vector<unsigned char>& sealed, const BoxKeyPair& keys) {
  std::string json = Open(sealed, keys);
  try {
    PersonalPart part = PersonalFromJson(json);
    WipeString(json);
    return part;
  } catch (...) {
    WipeString(json);
    throw;
  }
}

std::string ToBase64(const unsigned char* data, std::size_t size) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_encoded_len(size, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
  out.resize(out.size() - 1);  // drop the terminating NUL the length includes
  return out;
}

std::string ToBase64(const std::vector<unsigned char>& data) { return ToBase64(data.data(), data.size()); }

std::vector<unsigned char> FromBase64(const std::string& text) {
  std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
  std::size_t length = 0;
  // With no end pointer libsodium rejects any character outside the alphabet and bad padding.
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw SealError("not valid base64 (standard alphabet with padding)");
  }
  out.resize(length);
  return out;
}

void SecureZero(void* data, std::size_t size) { sodium_memzero(data, size); }

std::string HashSecret(std::string_view secret) {
  InitSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw SealError("hashing failed: out of memory");
  }
  return std::string(hash);
}

bool VerifySecret(const std::string& hash, std::string_view secret) {
  InitSodium();
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace tellus
