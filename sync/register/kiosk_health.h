#pragma once
// How a kiosk is doing, as `tellus-register kiosks` and the staff pages' kiosks page say it:
// deadlines count from Send at the kiosk, so items that wait there, or arrive days late,
// eat into them.
#include <string>

#include "sync/register/storage.h"

namespace tellus::reg {

struct KioskHealth {
  std::string flag;                                // "", "REVOKED <when>", "never-synced", "AT-RISK: ...", "quiet"
  bool at_risk = false;                            // deadlines at risk: staff should act
  std::string lag;                                 // the newest arrival's lag, "2h5m"
};

KioskHealth HealthOf(const KioskRecord& kiosk, UtcTime now);

}  // namespace tellus::reg
