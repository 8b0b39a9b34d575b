#pragma once
// RegisterStorage on PostgreSQL (libpq), for a register that several `serve` processes
// share (behind a load balancer) and a database team backs up and replicates.
//  - Exactly once: every submission uuid ever stored is a row of `submissions`
//    (INSERT ... ON CONFLICT DO NOTHING), kept when its case is purged, so neither a
//    repeat from another process nor a purged case's resend is stored twice.
//  - Case actions read their case with SELECT ... FOR UPDATE inside Transaction, so two
//    processes acting on one case take turns; a deadlock or serialization failure retries
//    the whole transaction (up to 5 times) before it reaches the caller.
//  - Kiosk numbers are allocated under a transaction-level advisory lock; a kiosk's batches
//    take turns on its row, so its reference sequence never goes backwards.
//  - The replay cache and the rate-limit windows live in UNLOGGED tables every process
//    reads (they need no fsync and, like process memory, start empty after a crash).
//  - Schema by an append-only list of numbered migrations (postgres_migrations.cpp).
// A call that returns has committed durably (synchronous_commit as the server has it,
// "on" by default). One connection: callers serialise calls, as with SQLite.
#include <memory>
#include <string>

#include "sync/register/pg_connection.h"
#include "sync/register/storage.h"

namespace tellus::reg {

class PostgresRegisterStorage : public RegisterStorage {
 public:
  // Connects and migrates; create=true makes the schema and refuses a database that holds one.
  static std::unique_ptr<PostgresRegisterStorage> Open(const std::string& url, bool create = false);

  int AllocateKioskNumber() override;
  void AddKiosk(const KioskRecord& kiosk) override;
  std::optional<KioskRecord> FindKiosk(int number) override;
  std::vector<KioskRecord> Kiosks() override;
  bool RevokeKiosk(int number, UtcTime at) override;
  std::string BindKioskPolicy(int number, const std::string& policy) override;
  std::uint64_t HighestSequence(int number) override;
  void NoteKioskContact(int number, UtcTime at, std::int64_t waiting,
                        std::optional<std::int64_t> lag_seconds) override;
  IngestResult Ingest(const std::vector<CaseRecord>& cases) override;
  std::optional<CaseRecord> FindCase(const std::string& reference) override;
  std::vector<CaseRecord> FindCasesForReceipt(const std::string& reference) override;
  std::vector<CaseRecord> Cases(const CaseFilter& filter) override;
  void UpdateCase(const CaseRecord& record) override;
  void DeleteCase(const std::string& uuid) override;
  std::int64_t CaseCount() override;
  bool RecordRequest(const std::string& request_id, const std::string& case_uuid, const std::string& action,
                     const std::vector<unsigned char>& sealed_text, const std::string& at) override;
  std::vector<RequestRecord> Requests(const std::string& case_uuid) override;
  bool RecordBundle(const std::string& body_sha256, int kiosk, std::int64_t items, const std::string& at) override;
  void Audit(const std::string& actor, const std::string& action, const std::string& reference,
             const std::string& detail) override;
  std::vector<AuditEntry> AuditLog(const std::string& reference) override;
  void Transaction(const std::function<void()>& work) override;

  bool SharesRequestState() override { return true; }
  bool RememberNonce(int kiosk, const std::string& nonce, std::int64_t now, std::int64_t since) override;
  std::int64_t TallyEvents(const std::string& key, std::int64_t since, std::int64_t now, std::int64_t add,
                           std::int64_t cap) override;

  PgConnection& connection() { return *db_; }     // migrate (register_migration.h) copies tables through it

 private:
  explicit PostgresRegisterStorage(std::unique_ptr<PgConnection> db) : db_(std::move(db)) {}
  void WriteStages(const CaseRecord& record);
  void WriteNewStages(const std::vector<const CaseRecord*>& cases);   // cases without stages yet, in one statement
  CaseRecord Complete(CaseRecord record);          // stages and receipt references
  std::vector<CaseRecord> CasesFrom(const PgResult& rows);
  bool InsertCase(const CaseRecord& c);            // false when another case holds its reference
  void RaiseHighestSequence(int kiosk, std::uint64_t sequence);
  std::unique_ptr<PgConnection> db_;
  int depth_ = 0;                                  // nested Transaction calls join the outer one
  std::int64_t calls_ = 0;                         // for an occasional sweep of old nonces and events
};

// The numbered schema migrations, oldest first; never edit one that shipped, append.
struct PgMigration {
  int version;
  const char* sql;
};
const std::vector<PgMigration>& PostgresMigrations();
// Brings the schema up to the newest migration, each in its own transaction under an
// advisory lock (several processes may start at once). Returns the version it was at.
int MigratePostgres(PgConnection& db);

}  // namespace tellus::reg
