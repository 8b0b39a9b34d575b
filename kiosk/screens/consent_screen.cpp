// Consent: how long the policy keeps what the person says, in plain words; then Send.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawConsent(const ScreenContext& c) {
  Title(c, "consent.title");
  if (c.policy.retention_own_choice) {
    Say(c, "consent.body_keep_need");            // the seed gives no time: none is promised
  } else if (c.policy.retention) {
    Say(c, "consent.body_keep", DurationValues(c, "retention", *c.policy.retention));
  } else {
    Say(c, "consent.body_keep_unknown");
  }
  Say(c, "consent.body_private");
  Say(c, "consent.body_send");
  Notice(c);
  if (c.state.committing) Say(c, "common.saving");
  if (MainButton(c, "button.send", "common.send")) c.Emit(ev::Send{});
}

}  // namespace tellus::screens
