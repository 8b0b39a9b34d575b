// What they did well: quick choices and the person's words.
#include <algorithm>

#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawPraise(const ScreenContext& c) {
  Title(c, "praise.title");
  Say(c, "praise.body_1");
  Notice(c);
  const auto& chosen = c.state.praise_choices;
  for (const std::string& id : PraiseChoiceIds()) {
    bool on = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
    if (CheckItem(c, "check.praise." + id, "praise.choice." + id, on)) c.Emit(ev::Toggle{id});
  }
  Say(c, "praise.body_2");
  TextBox(c, Field::kPraise);
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
