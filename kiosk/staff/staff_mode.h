#pragma once
// Staff mode: a hidden gesture (hold the top-left corner for 3 s, or Ctrl+Alt+S)
// opens a PIN pad; the PIN is checked against an Argon2id hash; 5 wrong PINs lock
// it for 5 minutes (core/staff_lock.h, kept in the store's settings). The menu
// shows the kiosk's identity, how many submissions wait to be sent, when the
// register last took some and the last error; it can send now, save the outbox
// to a USB stick, and exit the kiosk. It never shows anyone's submission.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/staff_lock.h"
#include "easyread/catalog.h"

namespace tellus {

class Store;

struct StaffInfo {
  int kiosk_number = 0;
  std::string kiosk_name;
  std::string organisation;
  std::int64_t pending = 0;                        // Store::PendingCount()
  bool speech_on = false;                          // the speaker has sound (Speaker::HasAudio)
  std::string speech_status;                       // when off, why: the speaker's own technical line
  bool sync_set_up = false;                        // an identity with a register URL: the outbox is sent
  bool can_save_usb = false;                       // an identity to sign a USB bundle with
  std::string last_success;                        // when the register last took items, in words; empty: never
  std::string last_error_key;                      // catalog key of the last sync error in plain words; empty: none
  std::string last_error_detail;                   // the technical line, for whoever fixes it
};

class StaffMode {
 public:
  enum class Page { kClosed, kPin, kMenu };
  enum class MenuAction { kNone, kSendNow, kSaveUsb };  // for the app to carry out
  static constexpr double kHoldSeconds = 3.0;
  static constexpr double kIdleCloseSeconds = 60.0;
  static constexpr int kMaxPinLength = 12;

  // `pin_hash` from the config (empty: staff mode cannot be opened, and says so);
  // `store` keeps the lockout across restarts (may be null in tests).
  StaffMode(std::string pin_hash, Store* store);

  // Feed the pointer every frame; holding the top-left corner for kHoldSeconds opens the PIN pad.
  void TrackCorner(bool pointer_down, float x, float y, float corner_size, double now_s);
  double NextDeadline() const;                     // when a running hold completes; <0 when none
  void Open(double now_s);
  void Close();
  Page page() const { return page_; }
  bool active() const { return page_ != Page::kClosed; }
  bool exit_requested() const { return exit_requested_; }

  // Draws the PIN pad or the menu (between ui::BeginFrame and ui::EndFrame, instead of the screen).
  // `now_unix` is wall time in seconds for the lockout; `now_s` the frame clock.
  void Draw(const Catalog& catalog, const StaffInfo& info, std::int64_t now_unix, double now_s);
  // Typed PIN (tests): the same path as pressing the digits then OK.
  void SubmitPin(const std::string& pin, std::int64_t now_unix);

  // The menu button pressed in the last Draw (once); the app answers with ShowResult.
  MenuAction TakeAction();
  void ShowResult(std::string key, std::map<std::string, std::string> values);  // a catalog sentence under the buttons

  const StaffLock& lock() const { return lock_; }
  const std::string& message() const { return message_key_; }  // catalog key of the last message

 private:
  void SaveLock();
  std::string pin_hash_;
  Store* store_ = nullptr;
  StaffLock lock_;
  Page page_ = Page::kClosed;
  std::string pin_;
  std::string message_key_;
  int tries_left_ = StaffLock::kMaxFailures;
  double hold_started_ = -1;
  double last_input_ = 0;
  bool exit_requested_ = false;
  MenuAction action_ = MenuAction::kNone;
  std::string result_key_;
  std::map<std::string, std::string> result_values_;
};

}  // namespace tellus
