// [SECTION] Blocks that arrange other widgets: columns side by side, a framed box,
// and the stages timeline of a complaint.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

void BeginColumns(int count) {
  Context& c = Ctx();
  c.same_line_next = false;
  const float row = RowWidth();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  c.columns = Context::Columns{};
  c.columns.count = std::max(1, count);
  c.columns.x0 = at.x;
  c.columns.y0 = at.y;
  c.columns.width = std::floor((row - Spacing() * static_cast<float>(c.columns.count - 1)) / static_cast<float>(c.columns.count));
  c.columns.bottom = at.y;
  ImGui::BeginGroup();                             // new lines start at the column's left edge
}

void NextColumn() {
  Context& c = Ctx();
  if (c.columns.count == 0) return;
  ImGui::EndGroup();
  c.columns.bottom = std::max(c.columns.bottom, ImGui::GetItemRectMax().y);
  c.columns.at = std::min(c.columns.at + 1, c.columns.count - 1);
  c.same_line_next = false;
  ImGui::SetCursorScreenPos(ImVec2(c.columns.x0 + static_cast<float>(c.columns.at) * (c.columns.width + Spacing()), c.columns.y0));
  ImGui::BeginGroup();
}

void EndColumns() {
  Context& c = Ctx();
  if (c.columns.count == 0) return;
  ImGui::EndGroup();
  const float bottom = std::max(c.columns.bottom, ImGui::GetItemRectMax().y);
  const float x0 = c.columns.x0;
  c.columns = Context::Columns{};
  c.same_line_next = false;
  ImGui::SetCursorScreenPos(ImVec2(x0, bottom + Spacing()));
  ImGui::Dummy(ImVec2(1, 1));
}

void BeginBox() {
  Context& c = Ctx();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  c.box.open = true;
  c.box.start = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(c.box.start.x + Pad(), c.box.start.y + Pad()));
  ImGui::BeginGroup();
}

void EndBox() {
  Context& c = Ctx();
  if (!c.box.open) return;
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + Pad();
  c.box.open = false;
  const float width = RowWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  const ImVec2 a = c.box.start, b(c.box.start.x + width, bottom);
  dl->AddRectFilled(a, b, Col(CurrentTheme().panel), 12.f);
  dl->AddRect(a, b, Col(CurrentTheme().button_border), 12.f, 0, 4.f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(a);
  ImGui::Dummy(ImVec2(width, bottom - a.y));
}

void Timeline(const std::vector<TimelineStage>& stages, const std::string& current_note) {
  if (stages.empty()) return;
  const Theme& theme = CurrentTheme();
  ImFont* font = BodyFont();
  const float sp = Spacing(), pad = Pad();
  const float pict = ButtonPicturePx();
  const float n = static_cast<float>(stages.size());
  const float arrow = std::round(sp * 2.5f);
  const float w = std::floor((RowWidth() - arrow * (n - 1)) / n);
  // Each stage a box: its picture left of its name; the current one in the chosen face.
  const float text_w = std::max(20.f, w - pict - pad * 3);
  float text_h = 0;
  for (const TimelineStage& s : stages) text_h = std::max(text_h, MeasureText(font, s.label, text_w).y);
  const float h = pad * 2 + std::max(pict, text_h);
  const ImVec2 pos = PlaceItem(ImVec2(RowWidth(), h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const TimelineStage& s = stages[i];
    const ImVec2 a(pos.x + static_cast<float>(i) * (w + arrow), pos.y), b(a.x + w, a.y + h);
    const Colour fill = s.current ? theme.selected : theme.background;
    const Colour ink = s.current ? theme.selected_text : theme.text;
    dl->AddRectFilled(a, b, Col(fill), 12.f);
    if (s.current) {
      dl->AddRect(a, b, Col(theme.selected_edge), 12.f, 0, std::max(6.f, RingThickness()));
    } else {
      dl->AddRect(a, b, Col(theme.text, s.done ? 1.f : 0.6f), 12.f, 0, 2.f);
    }
    DrawPicture(s.pictogram, ImVec2(a.x + pad, a.y + (h - pict) / 2), pict, ink, false, s.done || s.current ? 1.f : 0.6f);
    const ImVec2 ts = MeasureText(font, s.label, text_w);
    DrawText(font, ImVec2(a.x + pad * 2 + pict, a.y + (h - ts.y) / 2), ink, s.label, text_w);
    if (i + 1 < stages.size()) {                   // an arrow to the next stage
      const float y = a.y + h / 2, x = b.x + arrow * 0.2f, x2 = b.x + arrow * 0.8f;
      dl->AddLine(ImVec2(x, y), ImVec2(x2, y), Col(theme.text), 4.f);
      dl->AddTriangleFilled(ImVec2(x2 + 2, y), ImVec2(x2 - 10, y - 9), ImVec2(x2 - 10, y + 9), Col(theme.text));
    }
    Node node;
    node.id = "timeline." + std::to_string(i);
    node.role = Role::kText;
    node.label = s.current ? s.label + " (" + current_note + ")" : s.label;
    node.spoken = s.spoken;
    node.rect = Rect{a.x, a.y, w, h};
    node.pictogram = s.pictogram;
    node.font_px = EmPixels(font);
    node.picture_px = pict;
    node.selected = s.current;
    AddNode(std::move(node));
  }
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(RowWidth(), h));
}

}  // namespace tellus::ui
