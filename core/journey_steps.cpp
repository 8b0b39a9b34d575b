// Which step follows which: derived from the policy and the answers so far.
#include <algorithm>

#include "core/journey.h"
#include "core/journey_flow.h"

namespace tellus {
namespace journey_detail {

namespace {

Place At(Step step, int index = 0) { return Place{step, index}; }

bool Anonymous(const JourneyState& s) { return s.personal.person.anonymous; }

bool AskedUpFront(const Policy& p, const std::string& topic) {
  return std::any_of(p.eligibility.begin(), p.eligibility.end(),
                     [&](const EligibilityQuestion& q) { return q.id.find(topic) != std::string::npos; });
}

Place AfterEligibilityAll(const Policy& p) {
  return p.exclusions.empty() ? At(Step::kAnonymous) : At(Step::kExclusions);
}

// A rule asked only about someone who has died is skipped unless an answer said so.
bool RuleApplies(const JourneyState& s, const EligibilityQuestion& rule) {
  return rule.asked_when == AnswerMark::kNone ||
         (rule.asked_when == AnswerMark::kDeceased && s.personal.on_behalf.deceased);
}

// The first eligibility rule from `index` on that applies, else what follows them all.
Place EligibilityFrom(const JourneyState& s, const Policy& p, int index) {
  for (int i = index; i < static_cast<int>(p.eligibility.size()); ++i) {
    if (RuleApplies(s, p.eligibility[static_cast<std::size_t>(i)])) return At(Step::kEligibility, i);
  }
  return AfterEligibilityAll(p);
}

bool NamelessComment(const JourneyState& s, const Policy& p) {
  return s.kind == JourneyKind::kComment && !p.comments_keep_name;
}

Place AfterService(const JourneyState& s, const Policy& p) {
  switch (s.kind) {
    case JourneyKind::kCompliment: return At(Step::kSubject);
    case JourneyKind::kComment: return At(Step::kWhatHappened);
    default: return p.categories.empty() ? At(Step::kWhatHappened) : At(Step::kCategories);
  }
}

Place FirstService(const JourneyState& s, const Policy& p) {
  return p.services.empty() ? AfterService(s, p) : At(Step::kService);
}

// After the "about you" group (anonymous, name, contact).
Place AfterAbout(const JourneyState& s, const Policy& p) {
  switch (s.kind) {
    case JourneyKind::kComplaint: return At(Step::kOnBehalf);
    case JourneyKind::kCompliment:
      return p.compliments.ask_permission_to_share ? At(Step::kShare) : At(Step::kReview);
    default: return At(Step::kReview);
  }
}

}  // namespace

int TimeLimitRule(const Policy& policy) {
  for (std::size_t i = 0; i < policy.eligibility.size(); ++i) {
    if (policy.eligibility[i].id.find("limit") != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

bool ContactNeedsDetails(ContactPreference contact) {
  return contact == ContactPreference::kPhone || contact == ContactPreference::kEmail ||
         contact == ContactPreference::kLetter;
}

Place FirstPlace(JourneyKind kind, const Policy& policy) {
  switch (kind) {
    case JourneyKind::kComplaint: {
      if (policy.safeguarding) return At(Step::kSafeguarding);
      JourneyState probe;
      return EligibilityFrom(probe, policy, 0);
    }
    case JourneyKind::kCompliment:
    case JourneyKind::kComment: {
      JourneyState probe;
      probe.kind = kind;
      return FirstService(probe, policy);
    }
    case JourneyKind::kCheck: return At(Step::kCheckEntry);
    case JourneyKind::kNone: break;
  }
  return At(Step::kWelcome);
}

Place After(const JourneyState& s, const Policy& p, Step from) {
  switch (from) {
    case Step::kSafeguarding:
    case Step::kTellStaff: return EligibilityFrom(s, p, 0);
    case Step::kEligibility: return EligibilityFrom(s, p, s.place.index + 1);
    case Step::kExclusions: return At(Step::kAnonymous);
    case Step::kAnonymous:
      if (Anonymous(s)) {
        if (s.kind == JourneyKind::kCompliment) return AfterAbout(s, p);
        return At(Step::kAnonymousMeaning);
      }
      return s.kind == JourneyKind::kComplaint ? FirstService(s, p) : At(Step::kName);
    case Step::kAnonymousMeaning:
      return s.kind == JourneyKind::kComplaint ? FirstService(s, p) : AfterAbout(s, p);
    case Step::kService: return AfterService(s, p);
    case Step::kSubject: return At(Step::kPraise);
    case Step::kPraise:
      return p.compliments.anonymous_accepted ? At(Step::kAnonymous) : At(Step::kName);
    case Step::kCategories: return At(Step::kWhatHappened);
    case Step::kWhatHappened:
      if (NamelessComment(s, p)) return At(Step::kReview);   // "The customers name will not be included"
      return s.kind == JourneyKind::kComplaint ? At(Step::kWhen) : At(Step::kAnonymous);
    case Step::kWhen:
      // Ask about the time limit only if no eligibility question already did.
      if (SpansTimeLimit(s, p) && !AskedUpFront(p, "limit")) return At(Step::kWhenOlder);
      return At(Step::kAffected);
    case Step::kWhenOlder:
    case Step::kPickDate: return At(Step::kAffected);
    case Step::kAffected: return At(Step::kPutRight);
    case Step::kPutRight: return Anonymous(s) ? At(Step::kOnBehalf) : At(Step::kName);
    case Step::kName: return At(Step::kContact);
    case Step::kContact:
      return ContactNeedsDetails(s.personal.person.contact) ? At(Step::kContactDetails) : AfterAbout(s, p);
    case Step::kContactDetails: return AfterAbout(s, p);
    case Step::kOnBehalf:
      if (s.personal.on_behalf.on_behalf) return At(Step::kOnBehalfDetails);
      [[fallthrough]];
    case Step::kOnBehalfDetails: return Anonymous(s) ? At(Step::kReview) : At(Step::kSupport);
    case Step::kSupport: return At(Step::kReview);
    case Step::kShare: return At(Step::kReview);
    case Step::kReview: return At(Step::kConsent);
    case Step::kCheckEntry: return At(Step::kCheckResult);
    default: break;
  }
  return s.place;
}

Step SectionOf(Step step) {
  switch (step) {
    case Step::kWhen:
    case Step::kWhenOlder:
    case Step::kPickDate: return Step::kWhen;
    case Step::kAnonymous:
    case Step::kAnonymousMeaning:
    case Step::kName:
    case Step::kContact:
    case Step::kContactDetails: return Step::kAnonymous;
    case Step::kOnBehalf:
    case Step::kOnBehalfDetails: return Step::kOnBehalf;
    default: return step;
  }
}

std::optional<Place> FirstMissing(const JourneyState& s, const Policy& p) {
  const PersonalPart& personal = s.personal;
  if (!p.services.empty() && s.service_id.empty()) return At(Step::kService);
  if (s.kind == JourneyKind::kCompliment) {
    if (!Answered(s, SpokenQuestion::kPraise) && s.praise_choices.empty()) return At(Step::kPraise);
  }
  if (s.kind == JourneyKind::kComplaint && !p.categories.empty() && s.categories.empty()) return At(Step::kCategories);
  if (s.kind != JourneyKind::kCompliment && !Answered(s, SpokenQuestion::kWhatHappened)) return At(Step::kWhatHappened);
  if (s.kind == JourneyKind::kComplaint && s.when_choice == WhenChoice::kNone) return At(Step::kWhen);
  if (!s.anonymous_chosen) return At(p.compliments.anonymous_accepted || s.kind != JourneyKind::kCompliment ? Step::kAnonymous : Step::kName);
  if (!personal.person.anonymous) {
    if (personal.person.name.empty()) return At(Step::kName);
    if (!s.contact_answered) return At(Step::kContact);
    const Person& who = personal.person;
    if ((who.contact == ContactPreference::kPhone && who.phone.empty()) ||
        (who.contact == ContactPreference::kEmail && who.email.empty()) ||
        (who.contact == ContactPreference::kLetter && who.address.empty())) {
      return At(Step::kContactDetails);
    }
  }
  if (s.kind == JourneyKind::kCompliment && p.compliments.ask_permission_to_share && s.share == ShareConsent::kNotAsked) {
    return At(Step::kShare);
  }
  return std::nullopt;
}

}  // namespace journey_detail

std::vector<std::string> WelcomeChoices(const Policy& policy) {
  std::vector<std::string> choices;
  // A kind's own name (core/model.h) is its choice id.
  if (policy.compliments.accepted) choices.push_back(ToString(Kind::kCompliment));
  choices.push_back(ToString(Kind::kComplaint));
  if (policy.comments_accepted) choices.push_back(ToString(Kind::kComment));
  choices.push_back("check");
  return choices;
}

std::vector<Step> ReviewSections(const JourneyState& s, const Policy& p) {
  std::vector<Step> out;
  if (!p.services.empty()) out.push_back(Step::kService);
  switch (s.kind) {
    case JourneyKind::kCompliment:
      out.push_back(Step::kSubject);
      out.push_back(Step::kPraise);
      out.push_back(p.compliments.anonymous_accepted ? Step::kAnonymous : Step::kName);
      if (p.compliments.ask_permission_to_share) out.push_back(Step::kShare);
      break;
    case JourneyKind::kComment:
      out.push_back(Step::kWhatHappened);
      if (p.comments_keep_name) out.push_back(Step::kAnonymous);
      break;
    case JourneyKind::kComplaint:
      if (!p.categories.empty()) out.push_back(Step::kCategories);
      out.push_back(Step::kWhatHappened);
      out.push_back(Step::kWhen);
      out.push_back(Step::kAffected);
      out.push_back(Step::kPutRight);
      out.push_back(Step::kAnonymous);
      out.push_back(Step::kOnBehalf);
      if (!s.personal.person.anonymous) out.push_back(Step::kSupport);
      break;
    default: break;
  }
  return out;
}

std::vector<const ExternalBody*> OtherPlacesNow(const JourneyState& state, const Policy& policy) {
  return policy.PlacesToGo(state.other_places_all);
}

bool AtLastStage(const Policy& policy, const std::string& stage_name) {
  return !policy.stages.empty() && !stage_name.empty() && policy.stages.back().name == stage_name;
}

const YesNoQuestion* EligibilityQuestionAt(const Policy& policy, const Place& place) {
  if (place.step != Step::kEligibility || place.index < 0 || place.part < 0) return nullptr;
  if (place.index >= static_cast<int>(policy.eligibility.size())) return nullptr;
  const auto& questions = policy.eligibility[static_cast<std::size_t>(place.index)].questions;
  if (place.part >= static_cast<int>(questions.size())) return nullptr;
  return &questions[static_cast<std::size_t>(place.part)];
}

}  // namespace tellus
