#include "core/sqlite_db.h"

#include <sqlite3.h>

#include <stdexcept>
#include <utility>

namespace tellus::sqlite {

Connection::Connection(const std::string& path, int flags, std::string label, Thrower thrower)
    : label_(std::move(label)), thrower_(thrower) {
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    Fail(message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), label_(std::move(other.label_)), thrower_(other.thrower_),
      depth_(std::exchange(other.depth_, 0)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    label_ = std::move(other.label_);
    thrower_ = other.thrower_;
    depth_ = std::exchange(other.depth_, 0);
  }
  return *this;
}

void Connection::Fail(const std::string& what) const {
  thrower_(label_ + ": " + what);
  throw std::logic_error(label_ + ": " + what);    // a thrower that returned: still never go on
}

void Connection::Exec(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    Fail(text);
  }
}

int Connection::UserVersion() {
  Statement s(*this, "PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : 0;
}

int Connection::Changes() { return sqlite3_changes(db_); }
bool Connection::ReadOnly() { return sqlite3_db_readonly(db_, "main") == 1; }
void Connection::BusyTimeout(int ms) { sqlite3_busy_timeout(db_, ms); }
void Connection::Begin() { Exec("BEGIN IMMEDIATE"); }
void Connection::Commit() { Exec("COMMIT"); }
void Connection::Rollback() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

Statement::Statement(Connection& db, std::string_view sql) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v2(db_.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    Fail(std::string("prepare failed: ") + sqlite3_errmsg(db_.handle()));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Fail(const std::string& what) const { db_.Fail(what + " (in: " + sql_ + ")"); }

void Statement::Check(int rc, int index) {
  if (rc != SQLITE_OK) {
    Fail("bind of parameter " + std::to_string(index) + " failed: " + sqlite3_errmsg(db_.handle()));
  }
}

Statement& Statement::Bind(int index, std::string_view text) {
  Check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT), index);
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  Check(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, const std::vector<unsigned char>& blob) {
  return BindBlob(index, blob.data(), blob.size());
}

Statement& Statement::BindBlob(int index, const unsigned char* data, std::size_t size) {
  // A zero-length blob still binds as a blob (not NULL) with a non-null pointer.
  static const unsigned char kEmpty = 0;
  Check(sqlite3_bind_blob(stmt_, index, size == 0 ? &kEmpty : data, static_cast<int>(size), SQLITE_TRANSIENT), index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  Check(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(std::string("step failed: ") + sqlite3_errmsg(db_.handle()));
}

void Statement::Run() {
  while (Step()) {
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);   // its code repeats the last step's, which that step already reported
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}

std::vector<unsigned char> Statement::Blob(int column) const {
  const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
}

void Migrate(Connection& db, std::span<const Migration> migrations) {
  const int known = static_cast<int>(migrations.size());
  const int version = db.UserVersion();
  if (version > known) {
    db.Fail("schema version " + std::to_string(version) + " is newer than this program knows (" +
            std::to_string(known) + "); update the program or use another file");
  }
  for (int step = version; step < known; ++step) {
    db.Transaction([&] {
      if (db.UserVersion() != step) return;        // another process migrated meanwhile
      const Migration& m = migrations[static_cast<std::size_t>(step)];
      db.Exec(m.sql);
      if (m.then) m.then(db);
      db.Exec("PRAGMA user_version = " + std::to_string(step + 1));
    });
  }
}

}  // namespace tellus::sqlite
