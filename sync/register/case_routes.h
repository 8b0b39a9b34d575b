#pragma once
// What `case show` prints about where a case can go: who handles the current stage, how
// the person asks for the next one and until when, the other places to go that apply now,
// changes staff made to the plan, and, for an urgent case, the policy's safeguarding steps
// and contacts. Words come from the case's policy, as written.
#include <ostream>

#include "core/model.h"
#include "core/policy.h"
#include "sync/register/case_workflow.h"

namespace tellus::reg {

// The "urgent" block first in `case show` (empty for a case that is not urgent).
void PrintSafeguarding(std::ostream& out, const CaseRecord& record, const Policy& policy);
// Handler, next stage, other places, extension, withdrawal request.
void PrintRoutes(std::ostream& out, const CaseRecord& record, const Policy& policy, CaseWorkflow& workflow);
// What staff need to know from the sealed part's answers (someone who has died, Seetec 2.3.5).
void PrintEligibilityNotes(std::ostream& out, const PersonalPart& personal, const Policy& policy);

}  // namespace tellus::reg
