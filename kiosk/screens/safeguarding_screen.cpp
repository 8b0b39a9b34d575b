// Safeguarding, first in a complaint where the policy has it: "Is someone being hurt, or
// in danger?" in the policy's words; a yes goes to "Please tell a member of staff now".
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawSafeguarding(const ScreenContext& c) {
  if (!c.policy.safeguarding) return;
  Title(c, "safeguarding.title");
  SayEasyRead(c, c.policy.safeguarding->question, "hurt");
  Say(c, "safeguarding.body_1");
  // Answers that say what they mean (a tick on "yes" would read as "all is well"), and
  // "not sure", which goes to a member of staff like a yes.
  ui::BeginColumns(3);
  if (ChoiceItem(c, "choice.safeguarding.yes", "safeguarding.yes")) c.Emit(ev::Choose{"yes"});
  ui::NextColumn();
  if (ChoiceItem(c, "choice.safeguarding.no", "safeguarding.no")) c.Emit(ev::Choose{"no"});
  ui::NextColumn();
  if (ChoiceItem(c, "choice.safeguarding.not_sure", "safeguarding.not_sure")) c.Emit(ev::Choose{"not_sure"});
  ui::EndColumns();
}

// After a yes: the policy's words on telling staff now; the complaint goes on, marked urgent.
void DrawTellStaff(const ScreenContext& c) {
  if (!c.policy.safeguarding) return;
  Title(c, "tell_staff.title");
  SayEasyRead(c, c.policy.safeguarding->tell_staff, "staff");
  Say(c, "tell_staff.emergency");                  // danger right now: not a kiosk's job
  if (MainButton(c, "button.next", "tell_staff.go_on")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
