// Eligibility: the policy's single yes/no questions, one per screen.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawEligibility(const ScreenContext& c) {
  const YesNoQuestion* question = EligibilityQuestionAt(c.policy, c.state.place);
  if (!question) return;
  Title(c, "eligibility.title");
  SayEasyRead(c, question->question, "question");
  Say(c, "eligibility.body_1");
  if (ChoiceItem(c, "choice.eligibility.yes", "common.yes")) c.Emit(ev::Choose{"yes"});
  if (ChoiceItem(c, "choice.eligibility.no", "common.no")) c.Emit(ev::Choose{"no"});
}

}  // namespace tellus::screens
