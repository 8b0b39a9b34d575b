#pragma once
// The kiosk's outbox uploader. A background thread drains core's Store in batches
// to the register and removes an item only after the register acknowledged its
// UUID (accepted now, or already held). A register that is down, slow or
// restarting costs retries with exponential backoff and jitter, never the UI:
// the thread opens its own Store on the same file (SQLite WAL allows it), the UI
// calls only Status/SendNow, and Stop interrupts a transfer and joins promptly.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "core/kiosk_identity.h"
#include "core/store.h"
#include "sync/client/http_transport.h"

namespace tellus::sync {

struct SyncOptions {
  int batch_size = 200;
  // Sealed bytes in one request (base64 makes them 4/3 as many on the wire): well under
  // the register's body limit (proto::kMaxBodyBytes), so recordings split into small batches.
  std::size_t batch_bytes = 1024 * 1024;
  std::chrono::milliseconds min_backoff{1000};
  std::chrono::milliseconds max_backoff{std::chrono::minutes(5)};
  std::chrono::milliseconds idle_check{std::chrono::seconds(30)};   // look for new items this often anyway
  HttpTimeouts timeouts{5000, 30000};
};

// For staff mode. Times are ISO 8601 UTC, empty when never.
struct SyncStatus {
  std::int64_t waiting = 0;                        // items in the outbox
  std::string last_success;
  std::string last_error;                          // empty after a success
  int consecutive_failures = 0;
  std::int64_t sent_total = 0;                     // acknowledged since Start
  bool running = false;
};

// What one pass did (DrainOnce, and each step of the thread).
struct DrainResult {
  std::int64_t acknowledged = 0;                   // removed from the outbox
  std::int64_t refused = 0;                        // refused by the register as malformed; kept, attempt noted
  bool failed = false;                             // could not reach the register / it failed
  std::string error;
};

class SyncClient {
 public:
  SyncClient(KioskIdentity identity, std::string store_path, SyncOptions options = {});
  ~SyncClient();                                   // Stop()
  SyncClient(const SyncClient&) = delete;
  SyncClient& operator=(const SyncClient&) = delete;

  void Start();                                    // starts the thread; no-op when running
  void SendNow();                                  // wakes the thread and forgets the backoff
  void Stop();                                     // interrupts any transfer and joins
  SyncStatus Status() const;

  // One batch on the caller's thread (tests, benchmarks, a command-line send). Uses `store`.
  DrainResult DrainOnce(Store& store);
  // Until the outbox is empty or a pass fails.
  DrainResult DrainAll(Store& store);

 private:
  void Run();
  std::chrono::milliseconds NextBackoff();
  void Note(const DrainResult& result, Store& store);

  KioskIdentity identity_;
  std::string store_path_;
  SyncOptions options_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  SyncStatus status_;
  std::chrono::milliseconds backoff_{0};
  std::mt19937_64 rng_{std::random_device{}()};
};

// Writes every waiting item (up to max_items) to a signed bundle file for a USB
// stick; returns how many. Items stay in the outbox: the register ingests each
// UUID once however it arrives, and the network sends them when it returns.
std::int64_t ExportBundle(Store& store, const KioskIdentity& identity, const std::string& path,
                          int max_items = 100000);

}  // namespace tellus::sync
