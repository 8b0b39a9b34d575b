// Reduce: staff mode's next state and the effects for the kiosk to run.
#include <type_traits>

#include "core/model.h"
#include "core/seal.h"
#include "core/staff.h"

// The same GCC 12 false "maybe-uninitialized" inside std::variant as in journey_reduce.cpp.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace tellus {
namespace {

namespace ev = staff::ev;
namespace fx = staff::fx;

void Open(StaffState& s) {
  s.page = StaffPage::kPin;
  s.hold_started_s = -1;
  s.last_input_s = s.now_s;
  WipeString(s.pin);
  s.notice = PinNotice::kNone;
  s.note = MenuNote::kNone;
}

// Leaving staff mode, however it happens, forgets the typed PIN and the notes.
void Close(StaffState& s) {
  s.page = StaffPage::kClosed;
  WipeString(s.pin);
  s.notice = PinNotice::kNone;
  s.note = MenuNote::kNone;
  s.usb_saved = 0;
}

void CheckPin(StaffState& s, std::vector<StaffEffect>& effects) {
  if (StaffLocked(s)) {                            // the pad is hidden while locked; a stray OK changes nothing
    WipeString(s.pin);
    return;
  }
  if (s.pin_hash.empty()) {
    WipeString(s.pin);
    s.notice = PinNotice::kNoPin;
    return;
  }
  const bool correct = VerifySecret(s.pin_hash, s.pin);
  WipeString(s.pin);
  s.lock = AfterAttempt(s.lock, correct, s.now_unix);
  effects.push_back(fx::SaveLock{s.lock});
  if (correct) {
    s.page = StaffPage::kMenu;
    s.notice = PinNotice::kNone;
    s.note = MenuNote::kNone;
  } else {
    s.notice = StaffLocked(s) ? PinNotice::kNone : PinNotice::kWrong;
  }
}

}  // namespace

StaffState NewStaffState(std::string pin_hash, StaffLock lock) {
  StaffState s;
  s.pin_hash = std::move(pin_hash);
  s.lock = lock;
  return s;
}

StaffReduceResult Reduce(StaffState&& state, const StaffEvent& event) {
  StaffReduceResult r{std::move(state), {}};
  StaffState& s = r.state;
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ev::Tick>) {
          s.now_s = e.now_s;
          s.now_unix = e.now_unix;
          if (StaffActive(s) && s.now_s - s.last_input_s > StaffState::kIdleCloseSeconds) Close(s);  // left open
        } else if constexpr (std::is_same_v<E, ev::Corner>) {
          if (StaffActive(s) || !e.held) {
            s.hold_started_s = -1;
            return;
          }
          if (s.hold_started_s < 0) s.hold_started_s = s.now_s;
          if (s.now_s - s.hold_started_s >= StaffState::kHoldSeconds) Open(s);
        } else if constexpr (std::is_same_v<E, ev::Open>) {
          if (!StaffActive(s)) Open(s);
        } else if constexpr (std::is_same_v<E, ev::Activity>) {
          s.last_input_s = s.now_s;
        } else if constexpr (std::is_same_v<E, ev::Digit>) {
          if (s.page == StaffPage::kPin && !StaffLocked(s) && e.digit >= '0' && e.digit <= '9' &&
              static_cast<int>(s.pin.size()) < StaffState::kMaxPinLength)
            s.pin += e.digit;
        } else if constexpr (std::is_same_v<E, ev::Delete>) {
          if (s.page == StaffPage::kPin && !s.pin.empty()) {
            s.pin.back() = '\0';
            s.pin.pop_back();
          }
        } else if constexpr (std::is_same_v<E, ev::Ok>) {
          if (s.page == StaffPage::kPin) CheckPin(s, r.effects);
        } else if constexpr (std::is_same_v<E, ev::Close>) {
          if (StaffActive(s)) Close(s);
        } else if constexpr (std::is_same_v<E, ev::SendNow>) {
          if (s.page != StaffPage::kMenu) return;
          s.note = MenuNote::kSending;
          r.effects.push_back(fx::SendNow{});
        } else if constexpr (std::is_same_v<E, ev::SaveUsb>) {
          if (s.page == StaffPage::kMenu) r.effects.push_back(fx::SaveUsb{});
        } else if constexpr (std::is_same_v<E, ev::Exit>) {
          if (s.page == StaffPage::kMenu) r.effects.push_back(fx::ExitKiosk{});
        } else if constexpr (std::is_same_v<E, ev::UsbSaved>) {
          if (s.page != StaffPage::kMenu) return;  // closed meanwhile: nobody to tell
          switch (e.outcome) {
            case UsbSaveOutcome::kSaved: s.note = MenuNote::kUsbSaved; break;
            case UsbSaveOutcome::kNoStick: s.note = MenuNote::kUsbNoStick; break;
            case UsbSaveOutcome::kFailed: s.note = MenuNote::kUsbFailed; break;
          }
          s.usb_saved = e.outcome == UsbSaveOutcome::kSaved ? e.saved : 0;
        }
      },
      event);
  return r;
}

bool StaffActive(const StaffState& state) { return state.page != StaffPage::kClosed; }

bool StaffLocked(const StaffState& state) { return Locked(state.lock, state.now_unix); }

int PinTriesLeft(const StaffState& state) { return kStaffMaxFailures - state.lock.failures; }

int LockMinutesLeft(const StaffState& state) {
  return static_cast<int>((LockSecondsLeft(state.lock, state.now_unix) + 59) / 60);
}

double StaffNextDeadline(const StaffState& state) {
  if (StaffActive(state)) return state.last_input_s + StaffState::kIdleCloseSeconds;
  if (state.hold_started_s >= 0) return state.hold_started_s + StaffState::kHoldSeconds;
  return -1;
}

}  // namespace tellus
