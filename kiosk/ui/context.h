#pragma once
// Internal to kiosk/ui: the widget layer's per-process state and the helpers the
// widget files share. Screens never include this.
#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/a11y.h"

namespace tellus::ui::detail {

struct Context {
  Settings settings;
  std::vector<Node> current, last;
  bool last_changed = false;
  bool in_frame = false;
  bool content_open = false;
  bool in_bar = false;
  bool bar_first = true;
  bool same_line_next = false;
  double now = 0;
  float content_top_last = 0;                      // where the content starts this frame (BeginFrame's top_strip)
  bool scroll_to_top = false;                      // ScrollToTop: the next content window starts at 0
  bool hide_scrollbar = false;                     // last frame's content overflowed by no more than its padding
  struct Columns {
    int count = 0, at = 0;
    float x0 = 0, y0 = 0, width = 0, bottom = 0;
  } columns;                                       // BeginColumns .. EndColumns
  struct Box {
    bool open = false;
    ImVec2 start;
  } box;

  std::string focused;
  bool scroll_to_focus = false;
  std::string activate_next, activate_now;
  Shortcut command = Shortcut::kNone;
  bool staff_combo = false;
  bool input = false;
  bool enter = false;                              // Enter pressed this frame
  bool physical_backspace = false;
  std::string physical_typed;
  bool keyboard_shown_last = false, keyboard_shown_now = false;
  float keyboard_height = 0;
  std::string typing_field;                        // the text box last touched
  bool typing_scroll_pending = false;              // bring it into view above the keyboard                       // of the docked keyboard last drawn
  bool drag_scrolled = false;                      // this press became a scroll: no click at release
  bool touch_to_hear = false;
  std::string hovered_while_down;                  // touch-to-hear: the item last spoken under the finger
  std::string touch_spoken;                        // touch-to-hear: spoken at touch-down, focus it at release
  ScanMode scan_mode = ScanMode::kOff;
  double scan_seconds = 1.5;
  double next_scan_at = -1;                        // <0: start at the first item on the next frame
  bool scan_held = false;                          // HoldScan this frame: speech is playing
  std::string spoken_text;                         // word highlight (SetSpokenWord)
  int spoken_offset = -1;
  std::optional<Rect> spoken_rect_now, spoken_rect_last;
  std::vector<std::string> speech;
  struct QueuedKey {
    int key;
    bool ctrl, alt, shift;
  };
  std::vector<QueuedKey> queued_keys, frame_keys;  // from the platform; this frame's
  std::map<std::string, bool> shift;               // on-screen keyboard shift, by id prefix
  std::map<std::string, int> key_page;             // on-screen keyboard page (keyboard.cpp), by id prefix
  WidgetLabels labels;
};

Context& Ctx();
ImU32 Col(Colour c, float alpha = 1.f);
ImFont* BodyFont();
float EmPixels(ImFont* font);                      // the font's em in pixels (what "32 px text" means)
ImFont* HeadingFont();
float Pad();                                       // inner padding of a button
float Spacing();                                   // between items
float RingThickness();
// Places an item of `size` (honouring SameLine and wrapping) and returns its top-left.
ImVec2 PlaceItem(ImVec2 size);
float RowWidth();                                  // full content width
// Runs the hit test for an interactive item already placed at `pos` and records its node.
// Returns true when activated (click, Enter on focus, switch, shortcut).
// A disabled item is spoken with `disabled_reason` and says it when touched or chosen.
bool Interact(const std::string& id, Role role, const std::string& label, const std::string& spoken, ImVec2 pos,
              ImVec2 size, bool enabled, bool selected, Shortcut shortcut, const std::string& disabled_reason = {});
void DrawFocusRing(ImVec2 min, ImVec2 max);        // thick and doubled while switch scanning
void MoveFocusTo(const Node* node);                // focus, speak, scroll into view
void ScanInput();
bool KeyPressedThisFrame(int glfw_key);            // from the platform queue or ImGui's key state
bool KeyShiftHeld(int glfw_key);                                  // switch keys and the automatic move (scan.cpp)
// Where the word starting at byte `offset` of `text` lies when drawn wrapped at `wrap`
// (as ImDrawList::AddText wraps), relative to the text's top-left; nullopt if not in it.
std::optional<Rect> WordRectInText(ImFont* font, const std::string& text, float wrap, int offset);
void AddNode(Node node);
enum class Mark { kNone, kTick, kBox };
// The shared body of Button, Choice and Checkbox (widgets.cpp).
bool ButtonLike(const std::string& id, Role role, const std::string& label, const std::string& spoken,
                const ItemStyle& style, bool selected, Mark mark, ImFont* font);
// Draws a pictogram in a square (tinted for dark themes); reserves the space when no texture.
// Line art takes `line_colour` (the text colour of what it sits on).
void DrawPicture(const std::string& id, ImVec2 pos, float size, Colour line_colour, bool white_line = false,
                 float alpha = 1.f);
// A dashed rounded-free rectangle: the edge of a disabled item.
void DrawDashedRect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness);
ImVec2 MeasureText(ImFont* font, const std::string& text, float wrap);
void DrawText(ImFont* font, ImVec2 pos, Colour colour, const std::string& text, float wrap);
float ProgressStripHeight();
float ColumnWidth();                               // the centred content column, lines no longer than ~1,100 px
float ColumnLeft();

}  // namespace tellus::ui::detail
