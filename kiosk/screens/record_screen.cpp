// Say it instead: Start, a big level meter while the microphone listens, Stop; then
// Listen to what you said, Record again, or Keep (the main action, in the dock).
#include "kiosk/screens/screen_parts.h"
#include "easyread/grammar.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawRecord(const ScreenContext& c) {
  const VoiceTake& take = c.state.voice;
  // "{minutes}" in the language's own plural form (and case, where a sentence asks for one).
  Values limit = CountValues(c.catalog, "count", "minutes", "minutes", (c.state.voice_max_s + 59) / 60);
  limit["limit"] = ClockText(c.state.voice_max_s * 1000);
  Title(c, "record.title");
  Notice(c);
  auto voice = [&](ev::VoiceAction action) { c.Emit(ev::Voice{action}); };
  switch (take.phase) {
    case VoicePhase::kReady:
      Say(c, "record.ready_1");
      Say(c, "record.ready_2", limit);
      if (MainButton(c, "button.record_start", "record.start")) voice(ev::VoiceAction::kStart);
      break;
    case VoicePhase::kRecording: {
      Values now = limit;
      now["time"] = ClockText(take.elapsed_ms);
      ui::LevelMeter("record.level", take.level, c.Text("record.recording", now), c.Spoken("record.recording", now),
                     c.Pictogram("record.recording"));
      Say(c, "record.recording_1");
      if (MainButton(c, "button.record_stop", "record.stop")) voice(ev::VoiceAction::kStop);
      break;
    }
    case VoicePhase::kFinishing:
      Say(c, "record.finishing");
      break;
    case VoicePhase::kRecorded:
    case VoicePhase::kPlaying: {
      const bool playing = take.phase == VoicePhase::kPlaying;
      Say(c, playing ? "record.playing" : "record.recorded", {{"time", ClockText(take.elapsed_ms)}});
      if (playing) {
        if (ChoiceItem(c, "record.stop_listening", "record.stop_listening", true, 0.5f)) voice(ev::VoiceAction::kStopListening);
      } else if (ChoiceItem(c, "record.listen", "record.listen", false, 0.5f)) {
        voice(ev::VoiceAction::kListen);
      }
      ui::SameLine();
      if (ChoiceItem(c, "record.again", "record.again", false, 0.5f)) voice(ev::VoiceAction::kRecordAgain);
      if (MainButton(c, "button.record_keep", "record.keep")) voice(ev::VoiceAction::kKeep);
      break;
    }
    case VoicePhase::kFailed:
      Say(c, "record.failed");
      Say(c, "record.failed_2");
      if (MainButton(c, "button.record_start", "record.try_again")) voice(ev::VoiceAction::kStart);
      break;
  }
}

}  // namespace tellus::screens
