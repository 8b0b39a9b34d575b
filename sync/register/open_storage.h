#pragma once
// The one place a register's --db is opened, for every command: a PostgreSQL URL
// ("postgresql://user@host:5432/tellus", also "postgres://") opens PostgresRegisterStorage;
// anything else is a SQLite file (SqliteRegisterStorage).
#include <memory>
#include <string>

#include "sync/register/staff_store.h"
#include "sync/register/storage.h"

namespace tellus::reg {

// create=true makes a new register (a file that must not exist; a database without one).
std::unique_ptr<RegisterStorage> OpenRegisterStorage(const std::string& db, bool create = false);
// The same register's staff accounts and sessions, on a connection of their own; the
// register must have been opened (and so migrated) by OpenRegisterStorage first.
std::unique_ptr<StaffStore> OpenStaffStore(const std::string& db);
// The --db as it may be shown or logged: a URL's password replaced by "***".
std::string ShownDb(const std::string& db);

}  // namespace tellus::reg
