// Under a text question: say it instead of typing it, or ask for help to tell us.
#include <algorithm>
#include <cstdio>

#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

std::string ClockText(int ms) {
  const int seconds = (std::max(0, ms) + 500) / 1000;
  char text[16];
  std::snprintf(text, sizeof text, "%d:%02d", seconds / 60, seconds % 60);
  return text;
}

bool SayOtherAnswer(const ScreenContext& c) {
  const std::optional<SpokenQuestion> question = SpokenQuestionOf(c.state.place.step);
  if (!question) return false;
  const PersonalPart& p = c.state.personal;
  if (p.help.Requested()) {
    Say(c, "voice.help_asked");
    return true;
  }
  if (const Recording* kept = FindRecording(p, *question)) {
    Say(c, "voice.kept", {{"time", ClockText(kept->length_ms)}});
    return true;
  }
  return false;
}

void OtherWaysToAnswer(const ScreenContext& c) {
  const std::optional<SpokenQuestion> question = SpokenQuestionOf(c.state.place.step);
  if (!question) return;
  const PersonalPart& p = c.state.personal;
  const Recording* kept = FindRecording(p, *question);
  const float width = c.state.voice_available ? 0.5f : 0;
  if (c.state.voice_available) {
    if (ChoiceItem(c, "voice.say_it", kept ? "voice.say_again" : "voice.say_it", false, width)) c.Emit(ev::SayIt{});
    ui::SameLine();
  }
  if (ChoiceItem(c, "voice.help_me", "voice.help_me", p.help.Requested(), width)) c.Emit(ev::AskForHelp{});
}

}  // namespace tellus::screens
