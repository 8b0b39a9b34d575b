// The answer to "check my complaint": where the case is, its dates, staff's latest
// reply and what the person may ask next; or a calm, honest screen saying what to do
// when it was not found, the register is busy or cannot be reached. Never a dead end.
#include <algorithm>

#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {

// The procedure's stages in a row with this case's stage marked; nothing when the
// stage is not one of the policy's (compliments, comments).
void StagesTimeline(const ScreenContext& c, const CaseView& v) {
  const auto& stages = c.policy.stages;
  const std::size_t at = c.StageIndex(v.stage_name);
  if (at == std::string::npos) {
    if (!v.stage_name.empty()) Say(c, "check_result.stage", {{"stage", v.stage_name}});
    return;
  }
  std::vector<ui::TimelineStage> row;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    ui::TimelineStage t;
    t.label = stages[i].name;
    t.done = i < at;
    t.current = i == at;
    const char* key = t.current ? "stages.you_are_here" : t.done ? "stages.done" : "stages.next";
    t.pictogram = c.Pictogram(key);
    t.spoken = stages[i].name + ". " + c.Text(key) + ". " +
               c.Text("check_result.stage_step", {{"number", std::to_string(i + 1)}, {"count", std::to_string(stages.size())}});
    row.push_back(std::move(t));
  }
  ui::Timeline(row, c.Text("stages.you_are_here"));
}

// What "informal" means, where the policy marks this case's stage so (the timeline
// already shows where it sits in the procedure).
void ExplainStage(const ScreenContext& c, const std::string& stage_name) {
  const std::size_t at = c.StageIndex(stage_name);
  if (at != std::string::npos && c.policy.stages[at].informal) Say(c, "check_result.stage_informal");
}

// The state and the dates still ahead (the printed slip says the same: core/receipt_slip.h).
void StateSentences(const ScreenContext& c, const CaseView& v) {
  ExplainStage(c, v.stage_name);
  for (const SlipSentence& line : CaseNextSteps(v)) {
    SayNextStep(c, line);
    if (line.key == "check_result.extended_by") SayData(v.extension_reason, "memo");   // staff's reason, as written
    if (line.key == "check_result.withdraw_asked") SayEasyRead(c, c.policy.withdrawal_note, "withdraw");
  }
}

// The staff's reply, set apart in a box with its own Listen.
void Reply(const ScreenContext& c, const CaseView& v) {
  ui::BeginBox();
  SayData(v.latest_reply, "letter");               // the box and its Listen say whose words these are
  ui::ItemStyle listen;
  listen.pictogram = c.Pictogram("stages.listen_reply");
  listen.wide = true;
  if (ui::Button("check_result.listen_reply", c.Text("stages.listen_reply"), c.Spoken("stages.listen_reply"), listen))
    c.Emit(ev::ListenReply{});
  ui::EndBox();
}

// What the person may ask next, side by side.
void Requests(const ScreenContext& c, const CaseView& v) {
  std::vector<std::pair<std::string, std::string>> items;   // choice id, catalog key
  if (v.can_escalate) items.push_back({"escalate", "check_result.escalate"});
  if (v.kind == JourneyKind::kComplaint) items.push_back({"feedback", "check_result.feedback"});
  if (v.can_withdraw) items.push_back({"withdraw", "check_result.withdraw"});
  // After the last stage every other place; before it, those the policy allows at any stage.
  if (v.kind == JourneyKind::kComplaint && !c.policy.PlacesToGo(AtLastStage(c.Written(), v.stage_name)).empty())
    items.push_back({"other-places", "other_places.open"});
  const float share = items.empty() ? 1.f : 1.f / static_cast<float>(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) ui::SameLine();
    if (ChoiceItem(c, "choice.check_result." + items[i].first, items[i].second, false, share))
      c.Emit(ev::Choose{items[i].first});
  }
}

void DrawCase(const ScreenContext& c, const CaseView& v) {
  // "Print my receipt" beside the title, where the kiosk has a printer: the screen is full below.
  if (c.state.printer) ui::BeginColumns(2);
  Title(c, v.kind == JourneyKind::kComplaint ? "check_result.found_title" : "check_result.found_title_other");
  if (c.state.printer) {
    ui::NextColumn();
    PrintButton(c);
    ui::EndColumns();
  }
  StagesTimeline(c, v);
  const bool reply = !v.latest_reply.empty();
  if (reply) ui::BeginColumns(2);
  StateSentences(c, v);
  if (reply) {
    ui::NextColumn();
    Reply(c, v);
    ui::EndColumns();
  }
  Requests(c, v);
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
