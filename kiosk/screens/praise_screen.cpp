// What they did well: quick choices and the person's words.
#include <algorithm>

#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawPraise(const ScreenContext& c) {
  if (TypingView(c, "praise.title")) {
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
    return;
  }
  Title(c, "praise.title");
  Say(c, "praise.body_1");
  Notice(c);
  const auto& chosen = c.state.praise_choices;
  const auto& ids = PraiseChoiceIds();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& id = ids[i];
    bool on = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
    if (i % 2 == 1) ui::SameLine();
    if (CheckItem(c, "check.praise." + id, "praise.choice." + id, on, 0.5f)) c.Emit(ev::Toggle{id});
  }
  // The box's own label says "write more" (praise.body_2 is its spoken help).
  TextBox(c, Field::kPraise);
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
