// [SECTION] A row of "Check your answers": picture | label over the answer | Change.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

namespace {

// The longest start of `text` that fits `width` on one line with "…" after it.
std::string OneLine(ImFont* font, const std::string& text, float width, bool& cut) {
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  cut = false;
  if (MeasureText(font, flat, FLT_MAX).x <= width) return flat;
  cut = true;
  const std::string ellipsis = "\xE2\x80\xA6";
  std::size_t end = flat.size();
  while (end > 0) {
    do --end;                                      // step back one code point
    while (end > 0 && (static_cast<unsigned char>(flat[end]) & 0xC0) == 0x80);
    std::string candidate = flat.substr(0, end);
    while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
    candidate += ellipsis;
    if (MeasureText(font, candidate, FLT_MAX).x <= width) return candidate;
  }
  return ellipsis;
}

float FitWidth(ImFont* font, const std::string& label, float pict) {
  return std::max(MinTargetPixels(), Pad() * 2 + pict + (pict > 0 ? Pad() : 0) + MeasureText(font, label, FLT_MAX).x + 1);
}

}  // namespace

RowAction SummaryRow(const std::string& id, const std::string& label, const std::string& answer,
                     const std::string& pictogram, const SummaryRowLabels& labels, bool enabled, float width_fraction) {
  Context& c = Ctx();
  ImFont* font = BodyFont();
  const Theme& theme = CurrentTheme();
  const float pad = Pad(), sp = Spacing();
  const float pict = ButtonPicturePx();
  const float row_w = width_fraction >= 1 ? RowWidth() : std::floor(width_fraction * (RowWidth() + sp) - sp);
  const float change_w = FitWidth(font, labels.change, labels.change_pictogram.empty() ? 0 : pict);
  const float see_w = FitWidth(font, labels.see_all, 0);
  const bool change_pict = !labels.change_pictogram.empty();
  const float button_h = std::max(MinTargetPixels(), (change_pict ? pict : font->FontSize) + pad * 2);
  const float line = font->FontSize;
  const float height = std::max(button_h, line * 2 + 4);
  const ImVec2 pos = PlaceItem(ImVec2(row_w, height));

  const float text_x = pos.x + pict + pad;
  float text_w = row_w - pict - pad - change_w - sp;
  bool cut = false;
  std::string shown = OneLine(font, answer, text_w, cut);
  if (cut) {
    text_w -= see_w + sp;
    shown = OneLine(font, answer, text_w, cut);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(pos.x, pos.y + height + sp * 0.5f), ImVec2(pos.x + row_w, pos.y + height + sp * 0.5f),
              Col(theme.text, 0.3f), 2.f);
  DrawPicture(pictogram, ImVec2(pos.x, pos.y + (height - pict) / 2), pict, theme.text);
  const float top = pos.y + (height - line * 2 - 4) / 2;
  bool label_cut = false;
  const std::string label_shown = OneLine(font, label, text_w, label_cut);
  DrawText(font, ImVec2(text_x, top), theme.text, label_shown, 0);
  DrawText(font, ImVec2(text_x, top + line + 4), theme.text, shown, 0);
  // The label underlined, so the answer under it reads as the answer.
  const float lw = std::min(text_w, MeasureText(font, label_shown, FLT_MAX).x);
  dl->AddLine(ImVec2(text_x, top + line + 1), ImVec2(text_x + lw, top + line + 1), Col(theme.text, 0.6f), 2.f);

  Node node;
  node.id = id + ".answer";
  node.role = Role::kText;
  node.label = label + ": " + shown;
  node.spoken = label + ". " + answer;
  node.rect = Rect{pos.x, pos.y, row_w - change_w - sp - (cut ? see_w + sp : 0), height};
  node.pictogram = pictogram;
  node.font_px = EmPixels(font);
  node.picture_px = pict;
  AddNode(std::move(node));

  RowAction action = RowAction::kNone;
  const float by = pos.y + (height - button_h) / 2;
  c.same_line_next = false;
  if (cut) {
    ItemStyle see;
    see.enabled = enabled;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + row_w - change_w - sp - see_w, by));
    if (ButtonLike(id + ".see_all", Role::kButton, labels.see_all, labels.see_all_spoken, see, false, Mark::kNone, font))
      action = RowAction::kSeeAll;
  }
  ItemStyle change;
  change.pictogram = labels.change_pictogram;
  change.enabled = enabled;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + row_w - change_w, by));
  if (ButtonLike(id + ".change", Role::kButton, labels.change, labels.change_spoken, change, false, Mark::kNone, font))
    action = RowAction::kChange;
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(row_w, height));
  return action;
}

}  // namespace tellus::ui
