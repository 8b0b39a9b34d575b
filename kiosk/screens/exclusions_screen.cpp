// Exclusions: is the complaint about something the procedure does not cover?
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawExclusions(const ScreenContext& c) {
  Title(c, "exclusions.title");
  Say(c, "exclusions.body_1");
  Say(c, "exclusions.body_2");
  for (const Exclusion& exclusion : c.policy.exclusions) {
    if (ChoiceData("choice.exclusions." + exclusion.id, PolicyLabel(c, exclusion.text), false,
                   PolicyPicture(c, exclusion.text, "not-allowed"))) {
      c.Emit(ev::Choose{exclusion.id});
    }
  }
  if (ChoiceItem(c, "choice.exclusions.none", "exclusions.none")) c.Emit(ev::Choose{"none"});
}

}  // namespace tellus::screens
