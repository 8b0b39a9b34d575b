// Exclusions: is the complaint about something the procedure does not cover?
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawExclusions(const ScreenContext& c) {
  // Two side by side a page, and a big "More"; "None of these" (the usual answer) waits
  // on the last page, so every one has been seen before it can be chosen.
  const auto& all = c.policy.exclusions;
  const PageSpan span = PageOf(c, all.size(), 2);
  const bool last_page = span.pages <= 1 || c.state.list_page % span.pages == span.pages - 1;
  Title(c, "exclusions.title");
  Say(c, "exclusions.body_1");
  if (last_page) Say(c, "exclusions.body_2");      // "Touch one. Or touch None of these."
  for (std::size_t i = 0; i < span.count; ++i) {
    const Exclusion& exclusion = all[span.first + i];
    if (i % 2 == 1) ui::SameLine();
    if (ChoiceData("choice.exclusions." + exclusion.id, PolicyLabel(c, exclusion.text), false,
                   PolicyPicture(c, exclusion.text, "not-allowed"), 0.5f)) {
      c.Emit(ev::Choose{exclusion.id});
    }
  }
  if (last_page) {
    if (ChoiceItem(c, "choice.exclusions.none", "exclusions.none", false, span.pages > 1 ? 0.5f : 0.f))
      c.Emit(ev::Choose{"none"});
    ui::SameLine();
    MoreButton(c, span, 0.5f);                       // back round to the first page
  } else {
    MoreButton(c, span);
  }
}

}  // namespace tellus::screens
