// Signposting: the policy's own words on where to go instead; never a dead end.
#include <string_view>

#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

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
      if (p.time_limit) Say(c, "signpost.time_limit", DurationValues(c, "limit", *p.time_limit));
      SayEasyRead(c, EligibilitySignpost(p, "limit"), "info");
      break;
    case SignpostReason::kOnBehalfPermission:
      Say(c, "signpost.permission");
      SayEasyRead(c, EligibilitySignpost(p, "behalf"), "info");
      break;
    default: break;
  }
  // What the person can do instead, side by side.
  std::vector<std::pair<std::string, std::string>> ways{{"start-again", "signpost.start_again"}};
  if (p.compliments.accepted && s.kind != JourneyKind::kCompliment) ways.push_back({ToString(Kind::kCompliment), "signpost.compliment"});
  if (p.comments_accepted && s.kind != JourneyKind::kComment) ways.push_back({ToString(Kind::kComment), "signpost.comment"});
  // The policy's other places to go (each says when the person can go there).
  if (!p.external_bodies.empty()) ways.push_back({"other-places", "other_places.open"});
  for (std::size_t i = 0; i < ways.size(); ++i) {
    if (i > 0) ui::SameLine();
    if (ChoiceItem(c, "choice.signpost." + ways[i].first, ways[i].second, false, 1.f / static_cast<float>(ways.size())))
      c.Emit(ev::Choose{ways[i].first});
  }
}

}  // namespace tellus::screens
