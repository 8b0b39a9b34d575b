#pragma once
// StaffStore on PostgreSQL: the staff and staff_sessions tables of the register's database
// (made by its migrations, postgres_migrations.cpp), on a connection of its own so the staff
// pages never wait on a kiosk's batch. Every statement commits on return.
#include <memory>
#include <string>

#include "sync/register/pg_connection.h"
#include "sync/register/staff_store.h"

namespace tellus::reg {

class PostgresStaffStore : public StaffStore {
 public:
  // Opens the register at `url`, which PostgresRegisterStorage::Open has already migrated.
  static std::unique_ptr<PostgresStaffStore> Open(const std::string& url);

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
  explicit PostgresStaffStore(std::unique_ptr<PgConnection> db) : db_(std::move(db)) {}
  std::unique_ptr<PgConnection> db_;
};

}  // namespace tellus::reg
