// [SECTION] Widgets: headings, sentences, buttons, choices, check boxes, text boxes, codes, QR.
#include <imgui.h>
#include <qrencode.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/pictures.h"

namespace tellus::ui {

using namespace detail;

ImVec2 detail::MeasureText(ImFont* font, const std::string& text, float wrap) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str(), text.c_str() + text.size());
}

void detail::DrawText(ImFont* font, ImVec2 pos, Colour colour, const std::string& text, float wrap) {
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, Col(colour), text.c_str(), text.c_str() + text.size(),
                                      wrap);
}

namespace {

// Read-along: the word being heard, drawn again in the selected colours on a highlight.
void HighlightSpokenWord(ImFont* font, ImVec2 origin, const std::string& text, float wrap) {
  Context& c = Ctx();
  if (c.spoken_text.empty() || c.spoken_text != text) return;
  const std::optional<Rect> r = WordRectInText(font, text, wrap, c.spoken_offset);
  if (!r) return;
  std::size_t from = static_cast<std::size_t>(c.spoken_offset);
  while (from < text.size() && (text[from] == ' ' || text[from] == '\t' || text[from] == '\n')) ++from;
  std::size_t to = text.find_first_of(" \t\n", from);
  if (to == std::string::npos) to = text.size();
  const Theme& theme = CurrentTheme();
  const float pad = std::round(font->FontSize * 0.12f);
  const ImVec2 a(origin.x + r->x - pad, origin.y + r->y), b(origin.x + r->x + r->w + pad, origin.y + r->y + r->h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, Col(theme.selected), 6.f);
  dl->AddText(font, font->FontSize, ImVec2(origin.x + r->x, origin.y + r->y), Col(theme.selected_text),
              text.c_str() + from, text.c_str() + to);
  c.spoken_rect_now = Rect{a.x, a.y, b.x - a.x, b.y - a.y};
}

// Heading and Sentence: pictogram on the left, wrapped text beside it.
void PictureAndText(Role role, const std::string& id, ImFont* font, float picture_size, const std::string& text,
                    const std::string& pictogram, Colour colour) {
  // The picture's space is kept even when a sentence has none, so words line up down the screen.
  const float gap = pictogram.empty() ? 0 : Spacing();
  const float pict = pictogram.empty() ? 0 : picture_size;
  // Lines no longer than ~1,100 px at 1080 (about 70 letters at 32 px), however wide the column.
  const float longest = std::round(1100.f * ImGui::GetIO().DisplaySize.y / 1080.f);
  const float wrap = std::max(50.f, std::min(longest, RowWidth() - pict - gap));
  const ImVec2 text_size = MeasureText(font, text, wrap);
  const ImVec2 size(RowWidth(), std::max(pict, text_size.y));
  const ImVec2 pos = PlaceItem(size);
  if (!pictogram.empty()) DrawPicture(pictogram, pos, pict, colour);
  const ImVec2 origin(pos.x + pict + gap, pos.y + (size.y - text_size.y) / 2);
  DrawText(font, origin, colour, text, wrap);
  HighlightSpokenWord(font, origin, text, wrap);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  Node node;
  node.id = id;
  node.role = role;
  node.label = text;
  node.spoken = text;
  node.rect = Rect{pos.x, pos.y, size.x, size.y};
  node.pictogram = pictogram;
  node.font_px = EmPixels(font);
  node.picture_px = pict;
  AddNode(std::move(node));
}

struct Face {
  Colour fill, text;
};

// A disabled item: the face of the background, a dashed edge, faded picture and words.
Face DisabledFace(const Theme& theme) { return Face{theme.background, theme.disabled_text}; }

void DrawTick(ImDrawList* dl, ImVec2 at, float t, ImU32 colour) {
  dl->AddLine(ImVec2(at.x, at.y + t * 0.55f), ImVec2(at.x + t * 0.38f, at.y + t * 0.9f), colour, 5.f);
  dl->AddLine(ImVec2(at.x + t * 0.38f, at.y + t * 0.9f), ImVec2(at.x + t, at.y + t * 0.1f), colour, 5.f);
}

}  // namespace

// A chosen item keeps its theme's colours: a thick edge, a tick and a tinted face,
// never a block of another colour.
bool detail::ButtonLike(const std::string& id, Role role, const std::string& label, const std::string& spoken,
                        const ItemStyle& style, bool selected, Mark mark, ImFont* font) {
  const Theme& theme = CurrentTheme();
  const float line = font->FontSize;
  const float pad = style.compact ? std::round(Pad() * 0.4f) : Pad();
  const float pict = style.pictogram.empty() ? 0 : std::round(ButtonPicturePx() * style.picture_scale);
  const float mark_w = mark == Mark::kNone ? 0 : std::round(line * 1.1f) + pad;
  const float min = MinTargetPixels();
  const float row = RowWidth();

  float width;
  if (style.wide) {
    width = row;
  } else if (style.width_fraction > 0) {
    width = std::floor(style.width_fraction * (row + Spacing()) - Spacing());
  } else {
    const float fixed = pad * 2 + pict + (pict > 0 ? pad : 0) + mark_w;
    width = std::min(row, fixed + MeasureText(font, label, FLT_MAX).x + 1);
  }
  width = std::max(width, min);
  float wrap, height;
  ImVec2 text_size;
  if (style.tile) {
    wrap = std::max(20.f, width - pad * 2);          // a tile's box sits in its top-left corner
    text_size = MeasureText(font, label, wrap);
    height = std::max(min, pict + (pict > 0 ? pad * 0.5f : 0) + text_size.y + pad * 2);
  } else {
    wrap = std::max(20.f, width - (pad * 2 + pict + (pict > 0 ? pad : 0) + mark_w));
    text_size = MeasureText(font, label, wrap);
    height = std::max(min, std::max(pict, text_size.y) + pad * 2);
  }
  height = std::max(height, style.height);
  const ImVec2 size(width, height);
  const ImVec2 pos = PlaceItem(size);

  const bool clicked =
      Interact(id, role, label, spoken, pos, size, style.enabled, selected, style.shortcut, style.disabled_reason);
  Node& node = Ctx().current.back();
  node.pictogram = style.pictogram;
  node.font_px = EmPixels(font);
  node.picture_px = pict;
  node.looks_disabled = !style.enabled;
  const bool active = ImGui::IsItemActive();

  const bool chosen = selected && mark != Mark::kBox;
  Face face{theme.button, theme.button_text};
  if (chosen) face = {theme.selected, theme.selected_text};
  if (!style.enabled) face = DisabledFace(theme);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(pos, max, Col(face.fill), 10.f);
  if (!style.enabled) {
    DrawDashedRect(pos, max, Col(theme.disabled_text), 3.f);
  } else {
    const float edge = chosen ? std::max(6.f, RingThickness()) : (active ? 6.f : 3.f);
    dl->AddRect(pos, max, Col(chosen ? theme.selected_edge : theme.button_border), 10.f, 0, edge);
  }
  const float alpha = style.enabled ? 1.f : 0.45f;

  float x = pos.x + pad;
  if (mark == Mark::kBox) {
    const float box = std::round(line * 1.1f);
    const ImVec2 b(x, style.tile ? pos.y + pad : pos.y + (height - box) / 2);
    dl->AddRectFilled(b, ImVec2(b.x + box, b.y + box), Col(theme.field), 4.f);
    dl->AddRect(b, ImVec2(b.x + box, b.y + box), Col(face.text), 4.f, 0, 3.f);
    if (selected) DrawTick(dl, ImVec2(b.x + box * 0.12f, b.y + box * 0.05f), box * 0.76f, Col(theme.field_text));
    if (!style.tile) x += mark_w;
  }
  if (style.tile) {
    const float block = pict + (pict > 0 ? pad * 0.5f : 0) + text_size.y;
    const float top = pos.y + (height - block) / 2;
    if (pict > 0) DrawPicture(style.pictogram, ImVec2(pos.x + (width - pict) / 2, top), pict, face.text, false, alpha);
    DrawText(font, ImVec2(pos.x + (width - text_size.x) / 2, top + block - text_size.y), face.text, label, wrap);
    // A tile's words are centred line by line by ImGui only for one line; longer labels stay left of centre.
  } else {
    if (pict > 0) {
      DrawPicture(style.pictogram, ImVec2(x, pos.y + (height - pict) / 2), pict, face.text, false, alpha);
      x += pict + pad;
    } else if (style.compact && mark == Mark::kNone) {
      x = pos.x + std::max(pad, (width - text_size.x) / 2);   // a grid cell: its number in the middle
    }
    DrawText(font, ImVec2(x, pos.y + (height - text_size.y) / 2), face.text, label, wrap);
  }
  if (mark == Mark::kTick && selected) {
    const float t = std::round(line * 0.8f);
    DrawTick(dl, ImVec2(max.x - pad - t, pos.y + (height - t) / 2), t, Col(face.text));
  }
  return clicked;
}

namespace detail {

void DrawPicture(const std::string& id, ImVec2 pos, float size, Colour line_colour, bool white_line, float alpha) {
  const Picture picture = white_line ? GetWhitePicture(id) : GetPicture(id);
  if (!picture.texture) return;
  const Theme& theme = CurrentTheme();
  // White line art takes the colour of the text around it; colour art is drawn as is.
  const ImU32 tint = (theme.dark || white_line) ? Col(line_colour, alpha) : IM_COL32(255, 255, 255, int(alpha * 255));
  ImGui::GetWindowDrawList()->AddImage(static_cast<ImTextureID>(picture.texture), pos, ImVec2(pos.x + size, pos.y + size),
                                       ImVec2(0, 0), ImVec2(1, 1), tint);
}

void DrawDashedRect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float dash = 14.f, gap = 10.f;
  auto side = [&](ImVec2 a, ImVec2 b) {
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len);
    for (float t = 0; t < len; t += dash + gap) {
      const float e = std::min(len, t + dash);
      dl->AddLine(ImVec2(a.x + d.x * t, a.y + d.y * t), ImVec2(a.x + d.x * e, a.y + d.y * e), colour, thickness);
    }
  };
  side(min, ImVec2(max.x, min.y));
  side(ImVec2(max.x, min.y), max);
  side(max, ImVec2(min.x, max.y));
  side(ImVec2(min.x, max.y), min);
}

}  // namespace detail

float SentencePicturePx() { return std::round(EmPixels(BodyFont()) * 3.f); }
float ButtonPicturePx() { return std::round(EmPixels(BodyFont()) * 2.f); }
float HeadingPicturePx() { return std::round(EmPixels(BodyFont()) * 4.f); }

void Heading(const std::string& text, const std::string& pictogram) {
  ImFont* font = HeadingFont();
  PictureAndText(Role::kHeading, "heading", font, HeadingPicturePx(), text, pictogram, CurrentTheme().text);
}

void Sentence(const std::string& text, const std::string& pictogram) {
  ImFont* font = BodyFont();
  const std::string id = "sentence." + std::to_string(Ctx().current.size());
  PictureAndText(Role::kText, id, font, SentencePicturePx(), text, pictogram, CurrentTheme().text);
}

bool Button(const std::string& id, const std::string& label, const std::string& spoken, const ItemStyle& style) {
  return ButtonLike(id, Role::kButton, label, spoken, style, false, Mark::kNone, BodyFont());
}

bool Choice(const std::string& id, const std::string& label, const std::string& spoken, bool selected,
            const ItemStyle& style) {
  return ButtonLike(id, Role::kChoice, label, spoken, style, selected, Mark::kTick, BodyFont());
}

bool Checkbox(const std::string& id, const std::string& label, const std::string& spoken, bool checked,
              const ItemStyle& style) {
  return ButtonLike(id, Role::kCheckbox, label, spoken, style, checked, Mark::kBox, BodyFont());
}

int CountCodePoints(const std::string& utf8) {
  int n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string LimitText(int used, int limit) {
  std::string out = Ctx().labels.count;
  auto put = [&out](const std::string& key, int value) {
    const auto at = out.find(key);
    if (at != std::string::npos) out.replace(at, key.size(), std::to_string(value));
  };
  put("{used}", used);
  put("{limit}", limit);
  return out;
}

bool TextField(const std::string& id, const std::string& label, const std::string& spoken, const std::string& text,
               int limit, bool multiline, bool active) {
  const Theme& theme = CurrentTheme();
  ImFont* font = BodyFont();
  const float pad = Pad();
  const float line = font->FontSize;
  // The label, with "12 of 500" at the right end of the same line.
  const int used = CountCodePoints(text);
  const std::string count = LimitText(used, limit);
  const ImVec2 cs = MeasureText(font, count, FLT_MAX);
  const float label_w = std::max(50.f, RowWidth() - cs.x - Spacing());
  const ImVec2 ls = label.empty() ? ImVec2(0, cs.y) : MeasureText(font, label, label_w);
  const float label_h = std::max(ls.y, cs.y);
  const ImVec2 lp = PlaceItem(ImVec2(RowWidth(), label_h));
  if (!label.empty()) DrawText(font, lp, theme.text, label, label_w);
  const ImVec2 cp(lp.x + RowWidth() - cs.x, lp.y + label_h - cs.y);
  const bool near_limit = limit > 0 && used * 10 >= limit * 9;
  DrawText(font, cp, near_limit ? theme.warning : theme.text, count, 0);
  ImGui::SetCursorScreenPos(lp);
  ImGui::Dummy(ImVec2(RowWidth(), label_h));
  // A box not being typed into is one line high (its last line shows); the active one,
  // with the keyboard open and little else on screen, shows three lines.
  multiline = multiline && active;
  const float inner_h = multiline ? line * 3.2f : line * 1.05f;
  const ImVec2 size(RowWidth(), std::max(MinTargetPixels(), inner_h + pad * 2));
  const ImVec2 pos = PlaceItem(size);
  const bool clicked = Interact(id, Role::kTextField, label, spoken, pos, size, true, false, Shortcut::kNone);
  Ctx().current.back().value = text;
  Ctx().current.back().font_px = EmPixels(font);
  Ctx().current.back().active_field = active;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(pos, max, Col(theme.field), 6.f);
  dl->AddRect(pos, max, Col(theme.button_border), 6.f, 0, 3.f);
  // The box being typed into: a ring outside it in the focus colour (>= 4 px).
  if (active) {
    const float t = RingThickness(), o = 3.f + t * 0.5f;
    dl->AddRect(ImVec2(pos.x - o, pos.y - o), ImVec2(max.x + o, max.y + o), Col(theme.focus_ring), 8.f, 0, t);
  }
  // Show the end of what was typed, clipped to the box; only the active box has a caret.
  const std::string shown = active ? text + "|" : text;
  const float wrap = multiline ? size.x - pad * 2 : FLT_MAX;
  const ImVec2 ts = MeasureText(font, shown, wrap);
  float tx = pos.x + pad, ty = pos.y + pad;
  if (multiline && ts.y > size.y - pad * 2) ty -= ts.y - (size.y - pad * 2);
  if (!multiline && ts.x > size.x - pad * 2) tx -= ts.x - (size.x - pad * 2);
  dl->PushClipRect(ImVec2(pos.x + 3, pos.y + 3), ImVec2(max.x - 3, max.y - 3), true);
  DrawText(font, ImVec2(tx, ty), theme.field_text, shown, wrap);
  dl->PopClipRect();

  Context& c = Ctx();
  if (clicked) {
    c.typing_field = id;
    c.typing_scroll_pending = true;
  }
  // The box being typed into stays in sight just above the keyboard.
  if (c.typing_scroll_pending && c.keyboard_shown_last && (c.typing_field.empty() || c.typing_field == id)) {
    ImGui::SetScrollHereY(1.0f);
    c.typing_scroll_pending = false;
  }
  Node node;
  node.id = id + ".count";
  node.role = Role::kText;
  node.label = count;
  node.spoken = count;
  node.font_px = EmPixels(font);
  node.rect = Rect{cp.x, cp.y, cs.x, cs.y};
  AddNode(std::move(node));
  return clicked;
}

void BigCode(const std::string& grouped_text, const std::string& spoken) {
  const Theme& theme = CurrentTheme();
  ImFont* font = Fonts().code ? Fonts().code : HeadingFont();
  // Groups are shown apart, so "NS-4K7Q-29MX" reads as three chunks.
  std::string spaced;
  for (char ch : grouped_text) spaced += ch == '-' ? std::string("  ") : std::string(1, ch);
  const ImVec2 ts = MeasureText(font, spaced, FLT_MAX);
  const float pad = Pad();
  const ImVec2 size(std::min(RowWidth(), ts.x + pad * 4), ts.y + pad * 2);
  const ImVec2 pos = PlaceItem(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), Col(theme.field), 8.f);
  dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), Col(theme.button_border), 8.f, 0, 3.f);
  DrawText(font, ImVec2(pos.x + pad * 2, pos.y + pad), theme.field_text, spaced, 0);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  Node node;
  node.id = "code." + grouped_text;
  node.role = Role::kText;
  node.font_px = EmPixels(font);
  node.label = grouped_text;
  node.spoken = spoken.empty() ? grouped_text : spoken;
  node.rect = Rect{pos.x, pos.y, size.x, size.y};
  AddNode(std::move(node));
}

void QrCode(const std::string& text) {
  QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return;
  const int quiet = 4;
  const float module = std::max(4.f, std::round(MinTargetPixels() / 11.f));   // phones read 6-7 px modules well
  const float side = (qr->width + quiet * 2) * module;
  const ImVec2 pos = PlaceItem(ImVec2(side, side));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE);
  for (int y = 0; y < qr->width; ++y)
    for (int x = 0; x < qr->width; ++x)
      if (qr->data[y * qr->width + x] & 1) {
        const ImVec2 a(pos.x + (x + quiet) * module, pos.y + (y + quiet) * module);
        dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
      }
  QRcode_free(qr);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(side, side));
  Node node;
  node.id = "qr";
  node.role = Role::kImage;
  node.label = Ctx().labels.qr;
  node.spoken = Ctx().labels.qr;
  node.rect = Rect{pos.x, pos.y, side, side};
  AddNode(std::move(node));
}

void Spacer(float height_in_lines) { ImGui::Dummy(ImVec2(1, BodyFont()->FontSize * height_in_lines)); }

void SameLine() { Ctx().same_line_next = true; }

}  // namespace tellus::ui
