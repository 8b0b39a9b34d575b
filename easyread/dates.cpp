#include "easyread/dates.h"

#include "easyread/grammar.h"

namespace tellus {

std::string LocalDate(const Catalog& catalog, std::chrono::year_month_day date, bool with_year) {
  return FormatDate(catalog, date, with_year ? "year" : "default");
}

}  // namespace tellus
