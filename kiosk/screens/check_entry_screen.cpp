// Check my complaint: reference and secret code, checked on the kiosk before asking.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawCheckEntry(const ScreenContext& c) {
  if (TypingView(c, "check_entry.title")) {
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
