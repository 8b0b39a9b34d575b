#include "sync/register/kiosk_health.h"

namespace tellus::reg {

KioskHealth HealthOf(const KioskRecord& k, UtcTime now) {
  KioskHealth h;
  const bool stale = !k.last_contact || now - *k.last_contact > std::chrono::hours(24);
  h.lag = std::to_string(k.last_lag_seconds / 3600) + "h" + std::to_string(k.last_lag_seconds % 3600 / 60) + "m";
  if (k.revoked_at) {
    h.flag = "REVOKED " + ToIsoUtc(*k.revoked_at);
  } else if (!k.last_contact) {
    h.flag = "never-synced";
  } else if (stale && k.waiting > 0) {
    h.flag = "AT-RISK: items waiting, no contact for over a day";
    h.at_risk = true;
  } else if (k.last_lag_seconds > 24 * 3600) {
    h.flag = "AT-RISK: items arrived over a day late";
    h.at_risk = true;
  } else if (stale) {
    h.flag = "quiet";
  }
  return h;
}

}  // namespace tellus::reg
