// DrawScreen: the current step, the help or idle panel, and the bottom bar.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/screens/screens.h"

#include "core/journey_progress.h"

namespace tellus {

using namespace screens;

bool ShowsProgress(const JourneyState& state, const Policy& policy) {
  return !state.help_open && !state.idle_warning && Progress(state, policy).has_value();
}

void DrawScreen(const JourneyState& state, const Catalog& catalog, const Policy& policy, std::vector<JourneyEvent>& out,
                const Policy* written) {
  const ScreenContext c{state, catalog, policy, out, written};
  ProgressStrip(c);
  if (state.idle_warning) {
    IdlePanel(c);                                  // modal: nothing else to touch
    return;
  }
  if (state.help_open) {
    HelpPanel(c);
    BottomBar(c);
    return;
  }
  switch (state.place.step) {
    case Step::kWelcome: DrawWelcome(c); break;
    case Step::kLanguage: DrawLanguages(c); break;
    case Step::kEligibility: DrawEligibility(c); break;
    case Step::kExclusions: DrawExclusions(c); break;
    case Step::kAnonymous: DrawAnonymous(c); break;
    case Step::kAnonymousMeaning: DrawAnonymousMeaning(c); break;
    case Step::kService: DrawService(c); break;
    case Step::kSubject:
    case Step::kWhatHappened:
    case Step::kAffected:
    case Step::kPutRight:
    case Step::kEscalateReason:
    case Step::kName: DrawTextQuestion(c); break;
    case Step::kPraise: DrawPraise(c); break;
    case Step::kCategories: DrawCategories(c); break;
    case Step::kWhen: DrawWhen(c); break;
    case Step::kWhenOlder: DrawWhenOlder(c); break;
    case Step::kPickDate: DrawPickDate(c); break;
    case Step::kContact: DrawContact(c); break;
    case Step::kContactDetails: DrawContactDetails(c); break;
    case Step::kOnBehalf: DrawOnBehalf(c); break;
    case Step::kOnBehalfDetails: DrawOnBehalfDetails(c); break;
    case Step::kSupport: DrawSupport(c); break;
    case Step::kShare: DrawShare(c); break;
    case Step::kReview: DrawReview(c); break;
    case Step::kConsent: DrawConsent(c); break;
    case Step::kDone: DrawDone(c); break;
    case Step::kSignpost: DrawSignpost(c); break;
    case Step::kCheckEntry: DrawCheckEntry(c); break;
    case Step::kCheckResult: DrawCheckResult(c); break;
    case Step::kCheckConfirm: DrawCheckConfirm(c); break;
    case Step::kCheckOutcome: DrawCheckOutcome(c); break;
    case Step::kAbout: DrawAbout(c); break;
    case Step::kCheckFeedback: DrawCheckFeedback(c); break;
    case Step::kRecord: DrawRecord(c); break;
    case Step::kHelpToWrite:
    case Step::kHelpTime: DrawHelpToWrite(c); break;
    case Step::kSafeguarding: DrawSafeguarding(c); break;
    case Step::kTellStaff: DrawTellStaff(c); break;
    case Step::kOtherPlaces: DrawOtherPlaces(c); break;
    case Step::kProcess: DrawProcess(c); break;
  }
  BottomBar(c);
}

}  // namespace tellus
