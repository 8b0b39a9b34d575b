// About: who made the pictures, the voice and the letters (OpenMoji asks for this
// attribution), and that the translations are machine-made. Back returns. The licence
// is said in plain words; the exact credit line is for Standard wording.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawAbout(const ScreenContext& c) {
  Title(c, "about.title");
  Say(c, "about.pictures");
  Say(c, "about.licence");
  Say(c, "about.licence_name");
  Say(c, "about.voice");
  Say(c, "about.font");
  Say(c, "about.translations");
  Say(c, "about.translations_check");
  if (c.state.settings.standard_wording) Say(c, "about.credits");
}

}  // namespace tellus::screens
