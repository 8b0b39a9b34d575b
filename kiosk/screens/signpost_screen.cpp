// Signposting: the policy's own words on where to go instead; never a dead end.
#include <string_view>

#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

namespace {
// The signpost of the eligibility question about `topic` ("limit", "behalf"), if the policy has one.
PolicyText EligibilitySignpost(const Policy& policy, std::string_view topic) {
  for (const EligibilityQuestion& q : policy.eligibility) {
    if (q.id.find(topic) != std::string::npos) return q.signpost;
  }
  return {};
}
}  // namespace

void DrawSignpost(const ScreenContext& c) {
  const JourneyState& s = c.state;
  const Policy& p = c.policy;
  const auto index = static_cast<std::size_t>(s.signpost_index);
  Title(c, "signpost.title");
  Say(c, "signpost.body_1");
  switch (s.signpost) {
    case SignpostReason::kEligibility:
      if (index < p.eligibility.size()) SayEasyRead(c, p.eligibility[index].signpost, "info");
      break;
    case SignpostReason::kExclusion:
      if (index < p.exclusions.size()) SayEasyRead(c, p.exclusions[index].signpost, "info");
      break;
    case SignpostReason::kAnonymousRefused:
      SayEasyRead(c, p.anonymous_explanation, "anonymous");
      SayEasyRead(c, p.anonymous_signpost, "info");
      break;
    case SignpostReason::kTimeLimit:
      if (p.time_limit) Say(c, "signpost.time_limit", {{"limit", DurationText(c, *p.time_limit)}});
      SayEasyRead(c, EligibilitySignpost(p, "limit"), "info");
      break;
    case SignpostReason::kOnBehalfPermission:
      Say(c, "signpost.permission");
      SayEasyRead(c, EligibilitySignpost(p, "behalf"), "info");
      break;
    default: break;
  }
  if (ChoiceItem(c, "choice.signpost.start-again", "signpost.start_again")) c.Emit(ev::Choose{"start-again"});
  if (p.compliments.accepted && s.kind != JourneyKind::kCompliment &&
      ChoiceItem(c, "choice.signpost.compliment", "signpost.compliment")) {
    c.Emit(ev::Choose{"compliment"});
  }
  if (p.comments_accepted && s.kind != JourneyKind::kComment &&
      ChoiceItem(c, "choice.signpost.comment", "signpost.comment")) {
    c.Emit(ev::Choose{"comment"});
  }
}

}  // namespace tellus::screens
