#include "sync/client/sync_client.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>
#include <stdexcept>

#include "sync/client/register_client.h"
#include "sync/protocol/bundle.h"

namespace tellus::sync {

namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

proto::SubmitItem ToItem(const OutboxItem& item) { return {item.clear, item.sealed, item.tracking_hash}; }

}  // namespace

SyncClient::SyncClient(KioskIdentity identity, std::string store_path, SyncOptions options)
    : identity_(std::move(identity)), store_path_(std::move(store_path)), options_(options) {}

SyncClient::~SyncClient() { Stop(); }

void SyncClient::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stop_ = false;
  status_.running = true;
  thread_ = std::thread([this] { Run(); });
}

void SyncClient::SendNow() {
  std::lock_guard lock(mutex_);
  woken_ = true;
  backoff_ = std::chrono::milliseconds(0);
  wake_.notify_all();
}

void SyncClient::Stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  status_.running = false;
}

SyncStatus SyncClient::Status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

DrainResult SyncClient::DrainOnce(Store& store) {
  DrainResult result;
  std::vector<OutboxItem> pending = store.Pending(options_.batch_size, options_.batch_bytes);
  if (pending.empty()) return result;
  RegisterClient client(identity_, options_.timeouts, &stop_);
  std::int64_t waiting = store.PendingCount();
  auto send = [&](const std::vector<OutboxItem>& items) {
    proto::SubmitBatch batch;
    batch.waiting = waiting;
    for (const OutboxItem& item : items) batch.items.push_back(ToItem(item));
    proto::SubmitAck ack = client.Submit(batch);
    std::set<std::string> acked(ack.accepted.begin(), ack.accepted.end());
    acked.insert(ack.duplicates.begin(), ack.duplicates.end());
    // Only what the register named and we sent is removed; anything it left out stays for the next pass.
    std::vector<std::string> done;
    for (const OutboxItem& item : items) {
      if (acked.count(item.clear.uuid)) done.push_back(item.clear.uuid);
    }
    result.acknowledged += store.MarkSentMany(done);
    // Above everything the register holds for this kiosk: an outbox recreated under the
    // same identity stops reusing references at its first acknowledgement.
    store.RaiseSequence(ack.next_sequence);
    waiting -= static_cast<std::int64_t>(acked.size());
  };
  try {
    send(pending);
  } catch (const SyncError& e) {
    if (stop_) return result;   // interrupted by Stop: not the register's fault, nothing to record
    if (!e.ItemsRefused()) {
      result.failed = true;
      result.error = e.what();
      for (const OutboxItem& item : pending) store.RecordAttempt(item.clear.uuid, e.what());
      return result;
    }
    // Something in the batch was refused: send one by one so good items still go
    // and the bad one is marked with the register's reason for staff to see.
    for (const OutboxItem& item : pending) {
      if (stop_) break;
      try {
        send({item});
      } catch (const SyncError& single) {
        if (stop_) break;
        store.RecordAttempt(item.clear.uuid, single.what());
        if (single.ItemsRefused()) {
          ++result.refused;
          result.error = single.what();
        } else {
          result.failed = true;
          result.error = single.what();
          break;
        }
      }
    }
  }
  return result;
}

DrainResult SyncClient::DrainAll(Store& store) {
  DrainResult total;
  while (!stop_) {
    DrainResult pass = DrainOnce(store);
    total.acknowledged += pass.acknowledged;
    total.refused += pass.refused;
    if (pass.failed || pass.acknowledged == 0) {
      total.failed = pass.failed;
      total.error = pass.error;
      break;
    }
  }
  return total;
}

std::chrono::milliseconds SyncClient::NextBackoff() {
  std::lock_guard lock(mutex_);   // SendNow resets backoff_ from the UI thread
  // Exponential with "full jitter": a random wait up to the doubled ceiling, so a
  // roomful of kiosks coming back after an outage do not all retry at once.
  auto ceiling = backoff_.count() == 0 ? options_.min_backoff : std::min(backoff_ * 2, options_.max_backoff);
  backoff_ = ceiling;
  std::uniform_int_distribution<long long> jitter(ceiling.count() / 2, ceiling.count());
  return std::chrono::milliseconds(jitter(rng_));
}

void SyncClient::Note(const DrainResult& result, Store& store) {
  std::int64_t waiting = store.PendingCount();
  std::lock_guard lock(mutex_);
  status_.waiting = waiting;
  status_.sent_total += result.acknowledged;
  if (result.failed || result.refused > 0) {
    status_.last_error = result.error;
  }
  if (result.failed) {
    ++status_.consecutive_failures;
  } else if (result.acknowledged > 0) {
    status_.last_success = NowIso();
    status_.consecutive_failures = 0;
    if (result.refused == 0) status_.last_error.clear();
  }
}

void SyncClient::Run() {
  std::optional<Store> store;
  while (!stop_) {
    std::chrono::milliseconds wait = options_.idle_check;
    try {
      if (!store) {
        store.emplace(Store::Open(store_path_));
        auto last = store->GetSetting("sync.last_success");
        std::lock_guard lock(mutex_);
        if (last) status_.last_success = *last;
      }
      DrainResult result = DrainOnce(*store);
      Note(result, *store);
      if (result.acknowledged > 0) store->SetSetting("sync.last_success", Status().last_success);
      if (result.failed || (result.acknowledged == 0 && result.refused > 0)) {
        wait = NextBackoff();
      } else {
        {
          std::lock_guard lock(mutex_);
          backoff_ = std::chrono::milliseconds(0);
        }
        if (result.acknowledged > 0) continue;   // more may be waiting: no pause between batches
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex_);
      status_.last_error = e.what();
      ++status_.consecutive_failures;
      wait = options_.min_backoff;
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, wait, [this] { return stop_.load() || woken_; });
    woken_ = false;
  }
}

std::int64_t ExportBundle(Store& store, const KioskIdentity& identity, const std::string& path, int max_items) {
  proto::SubmitBatch batch;
  for (const OutboxItem& item : store.Pending(std::min<int>(max_items, static_cast<int>(proto::kMaxBundleItems)))) batch.items.push_back(ToItem(item));
  batch.waiting = store.PendingCount();
  std::string text = proto::MakeBundle(identity.kiosk_number, identity.kiosk_sign_secret_key, batch, NowIso());
  // Temporary file, fsync, rename: a stick pulled out early leaves no half bundle under the real name.
  std::string temp = path + ".part";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error(path + ": cannot write bundle: " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error(path + ": cannot write bundle (is the stick full or read-only?)");
  }
  store.SetSetting("sync.last_export", NowIso());
  return static_cast<std::int64_t>(batch.items.size());
}

}  // namespace tellus::sync
