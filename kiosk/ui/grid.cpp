// [SECTION] Grid pieces: a text cell taking a share of the row (the weekday initials over
// the date grid's columns), and whether the item just drawn was touched while disabled
// (so a screen can say why it cannot be chosen).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

void ColumnLabel(const std::string& id, const std::string& text, const std::string& spoken, float width_fraction) {
  ImFont* font = BodyFont();
  const float width = std::max(1.f, std::floor(width_fraction * (RowWidth() + Spacing()) - Spacing()));
  const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str(), text.c_str() + text.size());
  const ImVec2 size(width, text.empty() ? 1.f : std::ceil(text_size.y));
  const ImVec2 pos = PlaceItem(size);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  if (text.empty()) return;                        // a blank cell (before the 1st of a month) is only space
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(pos.x + (width - text_size.x) / 2, pos.y),
                                      Col(CurrentTheme().text), text.c_str(), text.c_str() + text.size());
  Node node;
  node.id = id;
  node.role = Role::kText;
  node.label = text;
  node.spoken = spoken.empty() ? text : spoken;
  node.rect = Rect{pos.x, pos.y, size.x, size.y};
  AddNode(std::move(node));
}

bool LastItemTouchedWhileDisabled() {
  const Context& c = Ctx();
  if (c.current.empty() || c.current.back().enabled || c.drag_scrolled) return false;
  return ImGui::IsItemDeactivated() && ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

}  // namespace tellus::ui
