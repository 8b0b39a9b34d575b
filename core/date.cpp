// Calendar dates for deadlines (core/date.h).
#include "core/date.h"

#include <array>
#include <charconv>
#include <ctime>
#include <stdexcept>

namespace tellus {
namespace {

constexpr std::array<const char*, 7> kWeekdayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",
                                                     "May",     "June",     "July",      "August",
                                                     "September", "October", "November", "December"};

bool ParseDigits(std::string_view text, int& out) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

std::string TwoDigits(unsigned value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

std::string DayMonth(Date date) {
  return std::string(kWeekdayNames[WeekdayOf(date).c_encoding()]) + " " +
         std::to_string(static_cast<unsigned>(date.day())) + " " +
         kMonthNames[static_cast<unsigned>(date.month()) - 1];
}

}  // namespace

Date ParseIsoDate(std::string_view text) {
  // Exactly YYYY-MM-DD: a deadline computed from a half-understood date is worse than an error.
  int y = 0, m = 0, d = 0;
  bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && ParseDigits(text.substr(0, 4), y) &&
                ParseDigits(text.substr(5, 2), m) && ParseDigits(text.substr(8, 2), d);
  Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
            std::chrono::day{static_cast<unsigned>(d)}};
  if (!shaped || !date.ok()) {
    throw std::invalid_argument("'" + std::string(text) + "' is not a date (expected YYYY-MM-DD, e.g. 2026-11-27)");
  }
  return date;
}

std::string ToIso(Date date) {
  int y = static_cast<int>(date.year());
  std::string year = std::to_string(y);
  while (year.size() < 4) year.insert(year.begin(), '0');
  return year + "-" + TwoDigits(static_cast<unsigned>(date.month())) + "-" +
         TwoDigits(static_cast<unsigned>(date.day()));
}

std::string ToLongDate(Date date) { return DayMonth(date) + " " + std::to_string(static_cast<int>(date.year())); }

std::string ToSpokenDate(Date date) { return DayMonth(date); }

Date AddDays(Date date, int days) { return Date{std::chrono::sys_days{date} + std::chrono::days{days}}; }

int DaysBetween(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

bool IsWeekend(Date date) {
  std::chrono::weekday w = WeekdayOf(date);
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

std::chrono::weekday WeekdayOf(Date date) { return std::chrono::weekday{std::chrono::sys_days{date}}; }

UtcTime UtcNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string ToIsoUtc(std::chrono::sys_seconds time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

std::optional<std::chrono::sys_seconds> ParseIsoUtc(std::string_view text) {
  const std::string copy(text);                    // strptime wants a terminated string
  std::tm tm{};
  if (!strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return std::nullopt;
  return std::chrono::sys_seconds{std::chrono::seconds{timegm(&tm)}};
}

Date LocalDateOf(std::chrono::sys_seconds time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  localtime_r(&t, &local);
  return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
              std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace tellus
