// Check my complaint: reference and secret code, checked on the kiosk before asking.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawCheckEntry(const ScreenContext& c) {
  if (c.state.focused != Field::kNone) {
    // Typing: both boxes stay above the keyboard (their labels ask the question), so the
    // person can go from one to the other; the dock checks.
    Notice(c);
    TextBox(c, Field::kReference);
    TextBox(c, Field::kTrackingCode);
    if (MainButton(c, "button.check", "check_entry.check")) c.Emit(ev::Next{});
    return;
  }
  Title(c, "check_entry.title");
  Notice(c);
  Say(c, "check_entry.body_1");
  TextBox(c, Field::kReference);
  Say(c, "check_entry.body_2");
  TextBox(c, Field::kTrackingCode);
  if (MainButton(c, "button.check", "check_entry.check")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
