#include "kiosk/ui/theme.h"

#include <cmath>

namespace tellus::ui {
namespace {

constexpr Colour Hex(unsigned v) {
  return Colour{static_cast<unsigned char>(v >> 16), static_cast<unsigned char>((v >> 8) & 0xFF),
                static_cast<unsigned char>(v & 0xFF)};
}

// The colour tables. Change a colour here and theme_test recomputes every pair.
const Theme kStandard{ThemeId::kStandard,
                      /*background*/ Hex(0xF4F1EA), /*text*/ Hex(0x1B1B1B),
                      /*bar*/ Hex(0xE2DCCD), /*bar_text*/ Hex(0x1B1B1B),
                      /*button*/ Hex(0xFFFFFF), /*button_text*/ Hex(0x1B1B1B), /*button_border*/ Hex(0x1B1B1B),
                      /*primary*/ Hex(0x0A3A66), /*primary_text*/ Hex(0xFFFFFF),
                      /*selected*/ Hex(0xDDEEDD), /*selected_text*/ Hex(0x1B1B1B), /*selected_edge*/ Hex(0x1E5A2A),
                      /*disabled_text*/ Hex(0x4A4A4A),
                      /*field*/ Hex(0xFFFFFF), /*field_text*/ Hex(0x1B1B1B),
                      /*focus_ring*/ Hex(0x7A0C36), /*warning*/ Hex(0x7A1A00),
                      /*panel*/ Hex(0xFFFFFF), /*panel_text*/ Hex(0x1B1B1B),
                      /*dark*/ false};

const Theme kHighContrastDark{ThemeId::kHighContrastDark,
                              Hex(0x000000), Hex(0xFFFFFF),
                              Hex(0x161616), Hex(0xFFFFFF),
                              Hex(0x000000), Hex(0xFFFFFF), Hex(0xFFFFFF),
                              Hex(0x0050B3), Hex(0xFFFFFF),
                              Hex(0x00343F), Hex(0xFFFFFF), Hex(0x00E5FF),
                              Hex(0xB0B0B0),
                              Hex(0x000000), Hex(0xFFFFFF),
                              Hex(0xFFFF00), Hex(0xFFB0B0),
                              Hex(0x000000), Hex(0xFFFFFF),
                              true};

const Theme kYellowOnBlack{ThemeId::kYellowOnBlack,
                           Hex(0x000000), Hex(0xFFFF00),
                           Hex(0x161616), Hex(0xFFFF00),
                           Hex(0x000000), Hex(0xFFFF00), Hex(0xFFFF00),
                           Hex(0x0050B3), Hex(0xFFFFFF),
                           Hex(0x333300), Hex(0xFFFF00), Hex(0xFFFF00),
                           Hex(0xB8B800),
                           Hex(0x000000), Hex(0xFFFF00),
                           Hex(0xFFFFFF), Hex(0xFFFFFF),
                           Hex(0x000000), Hex(0xFFFF00),
                           true};

double Channel(unsigned char c) {
  const double s = c / 255.0;
  return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

}  // namespace

const Theme& GetTheme(ThemeId id) {
  switch (id) {
    case ThemeId::kStandard: return kStandard;
    case ThemeId::kHighContrastDark: return kHighContrastDark;
    case ThemeId::kYellowOnBlack: return kYellowOnBlack;
  }
  return kStandard;
}

// Every pair the widget layer (kiosk/ui/*.cpp) draws; keep in step with the drawing code.
std::vector<ColourPair> UsedPairs(const Theme& t) {
  return {
      {"text on background", t.text, t.background},
      {"warning on background", t.warning, t.background},
      {"bar_text on bar", t.bar_text, t.bar},
      {"button_text on button", t.button_text, t.button},
      {"button_border on background", t.button_border, t.background},
      {"button_border on bar", t.button_border, t.bar},
      {"disabled_text on button", t.disabled_text, t.button},
      {"primary_text on primary", t.primary_text, t.primary},
      {"selected_text on selected", t.selected_text, t.selected},
      {"selected_edge on background", t.selected_edge, t.background},
      {"disabled_text on background", t.disabled_text, t.background},
      {"field_text on field", t.field_text, t.field},
      {"button_border on field", t.button_border, t.field},
      {"warning on field", t.warning, t.field},
      {"focus_ring on background", t.focus_ring, t.background},
      {"focus_ring on bar", t.focus_ring, t.bar},
      {"focus_ring on panel", t.focus_ring, t.panel},
      {"panel_text on panel", t.panel_text, t.panel},
      {"button_text on panel", t.button_text, t.button},
      {"qr dark on light", Colour{0, 0, 0}, Colour{255, 255, 255}},
  };
}

double RelativeLuminance(Colour c) {
  return 0.2126 * Channel(c.r) + 0.7152 * Channel(c.g) + 0.0722 * Channel(c.b);
}

double ContrastRatio(Colour a, Colour b) {
  double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace tellus::ui
