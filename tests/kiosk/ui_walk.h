#pragma once
// Shared by the headless UI tests: pressing items as a person would (letting the
// layout settle, scrolling items below the fold into view), typing into a field,
// walking a journey through the UI, and waiting over real time for the register.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"

namespace tellus::testing_ui {

using testing::Harness;
using testing_journey::Answers;

inline Step StepOf(Harness& h) { return h.app().state().place.step; }

// The first frame of a new screen still carries the old screen's scroll; let the layout
// settle before reading a rect to press (a person cannot touch within two frames either).
// Items below the fold are scrolled into view here too: the harness takes any node
// whose top lies below the bar's top for a bar button.
inline void TapId(Harness& h, const std::string& id) {
  h.Frame(2);
  const ui::Node node = h.FindId(id);
  const float bar_top = h.options().height - ui::BottomBarHeight();
  if (id.rfind("bar.", 0) != 0 && !node.primary && (node.rect.y < 0 || node.rect.y + node.rect.h > bar_top)) {
    ui::SetFocus(id);
    h.Frame(3);
  }
  h.PressId(id);
}
inline void Tap(Harness& h, const std::string& label, std::optional<ui::Role> role = std::nullopt) {
  h.Frame(2);
  const std::string id = h.Find(label, role).id;  // a copy: TapId's frames replace the node list
  TapId(h, id);
}

inline void TypeInto(Harness& h, const std::string& field_id, const std::string& text) {
  TapId(h, field_id);
  h.Type(text);
}

// Every interactive node of the screen has a spoken label and the minimum size.
inline void ExpectAccessible(Harness& h) {
  for (const ui::Node& n : h.Interactive()) {
    if (n.role == ui::Role::kKey) continue;        // the keyboard's own checks live with it
    EXPECT_FALSE(n.spoken.empty()) << n.id << " on " << StepKey(StepOf(h));
    EXPECT_GE(n.rect.h + 0.5f, ui::MinTargetPixels()) << n.id << " on " << StepKey(StepOf(h));
  }
}

// Answers the screen that is showing, once, through the UI. False on a screen that is
// not a question (review of a compliment or comment, consent, done, signpost...).
inline bool UiAnswer(Harness& h, const Answers& a = {}) {
  const Policy& p = h.app().policy();
  switch (StepOf(h)) {
    case Step::kSafeguarding: TapId(h, a.someone_in_danger ? "choice.safeguarding.yes" : "choice.safeguarding.no"); break;
    case Step::kTellStaff: TapId(h, "button.next"); break;
    case Step::kEligibility: {
      const YesNoQuestion* q = EligibilityQuestionAt(p, h.state().place);
      Tap(h, q && q->blocking_answer ? "No" : "Yes");
      break;
    }
    case Step::kExclusions:                        // "None of these" waits on the last page
      for (int page = 0; page < 6 && !h.TryFind("None of these"); ++page) TapId(h, "list.more");
      Tap(h, "None of these");
      break;
    case Step::kAnonymous: TapId(h, a.anonymous ? "choice.anonymous.anonymous" : "choice.anonymous.name"); break;
    case Step::kAnonymousMeaning: Tap(h, "Next"); break;
    case Step::kService: Tap(h, p.services.at(0).name); break;
    case Step::kSubject: TypeInto(h, "field.subject", "Amira"); Tap(h, "Next"); break;
    case Step::kPraise: Tap(h, "They were kind"); TypeInto(h, "field.praise", "Patient"); Tap(h, "Next"); break;
    case Step::kCategories: Tap(h, p.categories.at(0).name); Tap(h, "Next"); break;
    case Step::kWhatHappened: TypeInto(h, "field.what_happened", "Nobody called me back"); Tap(h, "Next"); break;
    case Step::kWhen: Tap(h, a.when == "today" ? "Today" : "Yesterday"); break;
    case Step::kWhenOlder: Tap(h, "No"); break;
    case Step::kPickDate: TapId(h, "day." + ToIso(h.state().today)); break;
    case Step::kAffected: TypeInto(h, "field.affected", "Worried"); Tap(h, "Next"); break;
    case Step::kPutRight: Tap(h, "Next"); break;
    case Step::kName: TypeInto(h, "field.name", "Sam Jones"); Tap(h, "Next"); break;
    case Step::kContact: Tap(h, "Email me"); break;
    case Step::kContactDetails: TypeInto(h, "field.email", "sam@example.org"); Tap(h, "Next"); break;
    case Step::kOnBehalf: Tap(h, a.on_behalf ? "Yes, for someone else" : "No, it is for me"); break;
    case Step::kOnBehalfDetails:
      TypeInto(h, "field.their_name", "Pat");
      TapId(h, "button.done_typing");              // the keyboard closes; the choices show again
      Tap(h, "Yes, they said yes");
      break;
    case Step::kSupport: Tap(h, "Letters in Easy Read"); Tap(h, "Next"); break;
    case Step::kShare: TapId(h, a.anonymous ? "choice.share.without-name" : "choice.share.with-name"); break;
    case Step::kReview:
      if (h.state().kind != JourneyKind::kComplaint) return false;
      Tap(h, "Next");
      break;
    default: return false;
  }
  return true;
}

// Answers whatever screen is showing, through the UI, until `stop` (or a signpost).
inline Step UiWalkTo(Harness& h, Step stop, const Answers& a = {}) {
  for (int i = 0; i < 60 && StepOf(h) != stop && StepOf(h) != Step::kSignpost; ++i) {
    ExpectAccessible(h);
    if (!UiAnswer(h, a)) break;
  }
  return StepOf(h);
}

// Frames over real time until `done` (an answer from the register, the sync thread),
// at most `seconds`. Returns whether it happened.
inline bool FramesUntil(Harness& h, const std::function<bool()>& done, double seconds = 15) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    h.Frame();
  }
  h.Frame(2);
  return true;
}

}  // namespace tellus::testing_ui
