// Other places to go: the policy's external bodies that apply now, each with its picture,
// when the person can go there, and its phone and address, a page at a time.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {
constexpr std::size_t kBodiesPerPage = 1;        // each with its words, phone and address: one fits

void Body(const ScreenContext& c, const ExternalBody& body) {
  ui::BeginBox();
  SayData(body.name, body.picture.empty() ? c.Pictogram("other_places.title") : body.picture);
  SayEasyRead(c, body.when, "calendar");
  SayEasyRead(c, body.contact, "info");
  if (!body.phone.empty()) Say(c, "other_places.phone", {{"phone", body.phone}});
  if (!body.address.empty()) Say(c, "other_places.address", {{"address", body.address}});
  ui::EndBox();
}
}  // namespace

void DrawOtherPlaces(const ScreenContext& c) {
  const std::vector<const ExternalBody*> bodies = OtherPlacesNow(c.state, c.policy);
  Title(c, "other_places.title");
  const PageSpan span = PageOf(c, bodies.size(), kBodiesPerPage);
  for (std::size_t i = span.first; i < span.first + span.count; ++i) Body(c, *bodies[i]);
  if (span.pages > 1) MoreButton(c, span);
  if (MainButton(c, "button.back_to", "other_places.back")) c.Emit(ev::Back{});
}

}  // namespace tellus::screens
