// What staying anonymous means here: no direct reply, keep the reference.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawAnonymousMeaning(const ScreenContext& c) {
  Title(c, "anonymous_meaning.title");
  // What anonymous means anywhere (left), and what this organisation says about it (right).
  ui::BeginColumns(2);
  Say(c, "anonymous_meaning.body_1");
  Say(c, "anonymous_meaning.body_2");
  Say(c, "anonymous_meaning.body_3");
  ui::NextColumn();
  SayEasyRead(c, c.policy.anonymous_explanation, "info");
  ui::EndColumns();
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
