// What went wrong: the policy's categories, several may be chosen.
#include <algorithm>

#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

void DrawCategories(const ScreenContext& c) {
  Title(c, "categories.title");
  Say(c, "categories.body_1");
  Notice(c);
  const auto& chosen = c.state.categories;
  const auto& all = c.policy.categories;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const NamedItem& category = all[i];
    bool on = std::find(chosen.begin(), chosen.end(), category.id) != chosen.end();
    ui::ItemStyle style;
    style.width_fraction = 0.5f;
    if (i % 2 == 1) ui::SameLine();
    if (ui::Checkbox("check.categories." + category.id, category.name, category.name, on, style)) {
      c.Emit(ev::Toggle{category.id});
    }
  }
  Say(c, "categories.body_2");
  if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
}

}  // namespace tellus::screens
