#include "sync/register/sqlite_storage.h"
#include "sync/register/open_storage.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

#include "core/reference.h"
#include "sync/register/case_workflow.h"
#include "sync/register/column_text.h"
#include "register_process.h"
#include "register_sql.h"

namespace tellus::reg {
namespace {

CaseRecord Case(const std::string& uuid, const std::string& reference) {
  CaseRecord c;
  c.uuid = uuid;
  c.reference = reference;
  c.kiosk = 1;
  c.kind = Kind::kComplaint;
  c.policy_id = "seetec";
  c.submitted_at = "2026-11-23T10:00:00Z";
  c.received_at = "2026-11-23T10:00:05Z";
  c.clear_json = "{}";
  c.sealed = {1, 2, 3};
  c.tracking_hash = "$argon2id$x";
  c.via = Via::kNetwork;
  c.state = CaseState::kReceived;
  StageRecord st;
  st.stage_id = "stage-1";
  st.entered_on = ParseIsoDate("2026-11-23");
  st.acknowledge_due = ParseIsoDate("2026-11-26");
  st.respond_due = ParseIsoDate("2026-12-21");
  c.stages.push_back(st);
  return c;
}

TEST(RegisterStorage, IngestIsIdempotentByUuid) {
  testing::TempDir dir;
  auto storage = OpenRegisterStorage(testing::NewRegisterDb(dir, "r.db"), true);
  IngestResult first = storage->Ingest({Case("u1", "R1"), Case("u2", "R2")});
  EXPECT_EQ(first.accepted.size(), 2u);
  IngestResult again = storage->Ingest({Case("u2", "R2"), Case("u3", "R3")});
  EXPECT_EQ(again.accepted, std::vector<std::string>{"u3"});
  EXPECT_EQ(again.duplicates, std::vector<std::string>{"u2"});
  EXPECT_EQ(storage->CaseCount(), 3);
  auto found = storage->FindCase("R2");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->stages.size(), 1u);
  EXPECT_EQ(DayText(found->stages[0].respond_due, ""), "2026-12-21");
  EXPECT_EQ(found->stages[0].acknowledged_at, std::nullopt);
}

TEST(RegisterStorage, ABatchWithAReusedReferenceStoresNothing) {
  testing::TempDir dir;
  auto storage = OpenRegisterStorage(testing::NewRegisterDb(dir, "r.db"), true);
  storage->Ingest({Case("u1", "R1")});
  EXPECT_THROW(storage->Ingest({Case("u2", "R2"), Case("u3", "R1")}), StorageError);
  EXPECT_EQ(storage->CaseCount(), 1);
  EXPECT_FALSE(storage->FindCase("R2"));
}

TEST(RegisterStorage, InitOnceAndOpenOnlyExisting) {
  testing::TempDir dir;
  std::string db = testing::NewRegisterDb(dir, "r.db");
  OpenRegisterStorage(db, true);
  EXPECT_THROW(OpenRegisterStorage(db, true), StorageError);
  EXPECT_THROW(OpenRegisterStorage(testing::NewRegisterDb(dir, "none.db")), StorageError);
  auto reopened = OpenRegisterStorage(db);
  EXPECT_EQ(reopened->CaseCount(), 0);
}

TEST(RegisterStorage, KiosksRequestsBundlesAndAudit) {
  testing::TempDir dir;
  auto storage = OpenRegisterStorage(testing::NewRegisterDb(dir, "r.db"), true);
  EXPECT_EQ(storage->AllocateKioskNumber(), 1);
  storage->AddKiosk({1, "Front desk", "seetec", {}, *ParseIsoUtc("2026-11-23T09:00:00Z"), std::nullopt, 0, 0,
                     std::nullopt});
  EXPECT_EQ(storage->AllocateKioskNumber(), 2);
  EXPECT_EQ(storage->FindKiosk(1)->last_contact, std::nullopt);
  storage->NoteKioskContact(1, *ParseIsoUtc("2026-11-23T10:00:00Z"), 4, 3600);
  auto k = storage->FindKiosk(1);
  ASSERT_TRUE(k);
  EXPECT_EQ(ToIsoUtc(k->enrolled_at), "2026-11-23T09:00:00Z");
  EXPECT_EQ(ColumnText(k->last_contact), "2026-11-23T10:00:00Z");
  EXPECT_EQ(k->waiting, 4);
  EXPECT_EQ(k->last_lag_seconds, 3600);
  EXPECT_FALSE(storage->FindKiosk(2));
  storage->Ingest({Case("u1", "R1")});
  EXPECT_TRUE(storage->RecordRequest("q1", "u1", "feedback", {9, 9}, "t"));
  EXPECT_FALSE(storage->RecordRequest("q1", "u1", "feedback", {9, 9}, "t"));
  EXPECT_EQ(storage->Requests("u1").size(), 1u);
  EXPECT_TRUE(storage->RecordBundle("abc", 1, 5, "t"));
  EXPECT_FALSE(storage->RecordBundle("abc", 1, 5, "t"));
  storage->Audit("staff", "ack", "R1", "");
  EXPECT_EQ(storage->AuditLog("R1").size(), 1u);
  storage->DeleteCase("u1");
  EXPECT_EQ(storage->CaseCount(), 0);
  EXPECT_TRUE(storage->Requests("u1").empty());   // cascades
}

// Two processes (two connections here) storing the same batch at once: each submission is
// stored once, every uuid is either accepted by one or a duplicate to the other.
TEST(RegisterStorage, TwoConnectionsIngestingTheSameCasesStoreEachOnce) {
  testing::TempDir dir;
  std::string db = testing::NewRegisterDb(dir, "r.db");
  OpenRegisterStorage(db, true)->AddKiosk({1, "k", "seetec", {}, *ParseIsoUtc("2026-11-01T00:00:00Z"), std::nullopt, 0, 0, std::nullopt});
  std::vector<CaseRecord> cases;
  for (int i = 1; i <= 200; ++i) cases.push_back(Case("u" + std::to_string(i), FormatReference({"SG", 1, static_cast<std::uint64_t>(i)})));
  IngestResult results[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      auto storage = OpenRegisterStorage(db);
      for (std::size_t at = 0; at < cases.size(); at += 20) {
        std::vector<CaseRecord> batch(cases.begin() + static_cast<long>(at), cases.begin() + static_cast<long>(at + 20));
        IngestResult r;
        for (int attempt = 0;; ++attempt) {   // SQLite may answer "busy" past its 5 s wait: the kiosk would retry
          try {
            r = storage->Ingest(batch);
            break;
          } catch (const StorageError&) {
            if (attempt == 20) throw;
          }
        }
        results[t].accepted.insert(results[t].accepted.end(), r.accepted.begin(), r.accepted.end());
        results[t].duplicates.insert(results[t].duplicates.end(), r.duplicates.begin(), r.duplicates.end());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(results[0].accepted.size() + results[1].accepted.size(), 200u);
  EXPECT_EQ(results[0].duplicates.size() + results[1].duplicates.size(), 200u);
  auto storage = OpenRegisterStorage(db);
  EXPECT_EQ(storage->CaseCount(), 200);
  EXPECT_EQ(storage->HighestSequence(1), 200u);
  for (const CaseRecord& c : storage->Cases({})) EXPECT_EQ(c.stages.size(), 1u) << c.reference;
}

// A register whose schema is newer than this program is refused, not written to, on either engine.
TEST(RegisterStorage, ANewerSchemaIsRefused) {
  testing::TempDir dir;
  std::string db = testing::NewRegisterDb(dir, "r.db");
  OpenRegisterStorage(db, true);
  testing::RegisterSql(db, testing::IsPostgresDb(db) ? "UPDATE tellus_schema SET version = 99" : "PRAGMA user_version=99");
  try {
    OpenRegisterStorage(db);
    FAIL() << "a newer schema was opened";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("newer than this program"), std::string::npos) << e.what();
  }
}

// A register made before issue 13 (schema 1) opens: it gains flags, receipt references,
// tombstones and each kiosk's high-water mark, taken from the references it already holds.
TEST(RegisterStorage, ASchemaOneRegisterIsMigratedWithItsHighWaterMarks) {
  testing::TempDir dir;
  std::string path = dir / "r.db";
  {
    auto storage = SqliteRegisterStorage::Open(path, true);
    storage->AddKiosk({1, "k", "seetec", {}, *ParseIsoUtc("2026-11-01T00:00:00Z"), std::nullopt, 0, 0, std::nullopt});
    storage->Ingest({Case("u1", FormatReference({"SG", 1, 41})), Case("u2", FormatReference({"SG", 1, 7}))});
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         // schema 4's queue indexes first: they hold columns dropped below
                         "DROP INDEX cases_open_queue; DROP INDEX stages_open_queue; DROP TRIGGER cases_help_to_write; "
                         "ALTER TABLE cases DROP COLUMN flags; ALTER TABLE kiosks DROP COLUMN highest_sequence; "
                         "DROP TABLE receipt_references; DROP TABLE tombstones; "
                         // and schema 3's columns: a register as version 1 left it
                         "ALTER TABLE stages DROP COLUMN extended_to; ALTER TABLE stages DROP COLUMN extension_reason; "
                         "ALTER TABLE stages DROP COLUMN reply_sent_by; ALTER TABLE stages DROP COLUMN reply_received_on; "
                         "ALTER TABLE cases DROP COLUMN urgent; ALTER TABLE cases DROP COLUMN withdraw_requested; "
                         "DROP TABLE staff_sessions; DROP TABLE staff; ALTER TABLE cases DROP COLUMN help_to_write; "   // schema 4's
                         "PRAGMA user_version=1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto storage = SqliteRegisterStorage::Open(path);
  EXPECT_EQ(storage->HighestSequence(1), 41u);
  EXPECT_EQ(storage->CaseCount(), 2);
  CaseRecord clash = Case("u3", FormatReference({"SG", 1, 7}));
  IngestResult r = storage->Ingest({clash});
  EXPECT_EQ(r.rereferenced, 1);
  auto stored = storage->FindCasesForReceipt(clash.reference);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored.back().reference, FormatReference({"SG", 1, 42}));
  EXPECT_EQ(stored.back().receipt_references, std::vector<std::string>{clash.reference});
  storage->DeleteCase("u1");
  EXPECT_EQ(storage->Ingest({Case("u1", "R9")}).duplicates, std::vector<std::string>{"u1"}) << "purged stays purged";
}

// A register as today's release writes it (schema 3; its DDL frozen here, as the three
// steps left it) opens with every row, read as typed values; nothing is lost or re-stamped.
TEST(RegisterStorage, ASchemaThreeRegisterOpensWithItsRows) {
  testing::TempDir dir;
  std::string path = dir / "r.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, R"sql(
    CREATE TABLE kiosks (
      number INTEGER PRIMARY KEY, name TEXT NOT NULL, policy TEXT NOT NULL, sign_public_key BLOB NOT NULL,
      enrolled_at TEXT NOT NULL, last_contact TEXT NOT NULL DEFAULT '', waiting INTEGER NOT NULL DEFAULT 0,
      last_lag_seconds INTEGER NOT NULL DEFAULT 0, revoked_at TEXT NOT NULL DEFAULT '',
      highest_sequence INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE cases (
      uuid TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, kiosk INTEGER NOT NULL, kind TEXT NOT NULL,
      policy_id TEXT NOT NULL, service_id TEXT NOT NULL, categories TEXT NOT NULL, submitted_at TEXT NOT NULL,
      received_at TEXT NOT NULL, anonymous INTEGER NOT NULL, clear_json TEXT NOT NULL, sealed BLOB NOT NULL,
      tracking_hash TEXT NOT NULL, via TEXT NOT NULL, state TEXT NOT NULL, outcome TEXT NOT NULL DEFAULT '',
      closed_at TEXT NOT NULL DEFAULT '', latest_reply TEXT NOT NULL DEFAULT '', deadline_note TEXT NOT NULL DEFAULT '',
      flags TEXT NOT NULL DEFAULT '[]', urgent INTEGER NOT NULL DEFAULT 0, withdraw_requested TEXT NOT NULL DEFAULT '');
    CREATE INDEX cases_submitted ON cases(submitted_at);
    CREATE TABLE stages (
      case_uuid TEXT NOT NULL REFERENCES cases(uuid) ON DELETE CASCADE, seq INTEGER NOT NULL,
      stage_id TEXT NOT NULL, entered_on TEXT NOT NULL, acknowledge_due TEXT NOT NULL, acknowledged_at TEXT NOT NULL,
      respond_due TEXT NOT NULL, responded_at TEXT NOT NULL, left_at TEXT NOT NULL,
      extended_to TEXT NOT NULL DEFAULT '', extension_reason TEXT NOT NULL DEFAULT '',
      reply_sent_by TEXT NOT NULL DEFAULT '', reply_received_on TEXT NOT NULL DEFAULT '', PRIMARY KEY (case_uuid, seq));
    CREATE TABLE requests (
      request_id TEXT PRIMARY KEY, case_uuid TEXT NOT NULL REFERENCES cases(uuid) ON DELETE CASCADE,
      action TEXT NOT NULL, sealed_text BLOB, at TEXT NOT NULL);
    CREATE TABLE bundles (body_sha256 TEXT PRIMARY KEY, kiosk INTEGER NOT NULL, items INTEGER NOT NULL, at TEXT NOT NULL);
    CREATE TABLE audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
      reference TEXT NOT NULL, detail TEXT NOT NULL);
    CREATE TABLE receipt_references (
      reference TEXT NOT NULL, case_uuid TEXT NOT NULL REFERENCES cases(uuid) ON DELETE CASCADE,
      PRIMARY KEY (reference, case_uuid));
    CREATE TABLE tombstones (uuid TEXT PRIMARY KEY, reference TEXT NOT NULL, purged_at TEXT NOT NULL);
    PRAGMA user_version = 3;
    INSERT INTO kiosks VALUES (1, 'Front desk', 'seetec', x'00', '2026-11-01T09:00:00Z', '2026-11-23T10:00:00Z', 2, 60,
                               '', 7);
    INSERT INTO cases VALUES ('u1', 'SG-0001-0007', 1, 'complaint', 'seetec', '', '[]', '2026-11-23T10:00:00Z',
                              '2026-11-23T10:00:05Z', 0, '{}', x'010203', '$argon2id$x', 'usb', 'closed', 'upheld',
                              '2026-12-01T15:00:00Z', 'We are sorry.', '', '[]', 1, '');
    INSERT INTO stages VALUES ('u1', 0, 'stage-1', '2026-11-23', '2026-11-26', '2026-11-24T09:00:00Z', '2026-12-21',
                               '2026-11-30T12:00:00Z', '2026-12-01T15:00:00Z', '2026-12-28', 'waiting for a report',
                               'post', '2026-12-02');
    INSERT INTO audit (at, actor, action, reference, detail) VALUES ('2026-12-01T15:00:00Z', 'officer', 'close',
                                                                     'SG-0001-0007', 'upheld');
    INSERT INTO tombstones VALUES ('u0', 'SG-0001-0003', '2026-11-30T00:00:00Z');
  )sql", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto storage = SqliteRegisterStorage::Open(path);
  auto k = storage->FindKiosk(1);
  ASSERT_TRUE(k);
  EXPECT_EQ(ToIsoUtc(k->enrolled_at), "2026-11-01T09:00:00Z");
  EXPECT_EQ(ColumnText(k->last_contact), "2026-11-23T10:00:00Z");
  EXPECT_EQ(k->revoked_at, std::nullopt);
  EXPECT_EQ(storage->HighestSequence(1), 7u);
  auto c = storage->FindCase("SG-0001-0007");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, Kind::kComplaint);
  EXPECT_EQ(c->via, Via::kUsb);
  EXPECT_EQ(c->state, CaseState::kClosed);
  EXPECT_EQ(c->outcome, Outcome::kUpheld);
  EXPECT_EQ(ColumnText(c->closed_at), "2026-12-01T15:00:00Z");
  EXPECT_EQ(c->withdraw_requested, std::nullopt);
  EXPECT_TRUE(c->urgent);
  ASSERT_EQ(c->stages.size(), 1u);
  const StageRecord& st = c->stages[0];
  EXPECT_EQ(ToIso(st.entered_on), "2026-11-23");
  EXPECT_EQ(DayText(st.extended_to, ""), "2026-12-28");
  EXPECT_EQ(st.reply_sent_by, ReplyChannel::kPost);
  EXPECT_EQ(DayText(st.reply_received_on, ""), "2026-12-02");
  EXPECT_EQ(ColumnText(st.left_at), "2026-12-01T15:00:00Z");
  EXPECT_EQ(storage->AuditLog("SG-0001-0007").size(), 1u);
  EXPECT_EQ(storage->Ingest({Case("u0", "R0")}).duplicates, std::vector<std::string>{"u0"}) << "the tombstone holds";
  // Written back unchanged: the same text in every column.
  storage->UpdateCase(*c);
  EXPECT_EQ(storage->FindCase("SG-0001-0007")->stages[0].extension_reason, "waiting for a report");
  EXPECT_EQ(ColumnText(storage->FindCase("SG-0001-0007")->stages[0].acknowledged_at), "2026-11-24T09:00:00Z");
}

TEST(RegisterStorage, ARegisterNewerThanTheProgramIsRefused) {
  testing::TempDir dir;
  std::string path = dir / "r.db";
  SqliteRegisterStorage::Open(path, true);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string newer = std::to_string(SqliteRegisterStorage::LatestSchemaVersion() + 1);
  ASSERT_EQ(sqlite3_exec(db, ("PRAGMA user_version = " + newer).c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  try {
    SqliteRegisterStorage::Open(path);
    ADD_FAILURE() << "a newer register was opened";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": schema version " + newer + " is newer than this program knows"),
              std::string::npos) << e.what();
  }
}

// Text columns keep their text; a value no parse accepts (a hand edit, a newer program's
// state) is an error naming the column and the value, never a case shown wrongly.
TEST(RegisterStorage, AColumnNoParseAcceptsIsAnErrorNamingIt) {
  testing::TempDir dir;
  std::string path = dir / "r.db";
  auto storage = SqliteRegisterStorage::Open(path, true);
  CaseRecord c = Case("u1", "R1");
  c.state = CaseState::kClosed;
  c.outcome = Outcome::kResolvedInformally;
  c.closed_at = ParseIsoUtc("2026-11-30T12:00:00Z");
  c.stages[0].reply_sent_by = ReplyChannel::kInPerson;
  storage->Ingest({c});
  auto read = [&](const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string text;
    sqlite3_exec(db, sql, [](void* out, int, char** values, char**) {
      *static_cast<std::string*>(out) = values[0] ? values[0] : "(null)";
      return 0;
    }, &text, nullptr);
    sqlite3_close(db);
    return text;
  };
  EXPECT_EQ(read("SELECT state || ' ' || outcome || ' ' || closed_at FROM cases"),
            "closed resolved-informally 2026-11-30T12:00:00Z");
  EXPECT_EQ(read("SELECT reply_sent_by || ' ' || acknowledged_at || '.' FROM stages"), "in-person .");
  auto found = storage->FindCase("R1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->outcome, Outcome::kResolvedInformally);
  EXPECT_EQ(found->stages[0].reply_sent_by, ReplyChannel::kInPerson);

  read("UPDATE cases SET state = 'shut'");
  try {
    storage->FindCase("R1");
    ADD_FAILURE() << "a state no parse accepts was read";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("cases.state 'shut' is not one of received, acknowledged, answered, closed"),
              std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tellus::reg

namespace tellus {
namespace {

TEST(OutboxBatch, MarkSentManyRemovesExactlyTheNamedItemsInOneGo) {
  testing::TempDir dir;
  KioskIdentity id;
  id.kiosk_number = 2;
  id.register_box_public_key = NewBoxKeyPair().public_key;
  std::string hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  Store store = Store::Open(dir / "outbox.db");
  std::vector<std::string> uuids;
  for (std::uint64_t seq = 1; seq <= 5; ++seq) {
    auto item = testing::MakeItem(id, seq, "seetec", &hash);
    store.Enqueue(item.clear, item.sealed, item.tracking_hash);
    uuids.push_back(item.clear.uuid);
  }
  EXPECT_EQ(store.MarkSentMany({uuids[0], uuids[2], "not-there", uuids[2]}), 2);
  EXPECT_EQ(store.PendingCount(), 3);
  EXPECT_EQ(store.MarkSentMany({}), 0);
  Store reopened = Store::Open(dir / "outbox.db");
  auto left = reopened.Pending(10);
  ASSERT_EQ(left.size(), 3u);
  EXPECT_EQ(left[0].clear.uuid, uuids[1]);
}

}  // namespace
}  // namespace tellus
