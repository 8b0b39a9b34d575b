#include "sync/register/sqlite_storage.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/reference.h"
#include "core/sqlite_db.h"
#include "sync/register/column_text.h"
#include "sync/register/record_columns.h"

namespace tellus::reg {

namespace {

// 2: what staff must check on a case (admission.h), the references on receipts of cases stored
// under a new one after a clash, tombstones of purged cases, and each kiosk's highest sequence.
const char* kSchema2 = R"sql(
ALTER TABLE cases ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE kiosks ADD COLUMN highest_sequence INTEGER NOT NULL DEFAULT 0;
CREATE TABLE receipt_references (
  reference TEXT NOT NULL, case_uuid TEXT NOT NULL REFERENCES cases(uuid) ON DELETE CASCADE,
  PRIMARY KEY (reference, case_uuid));
CREATE TABLE tombstones (uuid TEXT PRIMARY KEY, reference TEXT NOT NULL, purged_at TEXT NOT NULL);
)sql";

const char* kSchema = R"sql(
CREATE TABLE kiosks (
  number INTEGER PRIMARY KEY, name TEXT NOT NULL, policy TEXT NOT NULL, sign_public_key BLOB NOT NULL,
  enrolled_at TEXT NOT NULL, last_contact TEXT NOT NULL DEFAULT '', waiting INTEGER NOT NULL DEFAULT 0,
  last_lag_seconds INTEGER NOT NULL DEFAULT 0, revoked_at TEXT NOT NULL DEFAULT '');
CREATE TABLE cases (
  uuid TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, kiosk INTEGER NOT NULL, kind TEXT NOT NULL,
  policy_id TEXT NOT NULL, service_id TEXT NOT NULL, categories TEXT NOT NULL, submitted_at TEXT NOT NULL,
  received_at TEXT NOT NULL, anonymous INTEGER NOT NULL, clear_json TEXT NOT NULL, sealed BLOB NOT NULL,
  tracking_hash TEXT NOT NULL, via TEXT NOT NULL, state TEXT NOT NULL, outcome TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '', latest_reply TEXT NOT NULL DEFAULT '', deadline_note TEXT NOT NULL DEFAULT '');
CREATE INDEX cases_submitted ON cases(submitted_at);
CREATE TABLE stages (
  case_uuid TEXT NOT NULL REFERENCES cases(uuid) ON DELETE CASCADE, seq INTEGER NOT NULL,
  stage_id TEXT NOT NULL, entered_on TEXT NOT NULL, acknowledge_due TEXT NOT NULL, acknowledged_at TEXT NOT NULL,
  respond_due TEXT NOT NULL, responded_at TEXT NOT NULL, left_at TEXT NOT NULL, PRIMARY KEY (case_uuid, seq));
CREATE TABLE requests (
  request_id TEXT PRIMARY KEY, case_uuid TEXT NOT NULL REFERENCES cases(uuid) ON DELETE CASCADE,
  action TEXT NOT NULL, sealed_text BLOB, at TEXT NOT NULL);
CREATE TABLE bundles (body_sha256 TEXT PRIMARY KEY, kiosk INTEGER NOT NULL, items INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  reference TEXT NOT NULL, detail TEXT NOT NULL);
)sql";

// Version 3: extensions, how a reply was sent and received, urgent cases, withdrawal requests.
const char* kSchema3 = R"sql(
ALTER TABLE stages ADD COLUMN extended_to TEXT NOT NULL DEFAULT '';
ALTER TABLE stages ADD COLUMN extension_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE stages ADD COLUMN reply_sent_by TEXT NOT NULL DEFAULT '';
ALTER TABLE stages ADD COLUMN reply_received_on TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN withdraw_requested TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: staff accounts and their sessions (staff_store.h, read by sqlite_staff_store.cpp),
// and what the staff queue sorts on (OpenQueue) in one covering index: help_to_write copied
// from the clear part by a trigger, so 10,000 open cases sort without reading their rows.
const char* kSchema4 = R"sql(
ALTER TABLE cases ADD COLUMN help_to_write INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET help_to_write = coalesce(json_extract(clear_json, '$.help_to_write'), 0);
CREATE TRIGGER cases_help_to_write AFTER INSERT ON cases BEGIN
  UPDATE cases SET help_to_write = coalesce(json_extract(NEW.clear_json, '$.help_to_write'), 0) WHERE rowid = NEW.rowid;
END;
CREATE INDEX cases_open_queue ON cases(state, policy_id, service_id, kind, urgent, help_to_write, flags, uuid, reference,
                                       submitted_at, deadline_note);
CREATE INDEX stages_open_queue ON stages(case_uuid, seq, stage_id, acknowledge_due, acknowledged_at, respond_due,
                                         responded_at, extended_to);
CREATE TABLE staff (
  name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('handler', 'manager', 'admin')),
  policy TEXT NOT NULL DEFAULT '', service TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0, failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES staff(name) ON DELETE CASCADE,
  csrf TEXT NOT NULL, created INTEGER NOT NULL, last_seen INTEGER NOT NULL);
)sql";

using Stmt = sqlite::Statement;

void ThrowStorageError(const std::string& message) { throw StorageError(message); }

constexpr const char* kInsertStage =
    "INSERT INTO stages(case_uuid, seq, stage_id, entered_on, acknowledge_due, acknowledged_at, respond_due, "
    "responded_at, left_at, extended_to, extension_reason, reply_sent_by, reply_received_on) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

void InsertStages(Stmt& ins, const CaseRecord& c) {
  std::int64_t seq = 0;
  for (const StageRecord& st : c.stages) {
    ins.Reset();
    ins.Bind(1, c.uuid).Bind(2, seq++).Bind(3, st.stage_id).Bind(4, ToIso(st.entered_on));
    ins.Bind(5, ColumnText(st.acknowledge_due)).Bind(6, ColumnText(st.acknowledged_at));
    ins.Bind(7, ColumnText(st.respond_due)).Bind(8, ColumnText(st.responded_at)).Bind(9, ColumnText(st.left_at));
    ins.Bind(10, ColumnText(st.extended_to)).Bind(11, st.extension_reason).Bind(12, ColumnText(st.reply_sent_by));
    ins.Bind(13, ColumnText(st.reply_received_on));
    ins.Step();
  }
}

KioskRecord KioskFrom(const Stmt& s) { return KioskFromColumns(s); }   // record_columns.h: shared with PostgreSQL

CaseRecord CaseFrom(const Stmt& s) { return CaseFromColumns(s); }

void RaiseHighestSequence(sqlite::Connection& db, int kiosk, std::uint64_t sequence) {
  Stmt s(db, "UPDATE kiosks SET highest_sequence = max(highest_sequence, ?) WHERE number = ?");
  s.Bind(1, static_cast<std::int64_t>(sequence)).Bind(2, std::int64_t{kiosk});
  s.Step();
}

const std::string kSelectStages =
    std::string("SELECT ") + kStageColumns + " FROM stages WHERE case_uuid = ? ORDER BY seq";
constexpr const char* kSelectReceipts = "SELECT reference FROM receipt_references WHERE case_uuid = ? ORDER BY reference";

std::vector<StageRecord> StagesWith(Stmt& s, const std::string& uuid) {
  s.Reset();
  s.Bind(1, uuid);
  std::vector<StageRecord> out;
  while (s.Step()) out.push_back(StageFromColumns(s));   // record_columns.h: shared with PostgreSQL
  return out;
}

// Stages and receipt references through statements prepared once for a whole listing.
void CompleteWith(CaseRecord& c, Stmt& stages, Stmt& receipts) {
  c.stages = StagesWith(stages, c.uuid);
  receipts.Reset();
  receipts.Bind(1, c.uuid);
  while (receipts.Step()) c.receipt_references.push_back(receipts.Text(0));
}

// The register's schema steps (core/sqlite_db.h): step i takes user_version i to i + 1.
// Append, never edit: registers in use hold databases at every earlier version.
const std::vector<sqlite::Migration>& RegisterMigrations() {
  static const std::vector<sqlite::Migration> steps = {
      {kSchema},
      {kSchema2, [](sqlite::Connection& db) {
         // Each kiosk's high-water mark from the references it already has here.
         std::map<int, std::uint64_t> highest;
         Stmt s(db, "SELECT kiosk, reference FROM cases");
         while (s.Step()) {
           if (auto ref = ParseReference(s.Text(1))) {
             auto& h = highest[static_cast<int>(s.Int(0))];
             h = std::max<std::uint64_t>(h, ref->sequence);
           }
         }
         for (const auto& [kiosk, sequence] : highest) RaiseHighestSequence(db, kiosk, sequence);
       }},
      {kSchema3},
      {kSchema4},
  };
  return steps;
}

}  // namespace

std::string IsoNow() { return ToIsoUtc(UtcNow()); }

int SqliteRegisterStorage::LatestSchemaVersion() { return static_cast<int>(RegisterMigrations().size()); }

std::unique_ptr<SqliteRegisterStorage> SqliteRegisterStorage::Open(const std::string& path, bool create) {
  struct stat st{};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (create && exists) throw StorageError(path + ": already exists; a register is initialised only once");
  if (!create && !exists) throw StorageError(path + ": no register database here (run `tellus-register init` first)");
  if (!create && st.st_size == 0) {
    // Not taken for a new register: that would hand out kiosk number 1 again and lose the cases.
    throw StorageError(path + ": the file is empty (0 bytes), not a register database; restore it from a backup "
                              "(`tellus-register init` makes a new register only where no file exists)");
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  std::unique_ptr<SqliteRegisterStorage> storage(
      new SqliteRegisterStorage(std::make_unique<sqlite::Connection>(path, flags, path, ThrowStorageError), path));
  sqlite::Connection& db = *storage->db_;
  // Sealed parts and tracking-code hashes: readable by the register's user only. SQLite
  // gives the -wal and -shm files the database file's mode.
  if (create) ::chmod(path.c_str(), 0600);
  db.Exec("PRAGMA journal_mode=WAL");
  db.Exec("PRAGMA synchronous=FULL");
  db.Exec("PRAGMA foreign_keys=ON");
  db.BusyTimeout(5000);
  if (!create && db.UserVersion() == 0) {
    Stmt s(db, "SELECT count(*) FROM sqlite_master");
    if (s.Step() && s.Int(0) > 0) throw StorageError(path + ": not a Tell Us register database");
  }
  sqlite::Migrate(db, RegisterMigrations());
  return storage;
}

SqliteRegisterStorage::SqliteRegisterStorage(std::unique_ptr<sqlite::Connection> db, std::string path)
    : db_(std::move(db)), path_(std::move(path)) {}

SqliteRegisterStorage::~SqliteRegisterStorage() = default;

void SqliteRegisterStorage::Transaction(const std::function<void()>& work) { db_->Transaction(work); }

int SqliteRegisterStorage::AllocateKioskNumber() {
  Stmt s(*db_, "SELECT coalesce(max(number), 0) + 1 FROM kiosks");
  s.Step();
  std::int64_t next = s.Int(0);
  if (next > 32767) throw StorageError(path_ + ": all 32767 kiosk numbers are in use");
  return static_cast<int>(next);
}

void SqliteRegisterStorage::AddKiosk(const KioskRecord& k) {
  Stmt s(*db_, "INSERT INTO kiosks(number, name, policy, sign_public_key, enrolled_at) VALUES (?,?,?,?,?)");
  s.Bind(1, std::int64_t{k.number}).Bind(2, k.name).Bind(3, k.policy);
  s.BindBlob(4, k.sign_public_key.data(), k.sign_public_key.size()).Bind(5, ToIsoUtc(k.enrolled_at));
  s.Step();
}

std::optional<KioskRecord> SqliteRegisterStorage::FindKiosk(int number) {
  Stmt s(*db_, "SELECT number, name, policy, sign_public_key, enrolled_at, last_contact, waiting, last_lag_seconds, "
              "revoked_at FROM kiosks WHERE number = ?");
  s.Bind(1, std::int64_t{number});
  if (!s.Step()) return std::nullopt;
  return KioskFrom(s);
}

std::vector<KioskRecord> SqliteRegisterStorage::Kiosks() {
  Stmt s(*db_, "SELECT number, name, policy, sign_public_key, enrolled_at, last_contact, waiting, last_lag_seconds, "
              "revoked_at FROM kiosks ORDER BY number");
  std::vector<KioskRecord> out;
  while (s.Step()) out.push_back(KioskFrom(s));
  return out;
}

bool SqliteRegisterStorage::RevokeKiosk(int number, UtcTime at) {
  Stmt s(*db_, "UPDATE kiosks SET revoked_at = ? WHERE number = ? AND revoked_at = ''");
  s.Bind(1, ToIsoUtc(at)).Bind(2, std::int64_t{number});
  s.Step();
  return db_->Changes() == 1;
}

std::string SqliteRegisterStorage::BindKioskPolicy(int number, const std::string& policy) {
  Stmt bind(*db_, "UPDATE kiosks SET policy = ? WHERE number = ? AND policy = ''");
  bind.Bind(1, policy).Bind(2, std::int64_t{number});
  bind.Step();
  auto kiosk = FindKiosk(number);
  return kiosk ? kiosk->policy : policy;
}

std::uint64_t SqliteRegisterStorage::HighestSequence(int number) {
  Stmt s(*db_, "SELECT highest_sequence FROM kiosks WHERE number = ?");
  s.Bind(1, std::int64_t{number});
  return s.Step() ? static_cast<std::uint64_t>(s.Int(0)) : 0;
}

void SqliteRegisterStorage::NoteKioskContact(int number, UtcTime at, std::int64_t waiting,
                                             std::optional<std::int64_t> lag_seconds) {
  Stmt s(*db_, "UPDATE kiosks SET last_contact = ?, waiting = ?, last_lag_seconds = coalesce(?, last_lag_seconds) "
              "WHERE number = ?");
  s.Bind(1, ToIsoUtc(at)).Bind(2, waiting);
  if (lag_seconds) s.Bind(3, *lag_seconds);
  s.Bind(4, std::int64_t{number});
  s.Step();
}

IngestResult SqliteRegisterStorage::Ingest(const std::vector<CaseRecord>& cases) {
  IngestResult result;
  Transaction([&] {
    Stmt exists(*db_, "SELECT 1 FROM cases WHERE uuid = ?1 UNION ALL SELECT 1 FROM tombstones WHERE uuid = ?1");
    Stmt taken(*db_, "SELECT 1 FROM cases WHERE reference = ?");
    Stmt insert(*db_, (std::string("INSERT INTO cases(") + kCaseColumns +
                      ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").c_str());
    Stmt stage(*db_, kInsertStage);
    Stmt alias(*db_, "INSERT OR IGNORE INTO receipt_references(reference, case_uuid) VALUES (?,?)");
    for (const CaseRecord& given : cases) {
      exists.Reset();
      exists.Bind(1, given.uuid);
      if (exists.Step()) {
        result.duplicates.push_back(given.uuid);
        continue;
      }
      CaseRecord c = given;
      auto ref = ParseReference(c.reference);
      taken.Reset();
      taken.Bind(1, c.reference);
      bool clash = taken.Step();
      if (clash && ref) {
        // A kiosk number and sequence used twice (an outbox recreated under the same identity):
        // the kiosk's next free sequence, above everything it has sent or had here.
        Reference fresh = *ref;
        fresh.sequence = std::max<std::uint64_t>(HighestSequence(c.kiosk), ref->sequence) + 1;
        for (;; ++fresh.sequence) {
          taken.Reset();
          taken.Bind(1, FormatReference(fresh));
          if (!taken.Step()) break;
        }
        c.reference = FormatReference(fresh);
        c.receipt_references.push_back(given.reference);
        c.flags.push_back("the receipt says " + given.reference + ", which another case already had; stored as " +
                          c.reference + " (the receipt's reference and tracking code still open it)");
        ++result.rereferenced;
      } else if (clash) {
        throw StorageError("submission " + c.uuid + ": reference " + c.reference + " is already used by another case");
      }
      insert.Reset();
      insert.Bind(1, c.uuid).Bind(2, c.reference).Bind(3, std::int64_t{c.kiosk}).Bind(4, ToString(c.kind));
      insert.Bind(5, c.policy_id).Bind(6, c.service_id).Bind(7, nlohmann::json(c.categories).dump());
      insert.Bind(8, c.submitted_at).Bind(9, c.received_at).Bind(10, std::int64_t{c.anonymous ? 1 : 0});
      insert.Bind(11, c.clear_json).BindBlob(12, c.sealed.data(), c.sealed.size()).Bind(13, c.tracking_hash);
      insert.Bind(14, ToString(c.via)).Bind(15, ToString(c.state)).Bind(16, ColumnText(c.outcome));
      insert.Bind(17, ColumnText(c.closed_at));
      insert.Bind(18, c.latest_reply).Bind(19, c.deadline_note).Bind(20, nlohmann::json(c.flags).dump());
      insert.Bind(21, std::int64_t{c.urgent ? 1 : 0}).Bind(22, ColumnText(c.withdraw_requested));
      insert.Step();
      InsertStages(stage, c);   // a new case has no stages yet: no delete needed
      for (const std::string& r : c.receipt_references) {
        alias.Reset();
        alias.Bind(1, r).Bind(2, c.uuid);
        alias.Step();
      }
      if (auto stored = ParseReference(c.reference)) RaiseHighestSequence(*db_, c.kiosk, stored->sequence);
      if (clash) Audit("register", "new-reference", c.reference, "the receipt's reference " + given.reference + " was taken");
      result.accepted.push_back(c.uuid);
    }
  });
  return result;
}

void SqliteRegisterStorage::WriteStages(const CaseRecord& c) {
  Stmt del(*db_, "DELETE FROM stages WHERE case_uuid = ?");
  del.Bind(1, c.uuid);
  del.Step();
  Stmt ins(*db_, kInsertStage);
  InsertStages(ins, c);
}

std::vector<StageRecord> SqliteRegisterStorage::ReadStages(const std::string& uuid) {
  Stmt s(*db_, kSelectStages);
  return StagesWith(s, uuid);
}

CaseRecord SqliteRegisterStorage::Complete(CaseRecord c) {
  Stmt stages(*db_, kSelectStages);
  Stmt receipts(*db_, kSelectReceipts);
  CompleteWith(c, stages, receipts);
  return c;
}

std::optional<CaseRecord> SqliteRegisterStorage::FindCase(const std::string& reference) {
  Stmt s(*db_, (std::string("SELECT ") + kCaseColumns + " FROM cases WHERE reference = ?").c_str());
  s.Bind(1, reference);
  if (!s.Step()) return std::nullopt;
  return Complete(CaseFrom(s));
}

std::vector<CaseRecord> SqliteRegisterStorage::FindCasesForReceipt(const std::string& reference) {
  Stmt s(*db_, (std::string("SELECT ") + kCaseColumns +
               " FROM cases WHERE reference = ?1 OR uuid IN (SELECT case_uuid FROM receipt_references WHERE "
               "reference = ?1) ORDER BY received_at, rowid")
                  .c_str());
  s.Bind(1, reference);
  std::vector<CaseRecord> out;
  while (s.Step()) out.push_back(Complete(CaseFrom(s)));
  return out;
}

std::vector<CaseRecord> SqliteRegisterStorage::Cases(const CaseFilter& f) {
  std::string sql = std::string("SELECT ") + kCaseColumns +
                    " FROM cases WHERE (?1 = '' OR kind = ?1) AND (?2 = 0 OR state <> ?6)"
                    " AND (?3 = '' OR substr(submitted_at, 1, 10) >= ?3) AND (?4 = '' OR substr(submitted_at, 1, 10) <= ?4)"
                    " AND (?5 = 0 OR urgent <> 0)"
                    " ORDER BY urgent DESC, submitted_at, reference";
  Stmt s(*db_, sql.c_str());
  s.Bind(1, ColumnText(f.kind)).Bind(2, std::int64_t{f.open_only ? 1 : 0});
  s.Bind(3, ColumnText(f.submitted_from)).Bind(4, ColumnText(f.submitted_to));
  s.Bind(5, std::int64_t{f.urgent_only ? 1 : 0}).Bind(6, ToString(CaseState::kClosed));
  std::vector<CaseRecord> out;
  Stmt stages(*db_, kSelectStages);
  Stmt receipts(*db_, kSelectReceipts);
  while (s.Step()) {
    CaseRecord c = CaseFrom(s);
    CompleteWith(c, stages, receipts);
    if (!f.stage.empty() && (c.stages.empty() || c.stages.back().stage_id != f.stage)) continue;
    out.push_back(std::move(c));
  }
  return out;
}

// The open cases in scope with their current stage's unmet dates, in the queue's order.
constexpr const char* kQueueSql = R"sql(
WITH current AS (
  SELECT c.reference, c.kind, c.policy_id, c.service_id, c.state, c.submitted_at, c.deadline_note, c.urgent,
         c.flags <> '[]' AS flagged, c.help_to_write AS help,
         coalesce(s.stage_id, '') AS stage_id,
         CASE WHEN s.acknowledged_at = '' THEN s.acknowledge_due ELSE '' END AS ack_due,
         CASE WHEN s.responded_at = '' THEN (CASE WHEN s.extended_to <> '' THEN s.extended_to ELSE s.respond_due END)
              ELSE '' END AS answer_due
  FROM cases c LEFT JOIN stages s
    ON s.case_uuid = c.uuid AND s.seq = (SELECT max(seq) FROM stages WHERE case_uuid = c.uuid)
  WHERE c.state <> ?9 AND (?1 = '' OR c.policy_id = ?1) AND (?2 = '' OR c.service_id = ?2)),
ranked AS (
  SELECT *, CASE WHEN urgent <> 0 THEN 0 WHEN help <> 0 THEN 1 ELSE 2 END AS rank,
         CASE WHEN coalesce(ack_due, '') <> '' AND (coalesce(answer_due, '') = '' OR ack_due <= answer_due) THEN ack_due
              ELSE coalesce(answer_due, '') END AS next_due
  FROM current
  WHERE (?3 = '' OR policy_id = ?3) AND (?4 = '' OR service_id = ?4) AND (?5 = '' OR kind = ?5)
    AND (?6 = '' OR stage_id = ?6))
SELECT reference, kind, policy_id, service_id, stage_id, state, submitted_at, deadline_note, next_due,
       next_due <> '' AND next_due = coalesce(ack_due, ''),
       urgent, help, flagged, count(*) OVER ()
FROM ranked ORDER BY rank, next_due = '', next_due, reference LIMIT ?7 OFFSET ?8
)sql";

QueuePage SqliteRegisterStorage::OpenQueue(const QueueQuery& q) {
  QueuePage page;
  Stmt s(*db_, kQueueSql);
  s.Bind(1, q.scope_policy).Bind(2, q.scope_service).Bind(3, q.policy).Bind(4, q.service).Bind(5, ColumnText(q.kind));
  s.Bind(6, q.stage).Bind(7, static_cast<std::int64_t>(q.limit)).Bind(8, static_cast<std::int64_t>(q.offset));
  s.Bind(9, ToString(CaseState::kClosed));
  while (s.Step()) {
    QueueEntry e;
    e.reference = s.Text(0);
    e.kind = EnumColumn(s.Text(1), kKindNames, "cases.kind");
    e.policy_id = s.Text(2);
    e.service_id = s.Text(3);
    e.stage_id = s.Text(4);
    e.state = EnumColumn(s.Text(5), kCaseStateNames, "cases.state");
    e.submitted_at = s.Text(6);
    e.deadline_note = s.Text(7);
    e.next_due = DateColumn(s.Text(8), "stages.acknowledge_due or respond_due");
    e.what_due = !e.next_due ? DueNext::kNothing : s.Int(9) != 0 ? DueNext::kAcknowledge : DueNext::kAnswer;
    e.urgent = s.Int(10) != 0;
    e.help_to_write = s.Int(11) != 0;
    e.flagged = s.Int(12) != 0;
    page.total = static_cast<std::size_t>(s.Int(13));
    page.entries.push_back(std::move(e));
  }
  if (page.entries.empty() && q.offset > 0) {   // past the last page: still say how many there are
    QueueQuery first = q;
    first.offset = 0;
    first.limit = 1;
    page.total = OpenQueue(first).total;
  }
  Stmt o(*db_, "SELECT DISTINCT c.policy_id, c.service_id, c.kind, coalesce(s.stage_id, '') FROM cases c LEFT JOIN "
              "stages s ON s.case_uuid = c.uuid AND s.seq = (SELECT max(seq) FROM stages WHERE case_uuid = c.uuid) "
              "WHERE c.state <> ?3 AND (?1 = '' OR c.policy_id = ?1) AND (?2 = '' OR c.service_id = ?2)");
  o.Bind(1, q.scope_policy).Bind(2, q.scope_service).Bind(3, ToString(CaseState::kClosed));
  std::set<std::string> policies, services, kinds, stages;
  while (o.Step()) {
    policies.insert(o.Text(0));
    if (!o.Text(1).empty()) services.insert(o.Text(1));
    kinds.insert(o.Text(2));
    if (!o.Text(3).empty()) stages.insert(o.Text(3));
  }
  page.policies.assign(policies.begin(), policies.end());
  page.services.assign(services.begin(), services.end());
  page.stages.assign(stages.begin(), stages.end());
  for (const std::string& k : kinds) page.kinds.push_back(EnumColumn(k, kKindNames, "cases.kind"));
  return page;
}

void SqliteRegisterStorage::UpdateCase(const CaseRecord& c) {
  Transaction([&] {
    Stmt s(*db_, "UPDATE cases SET state = ?, outcome = ?, closed_at = ?, latest_reply = ?, deadline_note = ?, "
                "flags = ?, withdraw_requested = ? WHERE uuid = ?");
    s.Bind(1, ToString(c.state)).Bind(2, ColumnText(c.outcome)).Bind(3, ColumnText(c.closed_at));
    s.Bind(4, c.latest_reply).Bind(5, c.deadline_note);
    s.Bind(6, nlohmann::json(c.flags).dump()).Bind(7, ColumnText(c.withdraw_requested)).Bind(8, c.uuid);
    s.Step();
    if (db_->Changes() != 1) throw StorageError("no case with uuid " + c.uuid);
    WriteStages(c);
  });
}

void SqliteRegisterStorage::DeleteCase(const std::string& uuid) {
  Transaction([&] {
    Stmt tomb(*db_, "INSERT OR IGNORE INTO tombstones(uuid, reference, purged_at) SELECT uuid, reference, ? FROM cases "
                   "WHERE uuid = ?");
    tomb.Bind(1, IsoNow()).Bind(2, uuid);
    tomb.Step();
    Stmt s(*db_, "DELETE FROM cases WHERE uuid = ?");
    s.Bind(1, uuid);
    s.Step();
  });
}

std::int64_t SqliteRegisterStorage::CaseCount() {
  Stmt s(*db_, "SELECT count(*) FROM cases");
  s.Step();
  return s.Int(0);
}

bool SqliteRegisterStorage::RecordRequest(const std::string& request_id, const std::string& case_uuid,
                                          const std::string& action, const std::vector<unsigned char>& sealed_text,
                                          const std::string& at) {
  Stmt s(*db_, "INSERT OR IGNORE INTO requests(request_id, case_uuid, action, sealed_text, at) VALUES (?,?,?,?,?)");
  s.Bind(1, request_id).Bind(2, case_uuid).Bind(3, action);
  if (!sealed_text.empty()) s.BindBlob(4, sealed_text.data(), sealed_text.size());
  s.Bind(5, at);
  s.Step();
  return db_->Changes() == 1;
}

std::vector<RequestRecord> SqliteRegisterStorage::Requests(const std::string& case_uuid) {
  Stmt s(*db_, "SELECT request_id, action, at, sealed_text FROM requests WHERE case_uuid = ? ORDER BY at, rowid");
  s.Bind(1, case_uuid);
  std::vector<RequestRecord> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Blob(3)});
  return out;
}

bool SqliteRegisterStorage::RecordBundle(const std::string& body_sha256, int kiosk, std::int64_t items,
                                         const std::string& at) {
  Stmt s(*db_, "INSERT OR IGNORE INTO bundles(body_sha256, kiosk, items, at) VALUES (?,?,?,?)");
  s.Bind(1, body_sha256).Bind(2, std::int64_t{kiosk}).Bind(3, items).Bind(4, at);
  s.Step();
  return db_->Changes() == 1;
}

void SqliteRegisterStorage::Audit(const std::string& actor, const std::string& action, const std::string& reference,
                                  const std::string& detail) {
  Stmt s(*db_, "INSERT INTO audit(at, actor, action, reference, detail) VALUES (?,?,?,?,?)");
  s.Bind(1, IsoNow()).Bind(2, actor).Bind(3, action).Bind(4, reference).Bind(5, detail);
  s.Step();
}

std::vector<AuditEntry> SqliteRegisterStorage::AuditLog(const std::string& reference) {
  Stmt s(*db_, "SELECT id, at, actor, action, reference, detail FROM audit WHERE (?1 = '' OR reference = ?1) ORDER BY id");
  s.Bind(1, reference);
  std::vector<AuditEntry> out;
  while (s.Step()) out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)});
  return out;
}

}  // namespace tellus::reg
