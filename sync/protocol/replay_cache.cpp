#include "sync/protocol/replay_cache.h"

namespace tellus::proto {

ReplayCache::ReplayCache(std::int64_t window_seconds) : window_(window_seconds) {}

bool ReplayCache::Remember(int kiosk, const std::string& nonce, std::int64_t now) {
  std::lock_guard lock(mutex_);
  Expire(now);
  std::string key = std::to_string(kiosk) + ":" + nonce;
  if (!seen_.insert(key).second) return false;
  order_.emplace_back(now, std::move(key));
  return true;
}

std::size_t ReplayCache::size() const {
  std::lock_guard lock(mutex_);
  return seen_.size();
}

void ReplayCache::Expire(std::int64_t now) {
  // A nonce is kept for twice the skew window: a request whose timestamp is that
  // far from now is already refused as stale, so forgetting it is safe.
  while (!order_.empty() && order_.front().first < now - window_) {
    seen_.erase(order_.front().second);
    order_.pop_front();
  }
}

}  // namespace tellus::proto
