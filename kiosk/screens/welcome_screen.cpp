// Welcome: the four journeys, plus language, text size, colours and wording one touch away.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {
TextSize NextSize(TextSize size) {
  switch (size) {
    case TextSize::kStandard: return TextSize::kLarge;
    case TextSize::kLarge: return TextSize::kLargest;
    case TextSize::kLargest: return TextSize::kStandard;
  }
  return TextSize::kStandard;
}
Theme NextTheme(Theme theme) {
  switch (theme) {
    case Theme::kStandard: return Theme::kHighContrastDark;
    case Theme::kHighContrastDark: return Theme::kYellowOnBlack;
    case Theme::kYellowOnBlack: return Theme::kStandard;
  }
  return Theme::kStandard;
}
bool SettingButton(const ScreenContext& c, const std::string& id, const std::string& key) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.width_fraction = 0.25f;
  return ui::Button(id, c.Text(key), c.Spoken(key), style);
}
}  // namespace

void DrawWelcome(const ScreenContext& c) {
  Title(c, "welcome.title");
  Say(c, "welcome.body_1");
  Say(c, "welcome.body_2");
  Say(c, "welcome.body_3");
  for (const std::string& id : WelcomeChoices(c.policy)) {
    if (ChoiceItem(c, "choice.welcome." + id, "welcome.choice." + id)) c.Emit(ev::Choose{id});
  }
  ui::Spacer(0.5f);
  if (SettingButton(c, "welcome.language", "welcome.language")) c.Emit(ev::OpenLanguages{});
  ui::SameLine();
  if (SettingButton(c, "welcome.text_size", "welcome.text_size")) c.Emit(ev::SetTextSize{NextSize(c.state.settings.text_size)});
  ui::SameLine();
  if (SettingButton(c, "welcome.contrast", "welcome.contrast")) c.Emit(ev::SetTheme{NextTheme(c.state.settings.theme)});
  ui::SameLine();
  const char* wording = c.state.settings.standard_wording ? "welcome.wording_easy" : "welcome.wording_standard";
  if (SettingButton(c, "welcome.wording", wording)) c.Emit(ev::WordingToggle{});
}

}  // namespace tellus::screens
