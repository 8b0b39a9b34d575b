#pragma once
// Remembers (kiosk, nonce) pairs seen within the clock-skew window, so a signed
// request captured on the wire is refused the second time. Entries older than the
// window are dropped: a request that old is refused as stale anyway. Thread-safe.
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>

namespace tellus::proto {

class ReplayCache {
 public:
  explicit ReplayCache(std::int64_t window_seconds);
  // True when the pair is new (and now remembered); false for a replay.
  bool Remember(int kiosk, const std::string& nonce, std::int64_t now);
  std::size_t size() const;

 private:
  void Expire(std::int64_t now);
  std::int64_t window_;
  mutable std::mutex mutex_;
  std::unordered_set<std::string> seen_;
  std::deque<std::pair<std::int64_t, std::string>> order_;   // oldest first
};

}  // namespace tellus::proto
