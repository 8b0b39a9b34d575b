// The other person's name and whether they said yes (in writing, where the policy needs it).
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawOnBehalfDetails(const ScreenContext& c) {
  if (TypingView(c, "on_behalf_details.title", /*done_in_dock=*/true)) return;
  Title(c, "on_behalf_details.title");
  if (c.state.personal.on_behalf.deceased) {
    // About someone who has died: no permission to ask for (Seetec 2.3.5).
    Say(c, "on_behalf_details.died");
    Say(c, "on_behalf_details.sorry");
    Say(c, "on_behalf_details.body_1");
    TextBox(c, Field::kTheirName);
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
    return;
  }
  Say(c, "on_behalf_details.body_1");
  TextBox(c, Field::kTheirName);
  Say(c, c.policy.on_behalf_needs_permission ? "on_behalf_details.ask_written" : "on_behalf_details.ask");
  if (ChoiceItem(c, "choice.on_behalf_details.permission-yes", "on_behalf_details.choice.permission-yes",
                 c.state.personal.on_behalf.permission_given)) {
    c.Emit(ev::Choose{"permission-yes"});
  }
  if (ChoiceItem(c, "choice.on_behalf_details.permission-no", "on_behalf_details.choice.permission-no")) {
    c.Emit(ev::Choose{"permission-no"});
  }
}

}  // namespace tellus::screens
