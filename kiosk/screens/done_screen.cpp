// Done: the reference and tracking code, large and grouped, a QR code of the reference,
// and what happens next with real dates from the policy.
#include "core/reference.h"
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {
// The procedure's stages and their times, one line each ("send you out the complaints process
// and timescales", Steps to Work); a time the seed does not give is not promised.
// Each line has its own picture: the first stage, the ones after it, the last.
void StageTimes(const ScreenContext& c) {
  const auto& stages = c.policy.stages;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const Stage& stage = stages[i];
    const std::string time = stage.respond_within && !stage.respond_own_choice
                                 ? c.Text("done.within", {{"time", DurationText(c, *stage.respond_within)}})
                                 : c.Text("done.time_later");
    const char* key = i == 0 ? "done.stage_first" : i + 1 == stages.size() ? "done.stage_last" : "done.stage_next";
    Say(c, key, {{"stage", stage.name}, {"time", time}});
  }
}
}  // namespace

void DrawDone(const ScreenContext& c) {
  if (!c.state.receipt) return;
  const Receipt& r = *c.state.receipt;
  Title(c, "done.title");
  // Left: the receipt (reference, secret code, keep them); right: the QR code and what happens next.
  ui::BeginColumns(2);
  Say(c, "done.reference_label");
  ui::BigCode(r.reference, SpokenCode(r.reference));
  Say(c, "done.tracking_label");
  ui::BigCode(r.tracking_code, SpokenCode(r.tracking_code));
  Say(c, "done.keep");
  ui::NextColumn();
  Say(c, "done.body_saved");
  ui::QrCode(r.reference);
  switch (r.kind) {
    case JourneyKind::kComplaint:
      if (r.anonymous) {
        Say(c, "done.anonymous_no_reply");
        if (auto date = r.respond_by ? r.respond_by : r.acknowledge_by) {
          Say(c, "done.anonymous_check", {{"date", DateText(c, *date)}});
        }
      } else {
        if (r.acknowledge_by) Say(c, "done.ack", {{"date", DateText(c, *r.acknowledge_by)}});
        if (r.respond_by) Say(c, "done.respond", {{"date", DateText(c, *r.respond_by)}});
      }
      StageTimes(c);
      break;
    case JourneyKind::kCompliment:
      Say(c, "done.compliment_pass_on");
      SayEasyRead(c, c.policy.compliments.handling, "heart");
      if (!r.anonymous && r.acknowledge_by) Say(c, "done.compliment_ack", {{"date", DateText(c, *r.acknowledge_by)}});
      break;
    default:
      Say(c, "done.comment_read");
      SayEasyRead(c, c.policy.comments_handling, "comment");
      if (!r.anonymous && r.acknowledge_by) Say(c, "done.ack", {{"date", DateText(c, *r.acknowledge_by)}});
      break;
  }
  ui::EndColumns();
  if (r.kind == JourneyKind::kComplaint && !c.policy.PlacesToGo(false).empty() &&
      OtherPlacesButton(c, "choice.done.other-places")) {
    c.Emit(ev::Choose{"other-places"});
  }
  if (MainButton(c, "button.finish", "common.finish")) c.Emit(ev::Choose{"finish"});
}

}  // namespace tellus::screens
