// Eligibility: the policy's yes/no questions, one per screen.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawEligibility(const ScreenContext& c) {
  const int index = c.state.place.index;
  if (index < 0 || index >= static_cast<int>(c.policy.eligibility.size())) return;
  const EligibilityQuestion& question = c.policy.eligibility[static_cast<std::size_t>(index)];
  Title(c, "eligibility.title");
  SayData(question.question, "question");
  Say(c, "eligibility.body_1");
  if (ChoiceItem(c, "choice.eligibility.yes", "common.yes")) c.Emit(ev::Choose{"yes"});
  if (ChoiceItem(c, "choice.eligibility.no", "common.no")) c.Emit(ev::Choose{"no"});
}

}  // namespace tellus::screens
