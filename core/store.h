#pragma once
// The kiosk's durable outbox: SQLite in WAL mode with synchronous=FULL, schema
// migrated by user_version. A call that returns has survived power loss.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model.h"

struct sqlite3;

namespace tellus {

struct StoreError : std::runtime_error { using std::runtime_error::runtime_error; };

struct OutboxItem {
  std::int64_t id = 0;
  ClearPart clear;
  std::vector<unsigned char> sealed;               // crypto_box_seal(PersonalToJson(personal))
  std::string tracking_hash;                       // never the tracking code itself
  int attempts = 0;
  std::string last_error;
};

class Store {
 public:
  static Store Open(const std::string& path);      // creates and migrates; throws StoreError
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // Seals nothing itself: takes what the caller sealed. Commits durably before returning.
  void Enqueue(const ClearPart& clear, const std::vector<unsigned char>& sealed, const std::string& tracking_hash);
  std::vector<OutboxItem> Pending(int limit) const;        // oldest first
  std::int64_t PendingCount() const;
  void MarkSent(const std::string& uuid);          // removes after the register acknowledged it
  void RecordAttempt(const std::string& uuid, const std::string& error);

  // Per-kiosk sequence for references, advanced durably.
  std::uint64_t NextSequence();

  // Small key/value settings (last sync, staff lockout); never personal data.
  std::optional<std::string> GetSetting(const std::string& key) const;
  void SetSetting(const std::string& key, const std::string& value);

  int schema_version() const;

 private:
  explicit Store(sqlite3* db);
  sqlite3* db_ = nullptr;
};

}  // namespace tellus
