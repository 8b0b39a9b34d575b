// The phone number, email address or postal address the person chose to give.
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawContactDetails(const ScreenContext& c) {
  const ContactPreference contact = c.state.personal.person.contact;
  const bool phone = contact == ContactPreference::kPhone;
  const bool email = contact == ContactPreference::kEmail;
  const char* title = phone ? "contact_details.phone_title" : email ? "contact_details.email_title" : "contact_details.letter_title";
  if (TypingView(c, title)) {
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
    return;
  }
  Title(c, title);
  Say(c, "contact_details.body_1");
  Notice(c);
  TextBox(c, phone ? Field::kPhone : email ? Field::kEmail : Field::kAddress);
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
