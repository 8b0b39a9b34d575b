#include "sync/register/register_migration.h"

#include <sodium.h>
#include <sqlite3.h>

#include <functional>
#include <memory>
#include <optional>

#include "core/sqlite_db.h"
#include "sync/register/pg_connection.h"
#include "sync/register/postgres_storage.h"
#include "sync/register/sqlite_storage.h"

namespace tellus::reg {

namespace {

enum class Type { kText, kInt, kBytes };

struct Column {
  const char* name;
  Type type;
};

// A table as both engines hold it. `copy_order` keeps insertion order where it is shown
// (SQLite's rowid becomes PostgreSQL's id); `key` orders the rows for the checksum.
struct Table {
  const char* name;
  std::vector<Column> columns;
  const char* copy_order;
  const char* key;
};

const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = {
      {"kiosks",
       {{"number", Type::kInt}, {"name", Type::kText}, {"policy", Type::kText}, {"sign_public_key", Type::kBytes},
        {"enrolled_at", Type::kText}, {"last_contact", Type::kText}, {"waiting", Type::kInt},
        {"last_lag_seconds", Type::kInt}, {"revoked_at", Type::kText}, {"highest_sequence", Type::kInt}},
       "number", "number"},
      {"cases",
       {{"uuid", Type::kText}, {"reference", Type::kText}, {"kiosk", Type::kInt}, {"kind", Type::kText},
        {"policy_id", Type::kText}, {"service_id", Type::kText}, {"categories", Type::kText},
        {"submitted_at", Type::kText}, {"received_at", Type::kText}, {"anonymous", Type::kInt},
        {"clear_json", Type::kText}, {"sealed", Type::kBytes}, {"tracking_hash", Type::kText}, {"via", Type::kText},
        {"state", Type::kText}, {"outcome", Type::kText}, {"closed_at", Type::kText}, {"latest_reply", Type::kText},
        {"deadline_note", Type::kText}, {"flags", Type::kText}, {"urgent", Type::kInt},
        {"withdraw_requested", Type::kText}},
       "rowid", "uuid"},
      {"stages",
       {{"case_uuid", Type::kText}, {"seq", Type::kInt}, {"stage_id", Type::kText}, {"entered_on", Type::kText},
        {"acknowledge_due", Type::kText}, {"acknowledged_at", Type::kText}, {"respond_due", Type::kText},
        {"responded_at", Type::kText}, {"left_at", Type::kText}, {"extended_to", Type::kText},
        {"extension_reason", Type::kText}, {"reply_sent_by", Type::kText}, {"reply_received_on", Type::kText}},
       "case_uuid, seq", "case_uuid, seq"},
      {"receipt_references", {{"reference", Type::kText}, {"case_uuid", Type::kText}}, "reference, case_uuid",
       "reference, case_uuid"},
      {"requests",
       {{"request_id", Type::kText}, {"case_uuid", Type::kText}, {"action", Type::kText},
        {"sealed_text", Type::kBytes}, {"at", Type::kText}},
       "rowid", "request_id"},
      {"bundles", {{"body_sha256", Type::kText}, {"kiosk", Type::kInt}, {"items", Type::kInt}, {"at", Type::kText}},
       "body_sha256", "body_sha256"},
      {"audit",
       {{"id", Type::kInt}, {"at", Type::kText}, {"actor", Type::kText}, {"action", Type::kText},
        {"reference", Type::kText}, {"detail", Type::kText}},
       "id", "id"},
      {"tombstones", {{"uuid", Type::kText}, {"reference", Type::kText}, {"purged_at", Type::kText}}, "uuid", "uuid"},
      // Staff accounts go with the register (their signed-in sessions do not: people sign in again).
      {"staff",
       {{"name", Type::kText}, {"role", Type::kText}, {"policy", Type::kText}, {"service", Type::kText},
        {"password_hash", Type::kText}, {"disabled", Type::kInt}, {"failed_logins", Type::kInt},
        {"locked_until", Type::kInt}, {"created_at", Type::kText}},
       "name", "name"},
  };
  return kTables;
}

using Row = std::vector<std::optional<std::string>>;   // nullopt: NULL; bytes kept as they are

std::string ColumnList(const Table& t) {
  std::string list;
  for (const Column& c : t.columns) list += (list.empty() ? "" : ", ") + std::string(c.name);
  return list;
}

// SHA-256 over every value of every row, each value tagged and length-prefixed: a moved
// byte, a NULL for an empty string or a swapped column all change it.
class Checksum {
 public:
  Checksum() { crypto_hash_sha256_init(&state_); }
  void Add(const Row& row) {
    for (const auto& value : row) {
      unsigned char tag = value ? 'V' : 'N';
      crypto_hash_sha256_update(&state_, &tag, 1);
      if (!value) continue;
      std::uint64_t size = value->size();
      unsigned char length[8];
      for (int i = 0; i < 8; ++i) length[i] = static_cast<unsigned char>(size >> (8 * i));
      crypto_hash_sha256_update(&state_, length, sizeof length);
      crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(value->data()), value->size());
    }
    ++rows_;
  }
  std::int64_t rows() const { return rows_; }
  std::string Hex() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
  }

 private:
  crypto_hash_sha256_state state_;
  std::int64_t rows_ = 0;
};

// The source register, read-only, in one snapshot (core/sqlite_db.h). A NULL reads as an
// empty value (requests.sealed_text: no words), as the register itself reads it.
class SqliteSource {
 public:
  explicit SqliteSource(const std::string& path)
      : checked_(SqliteRegisterStorage::Open(path)),   // a register, at this program's schema (migrated if older)
        db_(path, SQLITE_OPEN_READONLY, path, [](const std::string& message) { throw StorageError(message); }) {
    checked_.reset();
    db_.BusyTimeout(5000);
    db_.Exec("BEGIN");   // every table from the same moment
  }
  ~SqliteSource() {
    try {
      db_.Exec("ROLLBACK");
    } catch (const StorageError&) {
    }
  }
  SqliteSource(const SqliteSource&) = delete;
  SqliteSource& operator=(const SqliteSource&) = delete;

  void Rows(const Table& t, const char* order, const std::function<void(const Row&)>& each) {
    sqlite::Statement s(db_, "SELECT " + ColumnList(t) + " FROM " + t.name + " ORDER BY " + order);
    Row row(t.columns.size());
    while (s.Step()) {
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        int col = static_cast<int>(i);
        if (t.columns[i].type == Type::kInt) {
          row[i] = std::to_string(s.Int(col));
        } else if (t.columns[i].type == Type::kBytes) {
          auto bytes = s.Blob(col);
          row[i] = std::string(bytes.begin(), bytes.end());
        } else {
          row[i] = s.Text(col);
        }
      }
      each(row);
    }
  }

 private:
  std::unique_ptr<SqliteRegisterStorage> checked_;
  sqlite::Connection db_;
};

void PgRows(PgConnection& db, const Table& t, const std::function<void(const Row&)>& each) {
  // A cursor, a thousand rows at a time: a register's sealed parts (voice recordings among
  // them) need not fit in memory at once. Called inside a transaction.
  db.Run(std::string("DECLARE rows CURSOR FOR SELECT ") + ColumnList(t) + " FROM " + t.name + " ORDER BY " + t.key);
  Row row(t.columns.size());
  for (;;) {
    PgResult r = db.Query("FETCH 1000 FROM rows");
    for (int i = 0; i < r.rows(); ++i) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        int col = static_cast<int>(c);
        if (t.columns[c].type == Type::kBytes) {   // NULL: empty, as the SQLite side reads it
          auto bytes = r.Bytes(i, col);
          row[c] = std::string(bytes.begin(), bytes.end());
        } else {
          row[c] = r.Text(i, col);
        }
      }
      each(row);
    }
    if (r.rows() == 0) break;
  }
  db.Run("CLOSE rows");
}

std::vector<TableCopy> PgChecksums(PgConnection& db) {
  std::vector<TableCopy> out;
  for (const Table& t : Tables()) {
    Checksum sum;
    PgRows(db, t, [&](const Row& row) { sum.Add(row); });
    out.push_back({t.name, 0, sum.rows(), "", sum.Hex()});
  }
  return out;
}

void CopyTable(SqliteSource& source, PgConnection& db, const Table& t) {
  std::string insert = std::string("INSERT INTO ") + t.name + "(" + ColumnList(t) + ") VALUES (";
  for (std::size_t i = 0; i < t.columns.size(); ++i) insert += (i ? ",$" : "$") + std::to_string(i + 1);
  insert += ")";
  std::vector<PgParam> params;
  source.Rows(t, t.copy_order, [&](const Row& row) {
    params.clear();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (std::string(t.columns[i].name) == "sealed_text" && row[i]->empty()) {
        params.push_back(PgParam::Null());   // no words, as RecordRequest stores it
      } else if (t.columns[i].type == Type::kBytes) {
        params.emplace_back(std::vector<unsigned char>(row[i]->begin(), row[i]->end()));
      } else {
        params.emplace_back(*row[i]);
      }
    }
    if (std::string(t.name) == "cases" || std::string(t.name) == "tombstones") {
      // The exactly-once gate holds every uuid the register ever stored.
      db.Exec("INSERT INTO submissions(uuid) VALUES ($1) ON CONFLICT DO NOTHING", {*row[0]});
    }
    db.Exec(insert, params);
  });
}

}  // namespace

std::vector<TableCopy> RegisterChecksums(const std::string& db) {
  if (IsPostgresUrl(db)) {
    auto storage = PostgresRegisterStorage::Open(db);
    PgConnection& pg = storage->connection();
    pg.Begin();
    std::vector<TableCopy> out = PgChecksums(pg);
    pg.Rollback();
    for (TableCopy& t : out) {
      t.source_rows = t.target_rows;
      t.source_sha256 = t.target_sha256;
    }
    return out;
  }
  SqliteSource source(db);
  std::vector<TableCopy> out;
  for (const Table& t : Tables()) {
    Checksum sum;
    source.Rows(t, t.key, [&](const Row& row) { sum.Add(row); });
    out.push_back({t.name, sum.rows(), 0, sum.Hex(), ""});
  }
  return out;
}

MigrationResult MigrateToPostgres(const std::string& sqlite_path, const std::string& postgres_url) {
  if (IsPostgresUrl(sqlite_path)) throw StorageError("--from " + RedactedUrl(sqlite_path) + ": give the SQLite register file");
  if (!IsPostgresUrl(postgres_url)) {
    throw StorageError("--to " + postgres_url + ": give a PostgreSQL URL (postgresql://user@host:5432/database)");
  }
  SqliteSource source(sqlite_path);
  std::unique_ptr<PgConnection> db = PgConnection::Connect(postgres_url);
  MigratePostgres(*db);   // the schema, if the database has none yet
  MigrationResult result;
  db->Begin();
  try {
    // No other writer while we look and copy: a serve process started early waits.
    for (const Table& t : Tables()) db->Run(std::string("LOCK TABLE ") + t.name + " IN EXCLUSIVE MODE");
    std::vector<TableCopy> before = PgChecksums(*db);
    bool empty = true;
    for (const TableCopy& t : before) empty = empty && t.target_rows == 0;
    for (const Table& t : Tables()) {
      Checksum sum;
      source.Rows(t, t.key, [&](const Row& row) { sum.Add(row); });
      result.tables.push_back({t.name, sum.rows(), 0, sum.Hex(), ""});
    }
    if (!empty) {
      bool same = true;
      for (std::size_t i = 0; i < before.size(); ++i) {
        result.tables[i].target_rows = before[i].target_rows;
        result.tables[i].target_sha256 = before[i].target_sha256;
        same = same && before[i].target_rows == result.tables[i].source_rows &&
               before[i].target_sha256 == result.tables[i].source_sha256;
      }
      if (!same) {
        throw StorageError(RedactedUrl(postgres_url) + ": already holds a register with other data (" +
                           std::to_string(before[1].target_rows) + " cases); migrate copies into an empty one only");
      }
      db->Rollback();
      result.already_there = true;
      return result;
    }
    for (const Table& t : Tables()) CopyTable(source, *db, t);
    // New rows number on from the copied ones (SQLite's AUTOINCREMENT).
    db->Run("SELECT setval(pg_get_serial_sequence('audit', 'id'), coalesce(max(id), 0) + 1, false) FROM audit");
    std::vector<TableCopy> after = PgChecksums(*db);
    for (std::size_t i = 0; i < after.size(); ++i) {
      TableCopy& t = result.tables[i];
      t.target_rows = after[i].target_rows;
      t.target_sha256 = after[i].target_sha256;
      if (t.target_rows != t.source_rows || t.target_sha256 != t.source_sha256) {
        throw StorageError(t.table + ": " + std::to_string(t.source_rows) + " rows in " + sqlite_path + " but " +
                           std::to_string(t.target_rows) + " copied, or their checksums differ; nothing was committed");
      }
    }
    db->Commit();
  } catch (...) {
    db->Rollback();
    throw;
  }
  return result;
}

}  // namespace tellus::reg
