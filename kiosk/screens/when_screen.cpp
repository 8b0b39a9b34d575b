// When did it happen: one day (today, yesterday), how long ago as a span of days, or
// "Pick the day", which opens the date grid. Two columns so it fits one screen.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawWhen(const ScreenContext& c) {
  Title(c, "when.title");
  Say(c, "when.body_1");
  Notice(c);
  const std::vector<WhenChoice>& choices = WhenScreenChoices();
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const WhenChoice when = choices[i];
    const std::string id = ToString(when);
    const bool whole_row = when == WhenChoice::kPickedDay;
    if (i % 2 == 1 && !whole_row) ui::SameLine();
    if (ChoiceItem(c, "choice.when." + id, "when.choice." + id, c.state.when_choice == when, whole_row ? 0 : 0.5f)) {
      c.Emit(ev::Choose{id});
    }
  }
}

}  // namespace tellus::screens
