#include <gtest/gtest.h>

#include "kiosk/ui/theme.h"

namespace tellus::ui {
namespace {

TEST(ThemeContrast, KnownValues) {
  EXPECT_NEAR(ContrastRatio({0, 0, 0}, {255, 255, 255}), 21.0, 0.01);
  EXPECT_NEAR(ContrastRatio({255, 255, 255}, {255, 255, 255}), 1.0, 0.001);
  EXPECT_NEAR(ContrastRatio({0x77, 0x77, 0x77}, {255, 255, 255}), 4.48, 0.02);  // WCAG's classic grey
}

TEST(ThemeContrast, EveryPairInEveryThemeIsAtLeastSevenToOne) {
  for (ThemeId id : kAllThemeIds) {
    const Theme& theme = GetTheme(id);
    const auto pairs = UsedPairs(theme);
    EXPECT_GE(pairs.size(), 15u);
    for (const ColourPair& pair : pairs) {
      EXPECT_GE(ContrastRatio(pair.foreground, pair.background), 7.0) << ToString(id) << ": " << pair.what;
    }
  }
}

TEST(ThemeLooks, DarkThemesAreDarkAndSelectionIsDistinct) {
  EXPECT_FALSE(GetTheme(ThemeId::kStandard).dark);
  EXPECT_TRUE(GetTheme(ThemeId::kHighContrastDark).dark);
  EXPECT_TRUE(GetTheme(ThemeId::kYellowOnBlack).dark);
  for (ThemeId id : kAllThemeIds) {
    const Theme& t = GetTheme(id);
    // A chosen option must not look like an ordinary button: its thick edge stands out
    // from a button's face, and in the dark themes its face stays dark (no white bar).
    EXPECT_GE(ContrastRatio(t.selected_edge, t.button), 3.0) << ToString(id);
    EXPECT_NE(ContrastRatio(t.selected, t.button), 1.0) << ToString(id);
    if (t.dark) {
      EXPECT_LT(RelativeLuminance(t.selected), 0.1) << ToString(id);
    }
    // The dock's colour is its own: no other face uses it.
    for (Colour other : {t.button, t.selected, t.field, t.background, t.bar})
      EXPECT_GE(ContrastRatio(t.primary, other), 1.5) << ToString(id);
  }
}

}  // namespace
}  // namespace tellus::ui
