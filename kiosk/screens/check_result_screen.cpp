// The answer to "check my complaint", or an honest "we cannot check right now".
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawCheckResult(const ScreenContext& c) {
  switch (c.state.check_status) {
    case CheckStatusKind::kWaiting:
      Title(c, "check_result.waiting_title");
      Say(c, "check_result.waiting");
      break;
    case CheckStatusKind::kFound:
      Title(c, "check_result.found_title");
      SayData(c.state.check_status_text, "info");
      break;
    case CheckStatusKind::kNotFound:
      Title(c, "check_result.not_found_title");
      Say(c, "check_result.not_found");
      break;
    default:
      Title(c, "check_result.unavailable_title");
      Say(c, "check_result.unavailable_1");
      Say(c, "check_result.unavailable_2");
      break;
  }
  if (MainButton(c, "button.finish", "common.finish")) c.Emit(ev::Choose{"finish"});
}

}  // namespace tellus::screens
