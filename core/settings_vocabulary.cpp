#include "core/settings_vocabulary.h"

namespace tellus {
namespace {

template <class E, std::size_t N>
std::optional<E> ParseOneOf(const std::array<E, N>& all, std::string_view text) {
  for (E e : all)
    if (text == ToString(e)) return e;
  return std::nullopt;
}

}  // namespace

const char* ToString(ThemeId theme) {
  switch (theme) {
    case ThemeId::kStandard: return "standard";
    case ThemeId::kHighContrastDark: return "high-contrast";
    case ThemeId::kYellowOnBlack: return "yellow-on-black";
  }
  return "standard";
}

const char* ToString(TextSize size) {
  switch (size) {
    case TextSize::kStandard: return "standard";
    case TextSize::kLarge: return "large";
    case TextSize::kLargest: return "largest";
  }
  return "standard";
}

const char* ToString(ScanMode mode) {
  switch (mode) {
    case ScanMode::kOff: return "off";
    case ScanMode::kAuto: return "auto";
    case ScanMode::kStep: return "step";
  }
  return "off";
}

std::optional<ThemeId> ParseThemeId(std::string_view text) { return ParseOneOf(kAllThemeIds, text); }
std::optional<TextSize> ParseTextSize(std::string_view text) { return ParseOneOf(kAllTextSizes, text); }
std::optional<ScanMode> ParseScanMode(std::string_view text) { return ParseOneOf(kAllScanModes, text); }

}  // namespace tellus
