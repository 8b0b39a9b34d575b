// Welcome: the four journeys, plus language, text size, colours, wording, touch to hear,
// switch scanning and About one touch away.
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
Scanning NextScanning(Scanning scanning) {
  switch (scanning) {
    case Scanning::kOff: return Scanning::kAuto;
    case Scanning::kAuto: return Scanning::kStep;
    case Scanning::kStep: return Scanning::kOff;
  }
  return Scanning::kOff;
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
  // At the larger text sizes four full rows push the settings below the fold: two by
  // two, language, text size and colours stay one touch away, with no scrolling.
  const bool two_by_two = c.state.settings.text_size != TextSize::kStandard;
  const std::vector<std::string> choices = WelcomeChoices(c.policy);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (two_by_two && i % 2 == 1) ui::SameLine();
    const std::string& id = choices[i];
    if (ChoiceItem(c, "choice.welcome." + id, "welcome.choice." + id, false, two_by_two ? 0.5f : 0.f))
      c.Emit(ev::Choose{id});
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
  // Access: touch to hear, switch scanning, and who made the kiosk's parts.
  ui::ItemStyle third;
  third.width_fraction = 1.f / 3.f;
  third.pictogram = c.Pictogram("welcome.touch_to_hear");
  if (ui::Checkbox("welcome.touch_to_hear", c.Text("welcome.touch_to_hear"), c.Spoken("welcome.touch_to_hear"),
                   c.state.settings.touch_to_hear, third)) {
    c.Emit(ev::TouchToHearToggle{});
  }
  ui::SameLine();
  const std::string scanning = std::string("welcome.scanning_") + ToString(c.state.settings.scanning);
  third.pictogram = c.Pictogram(scanning);
  if (ui::Button("welcome.scanning", c.Text(scanning), c.Spoken(scanning), third))
    c.Emit(ev::SetScanning{NextScanning(c.state.settings.scanning)});
  ui::SameLine();
  third.pictogram = c.Pictogram("welcome.about");
  if (ui::Button("welcome.about", c.Text("welcome.about"), c.Spoken("welcome.about"), third)) c.Emit(ev::OpenAbout{});
}

}  // namespace tellus::screens
