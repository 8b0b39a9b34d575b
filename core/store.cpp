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

#include "core/sqlite_db.h"

namespace tellus {
namespace {

// Schema steps; step i brings user_version from i to i + 1 (core/sqlite_db.h). Append,
// never edit: kiosks in the field hold databases at every earlier version.
const sqlite::Migration kMigrations[] = {
    // 1: the outbox, the reference sequence and settings.
    {R"sql(
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
    )sql"},
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

void ThrowStoreError(const std::string& message) { throw StoreError(message); }

using sqlite::Statement;

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
  try {
    sqlite::Connection db(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "store " + path, ThrowStoreError);
    db.Exec("PRAGMA synchronous = FULL");
    sqlite::Migrate(db, kMigrations);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
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
  Store store(std::make_unique<sqlite::Connection>(
                  path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, "store " + path,
                  ThrowStoreError),
              path);
  sqlite::Connection& db = *store.db_;
  if (db.ReadOnly()) throw StoreError("cannot open store " + path + ": the file is read-only");
  db.BusyTimeout(5000);
  // WAL + FULL: each commit fsyncs the WAL before returning, so it survives power loss.
  {
    Statement wal(db, "PRAGMA journal_mode = WAL");
    std::string mode = wal.Step() ? wal.Text(0) : std::string();
    // ":memory:" (for tests of code that needs a Store) cannot use WAL and has nothing to lose.
    if (mode != "wal" && !(path == ":memory:" && mode == "memory")) {
      throw StoreError("store " + path + ": cannot switch to WAL journal mode (got \"" + mode + "\")");
    }
  }
  db.Exec("PRAGMA synchronous = FULL");
  db.Exec("PRAGMA foreign_keys = ON");
  // Deleted rows (sent submissions) are overwritten, not left in free pages.
  db.Exec("PRAGMA secure_delete = ON");
  // Any read at all fails here on a file that is not a database.
  sqlite::Migrate(db, kMigrations);
  return store;
}

Store::Store(std::unique_ptr<sqlite::Connection> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

Store::Store(Store&& other) noexcept = default;
Store& Store::operator=(Store&& other) noexcept = default;
Store::~Store() = default;

bool Store::Enqueue(const ClearPart& clear, const std::vector<unsigned char>& sealed,
                    const std::string& tracking_hash) {
  assert(db_ && "use of a moved-from Store");
  if (clear.uuid.empty()) throw StoreError("store " + path_ + ": a submission needs a uuid");
  if (sealed.empty()) throw StoreError("store " + path_ + ": a submission needs its sealed part");
  // A retry with the same uuid (e.g. after a crash between commit and receipt) is a no-op.
  // An anonymous item's row keeps the day it was queued, not the time (like its clear part).
  Statement insert(*db_,
                   "INSERT OR IGNORE INTO outbox (uuid, clear_json, sealed, tracking_hash, created_at) VALUES "
                   "(?1, ?2, ?3, ?4, strftime(?5, 'now'))");
  insert.Bind(1, clear.uuid).Bind(2, ClearToJson(clear)).Bind(3, sealed).Bind(4, tracking_hash);
  insert.Bind(5, clear.anonymous ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ").Run();
  return db_->Changes() == 1;
}

std::vector<OutboxItem> Store::Pending(int limit, std::size_t max_sealed_bytes) const {
  assert(db_ && "use of a moved-from Store");
  Statement select(*db_,
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
  Statement count(*db_, "SELECT COUNT(*) FROM outbox");
  return count.Step() ? count.Int(0) : 0;
}

bool Store::MarkSent(const std::string& uuid) {
  assert(db_ && "use of a moved-from Store");
  Statement remove(*db_, "DELETE FROM outbox WHERE uuid = ?1");
  remove.Bind(1, uuid).Run();
  bool removed = db_->Changes() == 1;
  ForgetSent();
  return removed;
}

void Store::ForgetSent() {
  // The WAL still holds the pages as they were before the delete (references, times,
  // categories, code hashes): copy the overwritten pages back and cut the WAL to 0 bytes.
  // Best effort: a reader on another connection (the kiosk's UI) may hold it for now; the
  // next acknowledgement tries again, and SQLite's own checkpoints follow.
  sqlite3_wal_checkpoint_v2(db_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

std::int64_t Store::MarkSentMany(const std::vector<std::string>& uuids) {
  assert(db_ && "use of a moved-from Store");
  if (uuids.empty()) return 0;
  std::int64_t removed = db_->Transaction([&] {
    std::int64_t count = 0;
    for (const std::string& uuid : uuids) {
      Statement remove(*db_, "DELETE FROM outbox WHERE uuid = ?1");
      remove.Bind(1, uuid).Run();
      count += db_->Changes();
    }
    return count;
  });
  ForgetSent();
  return removed;
}

bool Store::RecordAttempt(const std::string& uuid, const std::string& error) {
  assert(db_ && "use of a moved-from Store");
  Statement update(*db_,
                   "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
                   "last_attempt_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE uuid = ?1");
  update.Bind(1, uuid).Bind(2, error).Run();
  return db_->Changes() == 1;
}

std::uint64_t Store::NextSequence() {
  assert(db_ && "use of a moved-from Store");
  // One statement, so one durable transaction: the value is never handed out twice.
  Statement next(*db_,
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
  Statement raise(*db_,
                  "INSERT INTO sequence (name, value) VALUES ('reference', ?1) "
                  "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)");
  raise.Bind(1, static_cast<std::int64_t>(next - 1)).Run();
}

std::optional<std::string> Store::GetSetting(const std::string& key) const {
  assert(db_ && "use of a moved-from Store");
  Statement select(*db_, "SELECT value FROM settings WHERE key = ?1");
  select.Bind(1, key);
  if (!select.Step()) return std::nullopt;
  return select.Text(0);
}

void Store::SetSetting(const std::string& key, const std::string& value) {
  assert(db_ && "use of a moved-from Store");
  Statement upsert(*db_,
                   "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.Bind(1, key).Bind(2, value).Run();
}

int Store::schema_version() const {
  assert(db_ && "use of a moved-from Store");
  return db_->UserVersion();
}

int Store::LatestSchemaVersion() { return kSchemaVersion; }

const std::string& Store::path() const { return path_; }

}  // namespace tellus
