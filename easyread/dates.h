#pragma once
// Dates in the catalog's language: "Friday 27 November" (en-GB), "piątek 27 listopada"
// (pl). Each catalog's meta.toml holds [date] with format, format_year, the weekday
// names (monday..sunday) and the month names as used in a date (january..december).
#include <chrono>
#include <string>

#include "easyread/catalog.h"

namespace tellus {

// Shown and spoken: "{weekday} {day} {month}", or with the year.
std::string LocalDate(const Catalog& catalog, std::chrono::year_month_day date, bool with_year = false);

}  // namespace tellus
