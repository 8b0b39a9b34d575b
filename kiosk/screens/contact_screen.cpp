// How to contact the person.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawContact(const ScreenContext& c) {
  const JourneyState& s = c.state;
  Title(c, "contact.title");
  Say(c, "contact.body_1");
  struct Option {
    const char* id;
    ContactPreference contact;
  };
  const Option options[] = {{"phone", ContactPreference::kPhone},
                            {"email", ContactPreference::kEmail},
                            {"letter", ContactPreference::kLetter},
                            {"in-person", ContactPreference::kInPerson},
                            {"none", ContactPreference::kNone}};
  int shown = 0;
  for (const Option& option : options) {
    if (option.contact == ContactPreference::kNone && s.kind == JourneyKind::kComplaint) continue;
    bool selected = s.contact_answered && s.personal.person.contact == option.contact;
    if (shown++ % 2 == 1) ui::SameLine();
    if (ChoiceItem(c, std::string("choice.contact.") + option.id, std::string("contact.choice.") + option.id, selected,
                   0.5f)) {
      c.Emit(ev::Choose{option.id});
    }
  }
}

}  // namespace tellus::screens
