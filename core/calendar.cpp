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
std::vector<BankHoliday> ReadDivision(const Json& entry, const std::string& key, const std::string& source) {
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
  std::vector<BankHoliday> dates;
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
    auto notes = event.find("notes");
    if (notes != event.end() && !notes->is_string()) Bad(source, where + ".notes", "expected a string");
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
    const bool substitute = notes != event.end() && notes->get<std::string>() == "Substitute day";
    dates.push_back({date, title->get<std::string>(), substitute, false});
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
std::map<Division, std::vector<BankHoliday>> ReadFile(std::string_view json, const std::string& source) {
  Json root = ParseJson(json, source);
  if (!root.is_object()) Bad(source, "", std::string("expected an object of divisions, found ") + JsonType(root));
  std::map<Division, std::vector<BankHoliday>> out;
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
// data is missing, which would make deadlines silently wrong, so it is an error. A year
// listed by more than one file is taken whole from the newest of them (the one reaching
// furthest ahead; on a tie, the later name), so a newer GOV.UK file dropped beside an
// older one wins, including where it moved a day for a one-off occasion.
namespace {

using Part = std::pair<std::string, std::vector<BankHoliday>>;

int YearOf(Date date) { return static_cast<int>(date.year()); }

void Build(Division division, const std::vector<Part>& parts, std::map<int, BankHoliday>& holidays, Date& first,
           Date& last, const std::string& where) {
  std::map<int, std::size_t> chosen;               // year -> index of the part it is taken from
  auto reach = [&](std::size_t i) {
    int furthest = 0;
    for (const BankHoliday& h : parts[i].second) furthest = std::max(furthest, YearOf(h.date));
    return furthest;
  };
  for (std::size_t i = 0; i < parts.size(); ++i) {
    for (const BankHoliday& holiday : parts[i].second) {
      auto [it, added] = chosen.emplace(YearOf(holiday.date), i);
      if (!added && it->second != i && reach(i) >= reach(it->second)) it->second = i;
    }
  }
  if (chosen.empty()) throw HolidayFileError(where + ": no bank holidays for " + ToString(division));
  const int first_year = chosen.begin()->first, last_year = chosen.rbegin()->first;
  for (int y = first_year; y <= last_year; ++y) {
    if (!chosen.count(y)) {
      throw HolidayFileError(where + ": no bank holidays for " + ToString(division) + " in " + std::to_string(y) +
                             " although earlier and later years have some");
    }
  }
  std::map<int, std::size_t> per_year;
  for (const auto& [year, index] : chosen) {
    for (const BankHoliday& holiday : parts[index].second) {
      if (YearOf(holiday.date) != year) continue;
      if (holidays.emplace(DayNumber(holiday.date), holiday).second) ++per_year[year];
    }
  }
  // A year is listed whole or not at all: the years after the last one are projected, so a
  // file cut short part-way through a year would otherwise silently lose its later holidays.
  for (const auto& [year, count] : per_year) {
    const std::size_t expected = StatutoryHolidays(year, division).size();
    if (count < expected) {
      const std::string& source = parts[chosen[year]].first;
      const std::string place = where == source ? where : where + ": " + source;
      throw HolidayFileError(place + ": " + ToString(division) + " lists only " + std::to_string(count) +
                             (count == 1 ? " bank holiday in " : " bank holidays in ") + std::to_string(year) +
                             " where every year has at least " +
                             std::to_string(expected) + "; list each year whole (the file looks cut short)");
    }
  }
  first = Date{std::chrono::year{first_year}, std::chrono::January, std::chrono::day{1}};
  last = Date{std::chrono::year{last_year}, std::chrono::December, std::chrono::day{31}};
}

}  // namespace

HolidayCalendar HolidayCalendar::FromGovUkJson(std::string_view json, Division division,
                                               const std::string& source_name) {
  auto file = ReadFile(json, source_name);
  auto it = file.find(division);
  if (it == file.end()) throw HolidayFileError(source_name + ": no \"" + ToString(division) + "\" division");
  HolidayCalendar calendar;
  calendar.division_ = division;
  Build(division, {{source_name, it->second}}, calendar.published_, calendar.first_, calendar.last_, source_name);
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
  std::vector<Part> parts;
  for (const std::string& path : paths) {
    auto file = ReadFile(ReadWholeFile(path), FileName(path));
    if (auto it = file.find(division); it != file.end()) parts.emplace_back(FileName(path), it->second);
  }
  HolidayCalendar calendar;
  calendar.division_ = division;
  Build(division, parts, calendar.published_, calendar.first_, calendar.last_, folder);
  return calendar;
}

bool HolidayCalendar::IsProjected(Date date) const { return published_.empty() || Before(last_, date); }

bool HolidayCalendar::IsBankHoliday(Date date) const {
  if (!IsProjected(date)) return published_.count(DayNumber(date)) > 0;
  if (published_.empty()) return false;
  for (const BankHoliday& holiday : StatutoryHolidays(static_cast<int>(date.year()), division_)) {
    if (holiday.date == date) return true;
  }
  return false;
}

bool HolidayCalendar::IsWorkingDay(Date date) const {
  if (published_.empty() || Before(date, first_)) {
    std::string range = published_.empty() ? "none loaded" : "published from " + ToIso(first_);
    throw CalendarRangeError(ToIso(date) + " is outside the bank holiday data for " + ToString(division_) + " (" +
                             range + "); add the missing years to assets/holidays to compute working days");
  }
  return !IsWeekend(date) && !IsBankHoliday(date);
}

std::vector<BankHoliday> HolidayCalendar::HolidaysBetween(Date from, Date to) const {
  std::vector<BankHoliday> out;
  if (published_.empty() || Before(to, from)) return out;
  for (auto it = published_.lower_bound(DayNumber(from)); it != published_.end() && it->first <= DayNumber(to); ++it) {
    out.push_back(it->second);
  }
  const int first_projected = static_cast<int>(last_.year()) + 1;
  for (int year = std::max(first_projected, static_cast<int>(from.year())); year <= static_cast<int>(to.year()); ++year) {
    for (const BankHoliday& holiday : StatutoryHolidays(year, division_)) {
      if (!Before(holiday.date, from) && !Before(to, holiday.date)) out.push_back(holiday);
    }
  }
  return out;
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
// data's range: a 6-year retention from 2020 is still a correct date. A calendar-day
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

bool RestsOnProjection(Date received, const Duration& duration, const HolidayCalendar& calendar) {
  return duration.unit == Duration::Unit::kWorkingDays && duration.count > 0 &&
         calendar.IsProjected(AddDuration(received, duration, calendar));
}

}  // namespace tellus
