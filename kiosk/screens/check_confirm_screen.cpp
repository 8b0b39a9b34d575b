// "Are you sure?" before the kiosk asks the register for the next stage or to withdraw.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawCheckConfirm(const ScreenContext& c) {
  const JourneyState& s = c.state;
  const bool escalate = s.check_request == CaseRequest::kEscalate;
  if (escalate) {
    Title(c, "check_confirm.escalate_title");
    if (s.check_case && !s.check_case->next_stage_name.empty())
      Say(c, "check_result.escalate_stage", {{"stage", c.StageName(s.check_case->next_stage_name)}});
    Say(c, "check_confirm.escalate_body");
  } else {
    Title(c, "check_confirm.withdraw_title");
    Say(c, "check_confirm.withdraw_body_1");
    Say(c, "check_confirm.withdraw_body_2");
  }
  if (MainButton(c, "button.confirm_yes", escalate ? "check_confirm.yes_escalate" : "check_confirm.yes_withdraw"))
    c.Emit(ev::Choose{"yes"});
  if (ChoiceItem(c, "choice.check_confirm.no", "check_confirm.no")) c.Emit(ev::Choose{"no"});
}

}  // namespace tellus::screens
