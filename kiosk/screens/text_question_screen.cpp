// A question answered in the person's own words: who to thank, what happened, how it
// affected them, what would put it right, their name, why they ask for the next stage.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

namespace {
struct TextStep {
  std::string key;                                 // catalog prefix
  Field field;
};
TextStep ForStep(const JourneyState& s) {
  switch (s.place.step) {
    case Step::kSubject: return {"subject", Field::kSubject};
    case Step::kWhatHappened:
      return {s.kind == JourneyKind::kComment ? "comment_text" : "what_happened", Field::kWhatHappened};
    case Step::kAffected: return {"affected", Field::kAffected};
    case Step::kPutRight: return {"put_right", Field::kPutRight};
    case Step::kEscalateReason: return {"escalate_reason", Field::kEscalateReason};
    default: return {"name", Field::kName};
  }
}
}  // namespace

void DrawTextQuestion(const ScreenContext& c) {
  const TextStep step = ForStep(c.state);
  if (TypingView(c, step.key + ".title")) {
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
    return;
  }
  Title(c, step.key + ".title");
  Say(c, step.key + ".body_1");
  if (!SayOtherAnswer(c)) SayIfPresent(c, step.key + ".body_2");
  Notice(c);
  TextBox(c, step.field);
  OtherWaysToAnswer(c);
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
