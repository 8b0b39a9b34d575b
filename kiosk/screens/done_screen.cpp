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
  // Once printing was tried, what happened to the slip takes the place of "write these down"
  // (which is still said aloud when the printer fails): the column has no room for both.
  if (c.state.print_status == PrintStatus::kPrinted || c.state.print_status == PrintStatus::kFailed) {
    PrintOutcome(c);
  } else {
    Say(c, "done.keep");
  }
  PrintButton(c);                                  // where the kiosk has a printer
  ui::NextColumn();
  Say(c, "done.body_saved");
  ui::QrCode(r.reference);
  // What happens next, as the slip prints it; for a complaint, the way to the procedure's
  // stages and times ("We will also send you out the complaints process and timescales", Steps to Work).
  for (const SlipSentence& line : ReceiptNextSteps(r, c.policy)) SayNextStep(c, line);
  if (r.kind == JourneyKind::kComplaint && ChoiceItem(c, "choice.done.process", "process.open"))
    c.Emit(ev::Choose{"process"});
  ui::EndColumns();
  if (MainButton(c, "button.finish", "common.finish")) c.Emit(ev::Choose{"finish"});
}

}  // namespace tellus::screens
