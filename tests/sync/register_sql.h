#pragma once
// Test helper: raw SQL on a register's database, whichever engine holds it, for tests that
// change the data behind the register's back (age a case, make writes fail as a full disk
// would). SQLite files through sqlite3; PostgreSQL URLs through the cluster's psql.
#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "register_process.h"

namespace tellus::testing {

inline bool IsPostgresDb(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

// Runs `sql` (one or more statements); throws with the engine's message on failure.
inline void RegisterSql(const std::string& db, const std::string& sql) {
  if (IsPostgresDb(db)) {
    PostgresSql(sql, db.substr(db.rfind('/') + 1));
    return;
  }
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    throw std::runtime_error(db + ": cannot open");
  }
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string why = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  if (rc != SQLITE_OK) throw std::runtime_error(db + ": " + sql + ": " + why);
}

// Every insert into `table` fails with `message` (a full disk, a broken disk) until AllowInserts.
inline void FailInserts(const std::string& db, const std::string& table, const std::string& message) {
  if (IsPostgresDb(db)) {
    RegisterSql(db, "CREATE FUNCTION fail_" + table + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION '" +
                        message + "'; END$$; CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table +
                        " FOR EACH ROW EXECUTE FUNCTION fail_" + table + "()");
  } else {
    RegisterSql(db, "CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table + " BEGIN SELECT RAISE(FAIL, '" +
                        message + "'); END");
  }
}

inline void AllowInserts(const std::string& db, const std::string& table) {
  RegisterSql(db, "DROP TRIGGER fail_" + table + (IsPostgresDb(db) ? " ON " + table : std::string()));
}

}  // namespace tellus::testing
