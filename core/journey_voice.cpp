// "Say it instead" and "I want help to tell you": side trips from a text question.
// The kiosk records, encodes and plays; here the journey decides what the person can
// do next and keeps a take only when they press Keep.
#include <algorithm>
#include <utility>

#include "core/journey.h"
#include "core/journey_flow.h"

namespace tellus {

std::optional<SpokenQuestion> SpokenQuestionOf(Step step) {
  switch (step) {
    case Step::kSubject: return SpokenQuestion::kSubject;
    case Step::kPraise: return SpokenQuestion::kPraise;
    case Step::kWhatHappened: return SpokenQuestion::kWhatHappened;
    case Step::kAffected: return SpokenQuestion::kHowAffected;
    case Step::kPutRight: return SpokenQuestion::kPutRight;
    default: return std::nullopt;
  }
}

Step StepOfQuestion(SpokenQuestion question, JourneyKind) {
  switch (question) {
    case SpokenQuestion::kSubject: return Step::kSubject;
    case SpokenQuestion::kPraise: return Step::kPraise;
    case SpokenQuestion::kWhatHappened: return Step::kWhatHappened;
    case SpokenQuestion::kHowAffected: return Step::kAffected;
    case SpokenQuestion::kPutRight: return Step::kPutRight;
  }
  return Step::kWhatHappened;
}

bool Answered(const JourneyState& s, SpokenQuestion question) {
  const PersonalPart& p = s.personal;
  const std::string* typed = question == SpokenQuestion::kSubject        ? &p.subject
                             : question == SpokenQuestion::kPraise       ? &p.praise
                             : question == SpokenQuestion::kWhatHappened ? &p.what_happened
                             : question == SpokenQuestion::kHowAffected  ? &p.how_affected
                                                                         : &p.put_right;
  return !typed->empty() || FindRecording(p, question) != nullptr || p.help.Requested();
}

bool MicrophoneOpen(const JourneyState& s) {
  return s.place.step == Step::kRecord &&
         (s.voice.phase == VoicePhase::kRecording || s.voice.phase == VoicePhase::kFinishing);
}

namespace journey_detail {

void WipeVoice(JourneyState& s) {
  s.voice.opus.Reset();
  s.voice.phase = VoicePhase::kReady;
  s.voice.elapsed_ms = 0;
  s.voice.level = 0;
}

namespace {

// Back to the question the side trip left from (its place is the last in history).
void ReturnToQuestion(Ctx& c) {
  while (!c.s.history.empty() && c.s.history.back().step != c.s.aside_from) c.s.history.pop_back();
  if (c.s.history.empty()) return;
  c.s.place = c.s.history.back();
  c.s.history.pop_back();
  c.s.focused = Field::kNone;
  SpeakIfListening(c);
}

void StartTake(Ctx& c) {
  WipeVoice(c.s);
  c.s.voice.phase = VoicePhase::kRecording;
  c.fx.push_back(fx::StopSpeech{});                // read-aloud pauses: the microphone must not hear it
  c.fx.push_back(fx::StartRecording{c.s.voice_max_s * 1000});
}

void Keep(Ctx& c) {
  VoiceTake& take = c.s.voice;
  std::vector<Recording>& kept = c.s.personal.recordings;
  for (auto it = kept.begin(); it != kept.end(); ++it) {
    if (it->question != take.question) continue;
    kept.erase(it);                                // its buffer is zeroed when nothing holds it
    break;
  }
  Recording r;
  r.question = take.question;
  r.length_ms = take.elapsed_ms;
  r.opus = take.opus;                              // shared, not copied: one copy of the audio in the journey
  kept.push_back(std::move(r));
  WipeVoice(c.s);
  c.fx.push_back(fx::PlaySound{fx::Sound::kDone});
  ReturnToQuestion(c);
}

}  // namespace

void OnSayIt(Ctx& c) {
  if (!c.s.voice_available) return;
  const std::optional<SpokenQuestion> question = SpokenQuestionOf(c.s.place.step);
  if (!question) return;
  c.s.aside_from = c.s.place.step;
  WipeVoice(c.s);
  c.s.voice.question = *question;
  if (const Recording* kept = FindRecording(c.s.personal, *question)) {
    c.s.voice.phase = VoicePhase::kRecorded;       // listen to it again, or record again
    c.s.voice.opus = kept->opus;
    c.s.voice.elapsed_ms = kept->length_ms;
  }
  Enter(c, Place{Step::kRecord, 0});
}

void OnVoice(Ctx& c, ev::VoiceAction action) {
  if (c.s.place.step != Step::kRecord) return;
  VoiceTake& take = c.s.voice;
  switch (action) {
    case ev::VoiceAction::kStart:
    case ev::VoiceAction::kRecordAgain:
      if (take.phase == VoicePhase::kPlaying) c.fx.push_back(fx::StopPlayback{});
      if (take.phase == VoicePhase::kReady || take.phase == VoicePhase::kRecorded ||
          take.phase == VoicePhase::kPlaying || take.phase == VoicePhase::kFailed) {
        StartTake(c);
      }
      return;
    case ev::VoiceAction::kStop:
      if (take.phase != VoicePhase::kRecording) return;
      take.phase = VoicePhase::kFinishing;
      c.fx.push_back(fx::StopRecording{});
      return;
    case ev::VoiceAction::kListen:
      if (take.phase != VoicePhase::kRecorded || take.opus.empty()) return;
      take.phase = VoicePhase::kPlaying;
      c.fx.push_back(fx::StopSpeech{});
      c.fx.push_back(fx::PlayRecording{take.opus});
      return;
    case ev::VoiceAction::kStopListening:
      if (take.phase != VoicePhase::kPlaying) return;
      take.phase = VoicePhase::kRecorded;
      c.fx.push_back(fx::StopPlayback{});
      return;
    case ev::VoiceAction::kKeep:
      if (take.phase == VoicePhase::kPlaying) c.fx.push_back(fx::StopPlayback{});
      if ((take.phase == VoicePhase::kRecorded || take.phase == VoicePhase::kPlaying) && !take.opus.empty()) Keep(c);
      return;
  }
}

void OnVoiceResult(Ctx& c, const JourneyEvent& event) {
  VoiceTake& take = c.s.voice;
  const bool here = c.s.place.step == Step::kRecord;
  if (const auto* progress = std::get_if<ev::RecordProgress>(&event)) {
    if (!here || take.phase != VoicePhase::kRecording) return;
    take.elapsed_ms = progress->elapsed_ms;
    take.level = std::clamp(progress->level, 0, 100);
    MarkActivity(c.s);                             // someone talking is someone there
    if (take.elapsed_ms >= c.s.voice_max_s * 1000) {
      take.phase = VoicePhase::kFinishing;         // the time limit stops it, as Stop would
      c.fx.push_back(fx::StopRecording{});
    }
  } else if (const auto* done = std::get_if<ev::RecordingFinished>(&event)) {
    if (!here || (take.phase != VoicePhase::kFinishing && take.phase != VoicePhase::kRecording)) return;
    if (done->opus.empty() || done->length_ms <= 0) {
      take.phase = VoicePhase::kFailed;
      c.fx.push_back(fx::PlaySound{fx::Sound::kError});
      return;
    }
    take.opus = done->opus;
    take.elapsed_ms = done->length_ms;
    take.level = 0;
    take.phase = VoicePhase::kRecorded;
    SpeakIfListening(c);                           // read-aloud comes back: Listen, Record again, Keep
  } else if (std::holds_alternative<ev::RecordingFailed>(event)) {
    if (!here || (take.phase != VoicePhase::kRecording && take.phase != VoicePhase::kFinishing)) return;
    take.phase = VoicePhase::kFailed;
    take.level = 0;
    c.fx.push_back(fx::PlaySound{fx::Sound::kError});
    SpeakIfListening(c);
  } else if (std::holds_alternative<ev::PlaybackEnded>(event)) {
    if (here && take.phase == VoicePhase::kPlaying) take.phase = VoicePhase::kRecorded;
  }
}

void LeaveAside(Ctx& c) {
  if (c.s.place.step != Step::kRecord) return;
  if (c.s.voice.phase == VoicePhase::kRecording || c.s.voice.phase == VoicePhase::kFinishing) {
    c.fx.push_back(fx::DiscardRecording{});
  }
  if (c.s.voice.phase == VoicePhase::kPlaying) c.fx.push_back(fx::StopPlayback{});
  WipeVoice(c.s);
}

void OnAskForHelp(Ctx& c) {
  if (!SpokenQuestionOf(c.s.place.step)) return;
  c.s.aside_from = c.s.place.step;
  Enter(c, Place{Step::kHelpToWrite, 0});
}

bool OnHelpChoice(Ctx& c, const std::string& id) {
  PersonalPart& p = c.s.personal;
  if (c.s.place.step == Step::kHelpToWrite) {
    if (id == "call-back") p.help.way = HelpWay::kCallBack;
    else if (id == "meeting") p.help.way = HelpWay::kMeeting;
    else return false;
    Enter(c, Place{Step::kHelpTime, 0});
    return true;
  }
  if (c.s.place.step != Step::kHelpTime || !p.help.Requested()) return false;
  if (id == "morning") p.help.best_time = HelpTime::kMorning;
  else if (id == "afternoon") p.help.best_time = HelpTime::kAfternoon;
  else if (id == "any-time") p.help.best_time = HelpTime::kAnyTime;
  else return false;
  p.support.help_to_write = true;
  // Someone has to reach them: a request for help is never anonymous. Their name and
  // how to contact them are asked next on the usual path (the contact step shows this way first).
  if (p.person.anonymous) {
    p.person.anonymous = false;
    c.s.anonymous_chosen = true;
  }
  if (!c.s.contact_answered) {
    p.person.contact = p.help.way == HelpWay::kCallBack ? ContactPreference::kPhone : ContactPreference::kInPerson;
  }
  c.fx.push_back(fx::PlaySound{fx::Sound::kDone});
  Forward(c, c.s.aside_from);
  return true;
}

}  // namespace journey_detail
}  // namespace tellus
