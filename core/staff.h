#pragma once
// [SECTION] Staff mode as a small reducer, like the journey (core/journey.h).
// A plain copyable StaffState; events as a std::variant; Reduce() returns the next
// state and the effects for the kiosk to run (keep the lock, send now, save to USB,
// exit). No I/O and no clock reads in here: time arrives as staff::ev::Tick. The kiosk
// draws the state (kiosk/staff/staff_mode.h) and turns presses into events.
//
// A hidden gesture (hold the top-left corner for kHoldSeconds, or Ctrl+Alt+S) opens a
// PIN pad; the PIN is checked against an Argon2id hash. kStaffMaxFailures wrong PINs in
// a row lock staff mode: 5 minutes the first time, twice as long each time after that
// (at most a day: a guesser who never stops gets about 5 tries a day, so a 4-digit PIN
// holds for years) until the right PIN is given. The lock is kept in the store's
// settings (kStaffLockSetting), so restarting the kiosk does not reset it. The menu can
// send now, save the outbox to a USB stick and exit the kiosk.
//
//   index: [lock] [state] [events] [effects] [reduce] [queries]
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tellus {

// [SECTION] lock ---------------------------------------------------------------

struct StaffLock {
  int failures = 0;                                // wrong PINs in a row since the last right one or lock-out
  int lockouts = 0;                                // lock-outs since the last right PIN (each lasts twice the last)
  std::int64_t locked_until = 0;                   // Unix seconds; in the past: not locked
  bool operator==(const StaffLock&) const = default;
};

inline constexpr int kStaffMaxFailures = 5;
inline constexpr std::int64_t kStaffFirstLockSeconds = 5 * 60;
inline constexpr std::int64_t kStaffMaxLockSeconds = 24 * 60 * 60;
inline constexpr const char* kStaffLockSetting = "staff_lock";

bool Locked(const StaffLock& lock, std::int64_t now_unix);
std::int64_t LockSecondsLeft(const StaffLock& lock, std::int64_t now_unix);  // 0 when not locked
std::int64_t LockSeconds(int earlier_lockouts);   // how long the next lock-out lasts: 300, 600, 1200... <= 86400
// One PIN attempt at `now_unix` (the caller refuses attempts while locked).
StaffLock AfterAttempt(StaffLock lock, bool correct, std::int64_t now_unix);
std::string SerialiseStaffLock(const StaffLock& lock);  // "failures=3;locked_until=1764000000;lockouts=1"
// nullopt on anything malformed (the kiosk then starts a fresh count and says so in its log).
// The older form without ";lockouts=" still reads.
std::optional<StaffLock> ParseStaffLock(const std::string& text);

// [SECTION] state --------------------------------------------------------------

enum class StaffPage { kClosed, kPin, kMenu };
enum class PinNotice { kNone, kWrong, kNoPin };   // under the PIN pad (a lock-out shows itself)
enum class UsbSaveOutcome { kSaved, kNoStick, kFailed };
enum class MenuNote { kNone, kSending, kUsbSaved, kUsbNoStick, kUsbFailed };  // under the menu buttons

struct StaffState {
  static constexpr double kHoldSeconds = 3.0;
  static constexpr double kIdleCloseSeconds = 60.0;
  static constexpr int kMaxPinLength = 12;

  std::string pin_hash;                            // Argon2id from the config; empty: the pad says no PIN is set
  StaffLock lock;
  StaffPage page = StaffPage::kClosed;
  std::string pin;                                 // digits typed; wiped when checked and when staff mode closes
  PinNotice notice = PinNotice::kNone;
  MenuNote note = MenuNote::kNone;
  std::int64_t usb_saved = 0;                      // with MenuNote::kUsbSaved
  double now_s = 0;                                // frame clock, from the last Tick
  std::int64_t now_unix = 0;                       // wall clock for the lock, from the last Tick
  double hold_started_s = -1;                      // the corner hold running since; <0: none
  double last_input_s = 0;                         // open: closes kIdleCloseSeconds after this
  bool operator==(const StaffState&) const = default;
};

StaffState NewStaffState(std::string pin_hash, StaffLock lock = {});

// [SECTION] events -------------------------------------------------------------

namespace staff::ev {
struct Tick { double now_s = 0; std::int64_t now_unix = 0; };  // every frame, first
struct Corner { bool held = false; };              // every frame: the pointer is down in the top-left corner
struct Open {};                                    // Ctrl+Alt+S
struct Activity {};                                // any input while open
struct Digit { char digit = '0'; };
struct Delete {};
struct Ok {};
struct Close {};                                   // Cancel on the PIN pad, "Back to the kiosk" on the menu
struct SendNow {};
struct SaveUsb {};
struct Exit {};
struct UsbSaved { UsbSaveOutcome outcome = UsbSaveOutcome::kFailed; std::int64_t saved = 0; };  // fx::SaveUsb's answer
}  // namespace staff::ev

using StaffEvent = std::variant<staff::ev::Tick, staff::ev::Corner, staff::ev::Open, staff::ev::Activity,
                                staff::ev::Digit, staff::ev::Delete, staff::ev::Ok, staff::ev::Close,
                                staff::ev::SendNow, staff::ev::SaveUsb, staff::ev::Exit, staff::ev::UsbSaved>;

// [SECTION] effects ------------------------------------------------------------

namespace staff::fx {
struct SaveLock { StaffLock lock; };               // into the store's settings under kStaffLockSetting
struct SendNow {};                                 // wake the outbox sender
struct SaveUsb {};                                 // write a signed bundle to the stick; answer ev::UsbSaved
struct ExitKiosk {};
}  // namespace staff::fx

using StaffEffect = std::variant<staff::fx::SaveLock, staff::fx::SendNow, staff::fx::SaveUsb, staff::fx::ExitKiosk>;

// [SECTION] reduce -------------------------------------------------------------

struct StaffReduceResult {
  StaffState state;
  std::vector<StaffEffect> effects;
};

// Takes the state by rvalue, as the journey's Reduce does, so the caller can wipe the
// moved-from PIN. Checking a PIN runs Argon2id (libsodium must be initialised).
StaffReduceResult Reduce(StaffState&& state, const StaffEvent& event);

// [SECTION] queries ------------------------------------------------------------

bool StaffActive(const StaffState& state);        // the PIN pad or the menu is showing
bool StaffLocked(const StaffState& state);        // at the last Tick
int PinTriesLeft(const StaffState& state);        // before the next lock-out
int LockMinutesLeft(const StaffState& state);     // rounded up; 0 when not locked
// Frame-clock time of the next thing that happens without input (a corner hold
// completing, the idle close); <0: none.
double StaffNextDeadline(const StaffState& state);

}  // namespace tellus
