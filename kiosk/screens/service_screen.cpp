// Which service: the policy's services.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawService(const ScreenContext& c) {
  Title(c, "service.title");
  Say(c, "service.body_1");
  for (const NamedItem& service : c.policy.services) {
    if (ChoiceData("choice.service." + service.id, service.name, service.id == c.state.service_id,
                   ItemPicture(service, "service"))) {
      c.Emit(ev::Choose{service.id});
    }
  }
}

}  // namespace tellus::screens
