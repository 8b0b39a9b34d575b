// When it happened: the "how long ago" spans, the policy's time limit and the date grid's range.
#include <algorithm>
#include <array>
#include <utility>

#include "core/journey.h"
#include "core/journey_flow.h"

namespace tellus {

namespace {

using std::chrono::year_month;

// Choose ids and catalog keys: never change once shipped (tests and screenshots name them).
constexpr std::array<std::pair<WhenChoice, const char*>, 10> kWhenNames{{
    {WhenChoice::kNone, ""},
    {WhenChoice::kToday, "today"},
    {WhenChoice::kYesterday, "yesterday"},
    {WhenChoice::kThisWeek, "this-week"},
    {WhenChoice::kLastWeek, "last-week"},
    {WhenChoice::kTwoToFourWeeks, "2-4-weeks"},
    {WhenChoice::kOneToThreeMonths, "1-3-months"},
    {WhenChoice::kThreeToTwelveMonths, "3-12-months"},
    {WhenChoice::kOverAYear, "over-a-year"},
    {WhenChoice::kPickedDay, "day"},
}};

// The same day `months` months earlier, or the month's last day when it is shorter.
Date SubtractMonths(Date date, int months) {
  year_month ym = year_month{date.year(), date.month()} - std::chrono::months{months};
  unsigned last = static_cast<unsigned>((ym.year() / ym.month() / std::chrono::last).day());
  unsigned d = std::min(static_cast<unsigned>(date.day()), last);
  return Date{ym.year(), ym.month(), std::chrono::day{d}};
}

year_month MonthOf(Date date) { return year_month{date.year(), date.month()}; }

}  // namespace

const char* ToString(WhenChoice choice) {
  for (const auto& [value, name] : kWhenNames) {
    if (value == choice) return name;
  }
  return "";
}

std::optional<WhenChoice> ParseWhenChoice(const std::string& id) {
  for (const auto& [value, name] : kWhenNames) {
    if (value != WhenChoice::kNone && id == name) return value;
  }
  return std::nullopt;
}

const std::vector<WhenChoice>& WhenScreenChoices() {
  static const std::vector<WhenChoice> choices = {
      WhenChoice::kToday,          WhenChoice::kYesterday,        WhenChoice::kThisWeek,
      WhenChoice::kLastWeek,       WhenChoice::kTwoToFourWeeks,   WhenChoice::kOneToThreeMonths,
      WhenChoice::kThreeToTwelveMonths, WhenChoice::kOverAYear, WhenChoice::kPickedDay};
  return choices;
}

// The spans meet without a gap or an overlap: each starts the day after the next older one ends.
IncidentPeriod WhenChoicePeriod(WhenChoice choice, Date today) {
  const Date a_month = SubtractMonths(today, 1), three_months = SubtractMonths(today, 3);
  const Date a_year = SubtractMonths(today, 12);
  switch (choice) {
    case WhenChoice::kToday: return {today, today};
    case WhenChoice::kYesterday: return {AddDays(today, -1), AddDays(today, -1)};
    case WhenChoice::kThisWeek: return {AddDays(today, -6), today};
    case WhenChoice::kLastWeek: return {AddDays(today, -13), AddDays(today, -7)};
    case WhenChoice::kTwoToFourWeeks: return {AddDays(a_month, 1), AddDays(today, -14)};
    case WhenChoice::kOneToThreeMonths: return {AddDays(three_months, 1), a_month};
    case WhenChoice::kThreeToTwelveMonths: return {a_year, three_months};
    case WhenChoice::kOverAYear: return {std::nullopt, AddDays(a_year, -1)};
    case WhenChoice::kPickedDay:
    case WhenChoice::kNone: break;
  }
  return {};
}

std::optional<Date> EarliestEligibleDate(const Policy& policy, Date today) {
  if (!policy.time_limit) return std::nullopt;
  const Duration& limit = *policy.time_limit;
  switch (limit.unit) {
    case Duration::Unit::kDays: return AddDays(today, -limit.count);
    case Duration::Unit::kWeeks: return AddDays(today, -7 * limit.count);
    case Duration::Unit::kHours: return AddDays(today, -((limit.count + 23) / 24));
    case Duration::Unit::kMonths: return SubtractMonths(today, limit.count);
    case Duration::Unit::kYears: return SubtractMonths(today, 12 * limit.count);
    case Duration::Unit::kWorkingDays: {
      // No holiday calendar here: step back one extra day per five working days so
      // bank holidays never make the kiosk refuse someone early (the register is exact).
      Date date = today;
      for (int left = limit.count + (limit.count + 4) / 5; left > 0;) {
        date = AddDays(date, -1);
        if (!IsWeekend(date)) --left;
      }
      return date;
    }
  }
  return std::nullopt;
}

year_month FirstGridMonth(const Policy& policy, Date today) {
  if (auto earliest = EarliestEligibleDate(policy, today)) return MonthOf(*earliest);
  return MonthOf(today) - std::chrono::years{kGridYears};
}

Notice DayRefusal(const Policy& policy, Date today, Date day) {
  if (day > today) return Notice::kFutureDate;
  if (auto earliest = EarliestEligibleDate(policy, today); earliest && day < *earliest) return Notice::kBeforeLimit;
  if (MonthOf(day) < FirstGridMonth(policy, today)) return Notice::kBeforeLimit;
  return Notice::kNone;
}

std::vector<year_month> MonthListMonths(const Policy& policy, Date today, year_month last) {
  const year_month first = FirstGridMonth(policy, today);
  std::vector<year_month> months;
  for (year_month m = last - std::chrono::months{12}; m <= last; m += std::chrono::months{1}) {
    if (m >= first && m <= MonthOf(today)) months.push_back(m);
  }
  return months;
}

namespace journey_detail {

bool SpansTimeLimit(const JourneyState& s, const Policy& p) {
  const auto earliest = EarliestEligibleDate(p, s.today);
  if (!earliest || !s.incident.to || *s.incident.to < *earliest) return false;
  return !s.incident.from || *s.incident.from < *earliest;
}

bool WhollyBeforeTimeLimit(const JourneyState& s, const Policy& p) {
  const auto earliest = EarliestEligibleDate(p, s.today);
  return earliest && s.incident.to && *s.incident.to < *earliest;
}

}  // namespace journey_detail

}  // namespace tellus
