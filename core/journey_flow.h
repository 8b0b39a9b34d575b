#pragma once
// Internal to the journey: which step follows which, derived from the policy and the
// answers so far. Shared by journey_steps.cpp and journey_reduce.cpp.
#include <optional>

#include "core/journey.h"

namespace tellus::journey_detail {

Place FirstPlace(JourneyKind kind, const Policy& policy);         // first step after welcome
Place After(const JourneyState& state, const Policy& policy, Step from);  // the usual next step
Step SectionOf(Step step);                                         // review section a step belongs to
// The first required answer still missing before Send, if any.
std::optional<Place> FirstMissing(const JourneyState& state, const Policy& policy);
bool ContactNeedsDetails(ContactPreference contact);
// The "when" answer is a span with days on both sides of the policy's time limit.
bool SpansTimeLimit(const JourneyState& state, const Policy& policy);
// ... or lies wholly before it (too long ago for this policy).
bool WhollyBeforeTimeLimit(const JourneyState& state, const Policy& policy);
// The eligibility rule that asks about the policy's time limit, or -1.
int TimeLimitRule(const Policy& policy);

// What a reducer step works on: the state, the policy, and the effects it appends.
struct Ctx {
  JourneyState& s;
  const Policy& p;
  std::vector<JourneyEffect>& fx;
};
void SpeakIfListening(Ctx& c);
void Enter(Ctx& c, Place place);                   // push history, go there, read it aloud if listening
void Forward(Ctx& c, Step from);                   // the usual next step (or back to review after a Change)
void Signpost(Ctx& c, SignpostReason reason, int index);
void SetNotice(Ctx& c, Notice notice);

// Say it instead and help to write (journey_voice.cpp).
void OnSayIt(Ctx& c);
void OnVoice(Ctx& c, ev::VoiceAction action);
void OnVoiceResult(Ctx& c, const JourneyEvent& event);   // RecordProgress, RecordingFinished, RecordingFailed, PlaybackEnded
void OnAskForHelp(Ctx& c);
bool OnHelpChoice(Ctx& c, const std::string& id); // kHelpToWrite / kHelpTime choices; false: not one
void LeaveAside(Ctx& c);                           // Back from a side trip: the recorder is stopped and the take dropped
void WipeVoice(JourneyState& state);

// Zeroes and clears every answer and the receipt; keeps settings and time.
void WipeAnswers(JourneyState& state);
void OnTick(JourneyState& state, const ev::Tick& tick, std::vector<JourneyEffect>& effects);
void MarkActivity(JourneyState& state);

}  // namespace tellus::journey_detail
