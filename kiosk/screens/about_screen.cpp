// About: who made the pictures, the voice and the letters (OpenMoji asks for this
// attribution), and that the translations are machine-made. Back returns.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawAbout(const ScreenContext& c) {
  Title(c, "about.title");
  Say(c, "about.pictures");
  Say(c, "about.licence");
  Say(c, "about.voice");
  Say(c, "about.font");
  Say(c, "about.translations");
  Say(c, "about.translations_check");
  Say(c, "about.credits");
}

}  // namespace tellus::screens
