#include "core/store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <utility>

namespace tellus {
namespace {

// Schema steps; step i brings user_version from i to i + 1. Append, never edit:
// kiosks in the field hold databases at every earlier version.
constexpr std::string_view kMigrations[] = {
    // 1: the outbox, the reference sequence and settings.
    R"sql(
      CREATE TABLE outbox (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid          TEXT    NOT NULL UNIQUE,
        clear_json    TEXT    NOT NULL,
        sealed        BLOB    NOT NULL,
        tracking_hash TEXT    NOT NULL,
        created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        attempts      INTEGER NOT NULL DEFAULT 0,
        last_error    TEXT    NOT NULL DEFAULT '',
        last_attempt_at TEXT
      );
      CREATE TABLE sequence (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL CHECK (value >= 0)
      );
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    )sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

// One prepared statement, finalized on scope exit. Values are always bound, never
// spliced into SQL.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& path, std::string_view sql) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
      Fail("prepare");
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& Bind(int index, std::string_view text) {
    Check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT), "bind");
    return *this;
  }
  Statement& Bind(int index, const std::vector<unsigned char>& blob) {
    // A zero-length blob still binds as a blob (not NULL) with a non-null pointer.
    static const unsigned char kEmpty = 0;
    Check(sqlite3_bind_blob(stmt_, index, blob.empty() ? &kEmpty : blob.data(), static_cast<int>(blob.size()),
                            SQLITE_TRANSIENT),
          "bind");
    return *this;
  }
  Statement& Bind(int index, std::int64_t value) {
    Check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
  }

  // True while a row is available; false when done.
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Fail("step");
  }
  void Run() {
    while (Step()) {
    }
  }

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
  }
  std::vector<unsigned char> Blob(int column) const {
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
  }

 private:
  void Check(int rc, const char* what) {
    if (rc != SQLITE_OK) Fail(what);
  }
  [[noreturn]] void Fail(const char* what) {
    throw StoreError("store " + path_ + ": " + what + " failed: " + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* stmt_ = nullptr;
};

void Exec(sqlite3* db, const std::string& path, std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw StoreError("store " + path + ": " + text);
  }
}

int UserVersion(sqlite3* db, const std::string& path) {
  Statement stmt(db, path, "PRAGMA user_version");
  return stmt.Step() ? static_cast<int>(stmt.Int(0)) : 0;
}

// Runs body inside BEGIN IMMEDIATE .. COMMIT, rolling back if it throws.
template <typename Body>
auto InTransaction(sqlite3* db, const std::string& path, Body&& body) {
  Exec(db, path, "BEGIN IMMEDIATE");
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      Exec(db, path, "COMMIT");
    } else {
      auto result = body();
      Exec(db, path, "COMMIT");
      return result;
    }
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Migrate(sqlite3* db, const std::string& path) {
  int version = UserVersion(db, path);
  if (version > kSchemaVersion) {
    throw StoreError("store " + path + " has schema version " + std::to_string(version) +
                     ", newer than this program knows (" + std::to_string(kSchemaVersion) +
                     "); update the program or use another file");
  }
  for (int step = version; step < kSchemaVersion; ++step) {
    InTransaction(db, path, [&] {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if (UserVersion(db, path) != step) return;
      Exec(db, path, kMigrations[step]);
      Exec(db, path, "PRAGMA user_version = " + std::to_string(step + 1));
    });
  }
}

// The file (created here if absent) and any -wal/-shm beside it: for the kiosk's user only.
// SQLite gives a new -wal or -shm the mode of the database file.
void PrepareFile(const std::string& path) {
  if (path == ":memory:") return;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISREG(st.st_mode) && st.st_size == 0) {
      throw StoreError("store " + path + ": the file is empty (0 bytes), not an outbox (cut short by a full disk or "
                       "a copy?). Restore it from a backup, or move it away to start a new outbox: the kiosk then "
                       "learns its next reference number from the register");
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::string file = path + suffix;
      struct stat fs {};
      if (::stat(file.c_str(), &fs) == 0 && (fs.st_mode & 077) != 0) ::chmod(file.c_str(), 0600);
    }
    return;
  }
  // A new outbox is made whole under a temporary name (mkstemp: mode 0600 whatever the
  // umask) and linked into place, so a crash while creating it never leaves an empty file
  // under the real name (which is refused), and of two racing openers one wins, whole.
  std::string temp = path + ".new.XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd >= 0) ::close(fd);
  else temp = path + ".new";   // let SQLite say why the folder cannot hold it
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(temp.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    ::unlink(temp.c_str());
    throw StoreError("cannot open store " + path + ": " + message);
  }
  try {
    Exec(db, temp, "PRAGMA synchronous = FULL");
    Migrate(db, temp);
  } catch (...) {
    sqlite3_close(db);
    ::unlink(temp.c_str());
    throw;
  }
  sqlite3_close(db);
  fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  bool placed = synced && (::link(temp.c_str(), path.c_str()) == 0 || errno == EEXIST);
  if (synced && !placed && (errno == EPERM || errno == EOPNOTSUPP)) {
    // A file system without hard links: rename, unless another opener got there first.
    struct stat now {};
    placed = ::stat(path.c_str(), &now) == 0 || ::rename(temp.c_str(), path.c_str()) == 0;
  }
  if (!placed) {
    std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    throw StoreError("cannot create store " + path + ": " + why);
  }
  ::unlink(temp.c_str());
  std::string folder = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
  fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);   // the new name itself survives power loss
    ::close(fd);
  }
}

}  // namespace

Store Store::Open(const std::string& path) {
  PrepareFile(path);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw StoreError("cannot open store " + path + ": " + message);
  }
  Store store(db, path);
  if (sqlite3_db_readonly(db, "main") == 1) {
    throw StoreError("cannot open store " + path + ": the file is read-only");
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  // WAL + FULL: each commit fsyncs the WAL before returning, so it survives power loss.
  {
    Statement wal(db, store.path_, "PRAGMA journal_mode = WAL");
    std::string mode = wal.Step() ? wal.Text(0) : std::string();
    // ":memory:" (for tests of code that needs a Store) cannot use WAL and has nothing to lose.
    if (mode != "wal" && !(path == ":memory:" && mode == "memory")) {
      throw StoreError("store " + path + ": cannot switch to WAL journal mode (got \"" + mode + "\")");
    }
  }
  Exec(db, path, "PRAGMA synchronous = FULL");
  Exec(db, path, "PRAGMA foreign_keys = ON");
  // Deleted rows (sent submissions) are overwritten, not left in free pages.
  Exec(db, path, "PRAGMA secure_delete = ON");
  // Any read at all fails here on a file that is not a database.
  Migrate(db, path);
  return store;
}

Store::Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Store::Store(Store&& other) noexcept : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Store& Store::operator=(Store&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Store::~Store() { sqlite3_close_v2(db_); }

bool Store::Enqueue(const ClearPart& clear, const std::vector<unsigned char>& sealed,
                    const std::string& tracking_hash) {
  assert(db_ && "use of a moved-from Store");
  if (clear.uuid.empty()) throw StoreError("store " + path_ + ": a submission needs a uuid");
  if (sealed.empty()) throw StoreError("store " + path_ + ": a submission needs its sealed part");
  // A retry with the same uuid (e.g. after a crash between commit and receipt) is a no-op.
  // An anonymous item's row keeps the day it was queued, not the time (like its clear part).
  Statement insert(db_, path_,
                   "INSERT OR IGNORE INTO outbox (uuid, clear_json, sealed, tracking_hash, created_at) VALUES "
                   "(?1, ?2, ?3, ?4, strftime(?5, 'now'))");
  insert.Bind(1, clear.uuid).Bind(2, ClearToJson(clear)).Bind(3, sealed).Bind(4, tracking_hash);
  insert.Bind(5, clear.anonymous ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ").Run();
  return sqlite3_changes(db_) == 1;
}

std::vector<OutboxItem> Store::Pending(int limit, std::size_t max_sealed_bytes) const {
  assert(db_ && "use of a moved-from Store");
  Statement select(db_, path_,
                   "SELECT id, clear_json, sealed, tracking_hash, attempts, last_error, created_at, length(sealed) "
                   "FROM outbox ORDER BY id LIMIT ?1");
  select.Bind(1, std::int64_t{limit});
  std::vector<OutboxItem> items;
  std::size_t total = 0;
  while (select.Step()) {
    const auto size = static_cast<std::size_t>(select.Int(7));
    if (!items.empty() && (size > max_sealed_bytes || total + size > max_sealed_bytes)) break;
    total += size;
    OutboxItem item;
    item.id = select.Int(0);
    try {
      item.clear = ClearFromJson(select.Text(1));
    } catch (const std::invalid_argument& e) {
      // The clear part holds nothing personal, so its error may be quoted.
      throw StoreError("store " + path_ + ": outbox row " + std::to_string(item.id) + " is unreadable: " + e.what());
    }
    item.sealed = select.Blob(2);
    item.tracking_hash = select.Text(3);
    item.attempts = static_cast<int>(select.Int(4));
    item.last_error = select.Text(5);
    item.created_at = select.Text(6);
    items.push_back(std::move(item));
  }
  return items;
}

std::int64_t Store::PendingCount() const {
  assert(db_ && "use of a moved-from Store");
  Statement count(db_, path_, "SELECT COUNT(*) FROM outbox");
  return count.Step() ? count.Int(0) : 0;
}

bool Store::MarkSent(const std::string& uuid) {
  assert(db_ && "use of a moved-from Store");
  Statement remove(db_, path_, "DELETE FROM outbox WHERE uuid = ?1");
  remove.Bind(1, uuid).Run();
  bool removed = sqlite3_changes(db_) == 1;
  ForgetSent();
  return removed;
}

void Store::ForgetSent() {
  // The WAL still holds the pages as they were before the delete (references, times,
  // categories, code hashes): copy the overwritten pages back and cut the WAL to 0 bytes.
  // Best effort: a reader on another connection (the kiosk's UI) may hold it for now; the
  // next acknowledgement tries again, and SQLite's own checkpoints follow.
  sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

std::int64_t Store::MarkSentMany(const std::vector<std::string>& uuids) {
  assert(db_ && "use of a moved-from Store");
  if (uuids.empty()) return 0;
  std::int64_t removed = InTransaction(db_, path_, [&] {
    std::int64_t count = 0;
    for (const std::string& uuid : uuids) {
      Statement remove(db_, path_, "DELETE FROM outbox WHERE uuid = ?1");
      remove.Bind(1, uuid).Run();
      count += sqlite3_changes(db_);
    }
    return count;
  });
  ForgetSent();
  return removed;
}

bool Store::RecordAttempt(const std::string& uuid, const std::string& error) {
  assert(db_ && "use of a moved-from Store");
  Statement update(db_, path_,
                   "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
                   "last_attempt_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE uuid = ?1");
  update.Bind(1, uuid).Bind(2, error).Run();
  return sqlite3_changes(db_) == 1;
}

std::uint64_t Store::NextSequence() {
  assert(db_ && "use of a moved-from Store");
  // One statement, so one durable transaction: the value is never handed out twice.
  Statement next(db_, path_,
                 "INSERT INTO sequence (name, value) VALUES ('reference', 1) "
                 "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
  if (!next.Step()) throw StoreError("store " + path_ + ": the reference sequence returned nothing");
  auto value = static_cast<std::uint64_t>(next.Int(0));
  next.Run();  // finish the statement so the transaction commits now
  return value;
}

void Store::RaiseSequence(std::uint64_t next) {
  assert(db_ && "use of a moved-from Store");
  if (next <= 1) return;
  Statement raise(db_, path_,
                  "INSERT INTO sequence (name, value) VALUES ('reference', ?1) "
                  "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)");
  raise.Bind(1, static_cast<std::int64_t>(next - 1)).Run();
}

std::optional<std::string> Store::GetSetting(const std::string& key) const {
  assert(db_ && "use of a moved-from Store");
  Statement select(db_, path_, "SELECT value FROM settings WHERE key = ?1");
  select.Bind(1, key);
  if (!select.Step()) return std::nullopt;
  return select.Text(0);
}

void Store::SetSetting(const std::string& key, const std::string& value) {
  assert(db_ && "use of a moved-from Store");
  Statement upsert(db_, path_,
                   "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.Bind(1, key).Bind(2, value).Run();
}

int Store::schema_version() const {
  assert(db_ && "use of a moved-from Store");
  return UserVersion(db_, path_);
}

int Store::LatestSchemaVersion() { return kSchemaVersion; }

const std::string& Store::path() const { return path_; }

}  // namespace tellus
