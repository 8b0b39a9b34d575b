// [SECTION] The two fixed places of every screen: the progress strip at the top and
// the dock (the main forward action) at the right of the bottom bar. Neither scrolls,
// and the keyboard docks between them, so both stay in sight while typing.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                    ImGuiWindowFlags_NoScrollWithMouse;

}  // namespace

void ProgressLine(const std::string& text, const std::string& spoken, const std::string& pictogram) {
  Context& c = Ctx();
  const bool same_line = c.same_line_next;
  c.same_line_next = false;
  ImFont* font = BodyFont();
  const float pict = ButtonPicturePx();
  const float sp = Spacing();
  const float height = ProgressStripHeight();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(display.x, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ColumnLeft(), sp));
  ImGui::Begin("##progress", nullptr, kFixed);
  ImGui::PopStyleVar();
  const ImVec2 pos(ColumnLeft(), sp);
  const ImVec2 ts = MeasureText(font, text, FLT_MAX);
  DrawPicture(pictogram, pos, pict, CurrentTheme().text);
  DrawText(font, ImVec2(pos.x + pict + sp, pos.y + (pict - ts.y) / 2), CurrentTheme().text, text, 0);
  // A thin rule under the strip, so it reads as "where you are", not as a sentence.
  ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, height - 2), ImVec2(pos.x + ColumnWidth(), height - 2),
                                      Col(CurrentTheme().text, 0.35f), 2.f);
  ImGui::End();
  c.same_line_next = same_line;
  Node node;
  node.id = "progress";
  node.role = Role::kText;
  node.label = text;
  node.spoken = spoken;
  node.rect = Rect{pos.x, pos.y, pict + sp + ts.x, pict};
  node.pictogram = pictogram;
  node.font_px = EmPixels(font);
  node.picture_px = pict;
  AddNode(std::move(node));
}

bool DockButton(const std::string& id, const std::string& label, const std::string& spoken, const ItemStyle& style) {
  Context& c = Ctx();
  const bool same_line = c.same_line_next;
  c.same_line_next = false;
  const Rect r = DockRect();
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##dock", nullptr, kFixed);
  ImGui::PopStyleVar();
  const ImVec2 pos(r.x, r.y), size(r.w, r.h);
  const bool clicked =
      Interact(id, Role::kButton, label, spoken, pos, size, style.enabled, false, style.shortcut, style.disabled_reason);
  const bool active = ImGui::IsItemActive();
  ImFont* font = BodyFont();
  const float pict = style.pictogram.empty() ? 0 : ButtonPicturePx();
  Node& node = c.current.back();
  node.primary = true;
  node.pictogram = style.pictogram;
  node.font_px = EmPixels(font);
  node.picture_px = pict;
  node.looks_disabled = !style.enabled;

  const Theme& theme = CurrentTheme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const Colour fill = style.enabled ? theme.primary : theme.background;
  const Colour ink = style.enabled ? theme.primary_text : theme.disabled_text;
  dl->AddRectFilled(pos, max, Col(fill), 12.f);
  if (style.enabled) {
    // A thick edge in the theme's own ink, so the dock stands out from the bar in the dark themes too.
    dl->AddRect(pos, max, Col(theme.button_border), 12.f, 0, active ? 8.f : 5.f);
  } else {
    DrawDashedRect(pos, max, Col(theme.disabled_text), 3.f);
  }
  // A white picture and the label, centred together.
  const float pad = Pad();
  const float wrap = std::max(20.f, size.x - pad * 3 - pict);
  const ImVec2 ts = MeasureText(font, label, wrap);
  const float block = pict + (pict > 0 ? pad : 0) + ts.x;
  float x = pos.x + std::max(pad, (size.x - block) / 2);
  if (pict > 0) {
    DrawPicture(style.pictogram, ImVec2(x, pos.y + (size.y - pict) / 2), pict, ink, true, style.enabled ? 1.f : 0.45f);
    x += pict + pad;
  }
  DrawText(font, ImVec2(x, pos.y + (size.y - ts.y) / 2), ink, label, wrap);
  ImGui::End();
  c.same_line_next = same_line;
  return clicked;
}

}  // namespace tellus::ui
