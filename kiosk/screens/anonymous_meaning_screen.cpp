// What staying anonymous means here: no direct reply, keep the reference.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawAnonymousMeaning(const ScreenContext& c) {
  Title(c, "anonymous_meaning.title");
  Say(c, "anonymous_meaning.body_1");
  Say(c, "anonymous_meaning.body_2");
  Say(c, "anonymous_meaning.body_3");
  SayEasyRead(c, c.policy.anonymous_explanation, "info");
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
