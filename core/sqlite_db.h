#pragma once
// The one SQLite wrapper, shared by the kiosk's outbox (core/store.cpp) and the register
// (sync/register/sqlite_storage.cpp). It lives in core because core already links SQLite
// (a storage library) and the register depends on core: no new dependency edge.
//
// Every bind, step and statement is checked: a failure is an error naming the database,
// the SQL and (for a bind) the parameter, never ignored. Each database has an append-only
// numbered list of schema migrations, applied one transaction each and recorded in
// PRAGMA user_version; a database newer than the program is refused.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tellus::sqlite {

// Throws the owner's error type (the kiosk's StoreError, the register's StorageError) with
// the message; it must not return.
using Thrower = void (*)(const std::string& message);

class Connection {
 public:
  // Opens `path` with sqlite3_open_v2 flags; `label` starts every error message ("store
  // /var/lib/tellus/outbox.db", "/srv/register.db").
  Connection(const std::string& path, int flags, std::string label, Thrower thrower);
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Exec(std::string_view sql);                 // one or more statements, no values
  int UserVersion();
  int Changes();                                   // rows the last statement changed
  bool ReadOnly();
  void BusyTimeout(int ms);
  // Runs `work` in BEGIN IMMEDIATE .. COMMIT, rolled back if it throws; a nested call joins
  // the outer transaction.
  template <typename Work>
  auto Transaction(Work&& work) -> decltype(work());

  [[noreturn]] void Fail(const std::string& what) const;   // "<label>: <what>" in the owner's type
  const std::string& label() const { return label_; }
  sqlite3* handle() const { return db_; }

 private:
  void Begin();
  void Commit();
  void Rollback() noexcept;
  sqlite3* db_ = nullptr;
  std::string label_;
  Thrower thrower_ = nullptr;
  int depth_ = 0;
};

// One prepared statement, finalised on scope exit. Values are always bound, never spliced
// into SQL; Bind* are 1-based like SQLite.
class Statement {
 public:
  Statement(Connection& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, const std::vector<unsigned char>& blob);   // empty binds a zero-length blob
  Statement& BindBlob(int index, const unsigned char* data, std::size_t size);
  Statement& BindNull(int index);

  bool Step();                                     // true while a row is available
  void Run();                                      // steps to the end
  void Reset();                                    // for the next set of values (bindings cleared)

  std::int64_t Int(int column) const;
  std::string Text(int column) const;
  std::vector<unsigned char> Blob(int column) const;

 private:
  [[noreturn]] void Fail(const std::string& what) const;
  void Check(int rc, int index);
  Connection& db_;
  std::string sql_;
  sqlite3_stmt* stmt_ = nullptr;
};

// One step of a database's schema: SQL, then (optionally) work in C++ in the same
// transaction (filling a new column from old rows, say).
struct Migration {
  std::string_view sql;
  std::function<void(Connection&)> then = nullptr;
};

// Brings the database from its user_version up to migrations.size(): step i takes version i
// to i + 1, each in its own transaction, re-read inside it (another process may have done
// it meanwhile). Throws (the owner's type) when the database is newer than the list.
// Append to a list, never edit it: databases in the field are at every earlier version.
void Migrate(Connection& db, std::span<const Migration> migrations);

template <typename Work>
auto Connection::Transaction(Work&& work) -> decltype(work()) {
  if (depth_ > 0) return work();
  Begin();
  ++depth_;
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      --depth_;
      Commit();
    } else {
      auto result = work();
      --depth_;
      Commit();
      return result;
    }
  } catch (...) {
    depth_ = 0;
    Rollback();
    throw;
  }
}

}  // namespace tellus::sqlite
