#pragma once
// Staff PIN lockout: 5 wrong PINs in a row lock staff mode for 5 minutes. Time is
// passed in (seconds since the Unix epoch) so tests can step it; the state
// serialises to a short string kept in the store's settings, so restarting the
// kiosk does not reset a lockout.
#include <cstdint>
#include <optional>
#include <string>

namespace tellus {

class StaffLock {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr std::int64_t kLockSeconds = 5 * 60;

  bool Locked(std::int64_t now) const;             // true while a lockout runs
  std::int64_t SecondsLeft(std::int64_t now) const;  // 0 when not locked
  // Records the outcome of one PIN attempt made at `now`. Attempts while locked are
  // refused without counting (returns false); otherwise returns `correct`.
  bool Attempt(bool correct, std::int64_t now);
  int failures() const { return failures_; }

  std::string Serialise() const;                   // "failures=3;locked_until=1764000000"
  // nullopt on anything malformed (the caller then starts from a fresh lock and says so).
  static std::optional<StaffLock> Parse(const std::string& text);

 private:
  int failures_ = 0;
  std::int64_t locked_until_ = 0;
};

inline constexpr const char* kStaffLockSetting = "staff_lock";

}  // namespace tellus
