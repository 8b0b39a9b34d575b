#pragma once
// Theme colours as a plain table, so the tests can compute the WCAG contrast of
// every pair the widget layer actually draws (text on background, text on
// button, focus ring on background...). No ImGui here.
#include <string>
#include <vector>

#include "core/settings_vocabulary.h"

namespace tellus::ui {

struct Colour {
  unsigned char r = 0, g = 0, b = 0;
};

struct Theme {
  ThemeId id = ThemeId::kStandard;
  Colour background;                               // screen
  Colour text;                                     // text on the screen background
  Colour bar;                                      // bottom bar background
  Colour bar_text;
  Colour button;                                   // ordinary button face
  Colour button_text;
  Colour button_border;
  Colour primary;                                  // the dock's main action, and nothing else
  Colour primary_text;                             // its words and white picture
  Colour selected;                                 // a chosen option: a tint of the theme, never a block of white
  Colour selected_text;
  Colour selected_edge;                            // its thick edge
  Colour disabled_text;                            // label of a disabled button, on `button`
  Colour field;                                    // text box face
  Colour field_text;
  Colour focus_ring;                               // drawn around the focused item, on `background` and `bar`
  Colour warning;                                  // count near its limit, error sentence, on `background`
  Colour panel;                                    // modal panel (idle warning, staff)
  Colour panel_text;
  bool dark = false;                               // dark themes use white line pictograms
};

const Theme& GetTheme(ThemeId id);

// A foreground drawn on a background somewhere in the widget layer.
struct ColourPair {
  std::string what;                                // "button_text on button"
  Colour foreground;
  Colour background;
};
std::vector<ColourPair> UsedPairs(const Theme& theme);

double RelativeLuminance(Colour c);                // WCAG 2.x
double ContrastRatio(Colour a, Colour b);          // 1..21

}  // namespace tellus::ui
