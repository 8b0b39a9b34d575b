#pragma once
// Sliding-window counters: at most `limit` events per key within `window_seconds`.
// Status look-ups use one per kiosk and one per reference, so neither a busy kiosk
// nor someone guessing tracking codes for one reference gets far. Thread-safe.
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace tellus::reg {

class RateLimiter {
 public:
  RateLimiter(int limit, std::int64_t window_seconds) : limit_(limit), window_(window_seconds) {}
  // True (and counted) when allowed; false when the key is over its limit.
  bool Allow(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    auto& times = events_[key];
    while (!times.empty() && times.front() <= now - window_) times.pop_front();
    if (static_cast<int>(times.size()) >= limit_) return false;
    times.push_back(now);
    if (events_.size() > 100000) Sweep(now);
    return true;
  }

 private:
  void Sweep(std::int64_t now) {
    for (auto it = events_.begin(); it != events_.end();) {
      if (it->second.empty() || it->second.back() <= now - window_) it = events_.erase(it);
      else ++it;
    }
  }
  int limit_;
  std::int64_t window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> events_;
};

}  // namespace tellus::reg
