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
    if (i % 3 != 0) ui::SameLine();                // three a row: nine answers on one screen
    if (ChoiceItem(c, "choice.when." + id, "when.choice." + id, c.state.when_choice == when, 1.f / 3.f)) {
      c.Emit(ev::Choose{id});
    }
  }
}

}  // namespace tellus::screens
