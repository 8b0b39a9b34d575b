// The one SQLite wrapper (core/sqlite_db.h): every bind and step checked with the SQL and
// parameter named, migrations applied one transaction each and recorded, a newer database
// refused, and an outbox written by the first kiosk release opening with its rows.
#include "core/sqlite_db.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "core/model.h"
#include "core/store.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct TestError : std::runtime_error { using std::runtime_error::runtime_error; };
void ThrowTestError(const std::string& message) { throw TestError(message); }

class SqliteDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "tellus-sqlite-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  sqlite::Connection Open() {
    return sqlite::Connection(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "test " + path_, ThrowTestError);
  }
  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteDbTest, AFailedBindNamesTheSqlAndTheParameter) {
  sqlite::Connection db = Open();
  sqlite::Statement s(db, "SELECT ?1");
  try {
    s.Bind(2, "no such parameter");
    FAIL() << "a bind to a parameter the SQL does not have was ignored";
  } catch (const TestError& e) {
    EXPECT_THAT(e.what(), HasSubstr("test " + path_));
    EXPECT_THAT(e.what(), HasSubstr("bind of parameter 2 failed"));
    EXPECT_THAT(e.what(), HasSubstr("SELECT ?1"));
  }
}

TEST_F(SqliteDbTest, AFailedStepAndABadStatementNameTheSql) {
  sqlite::Connection db = Open();
  db.Exec("CREATE TABLE t (x TEXT NOT NULL)");
  sqlite::Statement insert(db, "INSERT INTO t (x) VALUES (?1)");
  insert.BindNull(1);
  try {
    insert.Run();
    FAIL() << "a NOT NULL failure was ignored";
  } catch (const TestError& e) {
    EXPECT_THAT(e.what(), HasSubstr("step failed"));
    EXPECT_THAT(e.what(), HasSubstr("NOT NULL"));
    EXPECT_THAT(e.what(), HasSubstr("INSERT INTO t (x)"));
  }
  EXPECT_THROW(sqlite::Statement(db, "SELEKT 1"), TestError);
}

TEST_F(SqliteDbTest, MigrationsRunInOrderEachInOneTransactionAndAreRecorded) {
  const sqlite::Migration steps[] = {
      {"CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);"},
      {"ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 0;",
       [](sqlite::Connection& db) { db.Exec("UPDATE a SET y = x + 41"); }},
  };
  {
    sqlite::Connection db = Open();
    sqlite::Migrate(db, std::span(steps, 1));
    EXPECT_EQ(db.UserVersion(), 1);
    sqlite::Migrate(db, steps);
    EXPECT_EQ(db.UserVersion(), 2);
    sqlite::Migrate(db, steps);                    // again: nothing to do
    sqlite::Statement s(db, "SELECT x, y FROM a");
    ASSERT_TRUE(s.Step());
    EXPECT_EQ(s.Int(1), 42);
    EXPECT_FALSE(s.Step()) << "a step ran twice";
  }
  // A step that fails leaves the database as it was: no half-applied step, no new version.
  const sqlite::Migration broken[] = {steps[0], steps[1], {"CREATE TABLE b (z); CREATE TABLE a (again);"}};
  sqlite::Connection db = Open();
  EXPECT_THROW(sqlite::Migrate(db, broken), TestError);
  EXPECT_EQ(db.UserVersion(), 2);
  sqlite::Statement b(db, "SELECT count(*) FROM sqlite_master WHERE name = 'b'");
  ASSERT_TRUE(b.Step());
  EXPECT_EQ(b.Int(0), 0);
}

TEST_F(SqliteDbTest, ADatabaseNewerThanTheProgramIsRefused) {
  const sqlite::Migration steps[] = {{"CREATE TABLE a (x);"}};
  sqlite::Connection db = Open();
  db.Exec("PRAGMA user_version = 7");
  try {
    sqlite::Migrate(db, steps);
    FAIL() << "a newer database was opened";
  } catch (const TestError& e) {
    EXPECT_THAT(e.what(), HasSubstr("schema version 7 is newer than this program knows (1)"));
  }
}

TEST_F(SqliteDbTest, ANestedTransactionJoinsTheOuterOneAndAThrowRollsBackBoth) {
  sqlite::Connection db = Open();
  db.Exec("CREATE TABLE t (x INTEGER)");
  EXPECT_THROW(db.Transaction([&] {
    db.Exec("INSERT INTO t VALUES (1)");
    db.Transaction([&] { db.Exec("INSERT INTO t VALUES (2)"); });
    throw std::runtime_error("staff action failed half way");
  }), std::runtime_error);
  EXPECT_EQ(db.Transaction([&] {
    sqlite::Statement s(db, "SELECT count(*) FROM t");
    return s.Step() ? s.Int(0) : -1;
  }), 0);
}

// An outbox as the first kiosk release wrote it (its DDL, frozen here) opens, keeps its
// queued item and hands out the sequence after the one it had reached.
TEST_F(SqliteDbTest, AnOutboxWrittenByTheFirstReleaseOpensWithItsRows) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, R"sql(
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
      CREATE TABLE sequence (name TEXT PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0));
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      PRAGMA user_version = 1;
      INSERT INTO sequence VALUES ('reference', 41);
      INSERT INTO settings VALUES ('last_sync', '2026-11-20T10:00:00Z');
    )sql", nullptr, nullptr, nullptr), SQLITE_OK);
  ClearPart clear;
  clear.uuid = "0b9f3c2e-8a41-4d7e-9c55-1f2a3b4c5d6e";
  clear.reference = "TS-0003-0015";
  clear.policy_id = "seetec";
  clear.submitted_at = "2026-11-20T09:59:00Z";
  const std::string insert = "INSERT INTO outbox (uuid, clear_json, sealed, tracking_hash, attempts) VALUES ('" +
                             clear.uuid + "', '" + ClearToJson(clear) + "', x'0102', '$argon2id$h', 3)";
  ASSERT_EQ(sqlite3_exec(raw, insert.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);

  Store store = Store::Open(path_);
  EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
  auto items = store.Pending(10);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].clear.reference, "TS-0003-0015");
  EXPECT_EQ(items[0].attempts, 3);
  EXPECT_EQ(items[0].sealed, (std::vector<unsigned char>{1, 2}));
  EXPECT_EQ(store.GetSetting("last_sync"), "2026-11-20T10:00:00Z");
  EXPECT_EQ(store.NextSequence(), 42u);
}

}  // namespace
}  // namespace tellus
