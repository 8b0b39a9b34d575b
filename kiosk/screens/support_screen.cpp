// Support needs: Easy Read letters, large print, interpreter, BSL, advocate, help to write, another language.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawSupport(const ScreenContext& c) {
  if (TypingView(c, "support.title")) {
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
    return;
  }
  Title(c, "support.title");                      // no "Touch all you need." line: six answers and the box need the room
  const auto& ids = SupportChoiceIds();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& id = ids[i];
    if (i % 2 == 1) ui::SameLine();
    if (CheckItem(c, "check.support." + id, "support.choice." + id, SupportSelected(c.state.personal.support, id), 0.5f))
      c.Emit(ev::Toggle{id});
  }
  Notice(c);                                       // the box's own label asks for another language
  TextBox(c, Field::kOtherLanguage);
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
