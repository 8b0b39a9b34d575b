#pragma once
// Where a person is in their journey: "Step 4 of 9" and the part of the journey
// that step belongs to (its picture is shown beside the count). Derived from the
// policy and the answers so far, so the count follows the path the person is on.
#include <optional>

#include "core/journey.h"

namespace tellus {

enum class JourneySection {
  kBeforeYouStart,   // the policy's eligibility questions and exclusions
  kWhatHappened,     // service, categories, the person's own words, when
  kAboutYou,         // anonymous or named, contact, on behalf, support, sharing
  kCheckAndSend,     // review, consent and the receipt
  kCheckMyComplaint, // the check journey: receipt, answer, requests
};
const char* ToString(JourneySection section);      // catalog key suffix: "progress.section.<name>"

struct JourneyProgress {
  int step = 1;                                    // 1-based position of the current screen
  int total = 1;                                   // questions on the path, first to last before the receipt
  JourneySection section = JourneySection::kWhatHappened;
};

// Nothing for screens outside a journey (welcome, language, About, the signpost, the receipt).
std::optional<JourneyProgress> Progress(const JourneyState& state, const Policy& policy);

}  // namespace tellus
