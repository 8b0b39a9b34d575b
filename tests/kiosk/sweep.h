#pragma once
// A breadth-first walk over every screen the harness can reach (pressing every button
// on every screen found so far, typing into text boxes on the way), and the check
// screens that need the register's answer set up by hand. Each screen reached is
// handed to a checker; the a11y and layout tests share the walk.
#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/ui/a11y.h"
#include "tests/kiosk/harness.h"

namespace tellus::testing_sweep {

using testing::Harness;
using testing::HarnessOptions;

inline const char* const kSeedPolicies[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};

struct SweepResult {
  std::set<std::string> screens;
  std::vector<std::string> problems;
  int nodes_checked = 0;
};

// Puts the journey back to a saved point without tripping the idle timer.
inline void Restore(Harness& h, const JourneyState& saved) {
  JourneyState& s = h.app().mutable_state();
  s = saved;
  s.now_ms = h.clock().now_ms;
  s.last_activity_ms = h.clock().now_ms;
  s.idle_warning = false;
  ui::SetFocus("");
  h.Frame(2);
}

inline void FillTextFields(Harness& h) {
  std::vector<std::string> fields;
  for (const ui::Node& n : h.Nodes())
    if (n.role == ui::Role::kTextField && n.enabled) fields.push_back(n.id);
  for (const std::string& id : fields) {
    if (!h.TryFindId(id)) continue;
    h.PressId(id);
    h.Type(id.find("email") != std::string::npos ? "sam@example.org"
           : id.find("phone") != std::string::npos ? "01234 567890"
           : id.find("reference") != std::string::npos ? "SG-0070-0001"
                                                       : "Sam helped me");
  }
}

// The same step looks different per journey kind and question index.
inline std::string ScreenKey(Harness& h) {
  const JourneyState& s = h.state();
  return h.app().ScreenName() + "|" + std::to_string(static_cast<int>(s.kind)) + "|" + std::to_string(s.place.index);
}

// Chooses the first option on a screen whose options do not move on by themselves,
// so that Next has something to go on.
inline void ChooseFirstOption(Harness& h, const std::string& key) {
  for (const ui::Node& n : h.Nodes()) {
    if ((n.role == ui::Role::kChoice || n.role == ui::Role::kCheckbox) && n.selected) return;
  }
  const JourneyState before = h.state();
  for (const ui::Node& n : h.Nodes()) {
    if ((n.role != ui::Role::kChoice && n.role != ui::Role::kCheckbox) || !n.enabled) continue;
    if (n.id.rfind("welcome.", 0) == 0) continue;   // a setting (touch to hear) is not an answer
    h.PressId(n.id);
    if (ScreenKey(h) != key) Restore(h, before);    // that option moved on: keep the screen as it was
    return;
  }
}

using ScreenCheck = std::function<void(Harness&, SweepResult&)>;

inline SweepResult Sweep(HarnessOptions options, const ScreenCheck& CheckScreen, int max_screens = 120) {
  Harness h(std::move(options));
  SweepResult out;
  std::deque<JourneyState> queue{h.state()};
  out.screens.insert(ScreenKey(h));
  while (!queue.empty() && static_cast<int>(out.screens.size()) <= max_screens) {
    const JourneyState base = queue.front();
    queue.pop_front();
    Restore(h, base);
    CheckScreen(h, out);
    const std::string key = ScreenKey(h);
    FillTextFields(h);
    if (ScreenKey(h) != key) Restore(h, base);
    ChooseFirstOption(h, key);
    const JourneyState filled = h.state();
    CheckScreen(h, out);
    std::vector<std::string> ids;
    for (const ui::Node& n : h.Nodes())
      if (n.interactive() && n.enabled && n.role != ui::Role::kKey && n.role != ui::Role::kTextField) ids.push_back(n.id);
    for (const std::string& id : ids) {
      Restore(h, filled);
      if (!h.TryFindId(id)) continue;
      h.PressId(id);
      if (out.screens.insert(ScreenKey(h)).second) queue.push_back(h.state());
    }
  }
  return out;
}

inline std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size() && i < 40; ++i) out += "  " + lines[i] + "\n";
  return out;
}

// The check screens that need the register's answer (a found case, the confirm step,
// each outcome) cannot be reached by the walk without a register: each is set up here.
inline CaseView SomeCase() {
  CaseView v;
  v.state = CaseState::kAnswered;
  v.stage_name = "Informal stage 1";                 // seetec's own stage names: the timeline marks it
  v.acknowledge_by = Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{26}};
  v.respond_by = Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{21}};
  v.latest_reply = "We have spoken to the team and changed the rota.";
  v.can_escalate = true;
  v.next_stage_name = "Formal stage 2";
  v.escalate_by = Date{std::chrono::year{2027}, std::chrono::month{1}, std::chrono::day{8}};
  v.can_withdraw = true;
  return v;
}

inline void CheckEveryCheckScreen(HarnessOptions o, const ScreenCheck& CheckScreen, SweepResult& out) {
  Harness h(std::move(o));
  JourneyState base = h.state();
  base.kind = JourneyKind::kCheck;
  base.history = {Place{Step::kWelcome, 0}, Place{Step::kCheckEntry, 0}};
  base.check_reference = "SG-0070-0001";
  base.check_tracking = "7D2K9-QX4MB";
  auto show = [&](const JourneyState& s) {
    Restore(h, s);
    CheckScreen(h, out);
    out.screens.insert(h.app().ScreenName() + "|" + std::to_string(static_cast<int>(s.check_status)) + "|" +
                       std::to_string(static_cast<int>(s.request_outcome)) + "|" +
                       std::to_string(static_cast<int>(s.check_request)));
  };
  for (CheckStatusKind status : {CheckStatusKind::kWaiting, CheckStatusKind::kFound, CheckStatusKind::kNotFound,
                                 CheckStatusKind::kBusy, CheckStatusKind::kUnavailable}) {
    JourneyState s = base;
    s.place = Place{Step::kCheckResult, 0};
    s.check_status = status;
    if (status == CheckStatusKind::kFound) s.check_case = SomeCase();
    show(s);
  }
  {
    JourneyState s = base;                         // a compliment: no stages, nothing to withdraw
    s.place = Place{Step::kCheckResult, 0};
    s.check_status = CheckStatusKind::kFound;
    s.check_case = CaseView{};
    s.check_case->kind = JourneyKind::kCompliment;
    s.check_case->state = CaseState::kReceived;
    s.request_outcome = RequestOutcome::kNone;
    Restore(h, s);
    CheckScreen(h, out);
    EXPECT_TRUE(h.Has(h.app().catalog().Text("check_result.found_title_other"))) << h.Describe();  // in any language
    EXPECT_FALSE(h.Has(h.app().catalog().Text("check_result.feedback")));
  }
  // The policy's promises on the check screens: a new date with staff's reason at the last
  // stage, every other place to go from there (each page), and why the person asks for the
  // next stage.
  const Policy& policy = h.app().policy();
  {
    JourneyState s = base;
    s.place = Place{Step::kCheckResult, 0};
    s.check_status = CheckStatusKind::kFound;
    s.check_case = SomeCase();
    s.check_case->state = CaseState::kAcknowledged;
    s.check_case->stage_name = policy.stages.back().name;
    s.check_case->can_escalate = false;
    s.check_case->extended_to = Date{std::chrono::year{2027}, std::chrono::month{2}, std::chrono::day{12}};
    s.check_case->extension_reason = "We are waiting for records from the council.";
    Restore(h, s);
    CheckScreen(h, out);
    const std::string extended = h.app().catalog().Text("check_result.extended_by");  // in any language
    EXPECT_TRUE(h.ShowsText(extended.substr(0, extended.find('{')))) << h.Describe();
    EXPECT_TRUE(h.ShowsText("We are waiting for records from the council.")) << h.Describe();
    s.history.push_back(s.place);
    s.place = Place{Step::kOtherPlaces, 0};
    s.other_places_all = true;
    const std::size_t pages = policy.external_bodies.size();   // one place a page
    for (std::size_t page = 0; page < pages; ++page) {
      s.list_page = static_cast<int>(page);
      Restore(h, s);
      CheckScreen(h, out);
      out.screens.insert("other_places|" + std::to_string(page));
    }
  }
  {
    JourneyState s = base;
    s.history.push_back(Place{Step::kCheckResult, 0});
    s.check_status = CheckStatusKind::kFound;
    s.check_case = SomeCase();
    s.check_request = CaseRequest::kEscalate;
    s.check_reason = "The answer did not look at the missed calls.";
    s.place = Place{Step::kEscalateReason, 0};
    show(s);
  }
  for (CaseRequest request : {CaseRequest::kEscalate, CaseRequest::kWithdraw, CaseRequest::kFeedback}) {
    JourneyState s = base;
    s.history.push_back(Place{Step::kCheckResult, 0});
    s.check_status = CheckStatusKind::kFound;
    s.check_case = SomeCase();
    s.check_request = request;
    s.place = Place{request == CaseRequest::kFeedback ? Step::kCheckFeedback : Step::kCheckConfirm, 0};
    s.check_feedback = request == CaseRequest::kFeedback ? "Kind but slow" : "";
    show(s);
    s.history.push_back(s.place);
    s.place = Place{Step::kCheckOutcome, 0};
    for (RequestOutcome outcome : {RequestOutcome::kWaiting, RequestOutcome::kDone, RequestOutcome::kRefused,
                                   RequestOutcome::kBusy, RequestOutcome::kUnavailable}) {
      s.request_outcome = outcome;
      show(s);
    }
  }
}

// The done and check screens of a kiosk with a receipt printer, in each state of
// "Print my receipt" (not asked, printing, printed, the printer not working).
inline void CheckEveryPrintScreen(HarnessOptions o, const ScreenCheck& CheckScreen, SweepResult& out) {
  Harness h(std::move(o));
  const Date day{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{30}};
  std::vector<JourneyState> screens;
  for (JourneyKind kind : {JourneyKind::kComplaint, JourneyKind::kCompliment, JourneyKind::kComment}) {
    for (bool anonymous : {false, true}) {
      JourneyState s = h.state();
      s.kind = kind;
      s.place = Place{Step::kDone, 0};
      s.receipt = Receipt{"uuid", "SG-0070-002Z", "XHWTS-15AW5", day, AddDays(day, 3),
                          AddDays(day, 30), kind, anonymous};
      screens.push_back(s);
    }
  }
  JourneyState found = h.state();
  found.kind = JourneyKind::kCheck;
  found.history = {Place{Step::kWelcome, 0}, Place{Step::kCheckEntry, 0}};
  found.place = Place{Step::kCheckResult, 0};
  found.check_reference = "SG-0070-0001";
  found.check_tracking = "7D2K9-QX4MB";
  found.check_status = CheckStatusKind::kFound;
  found.check_case = SomeCase();
  screens.push_back(found);
  found.check_case->latest_reply.clear();          // no reply: one column
  screens.push_back(found);
  for (JourneyState s : screens) {
    s.printer = true;
    for (PrintStatus status : {PrintStatus::kNone, PrintStatus::kPrinting, PrintStatus::kPrinted, PrintStatus::kFailed}) {
      s.print_status = status;
      Restore(h, s);
      CheckScreen(h, out);
      out.screens.insert(h.app().ScreenName() + "|" + std::to_string(static_cast<int>(s.kind)) + "|" +
                         std::to_string(s.receipt && s.receipt->anonymous) + "|" +
                         std::to_string(s.check_case && !s.check_case->latest_reply.empty()) + "|" +
                         std::to_string(static_cast<int>(status)));
    }
  }
}

}  // namespace tellus::testing_sweep
