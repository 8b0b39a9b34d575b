#pragma once
// [SECTION] Screens: thin views of the journey. One file per screen; each draws a
// const JourneyState through the kiosk/ui/a11y.h widgets only, takes every word from
// the catalog, and appends the events a touch or key produced to `out`. A screen never
// mutates state: the kiosk app passes `out` to tellus::Reduce().
#include <vector>

#include "core/journey.h"
#include "core/policy.h"
#include "easyread/catalog.h"

namespace tellus {

// Draws the whole screen for the current step: the step itself, then the help overlay
// or the idle warning when they are open, and the fixed bar (Back, Start again, Help,
// Listen). Call once per frame between the ui frame begin and end.
// `policy` is the policy in the catalog's language (core/policy_language.h); `written` the
// policy as its file writes it, whose names the register's answers use (stage names);
// null: `policy` is that.
void DrawScreen(const JourneyState& state, const Catalog& catalog, const Policy& policy,
                std::vector<JourneyEvent>& out, const Policy* written = nullptr);
// Whether DrawScreen will show "Step N of M" at the top (ui::BeginFrame reserves the strip).
bool ShowsProgress(const JourneyState& state, const Policy& policy);

}  // namespace tellus
