// Done: the reference and tracking code, large and grouped, a QR code of the reference,
// and what happens next with real dates from the policy; for a complaint, the way to the
// procedure's stages and their times (process_screen.cpp).
#include "core/reference.h"
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {


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
  PrintButton(c);                                  // where the kiosk has a printer
  ui::NextColumn();
  Say(c, "done.body_saved");
  ui::QrCode(r.reference);
  switch (r.kind) {
    case JourneyKind::kComplaint:
      if (r.anonymous) {
        Say(c, "done.anonymous_no_reply");
        if (auto date = r.respond_by ? r.respond_by : r.acknowledge_by) {
          Say(c, "done.anonymous_check", DateValues(c, "date", *date));
        }
      } else {
        if (r.acknowledge_by) Say(c, "done.ack", DateValues(c, "date", *r.acknowledge_by));
        if (r.respond_by) Say(c, "done.respond", DateValues(c, "date", *r.respond_by));
      }
      // "We will also send you out the complaints process and timescales" (Steps to Work).
      if (ChoiceItem(c, "choice.done.process", "process.open")) c.Emit(ev::Choose{"process"});
      break;
    case JourneyKind::kCompliment:
      // What the policy says happens to it, else our plain promise.
      if (c.policy.compliments.handling.empty()) Say(c, "done.compliment_pass_on");
      SayEasyRead(c, c.policy.compliments.handling, "heart");
      if (!r.anonymous && r.acknowledge_by) Say(c, "done.compliment_ack", DateValues(c, "date", *r.acknowledge_by));
      break;
    default:
      if (c.policy.comments_handling.empty()) Say(c, "done.comment_read");
      SayEasyRead(c, c.policy.comments_handling, "comment");
      if (!r.anonymous && r.acknowledge_by) Say(c, "done.ack", DateValues(c, "date", *r.acknowledge_by));
      break;
  }
  PrintOutcome(c);                                 // printed, or the printer is not working
  ui::EndColumns();
  if (MainButton(c, "button.finish", "common.finish")) c.Emit(ev::Choose{"finish"});
}

}  // namespace tellus::screens
