// I want help to tell you: a call-back or a meeting, then the best time for it.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawHelpToWrite(const ScreenContext& c) {
  const bool when = c.state.place.step == Step::kHelpTime;
  const std::string key = when ? "help_time" : "help_to_write";
  Title(c, key + ".title");
  Say(c, key + ".body_1");
  SayIfPresent(c, key + ".body_2");
  Notice(c);
  const HelpRequest& help = c.state.personal.help;
  if (when) {
    for (const auto& [id, when_id] : {std::pair{"morning", HelpTime::kMorning}, std::pair{"afternoon", HelpTime::kAfternoon},
                                   std::pair{"any-time", HelpTime::kAnyTime}}) {
      if (ChoiceItem(c, std::string("choice.") + id, key + ".choice." + id, help.best_time == when_id && help.Requested() &&
                                                                                c.state.personal.support.help_to_write)) {
        c.Emit(ev::Choose{id});
      }
    }
  } else {
    for (const auto& [id, way] : {std::pair{"call-back", HelpWay::kCallBack}, std::pair{"meeting", HelpWay::kMeeting}}) {
      if (ChoiceItem(c, std::string("choice.") + id, key + ".choice." + id, help.way == way)) c.Emit(ev::Choose{id});
    }
  }
}

}  // namespace tellus::screens
