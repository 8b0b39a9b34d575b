// [SECTION] The on-screen keyboard, merged with a physical keyboard.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

namespace {

// Ten keys a row; the last row holds the wide control keys.
const char* const kRows[] = {"1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.?", "-@!&()/:;\""};

std::string Upper(char c) { return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c)))); }

}  // namespace

KeyboardInput Keyboard(const std::string& id_prefix) {
  Context& c = Ctx();
  if (!c.keyboard_shown_last) c.typing_scroll_pending = true;
  c.keyboard_shown_now = true;
  KeyboardInput input;
  bool& shift = c.shift[id_prefix];
  // Docked above the bottom bar in its own window; the content above shrinks and scrolls.
  const float sp = Spacing();
  const float key_h = std::max(MinTargetPixels(), BodyFont()->FontSize * 1.9f);
  const float height = std::round(key_h * 6 + sp * 5 + sp * 2);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  c.keyboard_height = height;
  ImGui::SetNextWindowPos(ImVec2(0, display.y - BottomBarHeight() - height));
  ImGui::SetNextWindowSize(ImVec2(display.x, height));
  const float margin = std::round(display.x * 0.04f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, sp));
  ImGui::Begin(("##keyboard." + id_prefix).c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  const bool same_line_outside = c.same_line_next;
  c.same_line_next = false;
  const float row = RowWidth();
  const float unit = std::floor(std::min((row - 9 * sp) / 10, MinTargetPixels() * 2.4f));
  const float offset = std::floor((row - (unit * 10 + sp * 9)) / 2);

  for (const char* keys : kRows) {
    for (int i = 0; keys[i]; ++i) {
      if (i == 0) {
        c.same_line_next = false;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + offset);
      } else {
        SameLine();
      }
      const char ch = keys[i];
      const bool letter = std::isalpha(static_cast<unsigned char>(ch));
      const std::string label = letter && shift ? Upper(ch) : std::string(1, ch);
      if (KeyButton(id_prefix + ".key." + std::string(1, ch), label, label, unit, false)) {
        input.typed += label;
        if (letter) shift = false;                 // one capital, as on a phone
      }
    }
  }
  const WidgetLabels& l = c.labels;
  c.same_line_next = false;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + offset);
  if (KeyButton(id_prefix + ".shift", l.shift, l.shift_spoken, unit * 2 + sp, shift)) shift = !shift;
  SameLine();
  if (KeyButton(id_prefix + ".space", l.space, l.space_spoken, unit * 4 + sp * 3, false)) input.typed += " ";
  SameLine();
  if (KeyButton(id_prefix + ".backspace", l.backspace, l.backspace_spoken, unit * 2 + sp, false)) ++input.backspaces;
  SameLine();
  if (KeyButton(id_prefix + ".done", l.done, l.done_spoken, unit * 2 + sp, false)) input.done = true;

  ImGui::End();
  c.same_line_next = same_line_outside;

  // The physical keyboard: characters, Backspace, and Enter when focus is not on a key.
  input.typed += c.physical_typed;
  if (c.physical_backspace) ++input.backspaces;
  if (c.enter && c.activate_now.empty()) input.done = true;
  return input;
}

}  // namespace tellus::ui
