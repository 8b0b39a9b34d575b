// tellus-register deadlines past the published bank holidays (2029 and 2030), for every
// seed policy in every division, run as the real binary against hand-worked dates.
#include <gtest/gtest.h>

#include "register_process.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using tellus::testing::TempDir;

const std::string kSource = TELLUS_SOURCE_DIR;
const char* const kSeeds[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};
const char* const kDivisions[] = {"england-and-wales", "scotland", "northern-ireland"};

struct Result {
  int code = -1;
  std::string out, err;
};

Result Deadlines(const std::string& assets, const std::string& policy, const std::string& received) {
  Result r;
  r.code = tellus::testing::RunProgram(tellus::testing::RegisterBinary(),
                                       {"deadlines", "--assets", assets, "--policy", policy, "--received", received},
                                       &r.out, &r.err);
  return r;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shipped holidays and every seed policy, moved to `division` (the seeds all say
// england-and-wales; everything else in them is as shipped).
void MakeAssets(const TempDir& dir, const std::string& division) {
  fs::create_directories(dir / "holidays");
  fs::create_directories(dir / "policies");
  fs::copy_file(kSource + "/assets/holidays/bank-holidays.json", dir / "holidays/bank-holidays.json");
  for (const char* seed : kSeeds) {
    std::string text = ReadAll(kSource + "/assets/policies/" + seed + ".toml");
    const std::string from = "division = \"england-and-wales\"";
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << seed;
    text.replace(at, from.size(), "division = \"" + division + "\"");
    std::ofstream(dir / ("policies/" + std::string(seed) + ".toml")) << text;
  }
}

// Hand-worked from a calendar (bank holidays in brackets), the nth working day after the
// received date, and the calendar-day dates:
//
// Friday 21 December 2029 (Christmas Tuesday 25, Boxing Day Wednesday 26, New Year's Day
// Tuesday 1 January 2030; Scotland also Wednesday 2 January):
//   24 1 | [25 26] | 27 2 | 28 3 | 31 4 | [1] | 2 Jan 5 | 3 6 | 4 7 | 7 8 | 8 9 | 9 10 | ...
//   16 15 | ... | 23 20 | ... | 30 25.   Scotland [2 Jan]: 3 5 | ... | 10 10 | 17 15 | 24 20 | 31 25.
//   +20 days 10 Jan, +28 days 18 Jan.
// Thursday 18 April 2030 (Good Friday 19, Easter Monday 22 except in Scotland, early May 6,
// spring 27 May):
//   E&W, NI: 23 1 | 24 2 | 25 3 | 26 4 | 29 5 | ... | 3 May 9 | [6] | 7 10 | 14 15 | 21 20 | [27] | 29 25.
//   Scotland: 22 1 | 24 3 | 26 5 | 3 May 10 | [6] | 13 15 | 20 20 | [27] | 28 25.
//   +20 days 8 May, +28 days 16 May.
// Thursday 15 March 2029 (St Patrick's Day Saturday 17 -> Monday 19 in NI; Good Friday 30
// March; Easter Monday 2 April except in Scotland):
//   E&W: 16 1 | 19 2 | 20 3 | 22 5 | 29 10 | [30, 2] | 3 Apr 11 | 9 15 | 16 20 | 23 25.
//   NI: 16 1 | [19] | 20 2 | 21 3 | 23 5 | 3 Apr 10 | 10 15 | 17 20 | 24 25.
//   Scotland: 29 10 | [30] | 2 Apr 11 | 6 15 | 13 20 | 20 25.
//   +20 days 4 April, +28 days 12 April.
std::map<std::string, std::string> Table(const std::string& wd1, const std::string& wd3, const std::string& wd5,
                                         const std::string& wd10, const std::string& wd15, const std::string& wd20,
                                         const std::string& wd25, const std::string& d20, const std::string& d28) {
  return {{"wd1", wd1},   {"wd3", wd3},   {"wd5", wd5}, {"wd10", wd10}, {"wd15", wd15},
          {"wd20", wd20}, {"wd25", wd25}, {"d20", d20}, {"d28", d28}};
}

using Tables = std::map<std::string, std::map<std::string, std::string>>;  // division -> table

// Around Christmas 2029 and Easter 2030 Northern Ireland has no holiday England and Wales lacks.
Tables SameInEnglandAndNorthernIreland(std::map<std::string, std::string> ew, std::map<std::string, std::string> sc) {
  return {{"england-and-wales", ew}, {"northern-ireland", ew}, {"scotland", std::move(sc)}};
}

const std::map<std::string, Tables>& Worked() {
  static const auto* worked = new std::map<std::string, Tables>{
      {"2029-12-21",
       SameInEnglandAndNorthernIreland(Table("2029-12-24", "2029-12-28", "2030-01-02", "2030-01-09", "2030-01-16",
                                             "2030-01-23", "2030-01-30", "2030-01-10", "2030-01-18"),
                                       Table("2029-12-24", "2029-12-28", "2030-01-03", "2030-01-10", "2030-01-17",
                                             "2030-01-24", "2030-01-31", "2030-01-10", "2030-01-18"))},
      {"2030-04-18",
       SameInEnglandAndNorthernIreland(Table("2030-04-23", "2030-04-25", "2030-04-29", "2030-05-07", "2030-05-14",
                                             "2030-05-21", "2030-05-29", "2030-05-08", "2030-05-16"),
                                       Table("2030-04-22", "2030-04-24", "2030-04-26", "2030-05-03", "2030-05-13",
                                             "2030-05-20", "2030-05-28", "2030-05-08", "2030-05-16"))},
      {"2029-03-15",
       {{"england-and-wales", Table("2029-03-16", "2029-03-20", "2029-03-22", "2029-03-29", "2029-04-09",
                                    "2029-04-16", "2029-04-23", "2029-04-04", "2029-04-12")},
        {"northern-ireland", Table("2029-03-16", "2029-03-21", "2029-03-23", "2029-04-03", "2029-04-10",
                                   "2029-04-17", "2029-04-24", "2029-04-04", "2029-04-12")},
        {"scotland", Table("2029-03-16", "2029-03-20", "2029-03-22", "2029-03-29", "2029-04-06", "2029-04-13",
                           "2029-04-20", "2029-04-04", "2029-04-12")}}},
  };
  return *worked;
}

// Each seed's deadlines, from the seeds: which table entry each line is.
const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& Recipes() {
  static const auto* recipes = new std::map<std::string, std::vector<std::pair<std::string, std::string>>>{
      {"steps-to-work",
       {{"acknowledge", "wd5"}, {"stage-1.respond", "wd10"}, {"stage-2.respond", "wd10"}, {"stage-3.respond", "wd15"}}},
      {"works-for-us", {{"acknowledge", "wd1"}, {"first-review.respond", "d28"}, {"second-review.respond", "d28"}}},
      {"stepping-stones", {{"acknowledge", "wd5"}, {"stage-1.respond", "d20"}, {"stage-2.respond", "d28"}}},
      {"seetec",
       {{"acknowledge", "wd3"}, {"stage-1.respond", "wd20"}, {"stage-2.respond", "wd20"}, {"stage-3.respond", "wd20"}}},
      {"next-steps", {{"acknowledge", "wd5"}, {"response.respond", "wd25"}, {"second-response.respond", "d28"}}},
  };
  return *recipes;
}

// The dated lines of the output (the note after them starts "(projected):").
std::string DatedLines(const std::string& out) {
  const std::size_t note = out.find("\n(projected):");
  return note == std::string::npos ? out : out.substr(0, note + 1);
}

TEST(DeadlinesPastThePublishedHolidays, EverySeedInEveryDivisionIn2029And2030) {
  for (const char* division : kDivisions) {
    SCOPED_TRACE(division);
    TempDir dir;
    MakeAssets(dir, division);
    for (const auto& [received, by_division] : Worked()) {
      const auto& table = by_division.at(division);
      for (const char* seed : kSeeds) {
        SCOPED_TRACE(std::string(seed) + " received " + received);
        std::string expected;
        for (const auto& [name, key] : Recipes().at(seed)) {
          // Working-day dates count projected holidays and say so; calendar days do not.
          expected += name + " " + table.at(key) + (key.rfind("wd", 0) == 0 ? " (projected)" : "") + "\n";
        }
        Result r = Deadlines(dir.path(), seed, received);
        ASSERT_EQ(r.code, 0) << r.err;
        EXPECT_EQ(DatedLines(r.out), expected);
        EXPECT_NE(r.out.find("(projected): GOV.UK's " + std::string(division) + " bank holidays end on 2028-12-31"),
                  std::string::npos)
            << r.out;
      }
    }
  }
}

// The note names the projected holidays the marked dates counted, so staff can see what a
// newly announced one-off day would change.
TEST(DeadlinesPastThePublishedHolidays, TheNoteListsTheProjectedHolidaysCounted) {
  TempDir dir;
  MakeAssets(dir, "scotland");
  Result r = Deadlines(dir.path(), "steps-to-work", "2029-12-21");
  ASSERT_EQ(r.code, 0) << r.err;
  // The furthest marked date is stage-3.respond, Thursday 17 January 2030.
  EXPECT_NE(r.out.find(" Projected holidays counted:\n"
                       "  2029-12-25 Christmas Day\n"
                       "  2029-12-26 Boxing Day\n"
                       "  2030-01-01 New Year’s Day\n"
                       "  2030-01-02 2nd January\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("2030-04-19"), std::string::npos) << "only the holidays in the days counted";

  // Northern Ireland, 15 March 2029: St Patrick's Day is counted as its Monday substitute.
  TempDir ni;
  MakeAssets(ni, "northern-ireland");
  Result patrick = Deadlines(ni.path(), "seetec", "2029-03-15");
  ASSERT_EQ(patrick.code, 0) << patrick.err;
  EXPECT_NE(patrick.out.find("  2029-03-19 St Patrick’s Day (substitute day)\n"
                             "  2029-03-30 Good Friday\n"
                             "  2029-04-02 Easter Monday\n"),
            std::string::npos)
      << patrick.out;
}

// Dates wholly inside the published data carry no mark and no note; a calendar-day date
// beyond it needs no holidays at all, so it carries none either.
TEST(DeadlinesPastThePublishedHolidays, PublishedDatesAreNotMarked) {
  TempDir dir;
  MakeAssets(dir, "england-and-wales");
  Result published = Deadlines(dir.path(), "seetec", "2028-06-01");
  ASSERT_EQ(published.code, 0) << published.err;
  EXPECT_EQ(published.out.find("projected"), std::string::npos) << published.out;
  // Stepping Stones, 28 December 2028: the acknowledgement counts into 2029, the 20 and 28
  // days do not count holidays: 29 1 | [1 Jan] | 2 2 | 3 3 | 4 4 | 5 5.
  Result edge = Deadlines(dir.path(), "stepping-stones", "2028-12-28");
  ASSERT_EQ(edge.code, 0) << edge.err;
  EXPECT_EQ(DatedLines(edge.out),
            "acknowledge 2029-01-05 (projected)\nstage-1.respond 2029-01-17\nstage-2.respond 2029-01-25\n");
  EXPECT_NE(edge.out.find("  2029-01-01 New Year’s Day\n"), std::string::npos) << edge.out;
}

// A holidays file that stops part-way through a year is refused, naming the file.
TEST(DeadlinesPastThePublishedHolidays, AFileCutShortIsRefusedByName) {
  TempDir dir;
  MakeAssets(dir, "england-and-wales");
  std::ofstream(dir / "holidays/bank-holidays-2029.json")
      << R"({"england-and-wales":{"division":"england-and-wales","events":[)"
      << R"({"title":"New Year’s Day","date":"2029-01-01","notes":"","bunting":true}]}})";
  Result r = Deadlines(dir.path(), "seetec", "2029-12-21");
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("bank-holidays-2029.json: england-and-wales lists only 1 bank holiday in 2029"), std::string::npos)
      << r.err;
}

}  // namespace
