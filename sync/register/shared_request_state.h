#pragma once
// The replay cache and rate limits of a register that several `serve` processes share
// (PostgreSQL): kept in its database (RegisterStorage::RememberNonce, TallyEvents), so a
// replay sent to another process is still refused and a kiosk's hourly allowance is one
// allowance whichever process it reaches. Calls take the server's storage mutex: the
// storage's connection serves one call at a time.
#include <mutex>
#include <string>

#include "sync/register/rate_limiter.h"
#include "sync/register/storage.h"

namespace tellus::reg {

class SharedRateLimits : public RateLimits {
 public:
  // `prefix` keeps the counters of different limits apart in the one table.
  SharedRateLimits(RegisterStorage& storage, std::mutex& storage_mutex, std::string prefix, int limit,
                   std::int64_t window_seconds)
      : storage_(storage), mutex_(storage_mutex), prefix_(std::move(prefix)), limit_(limit), window_(window_seconds) {}
  bool Allow(const std::string& key, std::int64_t now) override { return AllowN(key, 1, now); }
  bool AllowN(const std::string& key, std::int64_t n, std::int64_t now) override {
    return Tally(key, now, n, limit_) + n <= limit_;
  }
  bool Exceeded(const std::string& key, std::int64_t now) override { return Tally(key, now, 0, limit_) >= limit_; }
  void Count(const std::string& key, std::int64_t now) override { Tally(key, now, 1, INT64_MAX); }

 private:
  std::int64_t Tally(const std::string& key, std::int64_t now, std::int64_t add, std::int64_t cap) {
    std::lock_guard lock(mutex_);
    return storage_.TallyEvents(prefix_ + key, now - window_, now, add, cap);
  }
  RegisterStorage& storage_;
  std::mutex& mutex_;
  std::string prefix_;
  std::int64_t limit_;
  std::int64_t window_;
};

}  // namespace tellus::reg
