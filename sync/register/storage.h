#pragma once
// What the register keeps, behind an interface a second engine (PostgreSQL, say)
// could implement: kiosks, cases with their stage history, kiosk requests, imported
// bundles and the staff audit log. SqliteRegisterStorage (sqlite_storage.h) is the
// default; PostgresRegisterStorage (postgres_storage.h) serves several processes at once.
// OpenRegisterStorage (open_storage.h) picks one by --db. Implementations need not be
// thread-safe; the server serialises calls.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case_lifecycle.h"
#include "core/date.h"

namespace tellus::reg {

struct StorageError : std::runtime_error { using std::runtime_error::runtime_error; };

struct KioskRecord {
  int number = 0;
  std::string name;
  std::string policy;
  std::array<unsigned char, 32> sign_public_key{};
  UtcTime enrolled_at{};
  std::optional<UtcTime> last_contact;             // nullopt until the first signed request
  std::int64_t waiting = 0;                        // outbox count the kiosk last reported
  std::int64_t last_lag_seconds = 0;               // newest arrival: received - submitted
  std::optional<UtcTime> revoked_at;               // set: its key is no longer accepted
};

// One stage a case went through (core/case_lifecycle.h); nullopt: not set (yet).
struct StageRecord {
  std::string stage_id;                            // empty for compliments and comments
  Date entered_on{};                               // the date the clock started
  std::optional<Date> acknowledge_due;
  std::optional<UtcTime> acknowledged_at;
  std::optional<Date> respond_due;
  std::optional<UtcTime> responded_at;
  std::optional<UtcTime> left_at;                  // when it ended (escalated or closed)
  std::optional<Date> extended_to{};               // staff gave a new answer date (replaces respond_due)
  std::string extension_reason{};                  // why, shown to the person as written
  std::optional<ReplyChannel> reply_sent_by{};     // nullopt: not recorded
  std::optional<Date> reply_received_on{};         // the day the person had the reply: windows count from it
};

struct CaseRecord {
  std::string uuid;
  std::string reference;
  int kiosk = 0;
  CaseKind kind = CaseKind::kComplaint;
  std::string policy_id;
  std::string service_id;
  std::vector<std::string> categories;
  // As the clear part has them: an ISO 8601 UTC time, or for an anonymous case the day
  // only (YYYY-MM-DD: a time could identify the person), so kept as that text.
  std::string submitted_at;                        // when Send was pressed at the kiosk
  std::string received_at;                         // when the register stored it
  bool anonymous = true;
  std::string clear_json;                          // the clear part as the kiosk sent it
  std::vector<unsigned char> sealed;
  std::string tracking_hash;                       // Argon2id, made on the kiosk
  Via via = Via::kNetwork;
  CaseState state = CaseState::kReceived;
  std::optional<Outcome> outcome;                  // set while closed
  std::optional<UtcTime> closed_at;
  std::string latest_reply;
  std::string deadline_note;                       // why deadlines could not be computed, if so
  std::vector<std::string> flags;                  // what staff must check (admission.h), plain sentences
  std::vector<std::string> receipt_references;     // references on the person's receipt other than `reference`
  bool urgent = false;                             // safeguarding: someone may be hurt or in danger
  std::optional<UtcTime> withdraw_requested;       // when the person asked to stop (policy may continue)
  std::vector<StageRecord> stages;                 // oldest first; back() is the current one
};

struct CaseFilter {
  std::string stage;                               // empty: any
  std::optional<CaseKind> kind;                    // nullopt: any
  bool open_only = false;
  bool urgent_only = false;
  std::optional<Date> submitted_from;              // inclusive, nullopt: unbounded
  std::optional<Date> submitted_to;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at, actor, action, reference, detail;
};

struct RequestRecord {
  std::string request_id, action, at;
  std::vector<unsigned char> sealed_text;          // empty when the person wrote nothing
};

// The staff queue: open cases, urgent first, then those who asked for help to write, then
// by the next date something is due (an unmet acknowledgement or answer of the current
// stage; none: last), a page at a time. Scope (a handler's policy/service) and filters
// narrow it; empty means any.
struct QueueQuery {
  std::string scope_policy{}, scope_service{};
  std::string policy{}, service{}, stage{};
  std::optional<CaseKind> kind{};
  std::size_t offset = 0, limit = 50;
};
enum class DueNext { kNothing, kAcknowledge, kAnswer };   // what the next due date is for
struct QueueEntry {
  std::string reference;
  CaseKind kind = CaseKind::kComplaint;
  std::string policy_id, service_id, stage_id;
  CaseState state = CaseState::kReceived;
  std::string submitted_at, deadline_note;
  std::optional<Date> next_due;
  DueNext what_due = DueNext::kNothing;
  bool urgent = false, help_to_write = false, flagged = false;
};
struct QueuePage {
  std::vector<QueueEntry> entries;                 // this page, in queue order
  std::size_t total = 0;                           // matching cases on every page
  std::vector<std::string> policies, services, stages;   // what the scope holds, for the filters (sorted)
  std::vector<CaseKind> kinds;
};
// The queue worked out from full records: RegisterStorage's default, and the reference an
// engine's own query must agree with (case_queue.cpp).
QueuePage QueueFromCases(const std::vector<CaseRecord>& open_cases, const QueueQuery& query);

struct IngestResult {
  std::vector<std::string> accepted;
  std::vector<std::string> duplicates;             // already held, or held once and purged (never stored again)
  std::int64_t rereferenced = 0;                   // stored under a new reference after a clash
};

class RegisterStorage {
 public:
  virtual ~RegisterStorage() = default;

  virtual int AllocateKioskNumber() = 0;           // next unused, from 1
  virtual void AddKiosk(const KioskRecord& kiosk) = 0;
  virtual std::optional<KioskRecord> FindKiosk(int number) = 0;
  virtual std::vector<KioskRecord> Kiosks() = 0;
  virtual bool RevokeKiosk(int number, UtcTime at) = 0;   // false if unknown or already revoked
  // For a kiosk enrolled without a policy: binds `policy` unless one is bound; returns the bound one.
  virtual std::string BindKioskPolicy(int number, const std::string& policy) = 0;
  // The highest reference sequence the register holds or held for a kiosk (0: none); the
  // kiosk's next references start above it (SubmitAck::next_sequence).
  virtual std::uint64_t HighestSequence(int number) = 0;
  virtual void NoteKioskContact(int number, UtcTime at, std::int64_t waiting,
                                std::optional<std::int64_t> lag_seconds) = 0;

  // All or nothing, durable on return. A case whose uuid is already held, or was purged
  // (a tombstone), is reported as a duplicate and left untouched. A case whose reference
  // another case holds (an outbox recreated under the same identity) is stored under the
  // kiosk's next free reference, flagged, audited, and keeps its receipt's reference in
  // receipt_references: nothing is refused for a clash.
  virtual IngestResult Ingest(const std::vector<CaseRecord>& cases) = 0;
  virtual std::optional<CaseRecord> FindCase(const std::string& reference) = 0;
  // The cases a person's receipt reference may open: the case with that reference and any
  // stored under a new one after a clash (tell them apart by the tracking code).
  virtual std::vector<CaseRecord> FindCasesForReceipt(const std::string& reference) = 0;
  virtual std::vector<CaseRecord> Cases(const CaseFilter& filter) = 0;
  virtual void UpdateCase(const CaseRecord& record) = 0;   // state fields and stages, by uuid
  virtual void DeleteCase(const std::string& uuid) = 0;   // leaves a tombstone: the uuid is never stored again
  virtual std::int64_t CaseCount() = 0;
  // One page of the staff queue. The default reads every open case; an engine may answer
  // it with one query instead (SQLite does: 10,000 open cases in a few milliseconds).
  virtual QueuePage OpenQueue(const QueueQuery& query) {
    CaseFilter open;
    open.open_only = true;
    return QueueFromCases(Cases(open), query);
  }

  // False when the request id was already recorded (a repeat).
  // sealed_text: the person's words sealed to the register's own box key, so they rest encrypted.
  virtual bool RecordRequest(const std::string& request_id, const std::string& case_uuid, const std::string& action,
                             const std::vector<unsigned char>& sealed_text, const std::string& at) = 0;
  virtual std::vector<RequestRecord> Requests(const std::string& case_uuid) = 0;
  // False when a bundle with this body hash was imported before.
  virtual bool RecordBundle(const std::string& body_sha256, int kiosk, std::int64_t items, const std::string& at) = 0;

  virtual void Audit(const std::string& actor, const std::string& action, const std::string& reference,
                     const std::string& detail) = 0;
  virtual std::vector<AuditEntry> AuditLog(const std::string& reference) = 0;   // empty: all

  // Runs `work` in one transaction (used by multi-step staff actions). An engine may run
  // `work` again when the transaction lost a race with another process (PostgreSQL).
  virtual void Transaction(const std::function<void()>& work) = 0;

  // Request state shared by every process serving this register: the replay cache and the
  // rate-limit windows. An engine that returns false is served by one process, which keeps
  // them in its memory (server.h) and never calls the two below.
  virtual bool SharesRequestState() { return false; }
  // True when (kiosk, nonce) was not seen after `since` (Unix seconds); remembers it at `now`.
  virtual bool RememberNonce(int /*kiosk*/, const std::string& /*nonce*/, std::int64_t /*now*/,
                             std::int64_t /*since*/) {
    throw StorageError("this register engine keeps no shared replay cache");
  }
  // The events counted for `key` after `since`; then, when `add` > 0 and that count + `add`
  // <= `cap`, counts `add` more at `now`. Returns the count before adding. Atomic.
  virtual std::int64_t TallyEvents(const std::string& /*key*/, std::int64_t /*since*/, std::int64_t /*now*/,
                                   std::int64_t /*add*/, std::int64_t /*cap*/) {
    throw StorageError("this register engine keeps no shared rate limits");
  }
};

std::string IsoNow();                              // "2026-11-22T19:04:05Z": ToIsoUtc(UtcNow())

}  // namespace tellus::reg
