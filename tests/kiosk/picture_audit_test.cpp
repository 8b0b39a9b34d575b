// Picture audit (issue 10): every screen a person can reach, for every seed policy,
// walked through the real UI (check screens drawn from their states). On one screen a
// picture must mean one thing, must not repeat down the screen, and must not be a
// filler (an info sign, a question mark, an arrow, a globe) beside a sentence it does
// not show. Pictures are compared by what is drawn (the manifest's file), not by id,
// so two ids naming the same OpenMoji count as one picture. The fixed bottom bar
// (ids "bar.*") and the progress strip ("progress") are the same on every screen and are left out.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/reference.h"
#include "easyread/checks.h"
#include "kiosk/screens/screens.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/sweep.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using testing::SourcePath;
using testing_journey::Answers;
using namespace testing_ui;

const char* const kSeedPolicies[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};

// Pictures that illustrate nothing when put beside a sentence: information sign,
// question and exclamation marks, arrows, globes, "more information".
const std::set<std::string> kFillerPictures = {"2139", "2753", "2754", "2755", "2757", "2049", "27A1", "2B05",
                                               "2B06", "2B07", "1F310", "1F30D", "1F30E", "1F30F", "E264"};

// What the walk types; the review screen echoes it (see NotTheKiosksWords).
const std::set<std::string> kTypedWords = {"Amira", "Patient", "Nobody called me back", "Worried", "Sam Jones",
                                           "sam@example.org", "Pat"};

// [EXEMPTION: the one place] Nodes showing words that are not the kiosk's own are left
// out of the audit:
//  1. The policy's words (services, categories, eligibility questions, exclusions,
//     signposts, anonymity texts). Their pictures come from the policy screens and are
//     being reworked with the policies' Easy Read texts (issue 10 item 2); until that
//     lands they may repeat (the exclusions' "not allowed" sign, the services' building).
//     Remove this part when it has.
//  2. What the person typed, echoed on the review screen with the picture of the
//     question it answers ("Email me" and the address share the email picture).
bool NotTheKiosksWords(const ui::Node& node, const std::set<std::string>& /*policy_words*/) {
  return kTypedWords.count(node.label) > 0;
}

// The policies now carry Easy Read sentences with their own pictures: no exemption.
std::set<std::string> PolicyWords(const Policy&) { return {}; }

// The one row of like controls a screen may repeat: review's "Change <section>"
// buttons, one after each answer, all meaning "change this answer".
bool RowOfLikeControls(const ui::Node& a, const ui::Node& b) {
  for (const char* row : {"review.change.", "timeline."})   // and the stages still to come
    if (a.id.rfind(row, 0) == 0 && b.id.rfind(row, 0) == 0) return true;
  return false;
}

class Audit {
 public:
  Audit() : manifest_(EasyReadRules::LoadManifest(SourcePath("assets/pictograms/manifest.toml"))) {}

  // Checks the screen now showing; `name` says where it is in the report.
  void Look(Harness& h, const std::string& name) {
    h.Frame(2);
    ++screens_;
    const std::set<std::string> policy_words = PolicyWords(h.app().policy());
    std::map<std::string, const ui::Node*> first_with;   // picture -> first node showing it
    std::set<std::string> reported;
    for (const ui::Node& node : h.Nodes()) {
      // The bar and the progress strip ("Step 4 of 9" with its section's picture) are the
      // same frame around every screen.
      if (node.pictogram.empty() || node.id.rfind("bar.", 0) == 0 || node.id == "progress") continue;
      if (NotTheKiosksWords(node, policy_words)) continue;
      const auto code = manifest_.find(node.pictogram);
      if (code == manifest_.end()) {
        Problem(name, "'" + node.label + "' has pictogram '" + node.pictogram + "', which the manifest lacks");
        continue;
      }
      const std::string& picture = code->second;
      const bool sentence = node.role == ui::Role::kText || node.role == ui::Role::kHeading;
      if (sentence && kFillerPictures.count(picture))
        Problem(name, "filler picture '" + node.pictogram + "' beside '" + node.label + "'");
      auto [it, first] = first_with.emplace(picture, &node);
      if (first) continue;
      const ui::Node& other = *it->second;
      if (RowOfLikeControls(other, node)) continue;
      const std::string what = other.label == node.label ? "repeats" : "means two things:";
      const std::string line = what + " picture '" + node.pictogram + "' (" + picture + ") on '" + other.label +
                               "' and '" + node.label + "'";
      if (reported.insert(line).second) Problem(name, line);
    }
  }

  // Looks at the screen, then at its help panel (once per step and policy).
  void LookWithHelp(Harness& h, const std::string& name) {
    Look(h, name);
    const std::string key = h.app().policy().id + "/" + StepKey(StepOf(h));
    if (!helped_.insert(key).second || !h.TryFindId("bar.help") || !h.FindId("bar.help").enabled) return;
    TapId(h, "bar.help");
    if (!h.state().help_open) return;
    Look(h, name + " (help)");
    TapId(h, "help.close");
  }

  void Report() const {
    EXPECT_GT(screens_, 100) << "the walk saw too few screens";
    std::string all;
    for (const std::string& p : problems_) all += "  " + p + "\n";
    EXPECT_TRUE(problems_.empty()) << problems_.size() << " picture problems on " << screens_ << " screens:\n" << all;
  }

 private:
  void Problem(const std::string& where, const std::string& what) {
    const std::string line = where + ": " + what;
    // One line per screen and problem, however many policies and walks show it.
    const std::size_t step = where.find(' ') + 1;
    const std::string general = where.substr(step, where.find(' ', step) - step) + ": " + what;
    if (seen_.insert(general).second) problems_.push_back(line);
  }

  std::map<std::string, std::string> manifest_;
  std::vector<std::string> problems_;
  std::set<std::string> seen_, helped_;
  int screens_ = 0;
};

HarnessOptions Seed(const std::string& id) {
  HarnessOptions options;
  options.policy_id = id;
  return options;
}

std::string Where(Harness& h, const std::string& what = {}) {
  return h.app().policy().id + " " + StepKey(StepOf(h)) + (what.empty() ? "" : " [" + what + "]");
}

void BackToWelcome(Harness& h) {
  for (int i = 0; i < 3 && StepOf(h) != Step::kWelcome; ++i) TapId(h, "bar.start_again");
  ASSERT_EQ(StepOf(h), Step::kWelcome) << h.Describe();
}

// One journey from the welcome choice to done (or a signpost), looking at each screen.
void WalkJourney(Audit& audit, Harness& h, const std::string& choice, const Answers& a, const std::string& variant) {
  TapId(h, "choice.welcome." + choice);
  for (int i = 0; i < 60; ++i) {
    const Step step = StepOf(h);
    audit.LookWithHelp(h, Where(h, choice + variant));
    if (step == Step::kSignpost) return BackToWelcome(h);
    if (UiAnswer(h, a)) continue;
    if (step == Step::kReview || step == Step::kConsent) {
      Tap(h, "Send", ui::Role::kButton);
    } else if (step == Step::kDone) {
      Tap(h, "Finish");
      return;
    } else {
      ADD_FAILURE() << "the walk is stuck on " << StepKey(step) << "\n" << h.Describe();
      return;
    }
  }
}

// The branches a plain walk does not take: each signpost, the date picker, "before
// that", the other ways to be contacted, someone else without their yes.
void WalkBranches(Audit& audit, Harness& h) {
  const Policy& p = h.app().policy();
  for (std::size_t i = 0; i < p.eligibility.size(); ++i) {
    if (p.eligibility[i].asked_when != AnswerMark::kNone) continue;   // only about someone who has died
    TapId(h, "choice.welcome.complaint");
    for (std::size_t j = 0; j < i; ++j) {
      if (p.eligibility[j].asked_when == AnswerMark::kNone) Tap(h, p.eligibility[j].questions[0].blocking_answer ? "No" : "Yes");
    }
    for (const YesNoQuestion& q : p.eligibility[i].questions) Tap(h, q.blocking_answer ? "Yes" : "No");
    audit.Look(h, Where(h, "eligibility " + p.eligibility[i].id));
    BackToWelcome(h);
  }
  for (const Exclusion& exclusion : p.exclusions) {
    TapId(h, "choice.welcome.complaint");
    ASSERT_EQ(UiWalkTo(h, Step::kExclusions), Step::kExclusions);
    for (int page = 0; page < 4 && !h.TryFindId("choice.exclusions." + exclusion.id); ++page) TapId(h, "list.more");
    TapId(h, "choice.exclusions." + exclusion.id);
    audit.Look(h, Where(h, "exclusion " + exclusion.id));
    BackToWelcome(h);
  }
  for (const char* when : {"More than a year ago", "Pick the day"}) {
    TapId(h, "choice.welcome.complaint");
    if (UiWalkTo(h, Step::kWhen) != Step::kWhen) return BackToWelcome(h);
    Tap(h, when);
    audit.LookWithHelp(h, Where(h, when));
    if (StepOf(h) == Step::kWhenOlder) {
      Tap(h, "Yes");
      audit.LookWithHelp(h, Where(h, "long ago"));
    }
    BackToWelcome(h);
  }
  for (const char* contact : {"Phone me", "Write me a letter", "Talk to me here"}) {
    TapId(h, "choice.welcome.complaint");
    if (UiWalkTo(h, Step::kContact) != Step::kContact) return BackToWelcome(h);
    Tap(h, contact);
    audit.Look(h, Where(h, contact));
    BackToWelcome(h);
  }
  TapId(h, "choice.welcome.complaint");
  if (UiWalkTo(h, Step::kOnBehalf) == Step::kOnBehalf) {
    Tap(h, "Yes, for someone else");
    Tap(h, "No, not yet");
    audit.Look(h, Where(h, "no permission"));
  }
  BackToWelcome(h);
}

// The check screens, drawn from their states (the register's answers made up here).
void LookAtCheckScreens(Audit& audit, Harness& h) {
  const Policy& p = h.app().policy();
  TapId(h, "choice.welcome.check");
  audit.LookWithHelp(h, Where(h));
  TypeInto(h, "field.reference", FormatReference({p.reference_prefix, 7, 42}));
  TypeInto(h, "field.tracking_code", NewTrackingCode());
  h.app().Dispatch(ev::Next{});
  h.Frame(2);
  ASSERT_EQ(StepOf(h), Step::kCheckResult) << h.Describe();
  audit.Look(h, Where(h, "unavailable"));

  CaseView open;
  open.kind = JourneyKind::kComplaint;
  open.state = CaseState::kReceived;
  open.stage_name = p.stages.empty() ? "" : p.stages.front().name;
  open.acknowledge_by = h.state().today;
  open.respond_by = h.state().today;
  open.latest_reply = "We are sorry. We will call you on Friday.";
  open.can_escalate = p.stages.size() > 1;
  open.next_stage_name = p.stages.size() > 1 ? p.stages[1].name : "";
  open.escalate_by = h.state().today;
  open.can_withdraw = true;
  CaseView answered = open, closed = open, withdrawn = open, acknowledged = open, thanks = open;
  answered.state = CaseState::kAnswered;
  closed.state = CaseState::kClosed;
  closed.outcome = Outcome::kUpheld;
  closed.can_withdraw = false;
  withdrawn.state = CaseState::kClosed;
  withdrawn.outcome = Outcome::kWithdrawn;
  withdrawn.can_withdraw = false;
  acknowledged.state = CaseState::kAcknowledged;
  thanks.kind = JourneyKind::kCompliment;
  thanks.stage_name.clear();

  struct Shown {
    std::string name;
    Step step;
    CheckStatusKind status = CheckStatusKind::kFound;
    std::optional<CaseView> found;
    CaseRequest request = CaseRequest::kNone;
    RequestOutcome outcome = RequestOutcome::kNone;
  };
  const std::vector<Shown> shown = {
      {"waiting", Step::kCheckResult, CheckStatusKind::kWaiting, {}},
      {"busy", Step::kCheckResult, CheckStatusKind::kBusy, {}},
      {"not found", Step::kCheckResult, CheckStatusKind::kNotFound, {}},
      {"received", Step::kCheckResult, CheckStatusKind::kFound, open},
      {"acknowledged", Step::kCheckResult, CheckStatusKind::kFound, acknowledged},
      {"answered", Step::kCheckResult, CheckStatusKind::kFound, answered},
      {"closed", Step::kCheckResult, CheckStatusKind::kFound, closed},
      {"withdrawn", Step::kCheckResult, CheckStatusKind::kFound, withdrawn},
      {"compliment", Step::kCheckResult, CheckStatusKind::kFound, thanks},
      {"confirm next stage", Step::kCheckConfirm, CheckStatusKind::kFound, open, CaseRequest::kEscalate},
      {"confirm withdraw", Step::kCheckConfirm, CheckStatusKind::kFound, open, CaseRequest::kWithdraw},
      {"feedback", Step::kCheckFeedback, CheckStatusKind::kFound, open, CaseRequest::kFeedback},
      {"sending", Step::kCheckOutcome, CheckStatusKind::kFound, open, CaseRequest::kEscalate, RequestOutcome::kWaiting},
      {"next stage", Step::kCheckOutcome, CheckStatusKind::kFound, open, CaseRequest::kEscalate, RequestOutcome::kDone},
      {"withdrawn", Step::kCheckOutcome, CheckStatusKind::kFound, withdrawn, CaseRequest::kWithdraw, RequestOutcome::kDone},
      {"thanked", Step::kCheckOutcome, CheckStatusKind::kFound, open, CaseRequest::kFeedback, RequestOutcome::kDone},
      {"refused", Step::kCheckOutcome, CheckStatusKind::kFound, open, CaseRequest::kWithdraw, RequestOutcome::kRefused},
      {"unavailable", Step::kCheckOutcome, CheckStatusKind::kFound, open, CaseRequest::kEscalate,
       RequestOutcome::kUnavailable},
  };
  const Catalog& catalog = h.app().catalog();
  for (const Shown& s : shown) {
    JourneyState state = h.state();
    state.place.step = s.step;
    state.check_status = s.status;
    state.check_case = s.found;
    state.check_request = s.request;
    state.request_outcome = s.outcome;
    std::vector<JourneyEvent> ignored;
    h.DrawWith([&] { DrawScreen(state, catalog, p, ignored); });
    audit.Look(h, p.id + " " + StepKey(s.step) + " [" + s.name + "]");
    state.help_open = true;
    audit.Look(h, p.id + " " + StepKey(s.step) + " [" + s.name + "] (help)");
    h.DrawWith(nullptr);
  }
  h.Frame(2);
  Tap(h, "Finish");
}

TEST(PictureAudit, EveryScreenOfEverySeedPolicy) {
  Audit audit;
  for (const char* id : kSeedPolicies) {
    SCOPED_TRACE(id);
    Harness h(Seed(id));
    audit.LookWithHelp(h, Where(h));
    TapId(h, "welcome.language");
    audit.LookWithHelp(h, Where(h));
    TapId(h, "bar.back");
    TapId(h, "welcome.about");
    audit.LookWithHelp(h, Where(h));
    TapId(h, "bar.back");
    ASSERT_EQ(StepOf(h), Step::kWelcome) << h.Describe();
    for (const std::string& choice : WelcomeChoices(h.app().policy())) {
      if (choice == "check") continue;
      WalkJourney(audit, h, choice, {}, "");
      WalkJourney(audit, h, choice, Answers{.anonymous = true}, " anonymous");
      if (choice == "complaint") WalkJourney(audit, h, choice, Answers{.on_behalf = true}, " for someone else");
      ASSERT_EQ(StepOf(h), Step::kWelcome) << h.Describe();
    }
    WalkBranches(audit, h);
    LookAtCheckScreens(audit, h);
    // The idle warning.
    TapId(h, "choice.welcome.complaint");
    h.Advance(h.options().warn_after_seconds + 2);
    audit.Look(h, Where(h, "idle warning"));
  }
  audit.Report();
}

// "Print my receipt" and what it says in each state, on the done and check screens.
TEST(PictureAudit, PrintMyReceiptInEachState) {
  Audit audit;
  testing_sweep::SweepResult ignored;
  for (const char* id : kSeedPolicies) {
    testing_sweep::CheckEveryPrintScreen(
        Seed(id),
        [&](Harness& h, testing_sweep::SweepResult&) {
          audit.Look(h, std::string(id) + " " + h.app().ScreenName() + " [print " +
                            std::to_string(static_cast<int>(h.state().print_status)) + ", kind " +
                            std::to_string(static_cast<int>(h.state().kind)) + "]");
        },
        ignored);
  }
  audit.Report();
}

// Plain words (issue 10 item 5): a stage's own name ("Informal stage 1") comes with where
// it sits in the procedure and what "informal" means.
TEST(PlainWords, StageNamesAreExplainedOnTheCheckResult) {
  Harness h(Seed("seetec"));
  const Policy& p = h.app().policy();
  ASSERT_EQ(p.stages.size(), 3u);
  ASSERT_TRUE(p.stages[0].informal);
  JourneyState state = h.state();
  state.place.step = Step::kCheckResult;
  state.check_status = CheckStatusKind::kFound;
  CaseView view;
  view.state = CaseState::kReceived;
  view.stage_name = p.stages[0].name;
  state.check_case = view;
  std::vector<JourneyEvent> ignored;
  h.DrawWith([&] { DrawScreen(state, h.app().catalog(), p, ignored); });
  h.Frame(2);
  // The timeline marks the stage and says where it sits when read aloud.
  const ui::Node* first = h.TryFindId("timeline.0");
  ASSERT_NE(first, nullptr) << h.Describe();
  EXPECT_TRUE(first->selected);
  EXPECT_NE(first->label.find(p.stages[0].name), std::string::npos);
  EXPECT_NE(first->spoken.find("This is step 1 of 3."), std::string::npos) << first->spoken;
  EXPECT_TRUE(h.Has("Informal means we try to put it right by talking first.")) << h.Describe();
  state.check_case->stage_name = p.stages[1].name;
  h.Frame(2);
  ASSERT_NE(h.TryFindId("timeline.1"), nullptr);
  EXPECT_TRUE(h.FindId("timeline.1").selected);
  EXPECT_NE(h.FindId("timeline.1").spoken.find("This is step 2 of 3."), std::string::npos);
  EXPECT_FALSE(h.ShowsText("Informal means")) << "stage 2 is formal";
}

// The languages screen shows each language's own script: a picture per language.
TEST(PictureAudit, EveryLanguageHasItsOwnScriptSample) {
  const auto manifest = EasyReadRules::LoadManifest(SourcePath("assets/pictograms/manifest.toml"));
  std::set<std::string> pictures;
  for (const std::string& tag : Catalog::AvailableTags(SourcePath("easyread/lang"))) {
    const auto it = manifest.find("script-" + tag);
    ASSERT_NE(it, manifest.end()) << "no script-" << tag << " in the manifest";
    EXPECT_TRUE(pictures.insert(it->second).second) << tag << " shares its picture";
  }
}

// Pictures belong to the meaning, not the language: every catalog uses en-GB's.
TEST(PictureAudit, EveryLanguageUsesTheSamePictures) {
  const std::string root = SourcePath("easyread/lang");
  const Catalog english = Catalog::LoadLanguage(root, "en-GB");
  for (const std::string& tag : Catalog::AvailableTags(root)) {
    const Catalog other = Catalog::LoadLanguage(root, tag);
    for (const auto& [key, entry] : english.entries()) {
      if (other.Has(key)) {
        EXPECT_EQ(other.Entry(key).pictogram, entry.pictogram) << tag << ": " << key;
      }
    }
  }
}

}  // namespace
}  // namespace tellus
