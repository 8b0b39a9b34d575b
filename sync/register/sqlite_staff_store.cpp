#include "sync/register/sqlite_staff_store.h"

#include <sqlite3.h>

namespace tellus::reg {

namespace {

// One statement, bound by position and finalised on scope exit; every error names the database.
class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) Fail();
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& Bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Query& Bind(int i, std::int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) Fail();
    return false;
  }
  std::string Text(int col) const {
    auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
  }
  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  [[noreturn]] void Fail() { throw StaffStoreError(std::string("staff accounts: ") + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

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
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw StaffStoreError(path + ": " + why);
  }
  std::unique_ptr<SqliteStaffStore> store(new SqliteStaffStore(db));
  sqlite3_busy_timeout(db, 5000);
  for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    Query q(db, pragma);
    q.Step();
  }
  Query check(db, "SELECT count(*) FROM sqlite_master WHERE name='staff'");
  if (!check.Step() || check.Int(0) == 0) {
    throw StaffStoreError(path + ": this register has no staff tables (open it with this version of "
                                 "tellus-register first, which migrates it)");
  }
  return store;
}

SqliteStaffStore::~SqliteStaffStore() { sqlite3_close(db_); }

bool SqliteStaffStore::AddStaff(const StaffAccount& a) {
  Query q(db_, "INSERT OR IGNORE INTO staff(name, role, policy, service, password_hash, disabled, failed_logins, "
               "locked_until, created_at) VALUES (?,?,?,?,?,?,?,?,?)");
  q.Bind(1, a.name).Bind(2, ToString(a.role)).Bind(3, a.policy).Bind(4, a.service).Bind(5, a.password_hash);
  q.Bind(6, std::int64_t{a.disabled}).Bind(7, std::int64_t{a.failed_logins}).Bind(8, a.locked_until);
  q.Bind(9, a.created_at).Step();
  return sqlite3_changes(db_) == 1;
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
  q.Bind(5, std::int64_t{a.disabled}).Bind(6, std::int64_t{a.failed_logins}).Bind(7, a.locked_until).Bind(8, a.name);
  q.Step();
  if (sqlite3_changes(db_) != 1) throw StaffStoreError("no staff account named " + a.name);
}

void SqliteStaffStore::AddSession(const StaffSession& s) {
  Query q(db_, "INSERT INTO staff_sessions(token_hash, name, csrf, created, last_seen) VALUES (?,?,?,?,?)");
  q.Bind(1, s.token_hash).Bind(2, s.name).Bind(3, s.csrf).Bind(4, s.created).Bind(5, s.last_seen).Step();
}

std::optional<StaffSession> SqliteStaffStore::FindSession(const std::string& token_hash) {
  Query q(db_, "SELECT token_hash, name, csrf, created, last_seen FROM staff_sessions WHERE token_hash=?");
  q.Bind(1, token_hash);
  if (!q.Step()) return std::nullopt;
  return StaffSession{q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Int(4)};
}

void SqliteStaffStore::TouchSession(const std::string& token_hash, std::int64_t last_seen) {
  Query q(db_, "UPDATE staff_sessions SET last_seen=? WHERE token_hash=?");
  q.Bind(1, last_seen).Bind(2, token_hash).Step();
}

void SqliteStaffStore::EndSession(const std::string& token_hash) {
  Query q(db_, "DELETE FROM staff_sessions WHERE token_hash=?");
  q.Bind(1, token_hash).Step();
}

void SqliteStaffStore::EndSessionsOf(const std::string& name) {
  Query q(db_, "DELETE FROM staff_sessions WHERE name=?");
  q.Bind(1, name).Step();
}

}  // namespace tellus::reg
