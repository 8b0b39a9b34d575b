// What the register did with "ask for the next stage" or "withdraw", in plain words.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawCheckOutcome(const ScreenContext& c) {
  const JourneyState& s = c.state;
  switch (s.request_outcome) {
    case RequestOutcome::kWaiting:
      Title(c, "check_outcome.waiting_title");
      Say(c, "check_result.waiting");
      return;                                      // nothing to press while the register is asked
    case RequestOutcome::kDone:
      if (s.check_request == CaseRequest::kFeedback) {
        Title(c, "check_outcome.feedback_title");
        Say(c, "check_outcome.feedback");
      } else if (s.check_request == CaseRequest::kWithdraw && s.check_case && s.check_case->withdraw_requested) {
        // The policy may carry on with a serious complaint (Works for Us): say so, in its words.
        Title(c, "check_outcome.withdraw_asked_title");
        SayEasyRead(c, c.policy.withdrawal_note, "withdraw");
      } else if (s.check_request == CaseRequest::kWithdraw) {
        Title(c, "check_outcome.withdrawn_title");
        Say(c, "check_outcome.withdrawn");
      } else {
        Title(c, "check_outcome.escalated_title");
        if (s.check_case && !s.check_case->stage_name.empty())
          Say(c, "check_result.stage", {{"stage", c.StageName(s.check_case->stage_name)}});
        Say(c, "check_outcome.escalated");
      }
      break;
    case RequestOutcome::kRefused:
      Title(c, "check_outcome.refused_title");
      Say(c, "check_outcome.refused");
      break;
    default:                                       // busy, or the register cannot be reached
      CannotReachRegister(c, s.request_outcome == RequestOutcome::kBusy);
      break;
  }
  if (s.check_case && ChoiceItem(c, "choice.check_outcome.status", "check_outcome.status"))
    c.Emit(ev::Choose{"status"});
  if (MainButton(c, "button.finish", "common.finish")) c.Emit(ev::Choose{"finish"});
}

}  // namespace tellus::screens
