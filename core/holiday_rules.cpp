// UK bank holidays by rule (core/holiday_rules.h).
#include "core/holiday_rules.h"

#include <algorithm>

namespace tellus {
namespace {

using namespace std::chrono;

Date Day(int year, unsigned month, unsigned day) { return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}; }

Date FirstMonday(int year, unsigned month) {
  return Date{year_month_weekday{std::chrono::year{year}, std::chrono::month{month}, Monday[1]}};
}

Date LastMonday(int year, unsigned month) {
  return Date{year_month_weekday_last{std::chrono::year{year}, std::chrono::month{month}, Monday[last]}};
}

// A single holiday: on a weekend, the Monday after.
void AddSingle(std::vector<BankHoliday>& out, Date date, const char* title) {
  if (!IsWeekend(date)) {
    out.push_back({date, title, false, true});
    return;
  }
  out.push_back({AddDays(date, WeekdayOf(date) == Saturday ? 2 : 1), title, true, true});
}

// Two days in a row (Christmas and Boxing Day; 1 and 2 January in Scotland): a day on a
// weekend goes to the first weekday after the pair not already taken by the other.
void AddPair(std::vector<BankHoliday>& out, Date first, const char* first_title, const char* second_title) {
  Date second = AddDays(first, 1);
  Date taken{};
  bool have_taken = false;
  for (auto [date, title] : {std::pair{first, first_title}, std::pair{second, second_title}}) {
    if (!IsWeekend(date)) {
      out.push_back({date, title, false, true});
      taken = date;
      have_taken = true;
    }
  }
  Date next = AddDays(second, 1);
  for (auto [date, title] : {std::pair{first, first_title}, std::pair{second, second_title}}) {
    if (!IsWeekend(date)) continue;
    while (IsWeekend(next) || (have_taken && next == taken)) next = AddDays(next, 1);
    out.push_back({next, title, true, true});
    next = AddDays(next, 1);
  }
}

}  // namespace

Date EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Day(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<BankHoliday> StatutoryHolidays(int year, Division division) {
  const bool scotland = division == Division::kScotland, ni = division == Division::kNorthernIreland;
  std::vector<BankHoliday> out;
  if (scotland) {
    AddPair(out, Day(year, 1, 1), "New Year’s Day", "2nd January");
  } else {
    AddSingle(out, Day(year, 1, 1), "New Year’s Day");
  }
  if (ni) AddSingle(out, Day(year, 3, 17), "St Patrick’s Day");
  const Date easter = EasterSunday(year);
  out.push_back({AddDays(easter, -2), "Good Friday", false, true});
  if (!scotland) out.push_back({AddDays(easter, 1), "Easter Monday", false, true});
  out.push_back({FirstMonday(year, 5), "Early May bank holiday", false, true});
  out.push_back({LastMonday(year, 5), "Spring bank holiday", false, true});
  if (ni) AddSingle(out, Day(year, 7, 12), "Battle of the Boyne (Orangemen’s Day)");
  out.push_back({scotland ? FirstMonday(year, 8) : LastMonday(year, 8), "Summer bank holiday", false, true});
  if (scotland) AddSingle(out, Day(year, 11, 30), "St Andrew’s Day");
  AddPair(out, Day(year, 12, 25), "Christmas Day", "Boxing Day");
  std::stable_sort(out.begin(), out.end(), [](const BankHoliday& x, const BankHoliday& y) {
    return sys_days{x.date} < sys_days{y.date};
  });
  return out;
}

}  // namespace tellus
