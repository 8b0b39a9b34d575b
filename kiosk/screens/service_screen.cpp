// Which service: the policy's services.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawService(const ScreenContext& c) {
  Title(c, "service.title");
  Say(c, "service.body_1");
  const auto& all = c.policy.services;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const NamedItem& service = all[i];
    if (i % 2 == 1) ui::SameLine();
    if (ChoiceData("choice.service." + service.id, service.name, service.id == c.state.service_id, "service", 0.5f)) {
      c.Emit(ev::Choose{service.id});
    }
  }
}

}  // namespace tellus::screens
