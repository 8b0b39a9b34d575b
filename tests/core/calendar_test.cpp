// The working-day calendar and the shipped bank holiday data (assets/holidays).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/calendar.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;
using Unit = Duration::Unit;

const std::string kHolidays = std::string(TELLUS_SOURCE_DIR) + "/assets/holidays";

HolidayCalendar Shipped(Division division) { return HolidayCalendar::FromFolder(kHolidays, division); }

std::string Add(const char* received, Duration d, Division division = Division::kEnglandAndWales) {
  return ToIso(AddDuration(ParseIsoDate(received), d, Shipped(division)));
}

Duration Wd(int n) { return {n, Unit::kWorkingDays}; }

std::string ErrorOf(std::string_view json, Division division = Division::kEnglandAndWales) {
  try {
    HolidayCalendar::FromGovUkJson(json, division, "test-holidays.json");
  } catch (const HolidayFileError& e) {
    return e.what();
  }
  return "(no error)";
}

// A temporary folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("tellus-cal-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

TEST(Division, ParsesGovUkKeys) {
  EXPECT_EQ(ParseDivision("england-and-wales"), Division::kEnglandAndWales);
  EXPECT_EQ(ParseDivision("scotland"), Division::kScotland);
  EXPECT_EQ(ParseDivision("northern-ireland"), Division::kNorthernIreland);
  EXPECT_EQ(ToString(Division::kScotland), "scotland");
  EXPECT_THROW(ParseDivision("wales"), std::invalid_argument);
}

TEST(HolidayCalendar, ShippedDataCovers2025To2028ForEveryDivision) {
  for (Division d : {Division::kEnglandAndWales, Division::kScotland, Division::kNorthernIreland}) {
    HolidayCalendar c = Shipped(d);
    EXPECT_LE(ToIso(c.first_covered()), "2025-01-01");
    EXPECT_GE(ToIso(c.last_published()), "2028-12-31");
  }
}

// Every bank holiday of 2027 and every substitute day 2025-2028, worked out by hand from the rules.
TEST(HolidayCalendar, EnglandAndWalesDates) {
  HolidayCalendar c = Shipped(Division::kEnglandAndWales);
  for (const char* d : {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
                        "2027-12-27", "2027-12-28",                   // Christmas Sat, Boxing Sun: substitutes
                        "2025-04-18", "2025-04-21", "2026-04-03", "2026-04-06", "2028-04-14", "2028-04-17",
                        "2025-05-05", "2026-05-04", "2026-05-25", "2026-08-31", "2025-08-25",
                        "2026-12-25", "2026-12-28",                   // Boxing Day Sat -> Mon 28
                        "2028-01-03",                                 // New Year Sat -> Mon 3
                        "2028-12-25", "2028-12-26"}) {
    EXPECT_TRUE(c.IsBankHoliday(ParseIsoDate(d))) << d;
  }
  for (const char* d : {"2026-12-26", "2027-12-25", "2027-03-28", "2027-01-04", "2026-03-17", "2026-07-13",
                        "2026-08-03", "2025-12-01", "2027-01-02"}) {
    EXPECT_FALSE(c.IsBankHoliday(ParseIsoDate(d))) << d;
  }
}

TEST(HolidayCalendar, ScotlandDates) {
  HolidayCalendar c = Shipped(Division::kScotland);
  for (const char* d : {"2027-01-01", "2027-01-04",                   // 2nd January Sat -> Mon 4
                        "2028-01-03", "2028-01-04",                   // 1 and 2 January Sat/Sun -> Mon 3, Tue 4
                        "2026-04-03", "2026-08-03", "2027-08-02",     // Good Friday; Summer = first Monday of August
                        "2025-12-01",                                 // St Andrew's Sun 30 Nov -> Mon 1 Dec
                        "2026-11-30", "2027-11-30", "2027-12-27", "2027-12-28"}) {
    EXPECT_TRUE(c.IsBankHoliday(ParseIsoDate(d))) << d;
  }
  for (const char* d : {"2026-04-06", "2027-03-29", "2026-08-31"}) {  // no Easter Monday, no late August
    EXPECT_FALSE(c.IsBankHoliday(ParseIsoDate(d))) << d;
  }
}

TEST(HolidayCalendar, NorthernIrelandDates) {
  HolidayCalendar c = Shipped(Division::kNorthernIreland);
  for (const char* d : {"2026-03-17", "2027-03-17", "2028-03-17",
                        "2025-07-14",                                 // Boyne Sat 12 Jul -> Mon 14
                        "2026-07-13",                                 // Boyne Sun 12 Jul -> Mon 13
                        "2027-07-12", "2028-07-12", "2026-04-06", "2026-08-31", "2026-12-28"}) {
    EXPECT_TRUE(c.IsBankHoliday(ParseIsoDate(d))) << d;
  }
}

TEST(HolidayCalendar, WeekendsAndHolidaysAreNotWorkingDays) {
  HolidayCalendar c = Shipped(Division::kEnglandAndWales);
  EXPECT_TRUE(c.IsWorkingDay(ParseIsoDate("2026-12-24")));
  EXPECT_FALSE(c.IsWorkingDay(ParseIsoDate("2026-12-25")));
  EXPECT_FALSE(c.IsWorkingDay(ParseIsoDate("2026-12-26")));
  EXPECT_FALSE(c.IsWorkingDay(ParseIsoDate("2026-12-28")));
}

TEST(AddDuration, WorkingDaysStartTheDayAfterReceipt) {
  EXPECT_EQ(Add("2026-11-23", Wd(1)), "2026-11-24");  // Monday -> Tuesday
  EXPECT_EQ(Add("2026-11-27", Wd(1)), "2026-11-30");  // Friday -> Monday
  EXPECT_EQ(Add("2026-11-28", Wd(1)), "2026-11-30");  // received on a Saturday
  EXPECT_EQ(Add("2026-11-23", Wd(5)), "2026-11-30");
}

TEST(AddDuration, WorkingDaysOverChristmasWithSubstituteDays) {
  // 2026: 24 Thu (1), 25 Fri Christmas, 26-27 weekend, 28 Mon Boxing Day substitute, 29 (2), 30 (3).
  EXPECT_EQ(Add("2026-12-23", Wd(3)), "2026-12-30");
  // then 31 (4), 1 Jan Fri New Year, 4 Jan Mon (5).
  EXPECT_EQ(Add("2026-12-23", Wd(5)), "2027-01-04");
  // 2027: Christmas Sat -> Mon 27, Boxing Sun -> Tue 28; New Year 2028 Sat -> Mon 3 Jan.
  EXPECT_EQ(Add("2027-12-23", Wd(3)), "2027-12-30");
  EXPECT_EQ(Add("2027-12-23", Wd(5)), "2028-01-04");
}

TEST(AddDuration, WorkingDaysOverEaster) {
  // 2026: Good Friday 3 April, Easter Monday 6 April.
  EXPECT_EQ(Add("2026-04-01", Wd(5)), "2026-04-10");
  // Scotland has Good Friday but no Easter Monday.
  EXPECT_EQ(Add("2026-04-01", Wd(5), Division::kScotland), "2026-04-09");
}

TEST(AddDuration, DivisionsDiffer) {
  // St Andrew's Day 2025 (Sunday) -> Monday 1 December in Scotland only.
  EXPECT_EQ(Add("2025-11-28", Wd(1)), "2025-12-01");
  EXPECT_EQ(Add("2025-11-28", Wd(1), Division::kScotland), "2025-12-02");
  // Summer bank holiday: first Monday of August in Scotland.
  EXPECT_EQ(Add("2026-07-31", Wd(1)), "2026-08-03");
  EXPECT_EQ(Add("2026-07-31", Wd(1), Division::kScotland), "2026-08-04");
  // 2nd January 2027 (Saturday) -> Monday 4 January in Scotland.
  EXPECT_EQ(Add("2026-12-31", Wd(1)), "2027-01-04");
  EXPECT_EQ(Add("2026-12-31", Wd(1), Division::kScotland), "2027-01-05");
  // Battle of the Boyne 2026 (Sunday) -> Monday 13 July in Northern Ireland.
  EXPECT_EQ(Add("2026-07-10", Wd(1)), "2026-07-13");
  EXPECT_EQ(Add("2026-07-10", Wd(1), Division::kNorthernIreland), "2026-07-14");
  // St Patrick's Day 2027 (Wednesday).
  EXPECT_EQ(Add("2027-03-16", Wd(1)), "2027-03-17");
  EXPECT_EQ(Add("2027-03-16", Wd(1), Division::kNorthernIreland), "2027-03-18");
}

TEST(AddDuration, CalendarUnits) {
  EXPECT_EQ(Add("2026-12-23", {28, Unit::kDays}), "2027-01-20");
  EXPECT_EQ(Add("2026-12-23", {1, Unit::kWeeks}), "2026-12-30");
  EXPECT_EQ(Add("2026-12-23", {24, Unit::kHours}), "2026-12-24");  // 24 hours: the next day
  EXPECT_EQ(Add("2026-12-23", {1, Unit::kHours}), "2026-12-24");   // any part of a day rounds up
  EXPECT_EQ(Add("2026-12-23", {25, Unit::kHours}), "2026-12-25");
  EXPECT_EQ(Add("2026-12-23", {48, Unit::kHours}), "2026-12-25");
  EXPECT_EQ(Add("2026-01-31", {1, Unit::kMonths}), "2026-02-28");  // clamped to the month's end
  EXPECT_EQ(Add("2028-01-31", {1, Unit::kMonths}), "2028-02-29");
  EXPECT_EQ(Add("2026-03-15", {12, Unit::kMonths}), "2027-03-15");
  EXPECT_EQ(Add("2028-02-29", {1, Unit::kYears}), "2029-02-28");
  EXPECT_EQ(Add("2026-12-23", {2, Unit::kYears}), "2028-12-23");
}

TEST(AddDuration, CalendarUnitsNeedNoHolidayData) {
  // No bank holiday can move a calendar-day date, so retention far beyond the data is fine.
  EXPECT_EQ(Add("2028-06-01", {6, Unit::kYears}), "2034-06-01");
  EXPECT_EQ(Add("2028-12-20", {28, Unit::kDays}), "2029-01-17");
}

// Past the published data the calendar goes on by the rules (Monday 1 January 2029 is New
// Year's Day); before it, it stops: the rules were different in earlier decades.
TEST(AddDuration, WorkingDaysPastTheDataAreProjectedAndBeforeItAreAnError) {
  EXPECT_EQ(Add("2028-12-28", Wd(1)), "2028-12-29");
  EXPECT_EQ(Add("2028-12-29", Wd(1)), "2029-01-02");
  EXPECT_EQ(Add("2031-05-01", Wd(1)), "2031-05-02");
  EXPECT_EQ(Add("2031-05-02", Wd(1)), "2031-05-06");  // Monday 5 May 2031, early May bank holiday
  EXPECT_THROW(Add("2019-05-01", Wd(1)), CalendarRangeError);
  EXPECT_THROW(Add("2023-12-29", Wd(1)), CalendarRangeError);
  try {
    Add("2019-05-01", Wd(1));
  } catch (const CalendarRangeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("2019-05-02"), std::string::npos) << m;
    EXPECT_NE(m.find("england-and-wales"), std::string::npos) << m;
    EXPECT_NE(m.find("2024-01-01"), std::string::npos) << m;
  }
  HolidayCalendar empty;
  EXPECT_THROW(empty.IsWorkingDay(ParseIsoDate("2026-01-05")), CalendarRangeError);
}

// England and Wales 2026 as GOV.UK publishes it.
constexpr const char* kGood = R"({"england-and-wales":{"division":"england-and-wales","events":[
  {"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true},
  {"title":"Good Friday","date":"2026-04-03","notes":"","bunting":false},
  {"title":"Easter Monday","date":"2026-04-06","notes":"","bunting":true},
  {"title":"Early May bank holiday","date":"2026-05-04","notes":"","bunting":true},
  {"title":"Spring bank holiday","date":"2026-05-25","notes":"","bunting":true},
  {"title":"Summer bank holiday","date":"2026-08-31","notes":"","bunting":true},
  {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
  {"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]}})";

// England and Wales 2027, in a second file.
constexpr const char* k2027 = R"({"england-and-wales":{"events":[
  {"title":"New Year’s Day","date":"2027-01-01"},{"title":"Good Friday","date":"2027-03-26"},
  {"title":"Easter Monday","date":"2027-03-29"},{"title":"Early May bank holiday","date":"2027-05-03"},
  {"title":"Spring bank holiday","date":"2027-05-31"},{"title":"Summer bank holiday","date":"2027-08-30"},
  {"title":"Christmas Day","date":"2027-12-27","notes":"Substitute day"},
  {"title":"Boxing Day","date":"2027-12-28","notes":"Substitute day"}]}})";

TEST(HolidayFile, ReadsTheGovUkShape) {
  HolidayCalendar c = HolidayCalendar::FromGovUkJson(kGood, Division::kEnglandAndWales, "x.json");
  EXPECT_TRUE(c.IsBankHoliday(ParseIsoDate("2026-12-28")));
  EXPECT_FALSE(c.IsProjected(ParseIsoDate("2026-12-28")));
  EXPECT_EQ(ToIso(c.first_covered()), "2026-01-01");
  EXPECT_EQ(ToIso(c.last_published()), "2026-12-31");
  std::vector<BankHoliday> christmas = c.HolidaysBetween(ParseIsoDate("2026-12-20"), ParseIsoDate("2027-01-01"));
  ASSERT_EQ(christmas.size(), 3u);
  EXPECT_EQ(christmas[1].title, "Boxing Day");
  EXPECT_TRUE(christmas[1].substitute);
  EXPECT_FALSE(christmas[1].projected);
  EXPECT_TRUE(christmas[2].projected);             // 1 January 2027, by the rules
}

TEST(HolidayFile, EachProblemIsNamed) {
  auto has = [](const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
  };
  std::string m = ErrorOf("{not json");
  EXPECT_TRUE(has(m, "test-holidays.json: not valid JSON")) << m;
  m = ErrorOf("[1,2]");
  EXPECT_TRUE(has(m, "test-holidays.json: expected an object of divisions, found an array")) << m;
  m = ErrorOf(R"({"england":{"events":[]}})");
  EXPECT_TRUE(has(m, "test-holidays.json: unknown division key")) << m;
  EXPECT_TRUE(has(m, "\"england\"")) << m;
  m = ErrorOf(R"({"scotland":{"division":"scotland","events":[{"title":"x","date":"2026-01-02"}]}})");
  EXPECT_TRUE(has(m, "no \"england-and-wales\" division")) << m;
  m = ErrorOf(R"({"england-and-wales":{"division":"england-and-wales"}})");
  EXPECT_TRUE(has(m, "test-holidays.json: england-and-wales: missing key 'events'")) << m;
  m = ErrorOf(R"({"england-and-wales":{"division":"scotland","events":[]}})");
  EXPECT_TRUE(has(m, "england-and-wales.division")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":{"a":1}}})");
  EXPECT_TRUE(has(m, "england-and-wales.events: expected an array, found an object")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":[{"title":"x","date":"2026-02-30"}]}})");
  EXPECT_TRUE(has(m, "england-and-wales.events[0].date: '2026-02-30' is not a date")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":[{"title":"a","date":"2026-01-01"},{"date":"2026-01-02"}]}})");
  EXPECT_TRUE(has(m, "england-and-wales.events[1].title: missing")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":[{"title":"a","date":"2026-01-01","colour":"red"}]}})");
  EXPECT_TRUE(has(m, "england-and-wales.events[0]: unknown key 'colour'")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":[{"title":"a","date":"2026-01-01","bunting":"yes"}]}})");
  EXPECT_TRUE(has(m, "events[0].bunting: expected true or false")) << m;
  // Boxing Day 2026 is a Saturday: listing it instead of Monday 28 December would silently lose a holiday.
  m = ErrorOf(R"({"england-and-wales":{"events":[{"title":"Boxing Day","date":"2026-12-26"}]}})");
  EXPECT_TRUE(has(m, "events[0].date: 2026-12-26 (Boxing Day) falls on a weekend")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":[]}})");
  EXPECT_TRUE(has(m, "no bank holidays for england-and-wales")) << m;
  m = ErrorOf(R"({"england-and-wales":{"events":[{"title":"a","date":"2025-01-01"},{"title":"b","date":"2027-01-01"}]}})");
  EXPECT_TRUE(has(m, "in 2026")) << m;
}

TEST(HolidayFile, FolderErrorsNameTheFile) {
  TempDir dir;
  EXPECT_THROW(HolidayCalendar::FromFolder(dir.path.string(), Division::kScotland), HolidayFileError);
  EXPECT_THROW(HolidayCalendar::FromFolder((dir.path / "missing").string(), Division::kScotland), HolidayFileError);
  dir.Write("a.json", kGood);
  dir.Write("b.json", R"({"england-and-wales":{"events":[{"title":"x","date":"2026-13-01"}]}})");
  try {
    HolidayCalendar::FromFolder(dir.path.string(), Division::kEnglandAndWales);
    FAIL();
  } catch (const HolidayFileError& e) {
    EXPECT_NE(std::string(e.what()).find("b.json: england-and-wales.events[0].date"), std::string::npos) << e.what();
  }
  EXPECT_THROW(HolidayCalendar::FromGovUkFile((dir.path / "none.json").string(), Division::kScotland),
               HolidayFileError);
}

TEST(HolidayFile, FolderMergesFilesToExtendTheRange) {
  TempDir dir;
  dir.Write("a.json", kGood);
  dir.Write("b.json", k2027);
  HolidayCalendar c = HolidayCalendar::FromFolder(dir.path.string(), Division::kEnglandAndWales);
  EXPECT_EQ(ToIso(c.last_published()), "2027-12-31");
  EXPECT_TRUE(c.IsBankHoliday(ParseIsoDate("2026-12-28")));
  EXPECT_TRUE(c.IsBankHoliday(ParseIsoDate("2027-01-01")));
}

}  // namespace
}  // namespace tellus
