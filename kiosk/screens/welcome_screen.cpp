// Welcome: the four ways in as large tiles, and under "Make it easier" one row of
// settings: language (named in several languages), text size, colours, wording,
// touch to hear and switch scanning.
#include <algorithm>

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
ThemeId NextTheme(ThemeId theme) {
  switch (theme) {
    case ThemeId::kStandard: return ThemeId::kHighContrastDark;
    case ThemeId::kHighContrastDark: return ThemeId::kYellowOnBlack;
    case ThemeId::kYellowOnBlack: return ThemeId::kStandard;
  }
  return ThemeId::kStandard;
}
ScanMode NextScanning(ScanMode scanning) {
  switch (scanning) {
    case ScanMode::kOff: return ScanMode::kAuto;
    case ScanMode::kAuto: return ScanMode::kStep;
    case ScanMode::kStep: return ScanMode::kOff;
  }
  return ScanMode::kOff;
}
// The settings: smaller buttons under "Make it easier", two rows of four places (the
// language, named in several languages, takes two).
ui::ItemStyle SettingTile(const ScreenContext& c, const std::string& key, float units) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.compact = true;
  // At the larger sizes, half as many to a row, so no word has to break.
  const float row = c.state.settings.text_size == TextSize::kStandard ? 4.f : 2.f;
  style.width_fraction = std::min(1.f, units / row);
  return style;
}

void Settings(const ScreenContext& c) {
  const JourneySettings& s = c.state.settings;
  // At the larger sizes the settings come straight after the title, all in sight.
  if (s.text_size == TextSize::kStandard) Say(c, "welcome.make_easier");
  if (ui::Button("welcome.language", c.Text("welcome.language_many"), c.Spoken("welcome.language_many"),
                 SettingTile(c, "welcome.language_many", 2)))
    c.Emit(ev::OpenLanguages{});
  ui::SameLine();
  if (ui::Button("welcome.text_size", c.Text("welcome.text_size"), c.Spoken("welcome.text_size"),
                 SettingTile(c, "welcome.text_size", 1)))
    c.Emit(ev::SetTextSize{NextSize(s.text_size)});
  ui::SameLine();
  if (ui::Button("welcome.contrast", c.Text("welcome.contrast"), c.Spoken("welcome.contrast"),
                 SettingTile(c, "welcome.contrast", 1)))
    c.Emit(ev::SetTheme{NextTheme(s.theme)});
  const char* wording = s.standard_wording ? "welcome.wording_easy" : "welcome.wording_standard";
  if (ui::Button("welcome.wording", c.Text(wording), c.Spoken(wording), SettingTile(c, wording, 1)))
    c.Emit(ev::WordingToggle{});
  ui::SameLine();
  if (ui::Checkbox("welcome.touch_to_hear", c.Text("welcome.touch_to_hear"), c.Spoken("welcome.touch_to_hear"),
                   s.touch_to_hear, SettingTile(c, "welcome.touch_to_hear", 1)))
    c.Emit(ev::TouchToHearToggle{});
  ui::SameLine();
  const std::string scanning = std::string("welcome.scanning_") + ToString(s.scanning);
  if (ui::Button("welcome.scanning", c.Text(scanning), c.Spoken(scanning), SettingTile(c, scanning, 1)))
    c.Emit(ev::SetScanning{NextScanning(s.scanning)});
  ui::SameLine();
  if (ui::Button("welcome.about", c.Text("welcome.about"), c.Spoken("welcome.about"), SettingTile(c, "welcome.about", 1)))
    c.Emit(ev::OpenAbout{});
}

// The four ways in: large tiles, two by two, with big pictures.
void WaysIn(const ScreenContext& c) {
  const std::vector<std::string> choices = WelcomeChoices(c.policy);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i % 2 == 1) ui::SameLine();
    const std::string& id = choices[i];
    const std::string key = "welcome.choice." + id;
    ui::ItemStyle style;
    style.pictogram = c.Pictogram(key);
    style.picture_scale = 2;
    style.width_fraction = 0.5f;
    if (ui::Choice("choice.welcome." + id, c.Text(key), c.Spoken(key), false, style)) c.Emit(ev::Choose{id});
  }
}

}  // namespace

void DrawWelcome(const ScreenContext& c) {
  Title(c, "welcome.title");
  // Someone who chose bigger words finds the settings first, without scrolling.
  const bool settings_first = c.state.settings.text_size != TextSize::kStandard;
  if (settings_first) Settings(c);
  WaysIn(c);
  if (!settings_first) Settings(c);
}

}  // namespace tellus::screens
