#include "sync/register/open_storage.h"

#include "sync/register/pg_connection.h"
#include "sync/register/postgres_storage.h"
#include "sync/register/sqlite_storage.h"

namespace tellus::reg {

std::unique_ptr<RegisterStorage> OpenRegisterStorage(const std::string& db, bool create) {
  if (IsPostgresUrl(db)) return PostgresRegisterStorage::Open(db, create);
  return SqliteRegisterStorage::Open(db, create);
}

std::string ShownDb(const std::string& db) { return IsPostgresUrl(db) ? RedactedUrl(db) : db; }

}  // namespace tellus::reg
