// The date grid: a month of large day cells, Monday first, with the month before and after
// and a list of months, so any day of the last year is at most four touches from "When".
// Days after today or before the policy's time limit are disabled; touched, they say why.
#include <array>

#include "easyread/grammar.h"
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {

using std::chrono::year_month;

constexpr std::array<const char*, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};
const std::chrono::sys_days kMonday{std::chrono::year{2026} / std::chrono::November / 30};  // any Monday
constexpr float kDayCell = 1.f / 7;
constexpr float kThird = 1.f / 3;

std::string MonthText(const ScreenContext& c, year_month month) {
  return DateLabel(c.catalog, Date{month.year(), month.month(), std::chrono::day{1}}, "month");
}

std::string MonthId(year_month month) {
  return ToIso(Date{month.year(), month.month(), std::chrono::day{1}}).substr(0, 7);
}

// A button that stays where it is when disabled, and says why when touched then.
bool GridButton(const ScreenContext& c, const std::string& id, const std::string& label, const std::string& spoken,
                const std::string& pictogram, bool enabled, float width_fraction, bool* touched_disabled = nullptr) {
  ui::ItemStyle style;
  style.pictogram = pictogram;
  style.enabled = enabled && !c.state.committing;
  style.width_fraction = width_fraction;
  style.compact = true;
  const bool pressed = ui::Button(id, label, spoken, style);
  if (touched_disabled) *touched_disabled = !style.enabled && ui::LastItemTouchedWhileDisabled();
  return pressed;
}

void DrawMonthList(const ScreenContext& c, year_month last) {
  const JourneyState& s = c.state;
  const year_month this_month{s.today.year(), s.today.month()};
  Say(c, "pick_date.body_months");
  const std::vector<year_month> months = MonthListMonths(c.policy, s.today, last, TimeLimitWaived(s, c.policy));
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (i % 4 != 0) ui::SameLine();                // four a row: thirteen months on one screen
    ui::ItemStyle style;                            // no picture: thirteen calendars would say nothing
    style.width_fraction = 0.25f;
    style.compact = true;
    style.enabled = !s.committing;
    const std::string label = MonthText(c, months[i]);
    if (ui::Choice("choice.month." + MonthId(months[i]), label, label, months[i] == s.shown_month, style)) {
      c.Emit(ev::ShowMonth{months[i]});
    }
  }
  // Years further back (policies without a time limit), and forward again.
  const bool older = !months.empty() && months.front() > FirstGridMonth(c.policy, s.today, TimeLimitWaived(s, c.policy));
  if (older && GridButton(c, "button.pick_date.year_before", c.Text("pick_date.year_before"),
                          c.Spoken("pick_date.year_before"), c.Pictogram("pick_date.year_before"), true, 0.5f)) {
    c.Emit(ev::ShowMonths{last - std::chrono::years{1}});
  }
  if (last < this_month) {
    if (older) ui::SameLine();
    if (GridButton(c, "button.pick_date.year_after", c.Text("pick_date.year_after"), c.Spoken("pick_date.year_after"),
                   c.Pictogram("pick_date.year_after"), true, 0.5f)) {
      c.Emit(ev::ShowMonths{std::min(last + std::chrono::years{1}, this_month)});
    }
  }
}

void DrawMonthGrid(const ScreenContext& c) {
  const JourneyState& s = c.state;
  const year_month shown = s.shown_month;
  const year_month this_month{s.today.year(), s.today.month()};
  const year_month before = shown - std::chrono::months{1}, after = shown + std::chrono::months{1};

  // The month before / this month (touch: the month list) / the month after.
  bool refused = false;
  if (GridButton(c, "button.pick_date.month_before", c.Text("pick_date.month_before"),
                 c.Spoken("pick_date.month_before"), c.Pictogram("pick_date.month_before"),
                 shown > FirstGridMonth(c.policy, s.today, TimeLimitWaived(s, c.policy)), kThird, &refused) ||
      refused) {
    c.Emit(ev::ShowMonth{before});                 // refused by the journey with the reason when disabled
  }
  ui::SameLine();
  const std::string month = MonthText(c, shown);
  if (GridButton(c, "button.pick_date.months", month, c.Spoken("pick_date.choose_month", {{"month", month}}),
                 c.Pictogram("pick_date.choose_month"), true, kThird)) {
    c.Emit(ev::ShowMonths{this_month});
  }
  ui::SameLine();
  if (GridButton(c, "button.pick_date.month_after", c.Text("pick_date.month_after"),
                 c.Spoken("pick_date.month_after"), c.Pictogram("pick_date.month_after"), shown < this_month, kThird,
                 &refused) ||
      refused) {
    c.Emit(ev::ShowMonth{after});
  }

  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (i > 0) ui::SameLine();
    ui::ColumnLabel(std::string("weekday.") + kWeekdays[i], c.Text(std::string("pick_date.weekday.") + kWeekdays[i]),
                    DateLabel(c.catalog, kMonday + std::chrono::days{i}, "weekday"), kDayCell);
  }

  const Date first{shown.year(), shown.month(), std::chrono::day{1}};
  const unsigned blank = WeekdayOf(first).iso_encoding() - 1;  // Monday is column 0
  if (blank > 0) ui::ColumnLabel("", "", "", kDayCell * static_cast<float>(blank));
  const unsigned days = static_cast<unsigned>((shown.year() / shown.month() / std::chrono::last).day());
  for (unsigned d = 1; d <= days; ++d) {
    if ((blank + d - 1) % 7 != 0) ui::SameLine();
    const Date day{shown.year(), shown.month(), std::chrono::day{d}};
    ui::ItemStyle style;
    style.enabled = DayRefusal(c.policy, s.today, day, TimeLimitWaived(s, c.policy)) == tellus::Notice::kNone && !s.committing;
    style.width_fraction = kDayCell;
    style.compact = true;
    const bool picked = s.when_choice == WhenChoice::kPickedDay && s.incident.from == day;
    const bool pressed = ui::Choice("day." + ToIso(day), std::to_string(d), DateText(c, day, true), picked, style);
    if (pressed || (!style.enabled && !s.committing && ui::LastItemTouchedWhileDisabled())) {
      c.Emit(ev::PickDay{day});                    // a disabled day: the journey answers with why
    }
  }
}

}  // namespace

void DrawPickDate(const ScreenContext& c) {
  Title(c, "pick_date.title");                   // no "Touch the day it happened." line: six weeks of days need the room
  Notice(c);
  if (c.state.month_list) {
    DrawMonthList(c, *c.state.month_list);
  } else {
    DrawMonthGrid(c);
  }
}

}  // namespace tellus::screens
