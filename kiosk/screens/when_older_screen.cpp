// "Before that": was it longer ago than the policy's time limit?
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawWhenOlder(const ScreenContext& c) {
  Title(c, "when_older.title");
  if (c.policy.time_limit) Say(c, "when_older.body_1", DurationValues(c, "limit", *c.policy.time_limit));
  if (ChoiceItem(c, "choice.when_older.yes", "common.yes")) c.Emit(ev::Choose{"yes"});
  if (ChoiceItem(c, "choice.when_older.no", "common.no")) c.Emit(ev::Choose{"no"});
}

}  // namespace tellus::screens
