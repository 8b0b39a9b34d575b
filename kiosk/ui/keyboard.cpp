// [SECTION] The on-screen keyboard, merged with a physical keyboard.
// A field's kind (core/journey.h) picks the board, the language's layout
// (easyread/catalog.h, [keyboard.layout] in kiosk.toml) gives its keys: rows of
// equal keys, then one row of wide control keys that fills the same width.
//
// Index: [boards] [drawing] [Keyboard]
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/journey.h"
#include "easyread/catalog.h"
#include "easyread/letters.h"
#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

namespace {

// --- [boards] -------------------------------------------------------------------

enum class Page { kLetters = 0, kSymbols = 1, kLatin = 2 };

struct Key {
  enum class Does { kType, kShift, kBackspace, kPage };
  std::string id;                                  // after the prefix: "key.ą", "shift"
  std::string label, spoken;
  std::string types;                               // what it types (kType)
  Does does = Does::kType;
  Page to = Page::kLetters;                        // kPage: where it goes
  float weight = 1;                                // width in key units
  bool selected = false;                           // Shift while on
};

struct Board {
  std::vector<std::vector<Key>> rows;              // the last one holds the control keys
  int columns = 10;                                // key units across (the widest row)
  float height_scale = 1;                          // the number pad's keys are taller
  bool centre_rows = true;                         // false: a grid, every row from the left edge
  float max_unit_in_min_targets = 2.4f;            // keys no wider than this many minimum targets
};

// Read aloud: a sign by its name ("at"), a capital as "capital Ą", an ending with its "@" named.
std::string KeySpoken(const std::string& label, const WidgetLabels& l) {
  if (auto it = l.sign_names.find(label); it != l.sign_names.end()) return it->second;
  if (IsCapital(label)) {
    std::string said = l.capital;
    const std::size_t slot = said.find("{letter}");
    return slot == std::string::npos ? label : said.replace(slot, 8, label);
  }
  const auto at = l.sign_names.find("@");
  if (label.size() > 1 && label[0] == '@' && at != l.sign_names.end()) return at->second + " " + label.substr(1);
  return label;
}

Key Char(const std::string& letter, bool capital, const WidgetLabels& l) {
  Key k;
  k.id = "key." + letter;
  k.label = capital ? UpperCase(letter) : letter;
  k.spoken = KeySpoken(k.label, l);
  k.types = k.label;
  return k;
}

Key Control(const std::string& id, const std::string& label, const std::string& spoken, Key::Does does, float weight) {
  Key k;
  k.id = id;
  k.label = label;
  k.spoken = spoken;
  k.does = does;
  k.weight = weight;
  return k;
}

Key PageKey(const std::string& id, const std::string& label, const std::string& spoken, Page to, float weight) {
  Key k = Control(id, label, spoken, Key::Does::kPage, weight);
  k.to = to;
  return k;
}

std::vector<Key> CharRow(const std::string& row, bool capitals, const WidgetLabels& l) {
  std::vector<Key> keys;
  for (const std::string& letter : SplitLetters(row)) keys.push_back(Char(letter, capitals, l));
  return keys;
}

// Only a-z and 0-9 of a Latin row: email addresses and references use nothing else.
std::string AsciiLettersOf(const std::string& row) {
  std::string out;
  for (char ch : row)
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  return out;
}

int WidestRow(const Board& b) {
  std::size_t widest = 10;
  for (std::size_t r = 0; r + 1 < b.rows.size(); ++r) widest = std::max(widest, b.rows[r].size());
  return static_cast<int>(widest);
}

// The control row's spare width goes to the keys of weight 0 (Space, or the email endings shared).
void FillControlRow(std::vector<Key>& row, int columns) {
  float used = 0;
  int flexible = 0;
  for (const Key& k : row) {
    used += k.weight;
    if (k.weight == 0) ++flexible;
  }
  const float share = flexible ? std::max(1.f, (static_cast<float>(columns) - used) / static_cast<float>(flexible)) : 0;
  for (Key& k : row)
    if (k.weight == 0) k.weight = share;
}

// The last row of every lettered board: its controls, then Delete; the board is as wide
// as its widest row and the controls share what is left.
Board FinishBoard(Board b, std::vector<Key> controls, const WidgetLabels& l) {
  controls.push_back(Control("backspace", l.backspace, l.backspace_spoken, Key::Does::kBackspace, 2));
  b.rows.push_back(std::move(controls));
  b.columns = WidestRow(b);
  FillControlRow(b.rows.back(), b.columns);
  return b;
}

Board TextBoard(const KeyboardLayout& layout, Page page, bool shift, const WidgetLabels& l) {
  Board b;
  const bool has_latin = !layout.latin.empty();
  if (page == Page::kLatin && !has_latin) page = Page::kLetters;
  if (page == Page::kSymbols) {
    for (const std::string& row : layout.symbols) b.rows.push_back(CharRow(row, false, l));
  } else if (page == Page::kLatin) {
    for (const std::string& row : layout.latin) b.rows.push_back(CharRow(row, shift, l));
  } else {
    if (!layout.accents.empty()) b.rows.push_back(CharRow(layout.accents, shift, l));
    for (const std::string& row : layout.letters) b.rows.push_back(CharRow(row, shift, l));
  }
  std::vector<Key> controls;
  if (page == Page::kSymbols) {
    controls.push_back(PageKey("letters", l.letters, l.letters_spoken, Page::kLetters, 2));
  } else {
    Key shift_key = Control("shift", l.shift, l.shift_spoken, Key::Does::kShift, 2);
    shift_key.selected = shift;
    controls.push_back(shift_key);
    controls.push_back(PageKey("symbols", l.symbols, l.symbols_spoken, Page::kSymbols, 1.5f));
    if (page == Page::kLatin) controls.push_back(PageKey("letters", l.letters, l.letters_spoken, Page::kLetters, 1.5f));
    else if (has_latin) controls.push_back(PageKey("latin", l.latin, l.latin_spoken, Page::kLatin, 1.5f));
  }
  controls.push_back(Control("space", l.space, l.space_spoken, Key::Does::kType, 0));
  controls.back().types = " ";
  return FinishBoard(std::move(b), std::move(controls), l);
}

// Digits, then the Latin letters (a-z only) with @ . - _ on the last row, then the endings.
Board EmailBoard(const KeyboardLayout& layout, const WidgetLabels& l) {
  Board b;
  b.rows.push_back(CharRow("1234567890", false, l));
  const std::vector<std::string>& latin = layout.LatinRows();
  for (std::size_t r = 0; r < latin.size(); ++r) {
    std::string row = AsciiLettersOf(latin[r]);
    if (r + 1 == latin.size()) row += "@.-_";
    if (!row.empty()) b.rows.push_back(CharRow(row, false, l));
  }
  std::vector<Key> controls;
  for (const std::string& ending : layout.email_endings) {
    Key k = Char(ending, false, l);
    k.weight = 0;
    controls.push_back(k);
  }
  return FinishBoard(std::move(b), std::move(controls), l);
}

// References and tracking codes: digits and capitals (ids stay small letters), dash, space.
Board CodeBoard(const KeyboardLayout& layout, const WidgetLabels& l) {
  Board b;
  b.rows.push_back(CharRow("1234567890", false, l));
  for (const std::string& row : layout.LatinRows()) {
    std::string letters;
    for (char ch : AsciiLettersOf(row))
      if (ch >= 'a' && ch <= 'z') letters += ch;
    if (letters.empty()) continue;
    b.rows.push_back(CharRow(letters, true, l));
    for (Key& k : b.rows.back()) k.spoken = k.label;  // every letter of a code is a capital: just say it
  }
  std::vector<Key> controls;
  controls.push_back(Char("-", false, l));
  controls.back().weight = 1.5f;
  controls.push_back(Control("space", l.space, l.space_spoken, Key::Does::kType, 0));
  controls.back().types = " ";
  return FinishBoard(std::move(b), std::move(controls), l);
}

// A phone's number pad: four columns of big keys, the fourth for Delete, Space and +.
Board NumberBoard(const WidgetLabels& l) {
  Board b;
  const char* const digits[] = {"123", "456", "789"};
  for (const char* row : digits) b.rows.push_back(CharRow(row, false, l));
  b.rows[0].push_back(Control("backspace", l.backspace, l.backspace_spoken, Key::Does::kBackspace, 1));
  b.rows[1].push_back(Control("space", l.space, l.space_spoken, Key::Does::kType, 1));
  b.rows[1].back().types = " ";
  b.rows[2].push_back(Char("+", false, l));
  std::vector<Key> last = {Char("0", false, l)};
  last[0].weight = 3;
  b.rows.push_back(std::move(last));
  b.columns = 4;
  b.height_scale = 1.25f;
  b.centre_rows = false;
  b.max_unit_in_min_targets = 3.5f;
  return b;
}

Board MakeBoard(KeyboardKind kind, const KeyboardLayout& layout, Page page, bool shift, const WidgetLabels& l) {
  switch (kind) {
    case KeyboardKind::kNumber: return NumberBoard(l);
    case KeyboardKind::kEmail: return EmailBoard(layout, l);
    case KeyboardKind::kCode: return CodeBoard(layout, l);
    case KeyboardKind::kText: break;
  }
  return TextBoard(layout, page, shift, l);
}

// --- [drawing] ------------------------------------------------------------------

// A line of body text (Andika's line is 1.6 em) with a little room: 15 mm at the standard size.
float KeyHeight() { return std::max(MinTargetPixels(), std::round(BodyFont()->FontSize * 1.25f)); }

float BoardHeight(const Board& b) {
  const float rows = static_cast<float>(b.rows.size());
  return std::round(KeyHeight() * b.height_scale) * rows + Spacing() * (rows - 1);
}

// One key: a fixed size laid out by the board, recorded as a kKey node.
bool KeyButton(const std::string& id, const std::string& label, const std::string& spoken, ImVec2 size, bool selected) {
  const float min = MinTargetPixels();
  size = ImVec2(std::max(size.x, min), std::max(size.y, min));
  const ImVec2 pos = PlaceItem(size);
  const bool clicked = Interact(id, Role::kKey, label, spoken, pos, size, true, selected, Shortcut::kNone);
  const Theme& theme = CurrentTheme();
  const Colour fill = selected ? theme.selected : theme.button;
  const Colour text = selected ? theme.selected_text : theme.button_text;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(pos, max, Col(fill), 8.f);
  dl->AddRect(pos, max, Col(theme.button_border), 8.f, 0, ImGui::IsItemActive() ? 6.f : 2.f);
  ImFont* font = BodyFont();
  const char* begin = label.c_str();
  const char* end = begin + label.size();
  // A long key name (a translated Shift at the largest text size) shrinks to fit rather than spill over.
  float font_size = font->FontSize;
  ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, 0, begin, end);
  const float room = size.x - Pad() * 2;
  if (ts.x > room && ts.x > 0) {
    font_size = std::floor(font_size * std::max(0.6f, room / ts.x));
    ts = font->CalcTextSizeA(font_size, FLT_MAX, 0, begin, end);
  }
  dl->AddText(font, font_size, ImVec2(std::round(pos.x + (size.x - ts.x) / 2), std::round(pos.y + (size.y - ts.y) / 2)),
              Col(text), begin, end);
  Ctx().current.back().font_px = EmPixels(font) * font_size / font->FontSize;  // the size the words really have
  return clicked;
}

}  // namespace

// --- [Keyboard] -------------------------------------------------------------------

KeyboardInput Keyboard(const std::string& id_prefix, KeyboardKind kind, const KeyboardLayout& layout) {
  Context& c = Ctx();
  bool& shift = c.shift[id_prefix];
  int& page_number = c.key_page[id_prefix];
  if (!c.keyboard_shown_last) {
    c.typing_scroll_pending = true;
    page_number = static_cast<int>(Page::kLetters);  // a keyboard opens on its letters
    shift = false;
  }
  c.keyboard_shown_now = true;
  KeyboardInput input;
  const WidgetLabels& l = c.labels;
  const Page page = static_cast<Page>(page_number);
  const Board board = MakeBoard(kind, layout, page, shift, l);

  // The window is as tall as the tallest page of this kind, so switching pages never moves it.
  float height = BoardHeight(board);
  if (kind == KeyboardKind::kText)
    for (Page other : {Page::kLetters, Page::kSymbols, Page::kLatin})
      height = std::max(height, BoardHeight(TextBoard(layout, other, false, l)));
  const float sp = Spacing();
  height = std::round(height + sp * 2);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  c.keyboard_height = height;
  // Docked above the bottom bar in its own window; the content above shrinks and scrolls.
  ImGui::SetNextWindowPos(ImVec2(0, display.y - BottomBarHeight() - height));
  ImGui::SetNextWindowSize(ImVec2(display.x, height));
  const float margin = std::round(display.x * 0.04f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, sp));
  ImGui::Begin(("##keyboard." + id_prefix).c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  const bool same_line_outside = c.same_line_next;
  c.same_line_next = false;

  const float row_width = RowWidth();
  const float columns = static_cast<float>(board.columns);
  const float unit = std::floor(
      std::min((row_width - (columns - 1) * sp) / columns, MinTargetPixels() * board.max_unit_in_min_targets));
  const float key_h = std::round(KeyHeight() * board.height_scale);
  const float grid_width = unit * columns + sp * (columns - 1);
  const auto width_of = [&](float weight) { return std::floor(weight * unit + (weight - 1) * sp); };

  bool typed_letter = false;
  for (const std::vector<Key>& row : board.rows) {
    float row_w = 0;
    for (const Key& k : row) row_w += width_of(k.weight);
    row_w += sp * static_cast<float>(row.size() - 1);
    const float offset = std::floor((row_width - (board.centre_rows ? row_w : grid_width)) / 2);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Key& k = row[i];
      if (i == 0) {
        c.same_line_next = false;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + offset);
      } else {
        SameLine();
      }
      if (!KeyButton(id_prefix + "." + k.id, k.label, k.spoken, ImVec2(width_of(k.weight), key_h), k.selected)) continue;
      switch (k.does) {
        case Key::Does::kType:
          input.typed += k.types;
          if (k.types != " ") typed_letter = true;
          break;
        case Key::Does::kShift: shift = !shift; break;
        case Key::Does::kBackspace: ++input.backspaces; break;
        case Key::Does::kPage: page_number = static_cast<int>(k.to); break;
      }
    }
  }
  if (typed_letter) shift = false;                 // one capital, as on a phone

  ImGui::End();
  c.same_line_next = same_line_outside;

  // The physical keyboard: characters, Backspace, and Enter when focus is not on a key.
  input.typed += c.physical_typed;
  if (c.physical_backspace) ++input.backspaces;
  if (c.enter && c.activate_now.empty()) input.done = true;
  return input;
}

}  // namespace tellus::ui
