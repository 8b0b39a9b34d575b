// Each seed policy's deadlines over Christmas, Easter and substitute bank holidays, worked
// out by hand from the seeds and a calendar, and the same for Scotland and Northern Ireland.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/policy.h"

namespace tellus {
namespace {

const std::string kAssets = std::string(TELLUS_SOURCE_DIR) + "/assets";

// "acknowledge 2026-12-30, stage-1.respond 2027-01-25, ..." in procedure order.
std::string Deadlines(const Policy& policy, const char* received) {
  HolidayCalendar calendar = HolidayCalendar::FromFolder(kAssets + "/holidays", policy.division);
  std::string out;
  for (const NamedDeadline& d : ProcedureDeadlines(policy, ParseIsoDate(received), calendar)) {
    out += (out.empty() ? "" : ", ") + d.name + " " + ToIso(d.date);
  }
  return out;
}

std::string Seed(const char* id, const char* received) {
  return Deadlines(LoadPolicy(id, kAssets + "/policies"), received);
}

// Working days after Wednesday 23 December 2026 (England and Wales):
//   24 Thu 1 | 25 Fri Christmas | 26-27 weekend | 28 Mon Boxing Day (substitute) | 29 Tue 2 | 30 Wed 3 |
//   31 Thu 4 | 1 Jan Fri New Year | 4 Mon 5 | 5..8 6-9 | 11 10 | 12..15 11-14 | 18 15 | 19..22 16-19 |
//   25 Mon 20 | 26..29 21-24 | 1 Feb Mon 25.   Calendar: +20 days = 12 Jan, +28 days = 20 Jan.
TEST(SeedDeadlines, ChristmasWithBoxingDaySubstitute2026) {
  EXPECT_EQ(Seed("steps-to-work", "2026-12-23"),
            "acknowledge 2027-01-04, stage-1.respond 2027-01-11, stage-2.respond 2027-01-11, "
            "stage-3.respond 2027-01-18");
  EXPECT_EQ(Seed("works-for-us", "2026-12-23"),
            "acknowledge 2026-12-24, first-review.respond 2027-01-20, second-review.respond 2027-01-20");
  EXPECT_EQ(Seed("stepping-stones", "2026-12-23"),
            "acknowledge 2027-01-04, stage-1.respond 2027-01-12, stage-2.respond 2027-01-20");
  EXPECT_EQ(Seed("seetec", "2026-12-23"),
            "acknowledge 2026-12-30, stage-1.respond 2027-01-25, stage-2.respond 2027-01-25, "
            "stage-3.respond 2027-01-25");
  EXPECT_EQ(Seed("next-steps", "2026-12-23"),
            "acknowledge 2027-01-04, response.respond 2027-02-01, second-response.respond 2027-01-20");
}

// Easter 2027: Good Friday 26 March, Easter Monday 29 March; Early May bank holiday Monday 3 May.
// Working days after Thursday 25 March 2027: 30 Tue 1 | 31 2 | 1 Apr 3 | 2 4 | 5 5 | 6..9 6-9 | 12 10 |
//   13..16 11-14 | 19 15 | 20..23 16-19 | 26 20 | 27..30 21-24 | 3 May holiday | 4 May 25.
//   Calendar: +20 days = 14 Apr, +28 days = 22 Apr.
TEST(SeedDeadlines, Easter2027AndEarlyMay) {
  EXPECT_EQ(Seed("steps-to-work", "2027-03-25"),
            "acknowledge 2027-04-05, stage-1.respond 2027-04-12, stage-2.respond 2027-04-12, "
            "stage-3.respond 2027-04-19");
  EXPECT_EQ(Seed("works-for-us", "2027-03-25"),
            "acknowledge 2027-03-30, first-review.respond 2027-04-22, second-review.respond 2027-04-22");
  EXPECT_EQ(Seed("stepping-stones", "2027-03-25"),
            "acknowledge 2027-04-05, stage-1.respond 2027-04-14, stage-2.respond 2027-04-22");
  EXPECT_EQ(Seed("seetec", "2027-03-25"),
            "acknowledge 2027-04-01, stage-1.respond 2027-04-26, stage-2.respond 2027-04-26, "
            "stage-3.respond 2027-04-26");
  EXPECT_EQ(Seed("next-steps", "2027-03-25"),
            "acknowledge 2027-04-05, response.respond 2027-05-04, second-response.respond 2027-04-22");
}

// Christmas 2027 falls on Saturday: substitutes Mon 27 and Tue 28; New Year 2028 (Saturday) -> Mon 3 Jan.
// Working days after Wednesday 22 December 2027: 23 1 | 24 2 | 27, 28 holidays | 29 3 | 30 4 | 31 5 |
//   3 Jan holiday | 4 6 | 5..7 7-9 | 10 10 | 11..14 11-14 | 17 15 | 18..21 16-19 | 24 20 | 25..28 21-24 | 31 25.
//   Calendar: +20 days = 11 Jan 2028, +28 days = 19 Jan 2028.
TEST(SeedDeadlines, ChristmasAndNewYearSubstitutes2027) {
  EXPECT_EQ(Seed("steps-to-work", "2027-12-22"),
            "acknowledge 2027-12-31, stage-1.respond 2028-01-10, stage-2.respond 2028-01-10, "
            "stage-3.respond 2028-01-17");
  EXPECT_EQ(Seed("works-for-us", "2027-12-22"),
            "acknowledge 2027-12-23, first-review.respond 2028-01-19, second-review.respond 2028-01-19");
  EXPECT_EQ(Seed("stepping-stones", "2027-12-22"),
            "acknowledge 2027-12-31, stage-1.respond 2028-01-11, stage-2.respond 2028-01-19");
  EXPECT_EQ(Seed("seetec", "2027-12-22"),
            "acknowledge 2027-12-29, stage-1.respond 2028-01-24, stage-2.respond 2028-01-24, "
            "stage-3.respond 2028-01-24");
  EXPECT_EQ(Seed("next-steps", "2027-12-22"),
            "acknowledge 2027-12-31, response.respond 2028-01-31, second-response.respond 2028-01-19");
}

Policy SeetecIn(Division division) {
  Policy p = LoadPolicy("seetec", kAssets + "/policies");
  p.division = division;
  return p;
}

// Scotland also closes on 2nd January (Sat 1 Jan 2028 -> Mon 3, Sun 2 Jan -> Tue 4), so from
// 22 December 2027: 29 3 | 30 4 | 31 5 | 3, 4 holidays | 5 6 | ... | 24 19 | 25 20.
TEST(SeedDeadlines, ScotlandKeepsTheSecondOfJanuary) {
  EXPECT_EQ(Deadlines(SeetecIn(Division::kScotland), "2027-12-22"),
            "acknowledge 2027-12-29, stage-1.respond 2028-01-25, stage-2.respond 2028-01-25, "
            "stage-3.respond 2028-01-25");
  // No Easter Monday in Scotland: from 25 March 2027, 29 1 | 30 2 | 31 3.
  EXPECT_EQ(Deadlines(SeetecIn(Division::kScotland), "2027-03-25").substr(0, 22), "acknowledge 2027-03-31");
}

// Battle of the Boyne 2026 (Sunday 12 July) -> Monday 13 July in Northern Ireland only.
// From Friday 10 July 2026: NI 14 1 | 15 2 | 16 3 | ... | 7 Aug 19 | 10 Aug 20; England 13 1 ... 7 Aug 20.
TEST(SeedDeadlines, NorthernIrelandBoyneSubstitute) {
  EXPECT_EQ(Deadlines(SeetecIn(Division::kNorthernIreland), "2026-07-10"),
            "acknowledge 2026-07-16, stage-1.respond 2026-08-10, stage-2.respond 2026-08-10, "
            "stage-3.respond 2026-08-10");
  EXPECT_EQ(Deadlines(SeetecIn(Division::kEnglandAndWales), "2026-07-10"),
            "acknowledge 2026-07-15, stage-1.respond 2026-08-07, stage-2.respond 2026-08-07, "
            "stage-3.respond 2026-08-07");
}

// Before the published data there is no calendar (the rules were different then): an
// error naming the deadline. After it, the dates go on by the rules and say so.
TEST(SeedDeadlines, BeforeTheHolidayDataIsAnErrorNamingTheDeadline) {
  try {
    Seed("seetec", "2023-12-20");
    FAIL();
  } catch (const CalendarRangeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("acknowledge"), std::string::npos) << m;
    EXPECT_NE(m.find("2023-12-21"), std::string::npos) << m;
  }
}

// Received Wednesday 20 December 2028 (Seetec, England and Wales): 21 1 | 22 2 | 27 3 (25,
// 26 published holidays) | 28 4 | 29 5 | 1 Jan 2029 projected holiday | 2 6 | ... | 17 Jan 2029 17 |
// 18 18 | 19 19 | 22 20. The acknowledgement is all in the published year; the answers are not.
TEST(SeedDeadlines, PastTheHolidayDataTheDatesAreProjectedAndMarked) {
  Policy seetec = LoadPolicy("seetec", kAssets + "/policies");
  HolidayCalendar calendar = HolidayCalendar::FromFolder(kAssets + "/holidays", seetec.division);
  std::vector<NamedDeadline> d = ProcedureDeadlines(seetec, ParseIsoDate("2028-12-20"), calendar);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(ToIso(d[0].date), "2028-12-27");
  EXPECT_FALSE(d[0].projected);
  EXPECT_EQ(ToIso(d[1].date), "2029-01-22");
  EXPECT_TRUE(d[1].projected);
  // Calendar days are never projected: Works for Us' 28 days.
  Policy wfu = LoadPolicy("works-for-us", kAssets + "/policies");
  std::vector<NamedDeadline> w = ProcedureDeadlines(wfu, ParseIsoDate("2030-06-03"), calendar);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_TRUE(w[0].projected);                     // 1 working day
  EXPECT_EQ(ToIso(w[1].date), "2030-07-01");
  EXPECT_FALSE(w[1].projected);
}

}  // namespace
}  // namespace tellus
