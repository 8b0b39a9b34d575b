#pragma once
// The person's settings vocabulary -- look, text size, switch scanning -- named once
// for the kiosk config, the journey's settings and the widget layer. The spellings are
// those of the config file, the a11y dump and the catalog keys ("welcome.scanning_step").
#include <array>
#include <optional>
#include <string_view>

namespace tellus {

enum class ThemeId { kStandard, kHighContrastDark, kYellowOnBlack };
// The value is also the index of the fonts baked for that size.
enum class TextSize { kStandard = 0, kLarge = 1, kLargest = 2 };
// Switch access: off; one switch with automatic scanning; two switches (move, choose).
enum class ScanMode { kOff, kAuto, kStep };

inline constexpr std::array kAllThemeIds{ThemeId::kStandard, ThemeId::kHighContrastDark, ThemeId::kYellowOnBlack};
inline constexpr std::array kAllTextSizes{TextSize::kStandard, TextSize::kLarge, TextSize::kLargest};
inline constexpr std::array kAllScanModes{ScanMode::kOff, ScanMode::kAuto, ScanMode::kStep};

const char* ToString(ThemeId theme);               // "standard" | "high-contrast" | "yellow-on-black"
const char* ToString(TextSize size);               // "standard" | "large" | "largest"
const char* ToString(ScanMode mode);               // "off" | "auto" | "step"
std::optional<ThemeId> ParseThemeId(std::string_view text);    // nullopt: not one of the spellings above
std::optional<TextSize> ParseTextSize(std::string_view text);
std::optional<ScanMode> ParseScanMode(std::string_view text);

}  // namespace tellus
