#pragma once
// Calendar dates for deadlines: a thin layer over std::chrono's civil calendar.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tellus {

using Date = std::chrono::year_month_day;

Date ParseIsoDate(std::string_view text);          // "2026-11-27"; throws std::invalid_argument naming the text
std::string ToIso(Date date);                      // "2026-11-27"
std::string ToLongDate(Date date);                 // "Friday 27 November 2026"
std::string ToSpokenDate(Date date);               // "Friday 27 November" (how a person says it)
Date AddDays(Date date, int days);                 // calendar arithmetic, any sign
int DaysBetween(Date from, Date to);               // to - from, in days
bool IsWeekend(Date date);                         // Saturday or Sunday
std::chrono::weekday WeekdayOf(Date date);

// Instants, as the kiosk stamps them and the register stores them: UtcTime, with
// ToIsoUtc and ParseIsoUtc its one format and one parse (ISO 8601, UTC, whole seconds).
using UtcTime = std::chrono::sys_seconds;
UtcTime UtcNow();                                  // this second
std::string ToIsoUtc(std::chrono::sys_seconds time);  // "2026-11-22T19:04:17Z"
// The same back ("2026-11-22T19:04:17", what follows the seconds is not read); nullopt if it is not that.
std::optional<std::chrono::sys_seconds> ParseIsoUtc(std::string_view text);
Date LocalDateOf(std::chrono::sys_seconds time);   // the calendar day in this machine's time zone

}  // namespace tellus
