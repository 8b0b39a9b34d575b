#pragma once
// Staff mode's view: the PIN pad and the menu, drawn from core/staff.h's StaffState
// (which decides: PIN, lock-out, menu). The menu shows the kiosk's identity, how many
// submissions wait to be sent, when the register last took some and the last error;
// it never shows anyone's submission.
#include <cstdint>
#include <string>
#include <vector>

#include "core/staff.h"
#include "easyread/catalog.h"

namespace tellus {

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

// Draws the PIN pad or the menu (between ui::BeginFrame and ui::EndFrame, instead of the
// screen) from the state alone, and appends what was pressed to `out`.
void DrawStaff(const StaffState& state, const Catalog& catalog, const StaffInfo& info, std::vector<StaffEvent>& out);

}  // namespace tellus
