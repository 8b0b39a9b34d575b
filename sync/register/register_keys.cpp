#include "sync/register/register_keys.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "sync/register/pg_connection.h"

namespace tellus::reg {

using nlohmann::json;

std::string KeysPathFor(const std::string& db) {
  if (!IsPostgresUrl(db)) return db + ".keys";
  const char* path = std::getenv(kKeysVariable);
  if (!path || !*path) {
    throw std::invalid_argument("--db " + RedactedUrl(db) + ": a PostgreSQL register keeps its keys in a file, not in " +
                                "the database: set " + kKeysVariable + " to that file (e.g. /etc/tellus/register.keys; " +
                                "`init` creates it)");
  }
  return path;
}

RegisterKeys NewRegisterKeys() { return {NewBoxKeyPair(), proto::NewSignKeyPair()}; }

void SaveRegisterKeys(const RegisterKeys& keys, const std::string& path) {
  json doc = {{"box_public_key", ToBase64(keys.box.public_key.data(), 32)},
              {"box_secret_key", ToBase64(keys.box.secret_key.data(), 32)},
              {"sign_public_key", ToBase64(keys.sign.public_key.data(), 32)},
              {"sign_secret_key", ToBase64(keys.sign.secret_key)}};
  std::string text = doc.dump(2) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error(path + ": cannot create key file: " + std::strerror(errno));
  ::fchmod(fd, 0600);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  SecureZero(text.data(), text.size());
  if (!ok) {
    ::unlink(path.c_str());
    throw std::runtime_error(path + ": cannot write key file");
  }
}

RegisterKeys LoadRegisterKeys(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) throw std::runtime_error(path + ": register key file not found");
  if ((st.st_mode & 077) != 0) {
    throw std::runtime_error(path + ": key file is readable by others; run `chmod 600 " + path + "`");
  }
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc;
  try {
    doc = json::parse(buffer.str());
  } catch (const json::exception&) {
    throw std::runtime_error(path + ": not valid JSON");
  }
  auto key = [&](const char* name, std::size_t size) {
    if (!doc.is_object() || !doc.contains(name) || !doc[name].is_string()) {
      throw std::runtime_error(path + ": '" + name + "' is missing");
    }
    std::vector<unsigned char> bytes;
    try {
      bytes = FromBase64(doc[name].get<std::string>());
    } catch (const SealError&) {
      throw std::runtime_error(path + ": '" + name + "' is not base64");
    }
    if (bytes.size() != size) throw std::runtime_error(path + ": '" + name + "' has the wrong length");
    return bytes;
  };
  RegisterKeys keys;
  auto bp = key("box_public_key", 32), bs = key("box_secret_key", 32), sp = key("sign_public_key", 32);
  std::copy(bp.begin(), bp.end(), keys.box.public_key.begin());
  std::copy(bs.begin(), bs.end(), keys.box.secret_key.begin());
  SecureZero(bs.data(), bs.size());
  std::copy(sp.begin(), sp.end(), keys.sign.public_key.begin());
  keys.sign.secret_key = key("sign_secret_key", 64);
  return keys;
}

}  // namespace tellus::reg
