#pragma once
// StaffStore on SQLite: the staff and staff_sessions tables of the register's own database
// (made by the register's schema migrations, sqlite_storage.cpp), on a connection of its
// own (core/sqlite_db.h) so the staff pages never wait on a kiosk's batch; synchronous=FULL,
// as the register: a call that returns has committed durably.
#include <memory>
#include <string>

#include "core/sqlite_db.h"
#include "sync/register/staff_store.h"

namespace tellus::reg {

class SqliteStaffStore : public StaffStore {
 public:
  // Opens the register at `path`, which SqliteRegisterStorage::Open has already migrated.
  static std::unique_ptr<SqliteStaffStore> Open(const std::string& path);
  SqliteStaffStore(const SqliteStaffStore&) = delete;
  SqliteStaffStore& operator=(const SqliteStaffStore&) = delete;

  bool AddStaff(const StaffAccount& account) override;
  std::optional<StaffAccount> FindStaff(const std::string& name) override;
  std::vector<StaffAccount> Staff() override;
  void UpdateStaff(const StaffAccount& account) override;
  void AddSession(const StaffSession& session) override;
  std::optional<StaffSession> FindSession(const std::string& token_hash) override;
  void TouchSession(const std::string& token_hash, std::int64_t last_seen) override;
  void EndSession(const std::string& token_hash) override;
  void EndSessionsOf(const std::string& name) override;

 private:
  explicit SqliteStaffStore(sqlite::Connection db) : db_(std::move(db)) {}
  sqlite::Connection db_;
};

}  // namespace tellus::reg
