#include "core/kiosk_identity.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/seal.h"

namespace tellus {

using nlohmann::json;

namespace {

std::string Text(const json& doc, const char* key, const std::string& path) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_string()) {
    throw IdentityError(path + ": '" + key + "' is missing or not a string");
  }
  return it->get<std::string>();
}

std::vector<unsigned char> Key(const json& doc, const char* key, std::size_t size, const std::string& path) {
  std::vector<unsigned char> bytes;
  try {
    bytes = FromBase64(Text(doc, key, path));
  } catch (const SealError&) {
    throw IdentityError(path + ": '" + key + "' is not base64");
  }
  if (bytes.size() != size) {
    throw IdentityError(path + ": '" + key + "' must be " + std::to_string(size) + " bytes, got " +
                        std::to_string(bytes.size()));
  }
  return bytes;
}

std::array<unsigned char, 32> Key32(const json& doc, const char* key, const std::string& path) {
  std::vector<unsigned char> bytes = Key(doc, key, 32, path);
  std::array<unsigned char, 32> out{};
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return out;
}

}  // namespace

KioskIdentity LoadKioskIdentity(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IdentityError(path + ": cannot open kiosk identity file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc;
  try {
    doc = json::parse(buffer.str());
  } catch (const json::exception&) {
    throw IdentityError(path + ": not valid JSON");
  }
  if (!doc.is_object()) throw IdentityError(path + ": not a JSON object");
  KioskIdentity id;
  auto number = doc.find("kiosk_number");
  if (number == doc.end() || !number->is_number_integer() || number->get<long long>() < 1 ||
      number->get<long long>() > 32767) {
    throw IdentityError(path + ": 'kiosk_number' must be a whole number from 1 to 32767");
  }
  id.kiosk_number = number->get<int>();
  id.kiosk_name = Text(doc, "kiosk_name", path);
  id.policy = Text(doc, "policy", path);
  id.register_url = Text(doc, "register_url", path);
  id.register_box_public_key = Key32(doc, "register_box_public_key", path);
  id.register_sign_public_key = Key32(doc, "register_sign_public_key", path);
  id.kiosk_sign_public_key = Key32(doc, "kiosk_sign_public_key", path);
  id.kiosk_sign_secret_key = Key(doc, "kiosk_sign_secret_key", 64, path);
  if (doc.contains("register_certificate_pem")) id.register_certificate_pem = Text(doc, "register_certificate_pem", path);
  // An Ed25519 secret key ends with its public key: catch a file pieced together from two.
  if (!std::equal(id.kiosk_sign_public_key.begin(), id.kiosk_sign_public_key.end(),
                  id.kiosk_sign_secret_key.begin() + 32)) {
    throw IdentityError(path + ": 'kiosk_sign_public_key' does not match 'kiosk_sign_secret_key'");
  }
  // It holds the kiosk's secret signing key: anyone who can read it can send as this kiosk.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw IdentityError(path + ": readable by group or others (mode " + mode +
                        "); it holds the kiosk's secret key: run chmod 600 " + path);
  }
  return id;
}

void SaveKioskIdentity(const KioskIdentity& identity, const std::string& path) {
  if (identity.kiosk_sign_secret_key.size() != 64) throw IdentityError(path + ": kiosk secret key must be 64 bytes");
  json doc = {
      {"kiosk_number", identity.kiosk_number},
      {"kiosk_name", identity.kiosk_name},
      {"policy", identity.policy},
      {"register_url", identity.register_url},
      {"register_box_public_key", ToBase64(identity.register_box_public_key.data(), 32)},
      {"register_sign_public_key", ToBase64(identity.register_sign_public_key.data(), 32)},
      {"kiosk_sign_public_key", ToBase64(identity.kiosk_sign_public_key.data(), 32)},
      {"kiosk_sign_secret_key", ToBase64(identity.kiosk_sign_secret_key)},
  };
  if (!identity.register_certificate_pem.empty()) doc["register_certificate_pem"] = identity.register_certificate_pem;
  std::string text = doc.dump(2) + "\n";
  // Write a 0600 temporary file and rename it, so the secret key is never readable by others
  // and a crash never leaves half a file under the real name.
  std::string temp = path + ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw IdentityError(path + ": cannot write: " + std::strerror(errno));
  ::fchmod(fd, 0600);
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      throw IdentityError(path + ": cannot write: " + std::strerror(err));
    }
    written += static_cast<std::size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  SecureZero(text.data(), text.size());
  if (!synced || ::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw IdentityError(path + ": cannot write: " + std::strerror(err));
  }
}

}  // namespace tellus
