// Optional feedback on how a case was handled: the person's words, sent to the register
// (which seals them) with the receipt's codes.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawCheckFeedback(const ScreenContext& c) {
  if (TypingView(c, "check_feedback.title")) {
    if (MainButton(c, "button.send", "common.send")) c.Emit(ev::Next{});
    return;
  }
  Title(c, "check_feedback.title");
  Notice(c);
  Say(c, "check_feedback.body_1");
  Say(c, "check_feedback.body_2");
  TextBox(c, Field::kFeedback);
  if (MainButton(c, "button.send", "common.send")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
