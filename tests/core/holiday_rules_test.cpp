// Bank holidays by rule (core/holiday_rules.h) held to what GOV.UK actually published,
// and the calendar going on past its files (core/calendar.h).
#include "core/holiday_rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/calendar.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

const std::string kHolidays = std::string(TELLUS_SOURCE_DIR) + "/assets/holidays";
constexpr Division kDivisions[] = {Division::kEnglandAndWales, Division::kScotland, Division::kNorthernIreland};

Date Iso(const std::string& text) { return ParseIsoDate(text); }

// "2029-01-01 2029-03-30 ..." for the rules' dates of one year.
std::string RuleDates(int year, Division division) {
  std::string out;
  for (const BankHoliday& h : StatutoryHolidays(year, division)) {
    if (!out.empty()) out += ' ';
    out += ToIso(h.date);
  }
  return out;
}

std::string CalendarDates(const HolidayCalendar& calendar, const std::string& from, const std::string& to) {
  std::string out;
  for (const BankHoliday& h : calendar.HolidaysBetween(Iso(from), Iso(to))) {
    if (!out.empty()) out += ' ';
    out += ToIso(h.date);
  }
  return out;
}

TEST(Computus, KnownEasterSundays) {
  const std::vector<std::string> known = {"1818-03-22", "1943-04-25", "2000-04-23", "2008-03-23", "2011-04-24",
                                          "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28",
                                          "2028-04-16", "2029-04-01", "2030-04-21", "2038-04-25", "2285-03-22"};
  for (const std::string& date : known) {
    EXPECT_EQ(ToIso(EasterSunday(static_cast<int>(Iso(date).year()))), date);
  }
}

// The strong check: for every year and division in the shipped GOV.UK file, the rules give
// exactly the published days, with the same titles and the same substitute days.
TEST(StatutoryHolidays, MatchEveryPublishedYearOfTheShippedFile) {
  for (Division division : kDivisions) {
    SCOPED_TRACE(ToString(division));
    HolidayCalendar published = HolidayCalendar::FromFolder(kHolidays, division);
    const int first = static_cast<int>(published.first_covered().year());
    const int last = static_cast<int>(published.last_published().year());
    ASSERT_GE(last - first, 4);
    for (int year = first; year <= last; ++year) {
      SCOPED_TRACE(year);
      std::vector<BankHoliday> file = published.HolidaysBetween(Iso(std::to_string(year) + "-01-01"),
                                                                Iso(std::to_string(year) + "-12-31"));
      std::vector<BankHoliday> rules = StatutoryHolidays(year, division);
      ASSERT_EQ(file.size(), rules.size());
      for (std::size_t i = 0; i < file.size(); ++i) {
        EXPECT_EQ(ToIso(rules[i].date), ToIso(file[i].date));
        EXPECT_EQ(rules[i].title, file[i].title);
        EXPECT_EQ(rules[i].substitute, file[i].substitute) << ToIso(file[i].date);
        EXPECT_FALSE(file[i].projected);
        EXPECT_TRUE(rules[i].projected);
      }
    }
  }
}

// Earlier years as GOV.UK published them: the rules match every one except the one-off
// days, which no rule can foresee and which a published file therefore has to bring.
struct PublishedYear {
  Division division;
  int year;
  std::string published;    // GOV.UK's dates that year
  std::string rules_only;   // what the rules give that was moved away ("" when none)
  std::string one_offs;     // what GOV.UK has that the rules do not
};

TEST(StatutoryHolidays, MatchEarlierPublishedYearsExceptOneOffDays) {
  const Division ew = Division::kEnglandAndWales, sc = Division::kScotland, ni = Division::kNorthernIreland;
  const std::vector<PublishedYear> years = {
      {ew, 2018, "2018-01-01 2018-03-30 2018-04-02 2018-05-07 2018-05-28 2018-08-27 2018-12-25 2018-12-26", "", ""},
      {ew, 2019, "2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26", "", ""},
      // The early May bank holiday moved to Friday 8 May for VE Day's 75th anniversary.
      {ew, 2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28",
       "2020-05-04", "2020-05-08"},
      {ew, 2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28", "", ""},
      // Platinum Jubilee (spring holiday moved to 2 June, and 3 June) and the Queen's state funeral.
      {ew, 2022,
       "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 "
       "2022-12-27",
       "2022-05-30", "2022-06-02 2022-06-03 2022-09-19"},
      // The coronation of King Charles III.
      {ew, 2023,
       "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26", "",
       "2023-05-08"},
      {sc, 2021,
       "2021-01-01 2021-01-04 2021-04-02 2021-05-03 2021-05-31 2021-08-02 2021-11-30 2021-12-27 2021-12-28", "", ""},
      {sc, 2022,
       "2022-01-03 2022-01-04 2022-04-15 2022-05-02 2022-06-02 2022-06-03 2022-08-01 2022-09-19 2022-11-30 "
       "2022-12-26 2022-12-27",
       "2022-05-30", "2022-06-02 2022-06-03 2022-09-19"},
      {sc, 2023,
       "2023-01-02 2023-01-03 2023-04-07 2023-05-01 2023-05-08 2023-05-29 2023-08-07 2023-11-30 2023-12-25 "
       "2023-12-26",
       "", "2023-05-08"},
      {ni, 2020,
       "2020-01-01 2020-03-17 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-07-13 2020-08-31 2020-12-25 "
       "2020-12-28",
       "2020-05-04", "2020-05-08"},
      {ni, 2021,
       "2021-01-01 2021-03-17 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-07-12 2021-08-30 2021-12-27 "
       "2021-12-28",
       "", ""},
  };
  for (const PublishedYear& y : years) {
    SCOPED_TRACE(ToString(y.division) + " " + std::to_string(y.year));
    std::string rules_only, one_offs;
    const std::string rules = RuleDates(y.year, y.division);
    for (std::size_t at = 0; at < rules.size(); at += 11) {
      std::string date = rules.substr(at, 10);
      if (y.published.find(date) == std::string::npos) rules_only += (rules_only.empty() ? "" : " ") + date;
    }
    for (std::size_t at = 0; at < y.published.size(); at += 11) {
      std::string date = y.published.substr(at, 10);
      if (rules.find(date) == std::string::npos) one_offs += (one_offs.empty() ? "" : " ") + date;
    }
    EXPECT_EQ(rules_only, y.rules_only);
    EXPECT_EQ(one_offs, y.one_offs);
  }
}

// Each substitute rule, in years that need it (hand-worked from a calendar).
TEST(StatutoryHolidays, SubstituteDays) {
  const Division ew = Division::kEnglandAndWales, sc = Division::kScotland, ni = Division::kNorthernIreland;
  // Christmas on a Saturday: Monday and Tuesday; on a Sunday: Boxing Day Monday, Christmas
  // Tuesday; on a Friday: Boxing Day on Monday.
  EXPECT_EQ(RuleDates(2032, ew).substr(66), "2032-12-27 2032-12-28");
  EXPECT_EQ(StatutoryHolidays(2033, ew).back().title, "Christmas Day");
  EXPECT_EQ(RuleDates(2033, ew).substr(66), "2033-12-26 2033-12-27");
  EXPECT_EQ(RuleDates(2037, ew).substr(66), "2037-12-25 2037-12-28");
  // New Year's Day on a Sunday: Monday 2 January (England and Wales, Northern Ireland).
  EXPECT_EQ(ToIso(StatutoryHolidays(2034, ew).front().date), "2034-01-02");
  EXPECT_EQ(ToIso(StatutoryHolidays(2034, ni).front().date), "2034-01-02");
  // Scotland's 1 and 2 January: Saturday -> Monday and Tuesday; Sunday -> 2nd January on
  // Monday, New Year's Day on Tuesday; Friday -> 2nd January on Monday.
  EXPECT_EQ(RuleDates(2033, sc).substr(0, 21), "2033-01-03 2033-01-04");
  std::vector<BankHoliday> sc2034 = StatutoryHolidays(2034, sc);
  EXPECT_EQ(ToIso(sc2034[0].date) + " " + sc2034[0].title, "2034-01-02 2nd January");
  EXPECT_EQ(ToIso(sc2034[1].date) + " " + sc2034[1].title, "2034-01-03 New Year’s Day");
  EXPECT_TRUE(sc2034[1].substitute);
  EXPECT_FALSE(sc2034[0].substitute);
  EXPECT_EQ(RuleDates(2038, sc).substr(0, 21), "2038-01-01 2038-01-04");
  // St Andrew's Day on a Saturday or Sunday: the Monday after.
  EXPECT_EQ(RuleDates(2030, sc), "2030-01-01 2030-01-02 2030-04-19 2030-05-06 2030-05-27 2030-08-05 2030-12-02 "
                                 "2030-12-25 2030-12-26");
  EXPECT_NE(RuleDates(2031, sc).find("2031-12-01"), std::string::npos);
  // St Patrick's Day and the Boyne on a weekend: the Monday after.
  EXPECT_EQ(RuleDates(2030, ni), "2030-01-01 2030-03-18 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-07-12 "
                                 "2030-08-26 2030-12-25 2030-12-26");
  EXPECT_NE(RuleDates(2031, ni).find("2031-07-14"), std::string::npos);
  EXPECT_NE(RuleDates(2037, ni).find("2037-07-13"), std::string::npos);
}

// The shipped calendar past its file (2029 and 2030), in each division, worked out by hand:
// Easter 2029 is 1 April, 2030 is 21 April; Scotland has no Easter Monday and its summer
// holiday on the first Monday of August; Northern Ireland adds St Patrick's Day (Saturday
// 17 March 2029 -> Monday 19; Sunday 17 March 2030 -> Monday 18) and the Boyne.
TEST(ProjectedCalendar, ShippedCalendarGoesOnIn2029And2030) {
  const std::vector<std::pair<Division, std::string>> expected = {
      {Division::kEnglandAndWales,
       "2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-08-27 2029-12-25 2029-12-26 "
       "2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-08-26 2030-12-25 2030-12-26"},
      {Division::kScotland,
       "2029-01-01 2029-01-02 2029-03-30 2029-05-07 2029-05-28 2029-08-06 2029-11-30 2029-12-25 2029-12-26 "
       "2030-01-01 2030-01-02 2030-04-19 2030-05-06 2030-05-27 2030-08-05 2030-12-02 2030-12-25 2030-12-26"},
      {Division::kNorthernIreland,
       "2029-01-01 2029-03-19 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-07-12 2029-08-27 2029-12-25 "
       "2029-12-26 2030-01-01 2030-03-18 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-07-12 2030-08-26 "
       "2030-12-25 2030-12-26"},
  };
  for (const auto& [division, dates] : expected) {
    SCOPED_TRACE(ToString(division));
    HolidayCalendar c = HolidayCalendar::FromFolder(kHolidays, division);
    EXPECT_EQ(ToIso(c.last_published()), "2028-12-31");
    EXPECT_EQ(CalendarDates(c, "2029-01-01", "2030-12-31"), dates);
    for (const BankHoliday& h : c.HolidaysBetween(Iso("2028-12-01"), Iso("2029-01-31"))) {
      EXPECT_EQ(h.projected, h.date.year() == std::chrono::year{2029}) << ToIso(h.date);
    }
    EXPECT_FALSE(c.IsProjected(Iso("2028-12-31")));
    EXPECT_TRUE(c.IsProjected(Iso("2029-01-01")));
    EXPECT_TRUE(c.IsBankHoliday(Iso("2029-12-25")));
    EXPECT_FALSE(c.IsWorkingDay(Iso("2030-12-26")));
    EXPECT_TRUE(c.IsWorkingDay(Iso("2030-12-27")));
    // Far ahead it still answers.
    EXPECT_TRUE(c.IsBankHoliday(Iso("2099-12-25")));
    EXPECT_FALSE(c.IsWorkingDay(Iso("2099-04-10")));  // Good Friday 2099 (Easter 12 April)
  }
}

// A deadline counting working days in a projected year rests on the projection; one in the
// published years, or in calendar days, does not.
TEST(ProjectedCalendar, DeadlinesSayWhenTheyRestOnProjection) {
  HolidayCalendar c = HolidayCalendar::FromFolder(kHolidays, Division::kEnglandAndWales);
  const Duration wd5{5, Duration::Unit::kWorkingDays}, wd20{20, Duration::Unit::kWorkingDays};
  EXPECT_FALSE(RestsOnProjection(Iso("2028-11-01"), wd20, c));
  EXPECT_TRUE(RestsOnProjection(Iso("2028-12-20"), wd20, c));   // counts into January 2029
  EXPECT_TRUE(RestsOnProjection(Iso("2030-06-03"), wd5, c));
  EXPECT_FALSE(RestsOnProjection(Iso("2030-06-03"), {28, Duration::Unit::kDays}, c));
  EXPECT_FALSE(RestsOnProjection(Iso("2030-06-03"), {2, Duration::Unit::kYears}, c));
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("tellus-rules-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

// One division's events as GOV.UK writes them, from "date title; date title; ...".
std::string File(const std::vector<std::pair<std::string, std::string>>& events) {
  std::string out = R"({"england-and-wales":{"division":"england-and-wales","events":[)";
  for (std::size_t i = 0; i < events.size(); ++i) {
    out += (i ? "," : "") + std::string(R"({"title":")") + events[i].second + R"(","date":")" + events[i].first +
           R"(","notes":"","bunting":true})";
  }
  return out + "]}}";
}

std::vector<std::pair<std::string, std::string>> Rules(int year) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const BankHoliday& h : StatutoryHolidays(year, Division::kEnglandAndWales)) out.emplace_back(ToIso(h.date), h.title);
  return out;
}

// Published data wins where it exists: a newer file for 2029 with a one-off day (and the
// spring holiday moved) is followed, not the rules, and the rules take over after it.
TEST(ProjectedCalendar, ANewerFileWinsOverTheRulesAndOverAnOlderFile) {
  TempDir dir;
  fs::copy_file(kHolidays + "/bank-holidays.json", dir.path / "bank-holidays.json");
  auto y2029 = Rules(2029);
  for (auto& [date, title] : y2029) {
    if (date == "2029-05-28") date = "2029-06-04";
  }
  y2029.emplace_back("2029-06-05", "A one-off bank holiday");
  auto y2028 = Rules(2028);
  for (auto& [date, title] : y2028) {
    if (date == "2028-08-28") date = "2028-08-29";  // the newer file moved a day in a year both list
  }
  auto both = y2028;
  both.insert(both.end(), y2029.begin(), y2029.end());
  dir.Write("bank-holidays-2029.json", File(both));
  HolidayCalendar c = HolidayCalendar::FromFolder(dir.path.string(), Division::kEnglandAndWales);
  EXPECT_EQ(ToIso(c.last_published()), "2029-12-31");
  EXPECT_FALSE(c.IsBankHoliday(Iso("2029-05-28")));
  EXPECT_TRUE(c.IsBankHoliday(Iso("2029-06-04")));
  EXPECT_TRUE(c.IsBankHoliday(Iso("2029-06-05")));
  EXPECT_FALSE(c.IsProjected(Iso("2029-06-05")));
  EXPECT_TRUE(c.IsBankHoliday(Iso("2028-08-29")));
  EXPECT_FALSE(c.IsBankHoliday(Iso("2028-08-28"))) << "the newer file's 2028 replaces the older file's whole";
  EXPECT_TRUE(c.IsBankHoliday(Iso("2030-04-22")));  // Easter Monday 2030, projected again
  EXPECT_TRUE(c.IsProjected(Iso("2030-04-22")));
  // From Friday 1 June 2029: 4, 5 June holidays; Wednesday 6 June is the first working day.
  EXPECT_EQ(ToIso(AddDuration(Iso("2029-06-01"), {1, Duration::Unit::kWorkingDays}, c)), "2029-06-06");
}

// A file that stops part-way through a year would leave that year's later holidays out
// (the rules only take over after it): an error naming the file, the division and the year.
TEST(ProjectedCalendar, AFileCutShortIsAnErrorNamingIt) {
  TempDir dir;
  fs::copy_file(kHolidays + "/bank-holidays.json", dir.path / "bank-holidays.json");
  auto partial = Rules(2029);
  partial.resize(3);
  dir.Write("extra.json", File(partial));
  try {
    HolidayCalendar::FromFolder(dir.path.string(), Division::kEnglandAndWales);
    FAIL() << "a year cut short must not load";
  } catch (const HolidayFileError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("extra.json"), std::string::npos) << m;
    EXPECT_NE(m.find("england-and-wales lists only 3 bank holidays in 2029"), std::string::npos) << m;
    EXPECT_NE(m.find("at least 8"), std::string::npos) << m;
  }
  // Scotland is untouched by the England-only file.
  EXPECT_NO_THROW(HolidayCalendar::FromFolder(dir.path.string(), Division::kScotland));
}

}  // namespace
}  // namespace tellus
