#pragma once
// [SECTION] The accessible widget layer.
// Every interactive item on screen is drawn through tellus::ui and recorded, per
// frame and in reading order, as a Node. The same node list drives read-aloud of
// focus and touch, keypad focus, switch scanning, the size and contrast checks,
// the --a11y-dump file and the tests that find "Send" by its label and press it.
// Screens call only these functions; none of them calls ImGui directly.
#include <functional>
#include <string>
#include <vector>

namespace tellus::ui {

enum class Role { kButton, kChoice, kCheckbox, kTextField, kKey, kHeading, kText, kImage };
const char* ToString(Role role);

struct Rect { float x = 0, y = 0, w = 0, h = 0; };

struct Node {
  std::string id;                                  // stable within a screen, e.g. "choice.service.ia"
  Role role = Role::kText;
  std::string label;                               // what is shown
  std::string spoken;                              // what is read aloud (never empty for interactive nodes)
  Rect rect;                                       // screen pixels
  bool enabled = true;
  bool focused = false;
  bool selected = false;                           // a chosen option, a ticked box
  bool interactive() const { return role == Role::kButton || role == Role::kChoice || role == Role::kCheckbox || role == Role::kTextField || role == Role::kKey; }
};

// Options shared by the interactive widgets.
struct ItemStyle {
  std::string pictogram;                           // pictogram id, drawn left of the label
  bool primary = false;                            // the main action of a screen (e.g. Send)
  bool enabled = true;
  bool wide = false;                               // take the full row
};

// --- Widgets (all return true on the frame they are activated) --------------
void Heading(const std::string& text, const std::string& pictogram = {});                 // screen title with its pictogram
void Sentence(const std::string& text, const std::string& pictogram = {});                // one Easy Read sentence, optional pictogram
bool Button(const std::string& id, const std::string& label, const std::string& spoken, const ItemStyle& style = {});
bool Choice(const std::string& id, const std::string& label, const std::string& spoken, bool selected, const ItemStyle& style = {});
bool Checkbox(const std::string& id, const std::string& label, const std::string& spoken, bool checked, const ItemStyle& style = {});
// A text box shows `text` and "12 of 500"; touching it returns true so the screen can ask for the keyboard.
bool TextField(const std::string& id, const std::string& label, const std::string& spoken, const std::string& text, int limit, bool multiline);
// The on-screen keyboard (large keys: letters, numbers, common symbols, shift,
// backspace, space, done) merged with typing on a physical keyboard this frame.
struct KeyboardInput {
  std::string typed;                               // UTF-8 typed this frame
  int backspaces = 0;
  bool done = false;
};
KeyboardInput Keyboard(const std::string& id_prefix);
void BigCode(const std::string& grouped_text);     // a reference or tracking code, large and grouped
void QrCode(const std::string& text);              // QR of a reference (libqrencode)
void Spacer(float height_in_lines);
void SameLine();                                   // lay the next item beside the last

// --- The node log -----------------------------------------------------------
const std::vector<Node>& CurrentFrameNodes();      // being built this frame
const std::vector<Node>& LastFrameNodes();         // last complete frame

}  // namespace tellus::ui
