#include "easyread/dates.h"

namespace tellus {

std::string LocalDate(const Catalog& catalog, std::chrono::year_month_day date, bool with_year) {
  static const char* const kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
  if (!date.ok()) return "[date]";
  const std::chrono::weekday weekday{std::chrono::sys_days{date}};
  const unsigned month = static_cast<unsigned>(date.month());
  return catalog.Format(with_year ? "date.format_year" : "date.format",
                        {{"weekday", catalog.Text(std::string("date.") + kWeekdays[weekday.c_encoding()])},
                         {"day", std::to_string(static_cast<unsigned>(date.day()))},
                         {"month", catalog.Text(std::string("date.") + kMonths[month - 1])},
                         {"year", std::to_string(static_cast<int>(date.year()))}});
}

}  // namespace tellus
