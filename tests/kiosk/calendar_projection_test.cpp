// The kiosk with its clock set past the last bank holiday file (assets/holidays ends in
// 2028): a complaint is still saved, and the done screen shows the dates counted over the
// projected holidays, as the best estimate (core/calendar.h).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using namespace testing_ui;

void SetClock(Harness& h, Date day) {
  h.clock().now_utc = std::chrono::sys_days{day} + std::chrono::hours{10};
  h.clock().today = day;
  h.Advance(1);
}

// Friday 21 December 2029, Seetec (England and Wales): 3 working days over Christmas
// (25, 26 projected) -> 24 1 | 27 2 | 28 3; 20 working days, past New Year's Day 2030
// (projected) -> 31 4 | 2 Jan 5 | 3 6 | 4 7 | 7-11 8-12 | 14-18 13-17 | 21 18 | 22 19 | 23 20.
TEST(KioskPastTheHolidayFiles, SavesAComplaintAndShowsTheProjectedDates) {
  HarnessOptions options;
  options.policy_id = "seetec";
  Harness h(options);
  SetClock(h, Date{std::chrono::year{2029}, std::chrono::December, std::chrono::day{21}});
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  EXPECT_FALSE(h.ShowsText("did not save")) << h.Describe();
  ASSERT_EQ(h.store().PendingCount(), 1);
  EXPECT_EQ(h.store().Pending(1).at(0).clear.submitted_at.substr(0, 10), "2029-12-21");
  EXPECT_TRUE(h.ShowsText("We will contact you by Friday 28 December.")) << h.Describe();
  EXPECT_TRUE(h.ShowsText("We will answer your complaint by Wednesday 23 January.")) << h.Describe();
}

// Years on, every journey of the shipped policy still saves.
TEST(KioskPastTheHolidayFiles, StillSavesYearsLater) {
  HarnessOptions options;
  options.policy_id = "next-steps";
  Harness h(options);
  SetClock(h, Date{std::chrono::year{2041}, std::chrono::April, std::chrono::day{18}});  // Thursday before Easter
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  EXPECT_EQ(h.store().PendingCount(), 1);
  ASSERT_TRUE(h.state().receipt);
  // Next Steps acknowledges in 5 working days: Good Friday 19 and Easter Monday 22 April 2041
  // (Easter 21 April) are projected holidays -> 23 1 | 24 2 | 25 3 | 26 4 | 29 5.
  EXPECT_EQ(h.state().receipt->acknowledge_by,
            (Date{std::chrono::year{2041}, std::chrono::April, std::chrono::day{29}}));
}

}  // namespace
}  // namespace tellus
