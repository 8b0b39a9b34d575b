#include "sync/register/postgres_storage.h"

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/reference.h"
#include "core/seal.h"
#include "sync/register/record_columns.h"

namespace tellus::reg {

namespace {

// One row of a PgResult, as record_columns.h reads rows.
struct PgRow {
  const PgResult& r;
  int row;
  std::string Text(int col) const { return r.Text(row, col); }
  std::int64_t Int(int col) const { return r.Int(row, col); }
  std::vector<unsigned char> Blob(int col) const { return r.Bytes(row, col); }
};

std::vector<PgParam> CaseParams(const CaseRecord& c) {
  return {c.uuid,
          c.reference,
          c.kiosk,
          ToString(c.kind),
          c.policy_id,
          c.service_id,
          nlohmann::json(c.categories).dump(),
          c.submitted_at,
          c.received_at,
          c.anonymous ? 1 : 0,
          c.clear_json,
          c.sealed,
          c.tracking_hash,
          ToString(c.via),
          ToString(c.state),
          ColumnText(c.outcome),
          ColumnText(c.closed_at),
          c.latest_reply,
          c.deadline_note,
          nlohmann::json(c.flags).dump(),
          c.urgent ? 1 : 0,
          ColumnText(c.withdraw_requested)};
}

}  // namespace

std::unique_ptr<PostgresRegisterStorage> PostgresRegisterStorage::Open(const std::string& url, bool create) {
  std::unique_ptr<PostgresRegisterStorage> storage(new PostgresRegisterStorage(PgConnection::Connect(url)));
  PgConnection& db = *storage->db_;
  bool held = !db.Exec("SELECT to_regclass('tellus_schema') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_tables "
                       "WHERE tablename = 'kiosks' AND schemaname = current_schema())")
                   .Text(0, 0)
                   .starts_with("f");
  if (create && held) throw StorageError(db.name() + ": already holds a register; a register is initialised only once");
  if (!create && !held) {
    throw StorageError(db.name() + ": no register in this database (run `tellus-register init --db URL` first)");
  }
  if (held) {
    int version = static_cast<int>(db.Exec("SELECT coalesce(max(version), 0) FROM tellus_schema").Int(0, 0));
    int newest = PostgresMigrations().back().version;
    if (version > newest) {
      throw StorageError(db.name() + ": schema version " + std::to_string(version) + " is newer than this program's " +
                         std::to_string(newest));
    }
  }
  MigratePostgres(db);
  return storage;
}

void PostgresRegisterStorage::Transaction(const std::function<void()>& work) {
  if (depth_ > 0) {
    work();
    return;
  }
  for (int attempt = 1;; ++attempt) {
    db_->Begin();
    ++depth_;
    try {
      work();
      depth_ = 0;
      db_->Commit();
      return;
    } catch (const PgError& e) {
      depth_ = 0;
      db_->Rollback();
      if (!e.Retryable() || attempt == 5) throw;   // another process won a race: do it all again
    } catch (...) {
      depth_ = 0;
      db_->Rollback();
      throw;
    }
  }
}

int PostgresRegisterStorage::AllocateKioskNumber() {
  int number = 0;
  Transaction([&] {
    // Held to the end of the caller's transaction: two enrolments never take the same number.
    db_->Exec("SELECT pg_advisory_xact_lock(7346853)");
    std::int64_t next = db_->Exec("SELECT coalesce(max(number), 0) + 1 FROM kiosks").Int(0, 0);
    if (next > 32767) throw StorageError(db_->name() + ": all 32767 kiosk numbers are in use");
    number = static_cast<int>(next);
  });
  return number;
}

void PostgresRegisterStorage::AddKiosk(const KioskRecord& k) {
  std::vector<unsigned char> key(k.sign_public_key.begin(), k.sign_public_key.end());
  db_->Exec("INSERT INTO kiosks(number, name, policy, sign_public_key, enrolled_at) VALUES ($1,$2,$3,$4,$5)",
            {k.number, k.name, k.policy, key, ToIsoUtc(k.enrolled_at)});
}

std::optional<KioskRecord> PostgresRegisterStorage::FindKiosk(int number) {
  PgResult r = db_->Exec(std::string("SELECT ") + kKioskColumns + " FROM kiosks WHERE number = $1", {number});
  if (r.rows() == 0) return std::nullopt;
  return KioskFromColumns(PgRow{r, 0});
}

std::vector<KioskRecord> PostgresRegisterStorage::Kiosks() {
  PgResult r = db_->Exec(std::string("SELECT ") + kKioskColumns + " FROM kiosks ORDER BY number");
  std::vector<KioskRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(KioskFromColumns(PgRow{r, i}));
  return out;
}

bool PostgresRegisterStorage::RevokeKiosk(int number, UtcTime at) {
  return db_->Exec("UPDATE kiosks SET revoked_at = $1 WHERE number = $2 AND revoked_at = ''", {ToIsoUtc(at), number})
             .affected() == 1;
}

std::string PostgresRegisterStorage::BindKioskPolicy(int number, const std::string& policy) {
  PgResult r = db_->Exec("UPDATE kiosks SET policy = CASE WHEN policy = '' THEN $1 ELSE policy END WHERE number = $2 "
                         "RETURNING policy",
                         {policy, number});
  return r.rows() == 1 ? r.Text(0, 0) : policy;
}

std::uint64_t PostgresRegisterStorage::HighestSequence(int number) {
  PgResult r = db_->Exec("SELECT highest_sequence FROM kiosks WHERE number = $1", {number});
  return r.rows() == 1 ? static_cast<std::uint64_t>(r.Int(0, 0)) : 0;
}

void PostgresRegisterStorage::NoteKioskContact(int number, UtcTime at, std::int64_t waiting,
                                               std::optional<std::int64_t> lag_seconds) {
  db_->Exec("UPDATE kiosks SET last_contact = $1, waiting = $2, last_lag_seconds = coalesce($3::bigint, "
            "last_lag_seconds) WHERE number = $4",
            {ToIsoUtc(at), waiting, lag_seconds ? PgParam(*lag_seconds) : PgParam::Null(), number});
}

void PostgresRegisterStorage::RaiseHighestSequence(int kiosk, std::uint64_t sequence) {
  db_->Exec("UPDATE kiosks SET highest_sequence = greatest(highest_sequence, $1::bigint) WHERE number = $2",
            {static_cast<std::int64_t>(sequence), kiosk});
}

bool PostgresRegisterStorage::InsertCase(const CaseRecord& c) {
  PgResult r = db_->Exec(std::string("INSERT INTO cases(") + kCaseColumns +
                             ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22) "
                             "ON CONFLICT (reference) DO NOTHING",
                         CaseParams(c));
  return r.affected() == 1;
}

namespace {

// One statement stores a whole batch: the submissions gate, then the cases whose uuid
// passed it; a reference another case holds leaves its case out (a clash, handled below).
// One row per input item: its position, whether its uuid was new, whether it was stored.
constexpr const char* kIngestBatch = R"sql(
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    i integer, uuid text, reference text, kiosk integer, kind text, policy_id text, service_id text, categories text,
    submitted_at text, received_at text, anonymous integer, clear_json text, sealed text, tracking_hash text, via text,
    state text, outcome text, closed_at text, latest_reply text, deadline_note text, flags text, urgent integer,
    withdraw_requested text)),
gate AS (INSERT INTO submissions(uuid) SELECT uuid FROM input ORDER BY i ON CONFLICT DO NOTHING RETURNING uuid),
stored AS (
  INSERT INTO cases(uuid, reference, kiosk, kind, policy_id, service_id, categories, submitted_at, received_at,
                    anonymous, clear_json, sealed, tracking_hash, via, state, outcome, closed_at, latest_reply,
                    deadline_note, flags, urgent, withdraw_requested)
  SELECT uuid, reference, kiosk, kind, policy_id, service_id, categories, submitted_at, received_at, anonymous,
         clear_json, decode(sealed, 'base64'), tracking_hash, via, state, outcome, closed_at, latest_reply,
         deadline_note, flags, urgent, withdraw_requested
  FROM input WHERE uuid IN (SELECT uuid FROM gate) ORDER BY i
  ON CONFLICT (reference) DO NOTHING RETURNING uuid)
SELECT i, uuid IN (SELECT uuid FROM gate), uuid IN (SELECT uuid FROM stored) FROM input ORDER BY i
)sql";

nlohmann::json CaseJson(const CaseRecord& c, std::size_t i) {
  return {{"i", i},
          {"uuid", c.uuid},
          {"reference", c.reference},
          {"kiosk", c.kiosk},
          {"kind", ToString(c.kind)},
          {"policy_id", c.policy_id},
          {"service_id", c.service_id},
          {"categories", nlohmann::json(c.categories).dump()},
          {"submitted_at", c.submitted_at},
          {"received_at", c.received_at},
          {"anonymous", c.anonymous ? 1 : 0},
          {"clear_json", c.clear_json},
          {"sealed", ToBase64(c.sealed)},
          {"tracking_hash", c.tracking_hash},
          {"via", ToString(c.via)},
          {"state", ToString(c.state)},
          {"outcome", ColumnText(c.outcome)},
          {"closed_at", ColumnText(c.closed_at)},
          {"latest_reply", c.latest_reply},
          {"deadline_note", c.deadline_note},
          {"flags", nlohmann::json(c.flags).dump()},
          {"urgent", c.urgent ? 1 : 0},
          {"withdraw_requested", ColumnText(c.withdraw_requested)}};
}

}  // namespace

IngestResult PostgresRegisterStorage::Ingest(const std::vector<CaseRecord>& cases) {
  IngestResult result;
  Transaction([&] {
    result = IngestResult{};   // a retried transaction starts again
    // A kiosk's batches take turns (served by any process): its sequence only ever rises,
    // and two batches never wait on each other's uuids in opposite orders.
    std::set<int> kiosks;
    for (const CaseRecord& c : cases) kiosks.insert(c.kiosk);
    for (int kiosk : kiosks) db_->Exec("SELECT 1 FROM kiosks WHERE number = $1 FOR UPDATE", {kiosk});
    nlohmann::json rows = nlohmann::json::array();
    std::set<std::string> seen;
    std::vector<bool> repeated(cases.size(), false);   // the same uuid twice in one batch: the second is a duplicate
    for (std::size_t i = 0; i < cases.size(); ++i) {
      repeated[i] = !seen.insert(cases[i].uuid).second;
      if (!repeated[i]) rows.push_back(CaseJson(cases[i], i));
    }
    std::vector<char> fresh(cases.size(), 0), stored(cases.size(), 0);
    PgResult r = db_->Exec(kIngestBatch, {rows.dump()});
    for (int row = 0; row < r.rows(); ++row) {
      auto i = static_cast<std::size_t>(r.Int(row, 0));
      fresh[i] = r.Text(row, 1) == "t";
      stored[i] = r.Text(row, 2) == "t";
    }
    std::vector<CaseRecord> clashed;                   // stored below under a new reference
    clashed.reserve(cases.size());                     // `kept` points into it: never reallocated
    std::vector<const CaseRecord*> kept;
    kept.reserve(cases.size());
    std::map<int, std::uint64_t> highest;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const CaseRecord& given = cases[i];
      if (repeated[i] || !fresh[i]) {
        result.duplicates.push_back(given.uuid);   // held now, or ever (a purged case's tombstone keeps it)
        continue;
      }
      if (!stored[i]) {
        auto ref = ParseReference(given.reference);
        if (!ref) {
          throw StorageError("submission " + given.uuid + ": reference " + given.reference +
                             " is already used by another case");
        }
        // A kiosk number and sequence used twice (an outbox recreated under the same identity):
        // the kiosk's next free sequence, above everything it has sent or had here.
        CaseRecord c = given;
        Reference next = *ref;
        next.sequence = std::max<std::uint64_t>(std::max(HighestSequence(c.kiosk), highest[c.kiosk]), ref->sequence);
        c.receipt_references.push_back(given.reference);
        do {
          ++next.sequence;
          c.reference = FormatReference(next);
          c.flags = given.flags;
          c.flags.push_back("the receipt says " + given.reference + ", which another case already had; stored as " +
                            c.reference + " (the receipt's reference and tracking code still open it)");
        } while (!InsertCase(c));
        ++result.rereferenced;
        Audit("register", "new-reference", c.reference, "the receipt's reference " + given.reference + " was taken");
        clashed.push_back(std::move(c));
      }
      const CaseRecord& c = stored[i] ? given : clashed.back();
      if (auto at = ParseReference(c.reference)) highest[c.kiosk] = std::max(highest[c.kiosk], at->sequence);
      kept.push_back(&c);
      result.accepted.push_back(c.uuid);
    }
    WriteNewStages(kept);
    for (const CaseRecord* c : kept) {
      for (const std::string& ref : c->receipt_references) {
        db_->Exec("INSERT INTO receipt_references(reference, case_uuid) VALUES ($1,$2) ON CONFLICT DO NOTHING",
                  {ref, c->uuid});
      }
    }
    for (const auto& [kiosk, sequence] : highest) RaiseHighestSequence(kiosk, sequence);
  });
  return result;
}

void PostgresRegisterStorage::WriteNewStages(const std::vector<const CaseRecord*>& cases) {
  nlohmann::json rows = nlohmann::json::array();
  for (const CaseRecord* c : cases) {
    int seq = 0;
    for (const StageRecord& st : c->stages) {
      rows.push_back({{"case_uuid", c->uuid},
                      {"seq", seq++},
                      {"stage_id", st.stage_id},
                      {"entered_on", ToIso(st.entered_on)},
                      {"acknowledge_due", ColumnText(st.acknowledge_due)},
                      {"acknowledged_at", ColumnText(st.acknowledged_at)},
                      {"respond_due", ColumnText(st.respond_due)},
                      {"responded_at", ColumnText(st.responded_at)},
                      {"left_at", ColumnText(st.left_at)},
                      {"extended_to", ColumnText(st.extended_to)},
                      {"extension_reason", st.extension_reason},
                      {"reply_sent_by", ColumnText(st.reply_sent_by)},
                      {"reply_received_on", ColumnText(st.reply_received_on)}});
    }
  }
  if (rows.empty()) return;
  db_->Exec("INSERT INTO stages(case_uuid, seq, stage_id, entered_on, acknowledge_due, acknowledged_at, respond_due, "
            "responded_at, left_at, extended_to, extension_reason, reply_sent_by, reply_received_on) "
            "SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(case_uuid text, seq integer, stage_id text, "
            "entered_on text, acknowledge_due text, acknowledged_at text, respond_due text, responded_at text, "
            "left_at text, extended_to text, extension_reason text, reply_sent_by text, reply_received_on text)",
            {rows.dump()});
}

void PostgresRegisterStorage::WriteStages(const CaseRecord& c) {
  db_->Exec("DELETE FROM stages WHERE case_uuid = $1", {c.uuid});
  int seq = 0;
  for (const StageRecord& st : c.stages) {
    db_->Exec("INSERT INTO stages(case_uuid, seq, stage_id, entered_on, acknowledge_due, acknowledged_at, respond_due, "
              "responded_at, left_at, extended_to, extension_reason, reply_sent_by, reply_received_on) "
              "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
              {c.uuid, seq++, st.stage_id, ToIso(st.entered_on), ColumnText(st.acknowledge_due),
               ColumnText(st.acknowledged_at), ColumnText(st.respond_due), ColumnText(st.responded_at),
               ColumnText(st.left_at), ColumnText(st.extended_to), st.extension_reason, ColumnText(st.reply_sent_by),
               ColumnText(st.reply_received_on)});
  }
}

CaseRecord PostgresRegisterStorage::Complete(CaseRecord c) {
  PgResult s = db_->Exec(std::string("SELECT ") + kStageColumns + " FROM stages WHERE case_uuid = $1 ORDER BY seq",
                         {c.uuid});
  for (int i = 0; i < s.rows(); ++i) c.stages.push_back(StageFromColumns(PgRow{s, i}));
  PgResult r = db_->Exec("SELECT reference FROM receipt_references WHERE case_uuid = $1 ORDER BY reference", {c.uuid});
  for (int i = 0; i < r.rows(); ++i) c.receipt_references.push_back(r.Text(i, 0));
  return c;
}

std::vector<CaseRecord> PostgresRegisterStorage::CasesFrom(const PgResult& rows) {
  std::vector<CaseRecord> out;
  out.reserve(static_cast<std::size_t>(rows.rows()));
  if (rows.rows() == 1) {
    out.push_back(Complete(CaseFromColumns(PgRow{rows, 0})));
    return out;
  }
  // Stages and receipt references of every listed case in two statements, not two per case.
  std::map<std::string, std::size_t> at;
  nlohmann::json uuids = nlohmann::json::array();
  for (int i = 0; i < rows.rows(); ++i) {
    out.push_back(CaseFromColumns(PgRow{rows, i}));
    at[out.back().uuid] = out.size() - 1;
    uuids.push_back(out.back().uuid);
  }
  if (out.empty()) return out;
  std::string list = uuids.dump();
  PgResult s = db_->Exec(std::string("SELECT case_uuid, ") + kStageColumns +
                             " FROM stages WHERE case_uuid IN (SELECT jsonb_array_elements_text($1::jsonb)) "
                             "ORDER BY case_uuid, seq",
                         {list});
  for (int i = 0; i < s.rows(); ++i) out[at[s.Text(i, 0)]].stages.push_back(StageFromColumns(PgRow{s, i}, 1));
  PgResult r = db_->Exec("SELECT case_uuid, reference FROM receipt_references WHERE case_uuid IN "
                         "(SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY case_uuid, reference",
                         {list});
  for (int i = 0; i < r.rows(); ++i) out[at[r.Text(i, 0)]].receipt_references.push_back(r.Text(i, 1));
  return out;
}

std::optional<CaseRecord> PostgresRegisterStorage::FindCase(const std::string& reference) {
  // Inside a transaction the case is read to be changed: lock its row until the commit, so
  // an action from another process waits for this one and then sees its result.
  PgResult r = db_->Exec(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE reference = $1" +
                             (depth_ > 0 ? " FOR UPDATE" : ""),
                         {reference});
  if (r.rows() == 0) return std::nullopt;
  return Complete(CaseFromColumns(PgRow{r, 0}));
}

std::vector<CaseRecord> PostgresRegisterStorage::FindCasesForReceipt(const std::string& reference) {
  PgResult r = db_->Exec(std::string("SELECT ") + kCaseColumns +
                             " FROM cases WHERE reference = $1 OR uuid IN (SELECT case_uuid FROM receipt_references "
                             "WHERE reference = $1) ORDER BY received_at, id" +
                             (depth_ > 0 ? " FOR UPDATE" : ""),
                         {reference});
  return CasesFrom(r);
}

std::vector<CaseRecord> PostgresRegisterStorage::Cases(const CaseFilter& f) {
  PgResult r = db_->Exec(
      std::string("SELECT ") + kCaseColumns +
          " FROM cases WHERE ($1::text = '' OR kind = $1) AND ($2::integer = 0 OR state <> $6)"
          " AND ($3::text = '' OR substr(submitted_at, 1, 10) >= $3) AND ($4::text = '' OR substr(submitted_at, 1, 10) <= $4)"
          " AND ($5::integer = 0 OR urgent <> 0)"
          " ORDER BY urgent DESC, submitted_at, reference",
      {ColumnText(f.kind), f.open_only ? 1 : 0, ColumnText(f.submitted_from), ColumnText(f.submitted_to),
       f.urgent_only ? 1 : 0, ToString(CaseState::kClosed)});
  std::vector<CaseRecord> out;
  for (CaseRecord& c : CasesFrom(r)) {
    if (!f.stage.empty() && (c.stages.empty() || c.stages.back().stage_id != f.stage)) continue;
    out.push_back(std::move(c));
  }
  return out;
}

void PostgresRegisterStorage::UpdateCase(const CaseRecord& c) {
  Transaction([&] {
    PgResult r = db_->Exec("UPDATE cases SET state = $1, outcome = $2, closed_at = $3, latest_reply = $4, "
                           "deadline_note = $5, flags = $6, withdraw_requested = $7 WHERE uuid = $8",
                           {ToString(c.state), ColumnText(c.outcome), ColumnText(c.closed_at), c.latest_reply,
                            c.deadline_note, nlohmann::json(c.flags).dump(), ColumnText(c.withdraw_requested),
                            c.uuid});
    if (r.affected() != 1) throw StorageError("no case with uuid " + c.uuid);
    WriteStages(c);
  });
}

void PostgresRegisterStorage::DeleteCase(const std::string& uuid) {
  Transaction([&] {
    db_->Exec("INSERT INTO tombstones(uuid, reference, purged_at) SELECT uuid, reference, $1 FROM cases WHERE uuid = $2 "
              "ON CONFLICT DO NOTHING",
              {IsoNow(), uuid});
    db_->Exec("DELETE FROM cases WHERE uuid = $1", {uuid});   // the uuid stays in submissions: never stored again
  });
}

std::int64_t PostgresRegisterStorage::CaseCount() {
  return db_->Exec("SELECT count(*) FROM cases").Int(0, 0);
}

bool PostgresRegisterStorage::RecordRequest(const std::string& request_id, const std::string& case_uuid,
                                            const std::string& action, const std::vector<unsigned char>& sealed_text,
                                            const std::string& at) {
  return db_->Exec("INSERT INTO requests(request_id, case_uuid, action, sealed_text, at) VALUES ($1,$2,$3,$4,$5) "
                   "ON CONFLICT DO NOTHING",
                   {request_id, case_uuid, action, sealed_text.empty() ? PgParam::Null() : PgParam(sealed_text), at})
             .affected() == 1;
}

std::vector<RequestRecord> PostgresRegisterStorage::Requests(const std::string& case_uuid) {
  PgResult r = db_->Exec("SELECT request_id, action, at, sealed_text FROM requests WHERE case_uuid = $1 ORDER BY at, id",
                         {case_uuid});
  std::vector<RequestRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), r.Bytes(i, 3)});
  return out;
}

bool PostgresRegisterStorage::RecordBundle(const std::string& body_sha256, int kiosk, std::int64_t items,
                                           const std::string& at) {
  return db_->Exec("INSERT INTO bundles(body_sha256, kiosk, items, at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING",
                   {body_sha256, kiosk, items, at})
             .affected() == 1;
}

void PostgresRegisterStorage::Audit(const std::string& actor, const std::string& action, const std::string& reference,
                                    const std::string& detail) {
  db_->Exec("INSERT INTO audit(at, actor, action, reference, detail) VALUES ($1,$2,$3,$4,$5)",
            {IsoNow(), actor, action, reference, detail});
}

std::vector<AuditEntry> PostgresRegisterStorage::AuditLog(const std::string& reference) {
  PgResult r = db_->Exec("SELECT id, at, actor, action, reference, detail FROM audit WHERE ($1::text = '' OR reference = "
                         "$1) ORDER BY id",
                         {reference});
  std::vector<AuditEntry> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3), r.Text(i, 4), r.Text(i, 5)});
  }
  return out;
}

bool PostgresRegisterStorage::RememberNonce(int kiosk, const std::string& nonce, std::int64_t now, std::int64_t since) {
  if (++calls_ % 1000 == 0) db_->Exec("DELETE FROM nonces WHERE at <= $1", {since});
  // New, or seen only before the window (refused as stale anyway, as the in-memory cache forgets it).
  return db_->Exec("INSERT INTO nonces(kiosk, nonce, at) VALUES ($1,$2,$3) ON CONFLICT (kiosk, nonce) DO UPDATE "
                   "SET at = EXCLUDED.at WHERE nonces.at <= $4",
                   {kiosk, nonce, now, since})
             .affected() == 1;
}

std::int64_t PostgresRegisterStorage::TallyEvents(const std::string& key, std::int64_t since, std::int64_t now,
                                                  std::int64_t add, std::int64_t cap) {
  std::int64_t count = 0;
  Transaction([&] {
    db_->Exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 7346854))", {key});   // check and count as one
    db_->Exec("DELETE FROM rate_events WHERE key = $1 AND at <= $2", {key, since});
    count = db_->Exec("SELECT coalesce(sum(n), 0) FROM rate_events WHERE key = $1", {key}).Int(0, 0);
    if (add > 0 && count <= cap - add) db_->Exec("INSERT INTO rate_events(key, at, n) VALUES ($1,$2,$3)", {key, now, add});
  });
  if (++calls_ % 1000 == 0) db_->Exec("DELETE FROM rate_events WHERE at <= $1", {now - 86400});   // keys gone quiet
  return count;
}

}  // namespace tellus::reg
