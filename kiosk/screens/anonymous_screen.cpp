// Name or anonymous; where the policy refuses anonymous complaints, says so plainly.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawAnonymous(const ScreenContext& c) {
  const JourneyState& s = c.state;
  const bool refused = s.kind == JourneyKind::kComplaint && !c.policy.anonymous_complaints;
  const bool named = s.anonymous_chosen && !s.personal.person.anonymous;
  const bool anonymous = s.anonymous_chosen && s.personal.person.anonymous;
  Title(c, "anonymous.title");
  if (!refused) Say(c, "anonymous.body_1");        // where a name is needed, say only that
  if (refused) {
    Say(c, "anonymous.refused");
    SayEasyRead(c, c.policy.anonymous_explanation, "info");
  } else {
    Say(c, "anonymous.body_2");
  }
  if (ChoiceItem(c, "choice.anonymous.name", "anonymous.choice.name", named)) c.Emit(ev::Choose{"name"});
  const char* other = refused ? "anonymous.choice.refuse" : "anonymous.choice.anonymous";
  if (ChoiceItem(c, "choice.anonymous.anonymous", other, anonymous)) c.Emit(ev::Choose{"anonymous"});
}

}  // namespace tellus::screens
