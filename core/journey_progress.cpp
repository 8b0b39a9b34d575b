// Progress: walks the path from the journey's first step with the answers given so
// far (the same After() the reducer uses), so "Step 4 of 9" never disagrees with Next.
#include "core/journey_progress.h"

#include "core/journey_flow.h"

namespace tellus {

namespace {

JourneySection SectionOfStep(Step step) {
  switch (step) {
    case Step::kSafeguarding:
    case Step::kTellStaff:
    case Step::kEligibility:
    case Step::kExclusions: return JourneySection::kBeforeYouStart;
    case Step::kAnonymous:
    case Step::kAnonymousMeaning:
    case Step::kName:
    case Step::kContact:
    case Step::kContactDetails:
    case Step::kOnBehalf:
    case Step::kOnBehalfDetails:
    case Step::kSupport:
    case Step::kShare: return JourneySection::kAboutYou;
    case Step::kReview:
    case Step::kConsent:
    case Step::kDone: return JourneySection::kCheckAndSend;
    case Step::kCheckEntry:
    case Step::kCheckResult:
    case Step::kCheckConfirm:
    case Step::kCheckOutcome:
    case Step::kCheckFeedback:
    case Step::kEscalateReason: return JourneySection::kCheckMyComplaint;
    default: return JourneySection::kWhatHappened;
  }
}

// The receipt ends the journey: "Thank you" is not a step to count.
bool OutsideJourney(Step step) {
  return step == Step::kWelcome || step == Step::kLanguage || step == Step::kAbout || step == Step::kSignpost ||
         step == Step::kDone || step == Step::kOtherPlaces || step == Step::kProcess;
}

// The check journey is short and fixed: the receipt, the answer, then a request.
std::optional<JourneyProgress> CheckProgress(Step step) {
  int at = 1;
  switch (step) {
    case Step::kCheckEntry: at = 1; break;
    case Step::kCheckResult: at = 2; break;
    case Step::kCheckConfirm:
    case Step::kEscalateReason:
    case Step::kCheckFeedback: at = 3; break;
    case Step::kCheckOutcome: at = 4; break;
    default: return std::nullopt;
  }
  return JourneyProgress{at, 4, JourneySection::kCheckMyComplaint};
}

// A side trip off the usual path counts as the step after the one it leaves from.
std::optional<Step> BranchesFrom(Step step, const JourneyState& state) {
  switch (step) {
    case Step::kRecord:
    case Step::kHelpToWrite:
    case Step::kHelpTime: return state.aside_from;
    case Step::kWhenOlder:
    case Step::kPickDate: return Step::kWhen;
    case Step::kContactDetails: return Step::kContact;
    case Step::kOnBehalfDetails: return Step::kOnBehalf;
    case Step::kAnonymousMeaning: return Step::kAnonymous;
    case Step::kTellStaff: return Step::kSafeguarding;
    default: return std::nullopt;
  }
}

// After review, compliments and comments are sent at once; complaints show the consent screen.
Step LastStepBeforeReceipt(JourneyKind kind) { return kind == JourneyKind::kComplaint ? Step::kConsent : Step::kReview; }

}  // namespace

const char* ToString(JourneySection section) {
  switch (section) {
    case JourneySection::kBeforeYouStart: return "before_you_start";
    case JourneySection::kWhatHappened: return "what_happened";
    case JourneySection::kAboutYou: return "about_you";
    case JourneySection::kCheckAndSend: return "check_and_send";
    case JourneySection::kCheckMyComplaint: return "check_my_complaint";
  }
  return "what_happened";
}

std::optional<JourneyProgress> Progress(const JourneyState& state, const Policy& policy) {
  const Step current = state.place.step;
  if (state.kind == JourneyKind::kNone || OutsideJourney(current)) return std::nullopt;
  if (state.kind == JourneyKind::kCheck) return CheckProgress(current);

  JourneyState probe = state;
  probe.place = journey_detail::FirstPlace(state.kind, policy);
  const Step last = LastStepBeforeReceipt(state.kind);
  // Side trips (the date grid, contact details...) share the number of the step they
  // leave from, so the total only changes when an answer changes the way (anonymous).
  int count = 0, at = 0, branch = 0;
  const std::optional<Step> parent = BranchesFrom(current, state);
  for (int guard = 0; guard < 64; ++guard) {
    if (!BranchesFrom(probe.place.step, state)) ++count;
    if (probe.place == state.place) at = count;
    if (parent && probe.place.step == *parent) branch = count;
    if (probe.place.step == last) break;
    const Place next = journey_detail::After(probe, policy, probe.place.step);
    if (next == probe.place) break;                // no way on from here (a dead end is not counted twice)
    probe.place = next;
  }
  if (at == 0 && branch > 0) at = branch;         // a side trip not on the usual path yet
  if (at == 0) return std::nullopt;
  return JourneyProgress{at, count, SectionOfStep(current)};
}

}  // namespace tellus
