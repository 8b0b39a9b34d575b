#pragma once
// The kiosk's durable outbox: SQLite in WAL mode with synchronous=FULL, schema
// migrated by user_version. A call that returns has survived power loss. At rest the
// file and its -wal and -shm are mode 0600; acknowledged items are overwritten (secure
// delete) and the WAL checkpointed and truncated, so nothing of them stays in any file.
// An empty (0-byte) file is refused, never taken for a new outbox.
// Every failure is a StoreError carrying SQLite's message and the file path, never
// personal data (the outbox holds none in clear). One Store per thread.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model.h"

namespace tellus {

namespace sqlite { class Connection; }             // core/sqlite_db.h

struct StoreError : std::runtime_error { using std::runtime_error::runtime_error; };

struct OutboxItem {
  std::int64_t id = 0;
  ClearPart clear;
  std::vector<unsigned char> sealed;               // crypto_box_seal(PersonalToJson(personal))
  std::string tracking_hash;                       // never the tracking code itself
  int attempts = 0;
  std::string last_error;
  std::string created_at;                          // when it entered the outbox, ISO 8601 UTC (anonymous: the day)
};

class Store {
 public:
  // Creates and migrates; throws StoreError (also for a schema newer than this program's).
  // ":memory:" gives a private, non-durable store for tests of code that needs one.
  static Store Open(const std::string& path);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // Seals nothing itself: takes what the caller sealed. Commits durably before returning.
  // Idempotent on clear.uuid: returns false (and changes nothing) if that uuid is already queued.
  bool Enqueue(const ClearPart& clear, const std::vector<unsigned char>& sealed, const std::string& tracking_hash);
  // Oldest first: up to `limit` items, stopping before the sealed parts would pass
  // `max_sealed_bytes` in all (the first item always comes, however large), so a few
  // long recordings make small batches instead of one the register refuses.
  std::vector<OutboxItem> Pending(int limit, std::size_t max_sealed_bytes = SIZE_MAX) const;
  std::int64_t PendingCount() const;
  bool MarkSent(const std::string& uuid);          // removes after the register acknowledged it; false if absent
  // MarkSent for a whole acknowledged batch in one durable transaction (one fsync, not
  // one per item); returns how many were removed.
  std::int64_t MarkSentMany(const std::vector<std::string>& uuids);
  bool RecordAttempt(const std::string& uuid, const std::string& error);  // attempts + 1; false if absent

  // Per-kiosk sequence for references, advanced durably.
  std::uint64_t NextSequence();
  // The register's high-water mark (SubmitAck::next_sequence): the next NextSequence() is at
  // least `next`. Never lowers it. For an outbox recreated under the same identity.
  void RaiseSequence(std::uint64_t next);

  // Small key/value settings (last sync, staff lockout); never personal data.
  std::optional<std::string> GetSetting(const std::string& key) const;
  void SetSetting(const std::string& key, const std::string& value);

  int schema_version() const;
  static int LatestSchemaVersion();                // the version this program migrates to
  const std::string& path() const;

 private:
  Store(std::unique_ptr<sqlite::Connection> db, std::string path);
  void ForgetSent();                               // WAL checkpoint(TRUNCATE) after acknowledged items go
  std::unique_ptr<sqlite::Connection> db_;
  std::string path_;
};

}  // namespace tellus
