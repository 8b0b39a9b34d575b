#pragma once
// Durations as written in policy files: "5 working days", "28 days", "24 hours",
// "1 week", "12 months", "2 years".
#include <string>
#include <string_view>

namespace tellus {

struct Duration {
  enum class Unit { kWorkingDays, kDays, kHours, kWeeks, kMonths, kYears };
  int count = 0;
  Unit unit = Unit::kDays;
  bool operator==(const Duration&) const = default;
};

// Throws std::invalid_argument with a message naming the text when it is not a duration.
Duration ParseDuration(std::string_view text);
std::string ToString(const Duration& d);          // back to policy form, "5 working days"

}  // namespace tellus
