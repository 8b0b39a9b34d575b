// The answer to "check my complaint": where the case is, its dates, staff's latest
// reply and what the person may ask next; or a calm, honest screen saying what to do
// when it was not found, the register is busy or cannot be reached. Never a dead end.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

namespace {

// A stage's name is the organisation's ("Informal stage 1"): say plainly where it sits
// in the procedure, and what "informal" means where the policy marks it so.
void ExplainStage(const ScreenContext& c, const std::string& stage_name) {
  const std::vector<Stage>& stages = c.policy.stages;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].name != stage_name) continue;
    if (stages.size() > 1)
      Say(c, "check_result.stage_step", {{"number", std::to_string(i + 1)}, {"count", std::to_string(stages.size())}});
    if (stages[i].informal) Say(c, "check_result.stage_informal");
    return;
  }
}

void DrawCase(const ScreenContext& c, const CaseView& v) {
  Title(c, v.kind == JourneyKind::kComplaint ? "check_result.found_title" : "check_result.found_title_other");
  if (!v.stage_name.empty()) {
    Say(c, "check_result.stage", {{"stage", v.stage_name}});
    ExplainStage(c, v.stage_name);
  }
  if (v.state == "closed") {
    Say(c, v.outcome == "withdrawn" ? "check_result.state_withdrawn" : "check_result.state_closed");
  } else if (v.state == "answered") {
    Say(c, "check_result.state_answered");
  } else if (v.state == "acknowledged") {
    Say(c, "check_result.state_acknowledged");
  } else {
    Say(c, "check_result.state_received");
    if (v.acknowledge_by) Say(c, "check_result.acknowledge_by", {{"date", DateText(c, *v.acknowledge_by)}});
  }
  if (v.state != "closed" && v.state != "answered" && v.respond_by)
    Say(c, "check_result.respond_by", {{"date", DateText(c, *v.respond_by)}});
  if (!v.latest_reply.empty()) {
    Say(c, "check_result.reply");
    SayData(v.latest_reply, "letter");
  }
  if (v.can_escalate) {
    Say(c, "check_result.escalate_info");
    if (!v.next_stage_name.empty()) Say(c, "check_result.escalate_stage", {{"stage", v.next_stage_name}});
    if (v.escalate_by) Say(c, "check_result.escalate_until", {{"date", DateText(c, *v.escalate_by)}});
    if (ChoiceItem(c, "choice.check_result.escalate", "check_result.escalate")) c.Emit(ev::Choose{"escalate"});
  }
  if (v.kind == JourneyKind::kComplaint && ChoiceItem(c, "choice.check_result.feedback", "check_result.feedback"))
    c.Emit(ev::Choose{"feedback"});
  if (v.can_withdraw && ChoiceItem(c, "choice.check_result.withdraw", "check_result.withdraw"))
    c.Emit(ev::Choose{"withdraw"});
}

}  // namespace

void DrawCheckResult(const ScreenContext& c) {
  const JourneyState& s = c.state;
  switch (s.check_status) {
    case CheckStatusKind::kWaiting:
      Title(c, "check_result.waiting_title");
      Say(c, "check_result.waiting");
      return;                                      // nothing to press while the register is asked
    case CheckStatusKind::kFound:
      if (s.check_case) DrawCase(c, *s.check_case);
      break;
    case CheckStatusKind::kNotFound:
      Title(c, "check_result.not_found_title");
      Say(c, "check_result.not_found");
      Say(c, "check_result.not_found_new");
      Say(c, "check_result.unavailable_2");
      if (ChoiceItem(c, "choice.check_result.change-codes", "check_result.change_codes"))
        c.Emit(ev::Choose{"change-codes"});
      break;
    default:                                       // busy, or the register cannot be reached
      CannotReachRegister(c, s.check_status == CheckStatusKind::kBusy);
      if (ChoiceItem(c, "choice.check_result.try-again", "check_result.try_again")) c.Emit(ev::Choose{"try-again"});
      break;
  }
  if (MainButton(c, "button.finish", "common.finish")) c.Emit(ev::Choose{"finish"});
}

}  // namespace tellus::screens
