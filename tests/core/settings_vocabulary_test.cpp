#include "core/settings_vocabulary.h"

#include <gtest/gtest.h>

#include <string>

namespace tellus {
namespace {

// The spellings are the kiosk config's and the a11y dump's: changing one breaks
// every deployed kiosk.toml and the screenshot/audit scripts that read the dump.
TEST(SettingsVocabulary, SpellingsAreTheConfigFilesOwn) {
  EXPECT_STREQ(ToString(ThemeId::kStandard), "standard");
  EXPECT_STREQ(ToString(ThemeId::kHighContrastDark), "high-contrast");
  EXPECT_STREQ(ToString(ThemeId::kYellowOnBlack), "yellow-on-black");
  EXPECT_STREQ(ToString(TextSize::kStandard), "standard");
  EXPECT_STREQ(ToString(TextSize::kLarge), "large");
  EXPECT_STREQ(ToString(TextSize::kLargest), "largest");
  EXPECT_STREQ(ToString(ScanMode::kOff), "off");
  EXPECT_STREQ(ToString(ScanMode::kAuto), "auto");
  EXPECT_STREQ(ToString(ScanMode::kStep), "step");
}

TEST(SettingsVocabulary, EveryValueRoundTripsAndOtherWordsAreRefused) {
  for (ThemeId id : kAllThemeIds) EXPECT_EQ(ParseThemeId(ToString(id)), id);
  for (TextSize size : kAllTextSizes) EXPECT_EQ(ParseTextSize(ToString(size)), size);
  for (ScanMode mode : kAllScanModes) EXPECT_EQ(ParseScanMode(ToString(mode)), mode);
  EXPECT_FALSE(ParseThemeId("purple"));
  EXPECT_FALSE(ParseThemeId("High-Contrast")) << "spellings are exact, as in the config file";
  EXPECT_FALSE(ParseTextSize("huge"));
  EXPECT_FALSE(ParseTextSize(""));
  EXPECT_FALSE(ParseScanMode("sometimes"));
}

TEST(SettingsVocabulary, TextSizeIndexesTheBakedFonts) {
  // kiosk/ui/fonts.h keeps body[3] and heading[3] indexed by the text size.
  EXPECT_EQ(static_cast<int>(TextSize::kStandard), 0);
  EXPECT_EQ(static_cast<int>(TextSize::kLargest), 2);
}

}  // namespace
}  // namespace tellus
