// LevelMeter: "we can hear you" as a big bar that moves with the voice (Say it instead).
#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace tellus::ui {

using namespace detail;

void LevelMeter(const std::string& id, int level, const std::string& label, const std::string& spoken,
                const std::string& pictogram) {
  const Theme& theme = CurrentTheme();
  ImFont* font = BodyFont();
  const float pict = ButtonPicturePx();
  const float sp = Spacing();
  const float bar_h = std::round(pict * 0.75f);
  const ImVec2 text_size = MeasureText(font, label, FLT_MAX);
  const ImVec2 size(RowWidth(), std::max(pict, text_size.y) + sp + bar_h);
  const ImVec2 pos = PlaceItem(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (!pictogram.empty()) DrawPicture(pictogram, pos, pict, theme.text);
  const float text_x = pos.x + (pictogram.empty() ? 0 : pict + sp);
  DrawText(font, ImVec2(text_x, pos.y + (std::max(pict, text_size.y) - text_size.y) / 2), theme.text, label, 0);
  // The trough in the field colours with a thick edge; the level in the focus colour,
  // in ten steps so a moving voice reads as blocks rising, not a flicker.
  const ImVec2 top(pos.x, pos.y + std::max(pict, text_size.y) + sp);
  const ImVec2 bottom(pos.x + size.x, top.y + bar_h);
  draw->AddRectFilled(top, bottom, Col(theme.field));
  const int steps = std::clamp((level + 5) / 10, 0, 10);
  const float cell = size.x / 10.f;
  for (int i = 0; i < steps; ++i) {
    draw->AddRectFilled(ImVec2(top.x + i * cell + 3, top.y + 3), ImVec2(top.x + (i + 1) * cell - 3, bottom.y - 3),
                        Col(theme.focus_ring));
  }
  draw->AddRect(top, bottom, Col(theme.field_text), 0, 0, RingThickness());
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  Node node;
  node.id = id;
  node.role = Role::kImage;
  node.label = label;
  node.spoken = spoken;
  node.value = std::to_string(level);
  node.rect = Rect{pos.x, pos.y, size.x, size.y};
  node.pictogram = pictogram;
  node.font_px = EmPixels(font);
  node.picture_px = pictogram.empty() ? 0 : pict;
  AddNode(std::move(node));
}

}  // namespace tellus::ui
