// When did it happen: today / yesterday / this week / before that / pick a date.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawWhen(const ScreenContext& c) {
  Title(c, "when.title");
  Say(c, "when.body_1");
  for (const char* id : {"today", "yesterday", "this-week", "earlier", "date"}) {
    if (ChoiceItem(c, std::string("choice.when.") + id, std::string("when.choice.") + id, c.state.when_choice == id)) {
      c.Emit(ev::Choose{id});
    }
  }
}

}  // namespace tellus::screens
