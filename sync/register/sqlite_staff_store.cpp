#include "sync/register/sqlite_staff_store.h"

#include <sqlite3.h>

namespace tellus::reg {

namespace {

using Query = sqlite::Statement;

void ThrowStaffStoreError(const std::string& message) { throw StaffStoreError(message); }

constexpr const char* kStaffColumns =
    "name, role, policy, service, password_hash, disabled, failed_logins, locked_until, created_at";

StaffAccount AccountFrom(const Query& q) {
  StaffAccount a;
  a.name = q.Text(0);
  a.role = StaffRoleFromString(q.Text(1)).value_or(StaffRole::kHandler);   // the CHECK keeps it one of three
  a.policy = q.Text(2);
  a.service = q.Text(3);
  a.password_hash = q.Text(4);
  a.disabled = q.Int(5) != 0;
  a.failed_logins = static_cast<int>(q.Int(6));
  a.locked_until = q.Int(7);
  a.created_at = q.Text(8);
  return a;
}

}  // namespace

std::string ToString(StaffRole role) {
  switch (role) {
    case StaffRole::kHandler: return "handler";
    case StaffRole::kManager: return "manager";
    case StaffRole::kAdmin: return "admin";
  }
  return "handler";
}

std::optional<StaffRole> StaffRoleFromString(const std::string& text) {
  for (StaffRole r : {StaffRole::kHandler, StaffRole::kManager, StaffRole::kAdmin}) {
    if (ToString(r) == text) return r;
  }
  return std::nullopt;
}

std::unique_ptr<SqliteStaffStore> SqliteStaffStore::Open(const std::string& path) {
  sqlite::Connection db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, "staff accounts in " + path,
                        ThrowStaffStoreError);
  db.BusyTimeout(5000);
  db.Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
  Query check(db, "SELECT count(*) FROM sqlite_master WHERE name='staff'");
  if (!check.Step() || check.Int(0) == 0) {
    db.Fail("this register has no staff tables (open it with this version of tellus-register first, which "
            "migrates it)");
  }
  return std::unique_ptr<SqliteStaffStore>(new SqliteStaffStore(std::move(db)));
}

bool SqliteStaffStore::AddStaff(const StaffAccount& a) {
  Query q(db_, "INSERT OR IGNORE INTO staff(name, role, policy, service, password_hash, disabled, failed_logins, "
               "locked_until, created_at) VALUES (?,?,?,?,?,?,?,?,?)");
  q.Bind(1, a.name).Bind(2, ToString(a.role)).Bind(3, a.policy).Bind(4, a.service).Bind(5, a.password_hash);
  q.Bind(6, std::int64_t{a.disabled ? 1 : 0}).Bind(7, std::int64_t{a.failed_logins}).Bind(8, a.locked_until);
  q.Bind(9, a.created_at).Run();
  return db_.Changes() == 1;
}

std::optional<StaffAccount> SqliteStaffStore::FindStaff(const std::string& name) {
  Query q(db_, (std::string("SELECT ") + kStaffColumns + " FROM staff WHERE name=?").c_str());
  q.Bind(1, name);
  if (!q.Step()) return std::nullopt;
  return AccountFrom(q);
}

std::vector<StaffAccount> SqliteStaffStore::Staff() {
  Query q(db_, (std::string("SELECT ") + kStaffColumns + " FROM staff ORDER BY name").c_str());
  std::vector<StaffAccount> all;
  while (q.Step()) all.push_back(AccountFrom(q));
  return all;
}

void SqliteStaffStore::UpdateStaff(const StaffAccount& a) {
  Query q(db_, "UPDATE staff SET role=?, policy=?, service=?, password_hash=?, disabled=?, failed_logins=?, "
               "locked_until=? WHERE name=?");
  q.Bind(1, ToString(a.role)).Bind(2, a.policy).Bind(3, a.service).Bind(4, a.password_hash);
  q.Bind(5, std::int64_t{a.disabled ? 1 : 0}).Bind(6, std::int64_t{a.failed_logins}).Bind(7, a.locked_until).Bind(8, a.name);
  q.Run();
  if (db_.Changes() != 1) throw StaffStoreError("no staff account named " + a.name);
}

void SqliteStaffStore::AddSession(const StaffSession& s) {
  Query q(db_, "INSERT INTO staff_sessions(token_hash, name, csrf, created, last_seen) VALUES (?,?,?,?,?)");
  q.Bind(1, s.token_hash).Bind(2, s.name).Bind(3, s.csrf).Bind(4, s.created).Bind(5, s.last_seen).Run();
}

std::optional<StaffSession> SqliteStaffStore::FindSession(const std::string& token_hash) {
  Query q(db_, "SELECT token_hash, name, csrf, created, last_seen FROM staff_sessions WHERE token_hash=?");
  q.Bind(1, token_hash);
  if (!q.Step()) return std::nullopt;
  return StaffSession{q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Int(4)};
}

void SqliteStaffStore::TouchSession(const std::string& token_hash, std::int64_t last_seen) {
  Query q(db_, "UPDATE staff_sessions SET last_seen=? WHERE token_hash=?");
  q.Bind(1, last_seen).Bind(2, token_hash).Run();
}

void SqliteStaffStore::EndSession(const std::string& token_hash) {
  Query q(db_, "DELETE FROM staff_sessions WHERE token_hash=?");
  q.Bind(1, token_hash).Run();
}

void SqliteStaffStore::EndSessionsOf(const std::string& name) {
  Query q(db_, "DELETE FROM staff_sessions WHERE name=?");
  q.Bind(1, name).Run();
}

}  // namespace tellus::reg
