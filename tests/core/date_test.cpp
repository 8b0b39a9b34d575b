#include <gtest/gtest.h>

#include <stdexcept>

#include "core/date.h"

namespace tellus {
namespace {

TEST(Date, ParsesAndPrintsIso) {
  Date d = ParseIsoDate("2026-11-27");
  EXPECT_EQ(d, (Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{27}}));
  EXPECT_EQ(ToIso(d), "2026-11-27");
  EXPECT_EQ(ToIso(ParseIsoDate("2028-02-29")), "2028-02-29");
}

TEST(Date, RejectsAnythingButAValidIsoDate) {
  for (const char* bad : {"2026-13-01", "2026-02-29", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01x",
                          " 2026-01-01", "2026-00-10", "2026-04-31", "yesterday", "2026-0a-01", "+026-01-01"}) {
    EXPECT_THROW(ParseIsoDate(bad), std::invalid_argument) << bad;
  }
  try {
    ParseIsoDate("2026-13-01");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("2026-13-01"), std::string::npos);
  }
}

TEST(Date, LongAndSpokenForms) {
  EXPECT_EQ(ToLongDate(ParseIsoDate("2026-11-27")), "Friday 27 November 2026");
  EXPECT_EQ(ToSpokenDate(ParseIsoDate("2026-11-27")), "Friday 27 November");
  EXPECT_EQ(ToLongDate(ParseIsoDate("2027-01-04")), "Monday 4 January 2027");
}

TEST(Date, ArithmeticAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(ToIso(AddDays(ParseIsoDate("2026-12-23"), 28)), "2027-01-20");
  EXPECT_EQ(ToIso(AddDays(ParseIsoDate("2028-02-28"), 1)), "2028-02-29");
  EXPECT_EQ(ToIso(AddDays(ParseIsoDate("2027-01-01"), -1)), "2026-12-31");
  EXPECT_EQ(DaysBetween(ParseIsoDate("2026-12-23"), ParseIsoDate("2027-01-20")), 28);
  EXPECT_EQ(DaysBetween(ParseIsoDate("2027-01-20"), ParseIsoDate("2026-12-23")), -28);
}

TEST(Date, Weekends) {
  EXPECT_TRUE(IsWeekend(ParseIsoDate("2026-12-26")));   // Saturday
  EXPECT_TRUE(IsWeekend(ParseIsoDate("2026-12-27")));   // Sunday
  EXPECT_FALSE(IsWeekend(ParseIsoDate("2026-12-28")));  // Monday
  EXPECT_EQ(WeekdayOf(ParseIsoDate("2027-12-25")), std::chrono::Saturday);
}

}  // namespace
}  // namespace tellus
