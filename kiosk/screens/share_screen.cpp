// May we share the compliment: with the name, without it, or not at all.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawShare(const ScreenContext& c) {
  const JourneyState& s = c.state;
  Title(c, "share.title");
  Say(c, "share.body_1");
  Say(c, "share.body_2");
  if (!s.personal.person.anonymous &&
      ChoiceItem(c, "choice.share.with-name", "share.choice.with-name", s.share == ShareConsent::kWithName)) {
    c.Emit(ev::Choose{"with-name"});
  }
  if (ChoiceItem(c, "choice.share.without-name", "share.choice.without-name", s.share == ShareConsent::kWithoutName)) {
    c.Emit(ev::Choose{"without-name"});
  }
  if (ChoiceItem(c, "choice.share.no", "share.choice.no", s.share == ShareConsent::kNo)) c.Emit(ev::Choose{"no"});
}

}  // namespace tellus::screens
