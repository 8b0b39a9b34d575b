#include "core/staff_lock.h"

#include <charconv>

namespace tellus {

bool StaffLock::Locked(std::int64_t now) const { return now < locked_until_; }

std::int64_t StaffLock::SecondsLeft(std::int64_t now) const { return Locked(now) ? locked_until_ - now : 0; }

bool StaffLock::Attempt(bool correct, std::int64_t now) {
  if (Locked(now)) return false;
  if (correct) {
    failures_ = 0;
    locked_until_ = 0;
    return true;
  }
  if (++failures_ >= kMaxFailures) {
    failures_ = 0;                                 // a fresh count once the lockout ends
    locked_until_ = now + kLockSeconds;
  }
  return false;
}

std::string StaffLock::Serialise() const {
  return "failures=" + std::to_string(failures_) + ";locked_until=" + std::to_string(locked_until_);
}

std::optional<StaffLock> StaffLock::Parse(const std::string& text) {
  const std::string a = "failures=", b = ";locked_until=";
  if (text.rfind(a, 0) != 0) return std::nullopt;
  const auto sep = text.find(b);
  if (sep == std::string::npos) return std::nullopt;
  StaffLock lock;
  const char* f_begin = text.data() + a.size();
  const char* f_end = text.data() + sep;
  const char* l_begin = text.data() + sep + b.size();
  const char* l_end = text.data() + text.size();
  auto fr = std::from_chars(f_begin, f_end, lock.failures_);
  auto lr = std::from_chars(l_begin, l_end, lock.locked_until_);
  if (fr.ec != std::errc() || fr.ptr != f_end || lr.ec != std::errc() || lr.ptr != l_end) return std::nullopt;
  if (lock.failures_ < 0 || lock.failures_ >= kMaxFailures || lock.locked_until_ < 0) return std::nullopt;
  return lock;
}

}  // namespace tellus
