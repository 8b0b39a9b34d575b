// "When did it happen?": how long ago as spans of days, the month grid (every day of the
// last year within four touches of the when screen) and the policy's time limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/journey.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using namespace testing_journey;
using std::chrono::year_month;

year_month MonthOf(Date d) { return year_month{d.year(), d.month()}; }

// A driver standing on the when screen of a complaint.
Driver AtWhen(const Policy& policy, Date today = D(2026, 11, 20)) {
  Driver d(policy, today);
  d.Choose("complaint");
  EXPECT_EQ(WalkTo(d, Step::kWhen), Step::kWhen);
  return d;
}

TEST(JourneyDates, EachSpanStoresItsDaysAndGoesOn) {
  Policy policy = NextStepsLike();                 // no time limit
  struct Case {
    const char* id;
    WhenChoice choice;
    IncidentPeriod days;
  };
  const Case cases[] = {
      {"today", WhenChoice::kToday, {D(2026, 11, 20), D(2026, 11, 20)}},
      {"yesterday", WhenChoice::kYesterday, {D(2026, 11, 19), D(2026, 11, 19)}},
      {"this-week", WhenChoice::kThisWeek, {D(2026, 11, 14), D(2026, 11, 20)}},
      {"last-week", WhenChoice::kLastWeek, {D(2026, 11, 7), D(2026, 11, 13)}},
      {"2-4-weeks", WhenChoice::kTwoToFourWeeks, {D(2026, 10, 21), D(2026, 11, 6)}},
      {"1-3-months", WhenChoice::kOneToThreeMonths, {D(2026, 8, 21), D(2026, 10, 20)}},
      {"3-12-months", WhenChoice::kThreeToTwelveMonths, {D(2025, 11, 20), D(2026, 8, 20)}},
      {"over-a-year", WhenChoice::kOverAYear, {std::nullopt, D(2025, 11, 19)}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    Driver d = AtWhen(policy);
    d.Choose(c.id);
    EXPECT_EQ(d.step(), Step::kAffected);
    EXPECT_EQ(d.state().when_choice, c.choice);
    EXPECT_EQ(d.state().incident, c.days);
    ASSERT_EQ(WalkTo(d, Step::kConsent), Step::kConsent);
    Submission sub = BuildSubmission(d.state(), policy);
    EXPECT_EQ(sub.clear.incident, c.days) << "the register gets the span, not a made-up day";
    EXPECT_EQ(sub.clear.incident.OneDay(), c.choice == WhenChoice::kToday || c.choice == WhenChoice::kYesterday);
    EXPECT_TRUE(sub.personal.when_text.empty()) << "no choice ids in the person's own words";
  }
}

TEST(JourneyDates, SpansMeetWithoutGapsOnAnyDay) {
  const std::vector<WhenChoice> spans = {WhenChoice::kThisWeek, WhenChoice::kLastWeek, WhenChoice::kTwoToFourWeeks,
                                         WhenChoice::kOneToThreeMonths, WhenChoice::kThreeToTwelveMonths,
                                         WhenChoice::kOverAYear};
  for (Date today = D(2027, 12, 1); today <= D(2028, 12, 31); today = AddDays(today, 1)) {  // 2028: a leap year
    SCOPED_TRACE(ToIso(today));
    EXPECT_EQ(*WhenChoicePeriod(WhenChoice::kThisWeek, today).to, today);
    for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
      const IncidentPeriod newer = WhenChoicePeriod(spans[i], today), older = WhenChoicePeriod(spans[i + 1], today);
      ASSERT_TRUE(newer.from && newer.to && older.to);
      EXPECT_LE(*newer.from, *newer.to);
      EXPECT_EQ(AddDays(*older.to, 1), *newer.from) << ToString(spans[i]) << " / " << ToString(spans[i + 1]);
    }
    EXPECT_FALSE(WhenChoicePeriod(WhenChoice::kOverAYear, today).from);
  }
  EXPECT_EQ(ParseWhenChoice("2-4-weeks"), WhenChoice::kTwoToFourWeeks);
  EXPECT_EQ(ParseWhenChoice("earlier"), std::nullopt);
  EXPECT_EQ(ParseWhenChoice(""), std::nullopt);
  for (WhenChoice c : WhenScreenChoices()) EXPECT_EQ(ParseWhenChoice(ToString(c)), c);
}

TEST(JourneyDates, SeetecMoreThanAYearSignpostsAndThreeToTwelveMonthsIsInTime) {
  Policy policy = SeetecLike();                    // 12 months, asked up front as well
  Driver old = AtWhen(policy);
  old.Choose("over-a-year");
  EXPECT_EQ(old.step(), Step::kSignpost);
  EXPECT_EQ(old.state().signpost, SignpostReason::kTimeLimit);

  Driver in_time = AtWhen(policy);
  in_time.Choose("3-12-months");
  EXPECT_EQ(in_time.step(), Step::kAffected);
  EXPECT_EQ(in_time.state().incident.from, EarliestEligibleDate(policy, D(2026, 11, 20)));
}

TEST(JourneyDates, SpanAcrossTheLimitAsksOnlyWhenNoEligibilityQuestionDid) {
  Policy policy = SeetecLike();
  policy.time_limit = Duration{2, Duration::Unit::kMonths};  // "1 to 3 months ago" straddles it
  {
    Driver asked = AtWhen(policy);                 // the limit was an eligibility question already
    asked.Choose("1-3-months");
    EXPECT_EQ(asked.step(), Step::kAffected);
  }
  policy.eligibility.erase(policy.eligibility.begin());
  Driver yes = AtWhen(policy);
  yes.Choose("1-3-months");
  ASSERT_EQ(yes.step(), Step::kWhenOlder);
  yes.Choose("yes");
  EXPECT_EQ(yes.state().signpost, SignpostReason::kTimeLimit);

  Driver no = AtWhen(policy);
  no.Choose("1-3-months").Choose("no");
  EXPECT_EQ(no.step(), Step::kAffected);
  EXPECT_EQ(no.state().older_than_limit, false);

  Driver inside = AtWhen(policy);
  inside.Choose("2-4-weeks");
  EXPECT_EQ(inside.step(), Step::kAffected) << "wholly inside the limit: nothing to ask";
  Driver outside = AtWhen(policy);
  outside.Choose("3-12-months");
  EXPECT_EQ(outside.state().signpost, SignpostReason::kTimeLimit) << "wholly before the limit";

  Policy none = NextStepsLike();
  Driver n = AtWhen(none);
  n.Choose("over-a-year");
  EXPECT_EQ(n.step(), Step::kAffected);
}

// The screen's path to a day: "Pick the day"; then, for another month, the month list
// (which starts at this month) and the month; then the day. Counts the events sent.
int TouchesToDay(Driver& d, Date day) {
  int touches = 0;
  d.Choose("day");
  ++touches;
  EXPECT_EQ(d.step(), Step::kPickDate);
  const year_month this_month = MonthOf(d.state().today);
  if (MonthOf(day) != d.state().shown_month) {
    d.Do(ev::ShowMonths{this_month});
    ++touches;
    const std::vector<year_month> listed = MonthListMonths(d.policy(), d.state().today, this_month);
    EXPECT_THAT(listed, ::testing::Contains(MonthOf(day))) << "the month list offers " << ToIso(day);
    d.Do(ev::ShowMonth{MonthOf(day)});
    ++touches;
    EXPECT_FALSE(d.state().month_list);
  }
  d.Do(ev::PickDay{day});
  ++touches;
  return touches;
}

TEST(JourneyDates, EveryDayOfTheLastYearIsAtMostFourTouchesFromWhen) {
  for (const Policy& policy : {SeetecLike(), NextStepsLike()}) {
    SCOPED_TRACE(policy.id);
    for (Date today : {D(2026, 11, 20), D(2028, 3, 1), D(2027, 1, 31)}) {
      const Driver at_when = AtWhen(policy, today);
      for (int back = 0; back <= 365; ++back) {
        const Date day = AddDays(today, -back);
        SCOPED_TRACE(ToIso(day));
        Driver d = at_when;
        EXPECT_LE(TouchesToDay(d, day), 4);
        EXPECT_EQ(d.step(), Step::kAffected);
        EXPECT_EQ(d.state().when_choice, WhenChoice::kPickedDay);
        EXPECT_EQ(d.state().incident, (IncidentPeriod{day, day}));
      }
    }
  }
}

TEST(JourneyDates, GridRefusesFutureDaysAndDaysBeforeTheLimitSayingWhy) {
  Policy policy = SeetecLike();
  Driver d = AtWhen(policy);
  d.Choose("day");
  ASSERT_EQ(d.step(), Step::kPickDate);
  EXPECT_EQ(d.state().shown_month, (year_month{std::chrono::year{2026}, std::chrono::November}));

  d.Do(ev::PickDay{D(2026, 11, 21)});
  EXPECT_EQ(d.step(), Step::kPickDate);
  EXPECT_EQ(d.state().notice, Notice::kFutureDate);
  EXPECT_EQ(d.state().when_choice, WhenChoice::kNone);
  ASSERT_NE(d.Find<fx::SpeakKey>(), nullptr);
  EXPECT_EQ(d.Find<fx::SpeakKey>()->key, "notice.future_date");

  d.Do(ev::ShowMonth{year_month{std::chrono::year{2025}, std::chrono::November}});
  EXPECT_EQ(d.state().notice, Notice::kNone);
  d.Do(ev::PickDay{D(2025, 11, 19)});              // one day past 12 months
  EXPECT_EQ(d.state().notice, Notice::kBeforeLimit);
  EXPECT_EQ(d.Find<fx::SpeakKey>()->key, "notice.before_limit");
  EXPECT_EQ(DayRefusal(policy, D(2026, 11, 20), D(2025, 11, 19)), Notice::kBeforeLimit);
  EXPECT_EQ(DayRefusal(policy, D(2026, 11, 20), D(2025, 11, 20)), Notice::kNone);

  // The month before the limit's month and the month after this one are refused, with the reason.
  d.Do(ev::ShowMonth{year_month{std::chrono::year{2025}, std::chrono::October}});
  EXPECT_EQ(d.state().notice, Notice::kBeforeLimit);
  EXPECT_EQ(d.state().shown_month, (year_month{std::chrono::year{2025}, std::chrono::November}));
  d.Do(ev::ShowMonths{year_month{std::chrono::year{2026}, std::chrono::December}});
  EXPECT_EQ(d.state().notice, Notice::kFutureDate);
  EXPECT_FALSE(d.state().month_list);

  d.Next();                                        // nothing picked yet
  EXPECT_EQ(d.state().notice, Notice::kChooseOne);
  d.Do(ev::PickDay{D(2025, 11, 20)});              // exactly 12 months: still in time
  EXPECT_EQ(d.step(), Step::kAffected);
  EXPECT_EQ(d.state().incident, (IncidentPeriod{D(2025, 11, 20), D(2025, 11, 20)}));
}

TEST(JourneyDates, WithoutALimitTheMonthListGoesBackYears) {
  Policy policy = NextStepsLike();
  const Date today = D(2026, 11, 20);
  EXPECT_EQ(FirstGridMonth(policy, today), (year_month{std::chrono::year{2026 - kGridYears}, std::chrono::November}));
  const year_month a_year_ago{std::chrono::year{2025}, std::chrono::November};
  const std::vector<year_month> listed = MonthListMonths(policy, today, a_year_ago);
  ASSERT_EQ(listed.size(), 13u);
  EXPECT_EQ(listed.front(), (year_month{std::chrono::year{2024}, std::chrono::November}));
  EXPECT_EQ(listed.back(), a_year_ago);

  Driver d = AtWhen(policy);
  d.Choose("day").Do(ev::ShowMonths{a_year_ago}).Do(ev::ShowMonths{a_year_ago - std::chrono::years{1}});
  EXPECT_EQ(d.state().month_list, a_year_ago - std::chrono::years{1});
  d.Do(ev::ShowMonth{year_month{std::chrono::year{2021}, std::chrono::March}});
  EXPECT_EQ(d.state().notice, Notice::kNone);
  d.Do(ev::PickDay{D(2021, 3, 15)});
  EXPECT_EQ(d.step(), Step::kAffected);
  EXPECT_EQ(d.state().incident, (IncidentPeriod{D(2021, 3, 15), D(2021, 3, 15)}));
}

TEST(JourneyDates, ChangeFromReviewOpensTheGridOnTheDayGivenAndSpansReplaceIt) {
  Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("complaint");
  ASSERT_EQ(WalkTo(d, Step::kReview, {.when = "day"}), Step::kReview);
  EXPECT_EQ(d.state().incident, (IncidentPeriod{D(2026, 11, 10), D(2026, 11, 10)}));

  d.Do(ev::Change{Step::kWhen}).Choose("day");
  ASSERT_EQ(d.step(), Step::kPickDate);
  EXPECT_EQ(d.state().shown_month, (year_month{std::chrono::year{2026}, std::chrono::November}));
  d.Next();                                        // keeps the day already given
  EXPECT_EQ(d.step(), Step::kReview);

  d.Do(ev::Change{Step::kWhen}).Choose("2-4-weeks");
  EXPECT_EQ(d.step(), Step::kReview);
  EXPECT_EQ(d.state().when_choice, WhenChoice::kTwoToFourWeeks);
  EXPECT_EQ(d.state().incident, (IncidentPeriod{D(2026, 10, 21), D(2026, 11, 6)}));
}

}  // namespace
}  // namespace tellus
