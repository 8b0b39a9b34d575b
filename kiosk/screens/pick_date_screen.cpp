// A simple date picker: a day or a month at a time, never past today.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {
bool DateButton(const ScreenContext& c, const std::string& key, bool enabled) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.enabled = enabled;
  style.width_fraction = 0.5f;
  const std::string id = "button." + key;
  return ui::Button(id, c.Text(key), c.Spoken(key), style);
}
}  // namespace

void DrawPickDate(const ScreenContext& c) {
  const Date picked = c.state.picked_date;
  const bool can_go_forward = picked < c.state.today;
  Title(c, "pick_date.title");
  Say(c, "pick_date.body_1");
  Notice(c);
  ui::Heading(DateText(c, picked, true), "calendar");
  if (DateButton(c, "pick_date.day_back", true)) c.Emit(ev::AdjustDate{-1, 0});
  ui::SameLine();
  if (DateButton(c, "pick_date.day_forward", can_go_forward)) c.Emit(ev::AdjustDate{1, 0});
  if (DateButton(c, "pick_date.month_back", true)) c.Emit(ev::AdjustDate{0, -1});
  ui::SameLine();
  if (DateButton(c, "pick_date.month_forward", can_go_forward)) c.Emit(ev::AdjustDate{0, 1});
  Say(c, "pick_date.body_2");
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
