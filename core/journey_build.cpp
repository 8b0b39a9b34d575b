// The submission a journey would commit: the clear part (no personal data) and the
// personal part (sealed later), keeping only what the person chose to give.
#include "core/journey.h"

namespace tellus {

JourneyKind JourneyKindOf(Kind kind) {
  switch (kind) {
    case Kind::kCompliment: return JourneyKind::kCompliment;
    case Kind::kComment: return JourneyKind::kComment;
    case Kind::kComplaint: break;
  }
  return JourneyKind::kComplaint;
}

Kind CaseKindOf(JourneyKind kind) {
  return kind == JourneyKind::kCompliment ? Kind::kCompliment
         : kind == JourneyKind::kComment  ? Kind::kComment
                                          : Kind::kComplaint;
}

Submission BuildSubmission(const JourneyState& s, const Policy& policy) {
  Submission out;
  ClearPart& clear = out.clear;
  clear.kind = CaseKindOf(s.kind);
  clear.policy_id = policy.id;
  clear.service_id = s.service_id;
  if (s.kind == JourneyKind::kCompliment) {
    for (const std::string& id : s.praise_choices) clear.categories.push_back("praise." + id);
  } else if (s.kind == JourneyKind::kComplaint) {
    // In the policy's order, not the order they were touched.
    for (const NamedItem& category : policy.categories) {
      for (const std::string& id : s.categories) {
        if (id == category.id) clear.categories.push_back(id);
      }
    }
  }
  clear.incident = s.incident;
  // A policy whose comments never carry a name (Works for Us "minor issues"): none is kept,
  // whatever the state holds.
  const bool nameless = s.kind == JourneyKind::kComment && !policy.comments_keep_name;
  clear.anonymous = s.personal.person.anonymous || nameless;
  clear.urgent = s.kind == JourneyKind::kComplaint && s.urgent;
  clear.share = s.kind == JourneyKind::kCompliment ? s.share : ShareConsent::kNotAsked;
  clear.language = s.settings.language;

  PersonalPart& p = out.personal;
  const PersonalPart& from = s.personal;
  p.person.anonymous = clear.anonymous;
  if (!clear.anonymous) {
    p.person.name = from.person.name;
    p.person.contact = from.person.contact;
    switch (from.person.contact) {
      case ContactPreference::kPhone: p.person.phone = from.person.phone; break;
      case ContactPreference::kEmail: p.person.email = from.person.email; break;
      case ContactPreference::kLetter: p.person.address = from.person.address; break;
      default: break;
    }
    p.support = from.support;
    p.help = from.help;                            // a call-back or meeting needs a name to ask for
  }
  clear.help_to_write = !from.person.anonymous && (from.help.Requested() || from.support.help_to_write);
  // Spoken answers go with the questions this kind of journey asks.
  for (const Recording& r : from.recordings) {
    const bool asked = s.kind == JourneyKind::kCompliment
                           ? r.question == SpokenQuestion::kSubject || r.question == SpokenQuestion::kPraise
                       : s.kind == JourneyKind::kComplaint ? r.question == SpokenQuestion::kWhatHappened ||
                                                                 r.question == SpokenQuestion::kHowAffected ||
                                                                 r.question == SpokenQuestion::kPutRight
                                                           : r.question == SpokenQuestion::kWhatHappened;
    if (asked) p.recordings.push_back(r);
  }
  if (s.kind == JourneyKind::kComplaint) {
    p.on_behalf = from.on_behalf;
    p.how_affected = from.how_affected;
    p.put_right = from.put_right;
    p.when_text = from.when_text;
  }
  if (s.kind == JourneyKind::kCompliment) {
    p.subject = from.subject;
    p.praise = from.praise;
  } else {
    p.what_happened = from.what_happened;
  }
  return out;
}

}  // namespace tellus
