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

// Zeroes and clears every answer and the receipt; keeps settings and time.
void WipeAnswers(JourneyState& state);
void OnTick(JourneyState& state, const ev::Tick& tick, std::vector<JourneyEffect>& effects);
void MarkActivity(JourneyState& state);

}  // namespace tellus::journey_detail
