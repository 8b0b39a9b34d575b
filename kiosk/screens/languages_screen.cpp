// Language chooser: each language in its own name, beside a sample of its own letters
// (pictogram "script-<tag>", assets/pictograms/script-<tag>.svg) rather than a globe each.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawLanguages(const ScreenContext& c) {
  Title(c, "languages.title");
  Say(c, "languages.body_1");
  for (std::size_t i = 0; i < c.state.languages.size(); ++i) {
    const LanguageOption& language = c.state.languages[i];
    if (i % 2 == 1) ui::SameLine();
    if (ChoiceData("choice.language." + language.tag, language.native_name, language.tag == c.state.settings.language,
                   "script-" + language.tag, 0.5f)) {
      c.Emit(ev::SetLanguage{language.tag});
    }
  }
}

}  // namespace tellus::screens
