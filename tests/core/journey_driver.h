#pragma once
// Test helper: drives the journey reducer like the kiosk app does (moving the state
// through Reduce, collecting effects), plus two hand-made policies shaped like the seeds
// and an automatic walker that answers whatever step comes up.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/journey.h"
#include "core/policy.h"

namespace tellus::testing_journey {

inline Date D(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

class Driver {
 public:
  explicit Driver(const Policy& policy, Date today = D(2026, 11, 20), IdleSettings idle = {})
      : policy_(policy), state_(NewJourney(JourneySettings{}, idle, {{"en-GB", "English"}, {"cy", "Cymraeg"}})) {
    now_ms_ = 1'000'000;
    today_ = today;
    Do(ev::Tick{now_ms_, std::chrono::sys_days{today} + std::chrono::hours{10}, today});
  }

  Driver& Do(const JourneyEvent& event) {
    ReduceResult result = Reduce(std::move(state_), event, policy_);
    state_ = std::move(result.state);
    effects_ = std::move(result.effects);
    for (const auto& e : effects_) all_effects_.push_back(e);
    return *this;
  }
  Driver& Choose(const std::string& id) { return Do(ev::Choose{id}); }
  Driver& Toggle(const std::string& id) { return Do(ev::Toggle{id}); }
  Driver& Next() { return Do(ev::Next{}); }
  Driver& Back() { return Do(ev::Back{}); }
  Driver& Type(Field field, const std::string& text) {
    Do(ev::FocusField{field});
    Do(ev::TypeText{text});
    return Do(ev::FieldDone{});
  }
  // Advances the clock by `ms` with one Tick.
  Driver& Wait(std::int64_t ms) {
    now_ms_ += ms;
    return Do(ev::Tick{now_ms_, std::chrono::sys_days{today_} + std::chrono::hours{10}, today_});
  }

  template <typename T>
  bool Emitted() const {
    return std::any_of(effects_.begin(), effects_.end(), [](const JourneyEffect& e) { return std::holds_alternative<T>(e); });
  }
  template <typename T>
  const T* Find() const {
    for (const auto& e : effects_) {
      if (const T* found = std::get_if<T>(&e)) return found;
    }
    return nullptr;
  }

  Step step() const { return state_.place.step; }
  const JourneyState& state() const { return state_; }
  JourneyState& mutable_state() { return state_; }
  const Policy& policy() const { return policy_; }
  const std::vector<JourneyEffect>& effects() const { return effects_; }
  void ClearAllEffects() { all_effects_.clear(); }
  const std::vector<JourneyEffect>& all_effects() const { return all_effects_; }

 private:
  const Policy& policy_;
  JourneyState state_;
  std::vector<JourneyEffect> effects_;
  std::vector<JourneyEffect> all_effects_;
  std::int64_t now_ms_ = 0;
  Date today_{};
};

// How the walker answers.
struct Answers {
  bool anonymous = false;
  bool on_behalf = false;
  std::string when = "yesterday";
  ContactPreference contact = ContactPreference::kEmail;
  bool someone_in_danger = false;                  // the safeguarding question, where the policy asks it
};

// Answers the current step in a way that keeps the journey going, until `stop` is
// reached (or a signpost, which a test then inspects). Returns the step it stopped at.
inline Step WalkTo(Driver& d, Step stop, const Answers& a = {}, int max_steps = 80) {
  const Policy& p = d.policy();
  for (int i = 0; i < max_steps && d.step() != stop && d.step() != Step::kSignpost; ++i) {
    switch (d.step()) {
      case Step::kSafeguarding: d.Choose(a.someone_in_danger ? "yes" : "no"); break;
      case Step::kTellStaff: d.Next(); break;
      case Step::kEligibility: {
        const YesNoQuestion* q = EligibilityQuestionAt(p, d.state().place);
        d.Choose(q && q->blocking_answer ? "no" : "yes");
        break;
      }
      case Step::kExclusions: d.Choose("none"); break;
      case Step::kAnonymous: d.Choose(a.anonymous ? "anonymous" : "name"); break;
      case Step::kAnonymousMeaning: d.Next(); break;
      case Step::kService: d.Choose(p.services.at(0).id); break;
      case Step::kSubject: d.Type(Field::kSubject, "Amira at the front desk").Next(); break;
      case Step::kPraise: d.Toggle("kind").Type(Field::kPraise, "She listened and helped me fill in the form.").Next(); break;
      case Step::kCategories: d.Toggle(p.categories.at(0).id).Next(); break;
      case Step::kWhatHappened: d.Type(Field::kWhatHappened, "My appointment was cancelled twice with no call.").Next(); break;
      case Step::kWhen: d.Choose(a.when); break;
      case Step::kWhenOlder: d.Choose("no"); break;
      case Step::kPickDate: d.Do(ev::PickDay{AddDays(d.state().today, -10)}); break;
      case Step::kAffected: d.Type(Field::kAffected, "I lost a day of work.").Next(); break;
      case Step::kPutRight: d.Type(Field::kPutRight, "An apology and a new date.").Next(); break;
      case Step::kName: d.Type(Field::kName, "Sam Jones").Next(); break;
      case Step::kContact:
        d.Choose(a.contact == ContactPreference::kPhone ? "phone"
                 : a.contact == ContactPreference::kEmail ? "email"
                 : a.contact == ContactPreference::kLetter ? "letter"
                                                           : "in-person");
        break;
      case Step::kContactDetails:
        if (a.contact == ContactPreference::kPhone) d.Type(Field::kPhone, "07700 900123");
        if (a.contact == ContactPreference::kEmail) d.Type(Field::kEmail, "sam@example.org");
        if (a.contact == ContactPreference::kLetter) d.Type(Field::kAddress, "1 High Street\nLuton");
        d.Next();
        break;
      case Step::kOnBehalf: d.Choose(a.on_behalf ? "yes" : "no"); break;
      case Step::kOnBehalfDetails: d.Type(Field::kTheirName, "Pat Jones").Choose("permission-yes"); break;
      case Step::kSupport: d.Toggle("easy-read").Next(); break;
      case Step::kShare: d.Choose(a.anonymous ? "without-name" : "with-name"); break;
      case Step::kReview:
        if (d.state().kind == JourneyKind::kComplaint) {
          d.Next();
        } else {
          return d.step();
        }
        break;
      default: return d.step();
    }
  }
  return d.step();
}

// A single yes/no question in the organisation's words (no Easy Read: the journey ignores it).
inline YesNoQuestion Ask(std::string words, bool blocking_answer = true) {
  YesNoQuestion q;
  q.question.words = std::move(words);
  q.blocking_answer = blocking_answer;
  return q;
}
inline PolicyText Words(std::string words) { return PolicyText{std::move(words), {}}; }

// Shaped like seetec.txt: refuses anonymous complaints, 12-month limit, written permission
// for someone else, exclusions with signposting, three 20-working-day stages.
inline Policy SeetecLike() {
  Policy p;
  p.id = "seetec-like";
  p.organisation = "Seetec Group";
  p.reference_prefix = "SG";
  p.services = {{"ia", "Interventions Alliance"}, {"training", "Seetec Training"}};
  p.categories = {{"service", "Service delivery"}, {"staff", "Staff conduct"}};
  p.anonymous_complaints = false;
  p.anonymous_explanation = Words("We cannot look into a complaint without a name.");
  p.anonymous_signpost = Words("You can talk to the person who works with you.");
  p.time_limit = Duration{12, Duration::Unit::kMonths};
  p.on_behalf_needs_permission = true;
  // Too old only when it happened AND the person knew of it more than 12 months ago.
  p.eligibility = {{"older-than-limit",
                    {Ask("Did this happen more than 12 months ago?"), Ask("Did you know about it more than 12 months ago?")},
                    Words("Talk to the colleague who works with you.")},
                   {"colleague", {Ask("Are you a Seetec colleague?")}, Words("Use the HR policies.")}};
  p.exclusions = {{"criminal", Words("The subject matter is under criminal investigation."), Words("Wait for the investigation.")},
                  {"court", Words("Decided by a court or tribunal."), Words("Follow the court's procedure.")}};
  p.comments_accepted = false;
  p.compliments.ask_permission_to_share = false;
  p.acknowledge_within = Duration{3, Duration::Unit::kWorkingDays};
  Stage s1;
  s1.id = "stage-1";
  s1.name = "Informal stage 1";
  s1.respond_within = Duration{20, Duration::Unit::kWorkingDays};
  p.stages = {s1};
  p.retention = Duration{2, Duration::Unit::kYears};
  return p;
}

// Shaped like next-steps.txt: anonymous accepted with no direct reply, comments, compliments
// passed on with permission to publish.
inline Policy NextStepsLike() {
  Policy p;
  p.id = "next-steps-like";
  p.organisation = "Next Steps";
  p.reference_prefix = "NS";
  p.services = {{"supported-living", "Supported living"}};
  p.categories = {{"care", "Care"}, {"staff", "Staff"}};
  p.anonymous_complaints = true;
  p.anonymous_explanation = Words("We cannot reply to you directly.");
  p.comments_accepted = true;
  p.compliments.ask_permission_to_share = true;
  p.compliments.acknowledge_within = Duration{5, Duration::Unit::kWorkingDays};
  p.acknowledge_within = Duration{5, Duration::Unit::kWorkingDays};
  Stage s1;
  s1.id = "response";
  s1.name = "Response";
  s1.respond_within = Duration{25, Duration::Unit::kWorkingDays};
  p.stages = {s1};
  return p;
}

}  // namespace tellus::testing_journey
