#pragma once
// Sliding-window counters: at most `limit` events per key within `window_seconds`.
// Wrong tracking codes are counted per kiosk and per reference (receipt_gate.h), so
// neither someone guessing for one reference nor a kiosk guessing across many gets far;
// submissions are counted per kiosk, item by item (AllowN). Thread-safe.
// RateLimiter keeps the windows in this process's memory; SharedRateLimits
// (shared_request_state.h) keeps them in a database every serving process reads.
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace tellus::reg {

class RateLimits {
 public:
  virtual ~RateLimits() = default;
  // True (and counted) when allowed; false when the key is over its limit.
  virtual bool Allow(const std::string& key, std::int64_t now) = 0;
  // True (and all n counted) when n more events fit; false (nothing counted) when not.
  virtual bool AllowN(const std::string& key, std::int64_t n, std::int64_t now) = 0;
  // True when the key has used its limit; counts nothing.
  virtual bool Exceeded(const std::string& key, std::int64_t now) = 0;
  // Counts one event whatever the limit.
  virtual void Count(const std::string& key, std::int64_t now) = 0;
};

class RateLimiter : public RateLimits {
 public:
  RateLimiter(int limit, std::int64_t window_seconds) : limit_(limit), window_(window_seconds) {}
  bool Allow(const std::string& key, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    auto& times = Window(key, now);
    if (static_cast<int>(times.size()) >= limit_) return false;
    times.push_back(now);
    if (events_.size() > 100000) Sweep(now);
    return true;
  }
  bool AllowN(const std::string& key, std::int64_t n, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    auto& times = Window(key, now);
    if (static_cast<std::int64_t>(times.size()) + n > limit_) return false;
    times.insert(times.end(), static_cast<std::size_t>(n), now);
    return true;
  }
  bool Exceeded(const std::string& key, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    return static_cast<int>(Window(key, now).size()) >= limit_;
  }
  // Kept to `limit` entries: a flood costs no memory.
  void Count(const std::string& key, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    auto& times = Window(key, now);
    if (static_cast<int>(times.size()) >= limit_ && !times.empty()) times.pop_front();
    times.push_back(now);
    if (events_.size() > 100000) Sweep(now);
  }

 private:
  std::deque<std::int64_t>& Window(const std::string& key, std::int64_t now) {
    auto& times = events_[key];
    while (!times.empty() && times.front() <= now - window_) times.pop_front();
    return times;
  }
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
