#include "core/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <thread>

#include "core/model.h"
#include "core/reference.h"
#include "core/seal.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fresh directory per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "tellus-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "outbox.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string path_;
};

ClearPart MakeClear(const std::string& uuid) {
  ClearPart clear;
  clear.uuid = uuid;
  clear.kind = Kind::kComplaint;
  clear.policy_id = "seetec";
  clear.service_id = "restart";
  clear.categories = {"staff-conduct"};
  clear.submitted_at = "2026-11-22T10:15:00Z";
  clear.anonymous = false;
  clear.reference = "SG-0010-0017";
  clear.language = "en-GB";
  return clear;
}

std::vector<unsigned char> Blob(const std::string& text) { return {text.begin(), text.end()}; }

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(StoreTest, OpensEmptyAndMigratesToLatest) {
  Store store = Store::Open(path_);
  EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
  EXPECT_GE(Store::LatestSchemaVersion(), 1);
  EXPECT_EQ(store.PendingCount(), 0);
  EXPECT_TRUE(store.Pending(10).empty());
  EXPECT_EQ(store.path(), path_);
}

TEST(StoreMemory, InMemoryStoreWorksForTests) {
  Store store = Store::Open(":memory:");
  EXPECT_TRUE(store.Enqueue(MakeClear("m"), Blob("s"), "h"));
  EXPECT_EQ(store.PendingCount(), 1);
  EXPECT_EQ(store.NextSequence(), 1u);
  EXPECT_EQ(Store::Open(":memory:").PendingCount(), 0);  // each one is private
}

TEST_F(StoreTest, FileIsInWalMode) {
  Store store = Store::Open(path_);
  store.SetSetting("probe", "1");
  EXPECT_TRUE(fs::exists(path_ + "-wal"));
  // Ask SQLite from a second connection what journal mode the file is in.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(StoreTest, ReopeningKeepsTheVersionAndData) {
  {
    Store store = Store::Open(path_);
    EXPECT_TRUE(store.Enqueue(MakeClear("u-1"), Blob("sealed-1"), "hash-1"));
  }
  Store store = Store::Open(path_);
  EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
  ASSERT_EQ(store.PendingCount(), 1);
  OutboxItem item = store.Pending(10).at(0);
  EXPECT_EQ(item.clear, MakeClear("u-1"));
  EXPECT_EQ(item.sealed, Blob("sealed-1"));
  EXPECT_EQ(item.tracking_hash, "hash-1");
  EXPECT_EQ(item.attempts, 0);
  EXPECT_EQ(item.last_error, "");
  EXPECT_THAT(item.created_at, ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"));
}

TEST_F(StoreTest, NewerSchemaVersionIsRefused) {
  { Store::Open(path_); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string sql = "PRAGMA user_version = " + std::to_string(Store::LatestSchemaVersion() + 5);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  try {
    Store::Open(path_);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path_));
    EXPECT_THAT(e.what(), HasSubstr("schema version " + std::to_string(Store::LatestSchemaVersion() + 5)));
    EXPECT_THAT(e.what(), HasSubstr("newer than this program knows"));
  }
}

TEST_F(StoreTest, FailedMigrationRollsBackAndNamesTheFile) {
  // A version-0 file that already has an unrelated "outbox" table: step 1 cannot apply.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE outbox (something TEXT)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  try {
    Store::Open(path_);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path_));
    EXPECT_THAT(e.what(), HasSubstr("table outbox already exists"));
  }
  // Nothing of the failed step remains: still version 0 and no half-made tables.
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT (SELECT user_version FROM pragma_user_version), "
                               "(SELECT COUNT(*) FROM sqlite_master WHERE name IN ('sequence', 'settings'))",
                               -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 0);
  EXPECT_EQ(sqlite3_column_int(stmt, 1), 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(StoreTest, WaitsForAnotherWriterInsteadOfFailingBusy) {
  Store store = Store::Open(path_);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread holder([other] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(store.Enqueue(MakeClear("waited"), Blob("s"), "h"));
  auto waited = std::chrono::steady_clock::now() - start;
  holder.join();
  sqlite3_close(other);
  EXPECT_GE(waited, std::chrono::milliseconds(250));
  EXPECT_EQ(store.PendingCount(), 1);
}

TEST_F(StoreTest, UnopenablePathNamesThePathAndTheReason) {
  // Tests may run as root, so use a path whose parent is a regular file rather than permissions.
  std::string blocker = (dir_ / "not-a-directory").string();
  std::ofstream(blocker) << "x";
  std::string bad = blocker + "/outbox.db";
  try {
    Store::Open(bad);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr(bad));
    EXPECT_THAT(e.what(), HasSubstr("unable to open database file"));
  }
  EXPECT_THROW(Store::Open((dir_ / "missing" / "dir" / "outbox.db").string()), StoreError);
}

TEST_F(StoreTest, NonDatabaseFileIsAStoreError) {
  std::ofstream(path_) << "this is not a database, just a text file that is long enough to have a header";
  try {
    Store::Open(path_);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path_));
    EXPECT_THAT(e.what(), HasSubstr("not a database"));
  }
}

TEST_F(StoreTest, EnqueueIsIdempotentOnUuid) {
  Store store = Store::Open(path_);
  EXPECT_TRUE(store.Enqueue(MakeClear("same"), Blob("first"), "h"));
  EXPECT_FALSE(store.Enqueue(MakeClear("same"), Blob("second"), "h"));
  EXPECT_EQ(store.PendingCount(), 1);
  EXPECT_EQ(store.Pending(10).at(0).sealed, Blob("first"));
  EXPECT_TRUE(store.Enqueue(MakeClear("other"), Blob("x"), "h"));
  EXPECT_EQ(store.PendingCount(), 2);
}

TEST_F(StoreTest, EnqueueRefusesMissingUuidOrSealedPart) {
  Store store = Store::Open(path_);
  EXPECT_THROW(store.Enqueue(MakeClear(""), Blob("x"), "h"), StoreError);
  EXPECT_THROW(store.Enqueue(MakeClear("u"), {}, "h"), StoreError);
  EXPECT_EQ(store.PendingCount(), 0);
}

TEST_F(StoreTest, PendingIsOldestFirstAndLimited) {
  Store store = Store::Open(path_);
  for (int i = 0; i < 5; ++i) store.Enqueue(MakeClear("u-" + std::to_string(i)), Blob("s"), "h");
  std::vector<OutboxItem> items = store.Pending(3);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].clear.uuid, "u-0");
  EXPECT_EQ(items[1].clear.uuid, "u-1");
  EXPECT_EQ(items[2].clear.uuid, "u-2");
  EXPECT_LT(items[0].id, items[1].id);
  EXPECT_EQ(store.Pending(100).size(), 5u);
}

TEST_F(StoreTest, MarkSentRemovesOnlyThatUuid) {
  Store store = Store::Open(path_);
  for (const char* uuid : {"a", "b", "c"}) store.Enqueue(MakeClear(uuid), Blob("s"), "h");
  EXPECT_TRUE(store.MarkSent("b"));
  EXPECT_FALSE(store.MarkSent("b"));
  EXPECT_FALSE(store.MarkSent("nope"));
  std::vector<OutboxItem> items = store.Pending(10);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].clear.uuid, "a");
  EXPECT_EQ(items[1].clear.uuid, "c");
  // A uuid that was sent may be queued again only as a new item (the register dedupes).
  EXPECT_TRUE(store.Enqueue(MakeClear("b"), Blob("s"), "h"));
}

TEST_F(StoreTest, RecordAttemptIncrementsAndKeepsTheLastError) {
  Store store = Store::Open(path_);
  store.Enqueue(MakeClear("a"), Blob("s"), "h");
  store.Enqueue(MakeClear("b"), Blob("s"), "h");
  EXPECT_TRUE(store.RecordAttempt("a", "connection refused"));
  EXPECT_TRUE(store.RecordAttempt("a", "timed out"));
  EXPECT_FALSE(store.RecordAttempt("missing", "x"));
  std::vector<OutboxItem> items = store.Pending(10);
  EXPECT_EQ(items[0].attempts, 2);
  EXPECT_EQ(items[0].last_error, "timed out");
  EXPECT_EQ(items[1].attempts, 0);
  EXPECT_EQ(items[1].last_error, "");
}

TEST_F(StoreTest, NextSequenceIsMonotonicAcrossReopen) {
  {
    Store store = Store::Open(path_);
    EXPECT_EQ(store.NextSequence(), 1u);
    EXPECT_EQ(store.NextSequence(), 2u);
    EXPECT_EQ(store.NextSequence(), 3u);
  }
  Store store = Store::Open(path_);
  EXPECT_EQ(store.NextSequence(), 4u);
  // Two connections to one file never hand out the same number.
  Store other = Store::Open(path_);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 20; ++i) {
    EXPECT_TRUE(seen.insert(store.NextSequence()).second);
    EXPECT_TRUE(seen.insert(other.NextSequence()).second);
  }
  EXPECT_EQ(*seen.rbegin(), 44u);
}

TEST_F(StoreTest, SettingsRoundTripAndOverwrite) {
  Store store = Store::Open(path_);
  EXPECT_EQ(store.GetSetting("last_sync"), std::nullopt);
  store.SetSetting("last_sync", "2026-11-22T10:00:00Z");
  EXPECT_EQ(store.GetSetting("last_sync"), "2026-11-22T10:00:00Z");
  store.SetSetting("last_sync", "2026-11-22T11:00:00Z");
  EXPECT_EQ(store.GetSetting("last_sync"), "2026-11-22T11:00:00Z");
  store.SetSetting("quote's; DROP TABLE settings; --", "ok");  // bound, never spliced
  EXPECT_EQ(store.GetSetting("quote's; DROP TABLE settings; --"), "ok");
  EXPECT_EQ(Store::Open(path_).GetSetting("last_sync"), "2026-11-22T11:00:00Z");
}

TEST_F(StoreTest, MovedStoreKeepsWorking) {
  Store a = Store::Open(path_);
  Store b = std::move(a);
  b.Enqueue(MakeClear("m"), Blob("s"), "h");
  Store c = Store::Open((dir_ / "other.db").string());
  c = std::move(b);
  EXPECT_EQ(c.PendingCount(), 1);
}

// What the issue asks: the name the person typed exists on disk only sealed.
TEST_F(StoreTest, DatabaseAndWalHoldNoPlaintextOfASealedName) {
  const std::string name = "Zebedee Quartermaine-Plunkett";
  const std::string story = "the receptionist shouted at me about my benefits";
  BoxKeyPair register_keys = NewBoxKeyPair();
  const std::string tracking_code = NewTrackingCode();
  const std::string tracking_hash = HashSecret(tracking_code);
  {
    Store store = Store::Open(path_);
    for (int i = 0; i < 3; ++i) {
      Submission submission;
      submission.clear = MakeClear("uuid-" + std::to_string(i));
      submission.personal.person.anonymous = false;
      submission.personal.person.name = name;
      submission.personal.person.email = "zebedee.qp@example.org";
      submission.personal.what_happened = story;
      std::string json = PersonalToJson(submission.personal);
      std::vector<unsigned char> sealed = Seal(json, register_keys.public_key);
      WipeString(json);
      ASSERT_TRUE(store.Enqueue(submission.clear, sealed, tracking_hash));
      Wipe(submission.personal);
    }
    ASSERT_TRUE(fs::exists(path_ + "-wal"));
    for (const std::string& file : {path_, path_ + "-wal", path_ + "-shm"}) {
      std::string bytes = ReadBytes(file);
      EXPECT_EQ(bytes.find(name), std::string::npos) << file;
      EXPECT_EQ(bytes.find("Zebedee"), std::string::npos) << file;
      EXPECT_EQ(bytes.find("Quartermaine"), std::string::npos) << file;
      EXPECT_EQ(bytes.find("receptionist"), std::string::npos) << file;
      EXPECT_EQ(bytes.find("zebedee.qp"), std::string::npos) << file;
      EXPECT_EQ(bytes.find(tracking_code), std::string::npos) << file;
    }
    // The clear part is there (so the test can see what it reads) and the sealed part opens.
    EXPECT_NE(ReadBytes(path_ + "-wal").find("uuid-2"), std::string::npos);
    OutboxItem item = store.Pending(1).at(0);
    EXPECT_EQ(PersonalFromJson(Open(item.sealed, register_keys)).person.name, name);
    EXPECT_TRUE(VerifySecret(item.tracking_hash, tracking_code));
  }
  // After close SQLite checkpoints the WAL into the main file: still nothing in clear.
  std::string bytes = ReadBytes(path_);
  EXPECT_NE(bytes.find("uuid-2"), std::string::npos);
  EXPECT_EQ(bytes.find("Zebedee"), std::string::npos);
  EXPECT_EQ(bytes.find("receptionist"), std::string::npos);
}

}  // namespace
}  // namespace tellus
