// Safeguarding, first in a complaint where the policy has it: "Is someone being hurt, or
// in danger?" in the policy's words; a yes goes to "Please tell a member of staff now".
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawSafeguarding(const ScreenContext& c) {
  if (!c.policy.safeguarding) return;
  Title(c, "safeguarding.title");
  SayEasyRead(c, c.policy.safeguarding->question, "hurt");
  Say(c, "safeguarding.body_1");
  if (ChoiceItem(c, "choice.safeguarding.yes", "common.yes")) c.Emit(ev::Choose{"yes"});
  if (ChoiceItem(c, "choice.safeguarding.no", "common.no")) c.Emit(ev::Choose{"no"});
}

// After a yes: the policy's words on telling staff now; the complaint goes on, marked urgent.
void DrawTellStaff(const ScreenContext& c) {
  if (!c.policy.safeguarding) return;
  Title(c, "tell_staff.title");
  SayEasyRead(c, c.policy.safeguarding->tell_staff, "staff");
  if (MainButton(c, "button.next", "tell_staff.go_on")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
