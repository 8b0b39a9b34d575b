#include "sync/register/open_storage.h"

#include "sync/register/pg_connection.h"
#include "sync/register/postgres_staff_store.h"
#include "sync/register/postgres_storage.h"
#include "sync/register/sqlite_staff_store.h"
#include "sync/register/sqlite_storage.h"

namespace tellus::reg {

std::unique_ptr<RegisterStorage> OpenRegisterStorage(const std::string& db, bool create) {
  if (IsPostgresUrl(db)) return PostgresRegisterStorage::Open(db, create);
  return SqliteRegisterStorage::Open(db, create);
}

std::unique_ptr<StaffStore> OpenStaffStore(const std::string& db) {
  if (IsPostgresUrl(db)) return PostgresStaffStore::Open(db);
  return SqliteStaffStore::Open(db);
}

std::string ShownDb(const std::string& db) { return IsPostgresUrl(db) ? RedactedUrl(db) : db; }

}  // namespace tellus::reg
