// Headless UI: "When did it happen?" as how long ago (a span) or a day on the month grid,
// through real frames and touches, checked in what the store holds. Harness day: Monday
// 23 November 2026; Seetec's time limit is 12 months (23 November 2025 is still in time).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus {
namespace {

using namespace testing_journey;
using namespace testing_ui;
using testing::Harness;

// Nothing on the screen below the bottom bar's top: it fits without scrolling.
void ExpectAllAboveTheBar(Harness& h) {
  const float bar_top = h.options().height - ui::BottomBarHeight();
  for (const ui::Node& n : h.Nodes()) {
    if (n.id.rfind("bar.", 0) == 0) continue;
    EXPECT_LE(n.rect.y + n.rect.h, bar_top + 0.5f) << n.id << " is below the fold on " << StepKey(StepOf(h));
  }
}

OutboxItem SendAndGetStored(Harness& h) {
  EXPECT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  EXPECT_EQ(StepOf(h), Step::kDone) << h.Describe();
  EXPECT_EQ(h.store().PendingCount(), 1);
  return h.store().Pending(1).at(0);
}

TEST(UiDates, HowLongAgoIsStoredAsTheSpanAndTheReviewSaysSo) {
  Harness h;
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kWhen), Step::kWhen) << h.Describe();
  h.Frame(2);
  ExpectAllAboveTheBar(h);
  for (const char* label : {"Today", "Yesterday", "This week", "Last week", "2 to 4 weeks ago", "1 to 3 months ago",
                            "3 to 12 months ago", "More than a year ago", "Pick the day"}) {
    EXPECT_TRUE(h.Has(label)) << label;
  }
  EXPECT_EQ(h.FindId("choice.when.today").rect.y, h.FindId("choice.when.this-week").rect.y) << "three a row";

  Tap(h, "2 to 4 weeks ago");
  ASSERT_EQ(StepOf(h), Step::kAffected) << h.Describe();
  ASSERT_EQ(UiWalkTo(h, Step::kReview), Step::kReview) << h.Describe();
  h.Frame(2);
  EXPECT_TRUE(h.ShowsText("2 to 4 weeks ago")) << h.Describe();
  // The row is one line on the summary; its spoken form and "See all" have the whole span.
  const std::string between = "Between Saturday 24 October 2026 and Monday 9 November 2026.";
  EXPECT_NE(h.FindId("review.answer.when").spoken.find(between), std::string::npos) << h.Describe();
  if (h.TryFindId("review.see_all.when")) {
    TapId(h, "review.see_all.when");
    EXPECT_TRUE(h.ShowsText(between)) << h.Describe();
    TapId(h, "button.close_all");
  }

  const OutboxItem item = SendAndGetStored(h);
  EXPECT_EQ(item.clear.incident, (IncidentPeriod{D(2026, 10, 24), D(2026, 11, 9)}));
  EXPECT_FALSE(item.clear.incident.OneDay());
}

TEST(UiDates, MoreThanAYearSendsSeetecToItsSignpost) {
  Harness h;
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kWhen), Step::kWhen) << h.Describe();
  Tap(h, "More than a year ago");
  EXPECT_EQ(StepOf(h), Step::kSignpost) << h.Describe();
  EXPECT_EQ(h.state().signpost, SignpostReason::kTimeLimit);
}

TEST(UiDates, AGridDayInFourTouchesIsStoredAndRefusedDaysSayWhy) {
  Harness h;
  Tap(h, "Make a complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kWhen), Step::kWhen) << h.Describe();

  Tap(h, "Pick the day");                          // touch 1
  ASSERT_EQ(StepOf(h), Step::kPickDate) << h.Describe();
  h.Frame(2);
  ExpectAllAboveTheBar(h);
  ExpectAccessible(h);
  // The grid (month buttons, weekday heads, day cells) fits in 640 px at the standard size.
  const float grid_top = h.FindId("button.pick_date.month_before").rect.y;
  const ui::Node& last_day = h.FindId("day.2026-11-30");
  EXPECT_LE(last_day.rect.y + last_day.rect.h - grid_top, 640.f) << h.Describe();
  EXPECT_EQ(h.FindId("weekday.monday").label, "M");
  const ui::Node& monday = h.FindId("day.2026-11-23");
  EXPECT_GE(std::min(monday.rect.w, monday.rect.h) + 0.5f, ui::MinTargetPixels());
  EXPECT_NEAR(monday.rect.x, h.FindId("day.2026-11-02").rect.x, 0.5f) << "Mondays share a column";
  EXPECT_NEAR(monday.rect.x, h.FindId("weekday.monday").rect.x, 0.5f);
  EXPECT_EQ(monday.spoken, "Monday 23 November 2026");

  // Tomorrow is disabled; touched, it says why and nothing is answered.
  EXPECT_FALSE(h.FindId("day.2026-11-24").enabled);
  EXPECT_FALSE(h.FindId("button.pick_date.month_after").enabled);
  TapId(h, "day.2026-11-24");
  h.Frame(2);
  EXPECT_EQ(StepOf(h), Step::kPickDate);
  EXPECT_EQ(h.state().notice, Notice::kFutureDate);
  EXPECT_TRUE(h.ShowsText("That date has not come yet.")) << h.Describe();

  // The limit's month: days before 23 November 2025 and the month before are disabled.
  TapId(h, "button.pick_date.months");
  TapId(h, "choice.month.2025-11");
  h.Frame(2);
  EXPECT_FALSE(h.FindId("day.2025-11-22").enabled);
  EXPECT_TRUE(h.FindId("day.2025-11-23").enabled);
  EXPECT_FALSE(h.FindId("button.pick_date.month_before").enabled);
  TapId(h, "day.2025-11-22");
  h.Frame(2);
  EXPECT_EQ(h.state().notice, Notice::kBeforeLimit);
  EXPECT_TRUE(h.ShowsText("That day is too long ago for us to look at.")) << h.Describe();
  EXPECT_EQ(StepOf(h), Step::kPickDate);
  TapId(h, "button.pick_date.month_after");        // clears the notice: December 2025
  h.Frame(2);
  EXPECT_EQ(h.state().notice, Notice::kNone);
  TapId(h, "button.pick_date.month_before");       // November 2025 again
  TapId(h, "button.pick_date.month_before");       // disabled: says why, stays on November 2025
  h.Frame(2);
  EXPECT_EQ(h.state().notice, Notice::kBeforeLimit);
  EXPECT_TRUE(h.Has("November 2025")) << h.Describe();

  // A day in March: the month list, the month, the day (touches 2 to 4 from "Pick the day").
  TapId(h, "button.pick_date.months");             // touch 2
  h.Frame(2);
  ExpectAllAboveTheBar(h);
  EXPECT_TRUE(h.Has("March 2026")) << h.Describe();
  TapId(h, "choice.month.2026-03");                // touch 3
  h.Frame(2);
  EXPECT_TRUE(h.Has("March 2026")) << h.Describe();
  TapId(h, "day.2026-03-17");                      // touch 4
  ASSERT_EQ(StepOf(h), Step::kAffected) << h.Describe();

  const OutboxItem item = SendAndGetStored(h);
  EXPECT_EQ(item.clear.incident, (IncidentPeriod{D(2026, 3, 17), D(2026, 3, 17)}));
}

}  // namespace
}  // namespace tellus
