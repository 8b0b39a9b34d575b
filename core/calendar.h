#pragma once
// Working-day calendar: weekends and the bank holidays of one UK division, read from
// GOV.UK's bank-holidays.json format and, for every year after the last one published,
// projected by the standing rules (core/holiday_rules.h) so that the calendar never runs
// out. Published data wins wherever it exists; a projected day is marked as such, and so
// is a deadline that counts working days in a projected year (RestsOnProjection), so that
// staff know a one-off holiday announced later could move it. A date before the first
// published year is an error (CalendarRangeError), never a silently wrong deadline: the
// rules have changed over the decades, so they are not projected backwards.
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/duration.h"
#include "core/holiday_rules.h"

namespace tellus {

Division ParseDivision(std::string_view text);     // "england-and-wales" | "scotland" | "northern-ireland"
std::string ToString(Division division);

struct CalendarRangeError : std::runtime_error { using std::runtime_error::runtime_error; };
struct HolidayFileError : std::runtime_error { using std::runtime_error::runtime_error; };

class HolidayCalendar {
 public:
  // Reads one division from a GOV.UK bank-holidays.json file; throws HolidayFileError naming the file.
  static HolidayCalendar FromGovUkFile(const std::string& path, Division division);
  static HolidayCalendar FromGovUkJson(std::string_view json, Division division, const std::string& source_name);
  // Loads the division from every *.json file in a folder (assets/holidays).
  static HolidayCalendar FromFolder(const std::string& folder, Division division);

  bool IsBankHoliday(Date date) const;             // published, or projected after the published years
  bool IsWorkingDay(Date date) const;              // throws CalendarRangeError before first_covered()
  bool IsProjected(Date date) const;               // after last_published(): holidays come from the rules
  Date first_covered() const { return first_; }    // 1 January of the first published year
  Date last_published() const { return last_; }    // 31 December of the last published year
  Division division() const { return division_; }
  // The bank holidays from `from` to `to` inclusive, published or projected, in date order.
  std::vector<BankHoliday> HolidaysBetween(Date from, Date to) const;

 private:
  Division division_ = Division::kEnglandAndWales;
  std::map<int, BankHoliday> published_;           // by days since epoch
  Date first_{}, last_{};
};

// The deadline that `duration` after `received` falls on. Counting starts the day
// after receipt; working days skip weekends and bank holidays; hours round up to
// whole days. Throws CalendarRangeError if a day counted lies before the published data.
Date AddDuration(Date received, const Duration& duration, const HolidayCalendar& calendar);

// Whether the deadline `duration` after `received` counts working days in a projected
// year, so that a holiday announced later could move it. Calendar durations never do.
bool RestsOnProjection(Date received, const Duration& duration, const HolidayCalendar& calendar);

}  // namespace tellus
