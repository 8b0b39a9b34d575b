#pragma once
// The register's own keys: X25519 (opens sealed submissions) and Ed25519 (signs
// replies). They live in "<db>.keys", a JSON file of mode 0600 beside the
// database, not inside it: a copy of the database (a backup, a report extract)
// then holds sealed parts but never the key that opens them. Back the two files
// up separately. A register on PostgreSQL has no file to sit beside: its keys file is
// named by the environment variable TELLUS_REGISTER_KEYS (every process serving it needs
// the same file).
#include <string>

#include "core/seal.h"
#include "sync/protocol/signing.h"

namespace tellus::reg {

struct RegisterKeys {
  BoxKeyPair box;
  proto::SignKeyPair sign;
};

inline constexpr const char* kKeysVariable = "TELLUS_REGISTER_KEYS";
// A file's db + ".keys"; for a PostgreSQL URL $TELLUS_REGISTER_KEYS (std::invalid_argument when unset).
std::string KeysPathFor(const std::string& db);
RegisterKeys NewRegisterKeys();
void SaveRegisterKeys(const RegisterKeys& keys, const std::string& path);  // refuses to overwrite; mode 0600
// Throws std::runtime_error naming the file and field; also when the file is readable by group or others.
RegisterKeys LoadRegisterKeys(const std::string& path);

}  // namespace tellus::reg
