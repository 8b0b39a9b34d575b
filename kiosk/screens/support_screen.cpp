// Support needs: Easy Read letters, large print, interpreter, BSL, advocate, help to write, another language.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawSupport(const ScreenContext& c) {
  Title(c, "support.title");
  Say(c, "support.body_1");
  for (const std::string& id : SupportChoiceIds()) {
    if (CheckItem(c, "check.support." + id, "support.choice." + id, SupportSelected(c.state.personal.support, id))) {
      c.Emit(ev::Toggle{id});
    }
  }
  Say(c, "support.body_2");
  Notice(c);
  TextBox(c, Field::kOtherLanguage);
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
