// Is the complaint made for someone else?
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawOnBehalf(const ScreenContext& c) {
  const OnBehalf& on_behalf = c.state.personal.on_behalf;
  Title(c, "on_behalf.title");
  Say(c, "on_behalf.body_1");
  if (ChoiceItem(c, "choice.on_behalf.yes", "on_behalf.choice.yes", on_behalf.on_behalf)) c.Emit(ev::Choose{"yes"});
  if (ChoiceItem(c, "choice.on_behalf.no", "on_behalf.choice.no")) c.Emit(ev::Choose{"no"});
}

}  // namespace tellus::screens
