// The staff PIN lock: wrong PINs counted, lock-outs that grow, and its stored form.
#include <algorithm>
#include <charconv>
#include <string_view>

#include "core/staff.h"

namespace tellus {
namespace {

// Reads "<name><integer>" at the front of `text` and moves past it; false if it is not there.
template <class Int>
bool ReadField(std::string_view& text, std::string_view name, Int& value) {
  if (text.substr(0, name.size()) != name) return false;
  text.remove_prefix(name.size());
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr == begin) return false;
  text.remove_prefix(static_cast<std::size_t>(ptr - begin));
  return true;
}

}  // namespace

bool Locked(const StaffLock& lock, std::int64_t now_unix) { return now_unix < lock.locked_until; }

std::int64_t LockSecondsLeft(const StaffLock& lock, std::int64_t now_unix) {
  return Locked(lock, now_unix) ? lock.locked_until - now_unix : 0;
}

std::int64_t LockSeconds(int earlier_lockouts) {
  std::int64_t seconds = kStaffFirstLockSeconds;
  for (int i = 0; i < earlier_lockouts && seconds < kStaffMaxLockSeconds; ++i) seconds *= 2;
  return std::min(seconds, kStaffMaxLockSeconds);
}

StaffLock AfterAttempt(StaffLock lock, bool correct, std::int64_t now_unix) {
  if (correct) return StaffLock{};
  if (++lock.failures >= kStaffMaxFailures) {
    lock.failures = 0;                             // a fresh count once the lock-out ends
    lock.locked_until = now_unix + LockSeconds(lock.lockouts);
    ++lock.lockouts;
  }
  return lock;
}

std::string SerialiseStaffLock(const StaffLock& lock) {
  return "failures=" + std::to_string(lock.failures) + ";locked_until=" + std::to_string(lock.locked_until) +
         ";lockouts=" + std::to_string(lock.lockouts);
}

std::optional<StaffLock> ParseStaffLock(const std::string& text) {
  std::string_view rest = text;
  StaffLock lock;
  if (!ReadField(rest, "failures=", lock.failures)) return std::nullopt;
  if (!ReadField(rest, ";locked_until=", lock.locked_until)) return std::nullopt;
  if (!rest.empty() && !ReadField(rest, ";lockouts=", lock.lockouts)) return std::nullopt;
  if (!rest.empty()) return std::nullopt;
  if (lock.failures < 0 || lock.failures >= kStaffMaxFailures || lock.locked_until < 0) return std::nullopt;
  if (lock.lockouts < 0 || lock.lockouts > 1000000) return std::nullopt;
  return lock;
}

}  // namespace tellus
