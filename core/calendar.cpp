// Working-day calendar from GOV.UK bank-holidays.json (core/calendar.h).
#include "core/calendar.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace tellus {
namespace {

using Json = nlohmann::json;

int DayNumber(Date date) { return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count()); }

bool Before(Date a, Date b) { return std::chrono::sys_days{a} < std::chrono::sys_days{b}; }

[[noreturn]] void Bad(const std::string& source, const std::string& where, const std::string& what) {
  throw HolidayFileError(source + ": " + (where.empty() ? "" : where + ": ") + what);
}

const char* JsonType(const Json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "true/false";
  if (value.is_number()) return "a number";
  return "null";
}

// The dates of one division's events, checked: every event has a title and a valid
// weekday date (a weekend date means a substitute day is missing from the file).
std::vector<Date> ReadDivision(const Json& entry, const std::string& key, const std::string& source) {
  if (!entry.is_object()) Bad(source, key, std::string("expected an object, found ") + JsonType(entry));
  for (const auto& [field, value] : entry.items()) {
    if (field != "division" && field != "events") Bad(source, key, "unknown key '" + field + "'");
  }
  if (auto it = entry.find("division"); it != entry.end() && (!it->is_string() || *it != key)) {
    Bad(source, key + ".division", "must be \"" + key + "\", found " + it->dump());
  }
  auto events = entry.find("events");
  if (events == entry.end()) Bad(source, key, "missing key 'events'");
  if (!events->is_array()) Bad(source, key + ".events", std::string("expected an array, found ") + JsonType(*events));
  std::vector<Date> dates;
  for (std::size_t i = 0; i < events->size(); ++i) {
    const Json& event = (*events)[i];
    std::string where = key + ".events[" + std::to_string(i) + "]";
    if (!event.is_object()) Bad(source, where, std::string("expected an object, found ") + JsonType(event));
    for (const auto& [field, value] : event.items()) {
      if (field != "title" && field != "date" && field != "notes" && field != "bunting") {
        Bad(source, where, "unknown key '" + field + "'");
      }
    }
    auto title = event.find("title");
    if (title == event.end() || !title->is_string()) Bad(source, where + ".title", "missing or not a string");
    if (auto notes = event.find("notes"); notes != event.end() && !notes->is_string()) {
      Bad(source, where + ".notes", "expected a string");
    }
    if (auto bunting = event.find("bunting"); bunting != event.end() && !bunting->is_boolean()) {
      Bad(source, where + ".bunting", "expected true or false");
    }
    auto date_text = event.find("date");
    if (date_text == event.end() || !date_text->is_string()) Bad(source, where + ".date", "missing or not a string");
    Date date;
    try {
      date = ParseIsoDate(date_text->get<std::string>());
    } catch (const std::invalid_argument& e) {
      Bad(source, where + ".date", e.what());
    }
    if (IsWeekend(date)) {
      Bad(source, where + ".date",
          date_text->get<std::string>() + " (" + title->get<std::string>() +
              ") falls on a weekend; the file should list the weekday substitute day instead");
    }
    dates.push_back(date);
  }
  return dates;
}

Json ParseJson(std::string_view json, const std::string& source) {
  try {
    return Json::parse(json);
  } catch (const Json::parse_error& e) {
    Bad(source, "", std::string("not valid JSON: ") + e.what());
  }
}

// Every division key the file has, with its dates; unknown top-level keys are errors
// (a misspelt division would otherwise silently leave a calendar with no holidays).
std::map<Division, std::vector<Date>> ReadFile(std::string_view json, const std::string& source) {
  Json root = ParseJson(json, source);
  if (!root.is_object()) Bad(source, "", std::string("expected an object of divisions, found ") + JsonType(root));
  std::map<Division, std::vector<Date>> out;
  for (const auto& [key, entry] : root.items()) {
    Division division;
    try {
      division = ParseDivision(key);
    } catch (const std::invalid_argument& e) {
      Bad(source, "", std::string("unknown division key: ") + e.what());
    }
    out[division] = ReadDivision(entry, key, source);
  }
  return out;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw HolidayFileError(path + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw HolidayFileError(path + ": cannot be read");
  return text.str();
}

std::string FileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace

Division ParseDivision(std::string_view text) {
  if (text == "england-and-wales") return Division::kEnglandAndWales;
  if (text == "scotland") return Division::kScotland;
  if (text == "northern-ireland") return Division::kNorthernIreland;
  throw std::invalid_argument("\"" + std::string(text) +
                              "\" is not a division (expected \"england-and-wales\", \"scotland\" or "
                              "\"northern-ireland\")");
}

std::string ToString(Division division) {
  switch (division) {
    case Division::kEnglandAndWales: return "england-and-wales";
    case Division::kScotland: return "scotland";
    case Division::kNorthernIreland: return "northern-ireland";
  }
  return "england-and-wales";
}

// One calendar from the dates of several files. The covered range is whole years from
// the first year with any event to the last; a year in between with no events means
// data is missing, which would make deadlines silently wrong, so it is an error.
namespace {

void Build(Division division, const std::vector<std::pair<std::string, std::vector<Date>>>& parts,
                             std::set<int>& holidays, Date& first, Date& last, const std::string& where) {
  std::set<int> years;
  for (const auto& [source, dates] : parts) {
    for (Date d : dates) {
      holidays.insert(DayNumber(d));
      years.insert(static_cast<int>(d.year()));
    }
  }
  if (years.empty()) throw HolidayFileError(where + ": no bank holidays for " + ToString(division));
  for (int y = *years.begin(); y <= *years.rbegin(); ++y) {
    if (!years.count(y)) {
      throw HolidayFileError(where + ": no bank holidays for " + ToString(division) + " in " + std::to_string(y) +
                             " although earlier and later years have some");
    }
  }
  first = Date{std::chrono::year{*years.begin()}, std::chrono::January, std::chrono::day{1}};
  last = Date{std::chrono::year{*years.rbegin()}, std::chrono::December, std::chrono::day{31}};
}

}  // namespace

HolidayCalendar HolidayCalendar::FromGovUkJson(std::string_view json, Division division,
                                               const std::string& source_name) {
  auto file = ReadFile(json, source_name);
  auto it = file.find(division);
  if (it == file.end()) throw HolidayFileError(source_name + ": no \"" + ToString(division) + "\" division");
  HolidayCalendar calendar;
  calendar.division_ = division;
  Build(division, {{source_name, it->second}}, calendar.holidays_, calendar.first_, calendar.last_, source_name);
  return calendar;
}

HolidayCalendar HolidayCalendar::FromGovUkFile(const std::string& path, Division division) {
  return FromGovUkJson(ReadWholeFile(path), division, FileName(path));
}

HolidayCalendar HolidayCalendar::FromFolder(const std::string& folder, Division division) {
  std::error_code error;
  std::vector<std::string> paths;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".json") paths.push_back(it->path().string());
  }
  if (error) throw HolidayFileError(folder + ": cannot list the folder: " + error.message());
  if (paths.empty()) throw HolidayFileError(folder + ": no bank holiday files (*.json)");
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::vector<Date>>> parts;
  for (const std::string& path : paths) {
    auto file = ReadFile(ReadWholeFile(path), FileName(path));
    if (auto it = file.find(division); it != file.end()) parts.emplace_back(FileName(path), it->second);
  }
  HolidayCalendar calendar;
  calendar.division_ = division;
  Build(division, parts, calendar.holidays_, calendar.first_, calendar.last_, folder);
  return calendar;
}

bool HolidayCalendar::IsBankHoliday(Date date) const { return holidays_.count(DayNumber(date)) > 0; }

bool HolidayCalendar::IsWorkingDay(Date date) const {
  if (holidays_.empty() || Before(date, first_) || Before(last_, date)) {
    std::string range = holidays_.empty() ? "none loaded" : ToIso(first_) + " to " + ToIso(last_);
    throw CalendarRangeError(ToIso(date) + " is outside the bank holiday data for " + ToString(division_) + " (" +
                             range + "); add the missing years to assets/holidays to compute working days");
  }
  return !IsWeekend(date) && !IsBankHoliday(date);
}

namespace {

Date AddMonths(Date date, int months) {
  std::chrono::year_month_day moved = date + std::chrono::months{months};
  if (!moved.ok()) {  // 31 January + 1 month: the end of February, as a person would count
    moved = std::chrono::year_month_day_last{moved.year(), std::chrono::month_day_last{moved.month()}};
  }
  return moved;
}

}  // namespace

// Only working days need the holiday data. Calendar durations ("28 days", "2 years") are
// plain date arithmetic that no bank holiday can change, so they are not limited to the
// data's range: a 6-year retention from 2026 is still a correct date. A calendar-day
// deadline landing on a weekend stays where it falls; the seeds count plain days.
Date AddDuration(Date received, const Duration& duration, const HolidayCalendar& calendar) {
  switch (duration.unit) {
    case Duration::Unit::kWorkingDays: {
      Date day = received;
      for (int counted = 0; counted < duration.count;) {
        day = AddDays(day, 1);
        if (calendar.IsWorkingDay(day)) ++counted;
      }
      return day;
    }
    case Duration::Unit::kDays: return AddDays(received, duration.count);
    case Duration::Unit::kHours: return AddDays(received, (duration.count + 23) / 24);
    case Duration::Unit::kWeeks: return AddDays(received, 7 * duration.count);
    case Duration::Unit::kMonths: return AddMonths(received, duration.count);
    case Duration::Unit::kYears: return AddMonths(received, 12 * duration.count);
  }
  return received;
}

}  // namespace tellus
