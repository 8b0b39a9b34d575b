// Language chooser: each language in its own name, beside a sample of its own letters
// (pictogram "script-<tag>", assets/pictograms/script-<tag>.svg) rather than a globe each.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawLanguages(const ScreenContext& c) {
  Title(c, "languages.title");
  Say(c, "languages.body_1");
  for (const LanguageOption& language : c.state.languages) {
    if (ChoiceData("choice.language." + language.tag, language.native_name, language.tag == c.state.settings.language,
                   "script-" + language.tag)) {
      c.Emit(ev::SetLanguage{language.tag});
    }
  }
}

}  // namespace tellus::screens
