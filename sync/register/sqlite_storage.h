#pragma once
// RegisterStorage on SQLite: WAL, synchronous=FULL, schema by the append-only list of
// migrations in sqlite_storage.cpp (core/sqlite_db.h), recorded in user_version.
// A call that returns has committed durably. Several processes may open the same
// file (the server and a staff member's CLI); writers wait up to 5 s for each other.
#include <memory>
#include <string>

#include "sync/register/storage.h"

namespace tellus::sqlite { class Connection; }     // core/sqlite_db.h

namespace tellus::reg {

class SqliteRegisterStorage : public RegisterStorage {
 public:
  // Opens (and migrates) an existing register; create=true makes a new file and refuses an existing one.
  static std::unique_ptr<SqliteRegisterStorage> Open(const std::string& path, bool create = false);
  ~SqliteRegisterStorage() override;
  SqliteRegisterStorage(const SqliteRegisterStorage&) = delete;
  SqliteRegisterStorage& operator=(const SqliteRegisterStorage&) = delete;

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

  const std::string& path() const { return path_; }
  static int LatestSchemaVersion();                // the version this program migrates to

 private:
  SqliteRegisterStorage(std::unique_ptr<sqlite::Connection> db, std::string path);
  void WriteStages(const CaseRecord& record);
  std::vector<StageRecord> ReadStages(const std::string& uuid);
  CaseRecord Complete(CaseRecord record);          // stages and receipt references
  std::unique_ptr<sqlite::Connection> db_;         // nested Transaction calls join the outer one
  std::string path_;
};

}  // namespace tellus::reg
