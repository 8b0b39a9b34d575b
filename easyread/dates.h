#pragma once
// Dates in the catalog's language: "Friday 27 November" (en-GB), "piątek, 27 listopada"
// (pl). Each catalog's meta.toml holds [date.pattern] with ICU patterns `default`,
// `year` and any form a sentence needs (easyread/grammar.h); ICU holds the names.
#include <chrono>
#include <string>

#include "easyread/catalog.h"

namespace tellus {

// Shown and spoken: the catalog's `default` pattern, or `year` with the year.
std::string LocalDate(const Catalog& catalog, std::chrono::year_month_day date, bool with_year = false);

}  // namespace tellus
