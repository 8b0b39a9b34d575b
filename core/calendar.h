#pragma once
// Working-day calendar: weekends and the bank holidays of one UK division, read
// from GOV.UK's bank-holidays.json format. A date outside the loaded data is an
// error (CalendarRangeError), never a silently wrong deadline.
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/duration.h"

namespace tellus {

enum class Division { kEnglandAndWales, kScotland, kNorthernIreland };
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

  bool IsBankHoliday(Date date) const;
  bool IsWorkingDay(Date date) const;              // throws CalendarRangeError outside Covered()
  Date first_covered() const { return first_; }    // 1 January of the first year with data
  Date last_covered() const { return last_; }      // 31 December of the last year with data
  Division division() const { return division_; }

 private:
  Division division_ = Division::kEnglandAndWales;
  std::set<int> holidays_;                          // days since epoch
  Date first_{}, last_{};
};

// The deadline that `duration` after `received` falls on. Counting starts the day
// after receipt; working days skip weekends and bank holidays; hours round up to
// whole days. Throws CalendarRangeError if any day counted lies outside the data.
Date AddDuration(Date received, const Duration& duration, const HolidayCalendar& calendar);

}  // namespace tellus
