#pragma once
// [SECTION] The accessible widget layer.
// Every interactive item on screen is drawn through tellus::ui and recorded, per
// frame and in reading order, as a Node. The same node list drives read-aloud of
// focus and touch, keypad focus, switch scanning, the size and contrast checks,
// the --a11y-dump file and the tests that find "Send" by its label and press it.
// Screens call only these functions; none of them calls ImGui directly.
//
// Index: [widgets] [node log] [frame and layout] [focus, keys and touch] [settings]
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/theme.h"

namespace tellus {
enum class KeyboardKind;                           // core/journey.h: which keyboard a field needs
struct KeyboardLayout;                             // easyread/catalog.h: a language's keys
}  // namespace tellus

namespace tellus::ui {

enum class Role { kButton, kChoice, kCheckbox, kTextField, kKey, kHeading, kText, kImage };
const char* ToString(Role role);

struct Rect { float x = 0, y = 0, w = 0, h = 0; };

struct Node {
  std::string id;                                  // stable within a screen, e.g. "choice.service.ia"
  Role role = Role::kText;
  std::string label;                               // what is shown
  std::string spoken;                              // what is read aloud (never empty for interactive nodes)
  std::string value;                               // a text box's text (never in the JSON dump: it may be personal)
  std::string pictogram;                           // the picture drawn with it (pictogram id), empty: none
  float font_px = 0;                               // height of the font its words were drawn in (0: no words)
  float picture_px = 0;                            // side of its picture as drawn (0: none)
  bool primary = false;                            // the screen's main forward action, drawn in the dock
  bool looks_disabled = false;                     // drawn faded with a dashed edge (what a disabled item must look like)
  bool active_field = false;                       // a text box being typed into: focus ring and caret
  Rect rect;                                       // screen pixels
  bool enabled = true;
  bool focused = false;
  bool selected = false;                           // a chosen option, a ticked box
  bool interactive() const { return role == Role::kButton || role == Role::kChoice || role == Role::kCheckbox || role == Role::kTextField || role == Role::kKey; }
};

// Keypad commands that a widget can answer to (Escape = Back, F1 or '?' = Help, F2 or 'R' = Repeat).
enum class Shortcut { kNone, kBack, kHelp, kRepeat };

// Options shared by the interactive widgets.
struct ItemStyle {
  std::string pictogram;                           // pictogram id, drawn left of the label
  bool enabled = true;
  std::string disabled_reason;                     // said when a disabled item is touched or scanned ("You are at the start")
  bool tile = false;                               // picture above a centred label (welcome's ways in and settings)
  float picture_scale = 1;                         // tiles: 2 = twice the usual button picture
  bool compact = false;                            // less padding (the date grid's day cells); still >= 15 mm
  float height = 0;                                // 0: fit the label; else at least this (the bar's buttons match the dock)
  bool wide = false;                               // take the full row
  Shortcut shortcut = Shortcut::kNone;             // also activated by this keypad command
  float width_fraction = 0;                        // 0: fit the label; else this share of the row (0.5 = half)
};

// --- [widgets] (all return true on the frame they are activated) ------------
// Easy Read scale at the standard text size (1080 px high): body 32 px, headings 48 px,
// a 96 px picture left of every sentence, 64 px in buttons, 128 px beside the heading;
// "large" and "largest" are 1.25x and 1.5x. Measured from the body font so they follow it.
float SentencePicturePx();
float ButtonPicturePx();
float HeadingPicturePx();
void Heading(const std::string& text, const std::string& pictogram = {});                 // screen title with its pictogram
void Sentence(const std::string& text, const std::string& pictogram = {});                // one Easy Read sentence, optional pictogram
// Where the person is ("Step 4 of 9") with the section's picture, in a fixed strip at the
// top of the screen that never scrolls. Call first, before anything else on the screen.
void ProgressLine(const std::string& text, const std::string& spoken, const std::string& pictogram);
// The main forward action (Next, Send, Check, Finish): one button in one fixed place on
// every screen (DockRect), in a colour no other button uses, with a white picture and a
// centred label; never under the keyboard and never scrolled. At most one per screen.
bool DockButton(const std::string& id, const std::string& label, const std::string& spoken, const ItemStyle& style = {});
Rect DockRect();
// A row of a summary ("Check your answers"): picture | label over the answer | Change on
// the right. A long answer is cut to one line with "See all". Returns which was pressed.
enum class RowAction { kNone, kChange, kSeeAll };
struct SummaryRowLabels {
  std::string change, change_spoken;               // "Change", "Change what happened"
  std::string change_pictogram;
  std::string see_all, see_all_spoken;             // "See all", "See all of what happened"
};
// Ids: "<prefix>.answer.<name>", "<prefix>.change.<name>", "<prefix>.see_all.<name>".
RowAction SummaryRow(const std::string& prefix, const std::string& name, const std::string& label, const std::string& answer,
                     const std::string& pictogram, const SummaryRowLabels& labels, bool enabled = true,
                     float width_fraction = 1);
bool Button(const std::string& id, const std::string& label, const std::string& spoken, const ItemStyle& style = {});
bool Choice(const std::string& id, const std::string& label, const std::string& spoken, bool selected, const ItemStyle& style = {});
bool Checkbox(const std::string& id, const std::string& label, const std::string& spoken, bool checked, const ItemStyle& style = {});
// A text box shows `text` and "12 of 500"; touching it returns true so the screen can ask for the keyboard.
// `active`: the box being typed into, drawn with a focus ring and the only caret on screen.
bool TextField(const std::string& id, const std::string& label, const std::string& spoken, const std::string& text, int limit, bool multiline,
               bool active = false);
// The on-screen keyboard for one field, docked above the bottom bar, merged with
// typing on a physical keyboard this frame (its Enter ends typing: `done`).
//   kText: the language's letters (an accents row above them, Shift shows capitals),
//          a "123" page of signs and, where the layout has one, a Latin page;
//   kNumber: a number pad (0-9, +, space, delete) with big keys;
//   kEmail: Latin letters, digits, @ . - _ and whole endings such as "@gmail.com";
//   kCode: capitals and digits (references and tracking codes), dash, space, delete.
// Keys are ids "<prefix>.key.<small letter>", "<prefix>.shift", ".space", ".backspace",
// ".symbols", ".letters", ".latin". There is no Done key: the screen's Next is the way on.
struct KeyboardInput {
  std::string typed;                               // UTF-8 typed this frame
  int backspaces = 0;
  bool done = false;                               // Enter on a physical keyboard
};
KeyboardInput Keyboard(const std::string& id_prefix, KeyboardKind kind, const KeyboardLayout& layout);
// Words the widget layer itself shows (from the catalog's kiosk.toml; English until set).
struct WidgetLabels {
  std::string shift = "Shift", space = "Space", backspace = "Delete";
  std::string symbols = "123", letters = "ABC", latin = "ABC";   // keyboard pages: signs, own letters, Latin letters
  std::string shift_spoken = "Capital letters", space_spoken = "Space", backspace_spoken = "Delete the last letter",
              symbols_spoken = "Numbers and signs", letters_spoken = "Letters",
              latin_spoken = "Latin letters, for email addresses";
  std::map<std::string, std::string> sign_names;   // keys read aloud by name: "@" -> "at" (easyread/spoken.h)
  std::string capital = "capital {letter}";        // a key showing a capital, read aloud
  std::string count = "{used} of {limit}";         // under a text box
  std::string qr = "QR code of your reference";
};
void SetWidgetLabels(const WidgetLabels& labels);
// A reference or tracking code, large and grouped; `spoken` (e.g. letter by letter) defaults to the text.
void BigCode(const std::string& grouped_text, const std::string& spoken = {});
void QrCode(const std::string& text);              // QR of a reference (libqrencode)
void Spacer(float height_in_lines);
// "We can hear you": a row-wide bar rising with `level` (0..100) under a line of text
// (e.g. "Recording 0:12 of 3:00"). A kImage node whose value is the level. level_meter.cpp
void LevelMeter(const std::string& id, int level, const std::string& label, const std::string& spoken,
                const std::string& pictogram = {});
// Side by side: BeginColumns(2) ... NextColumn() ... EndColumns(); items inside take the
// column's width and the layout continues under the tallest column.
void BeginColumns(int count);
void NextColumn();
void EndColumns();
// A framed box set apart from the rest (the staff's reply), drawn behind what is inside.
void BeginBox();
void EndBox();
// The stages of a procedure in a row, with the current one marked and spoken as such.
struct TimelineStage {
  std::string label;                               // "Informal stage 1"
  std::string spoken;                              // "Stage 1 of 3, informal stage 1, you are here"
  std::string pictogram;
  bool done = false, current = false;
};
void Timeline(const std::vector<TimelineStage>& stages, const std::string& current_note);
void SameLine();                                   // lay the next item beside the last
// A text cell taking `width_fraction` of the row, centred (column labels such as the date
// grid's weekday initials); empty text leaves a blank cell. grid.cpp
void ColumnLabel(const std::string& id, const std::string& text, const std::string& spoken, float width_fraction);
// True when the item drawn last is disabled and was touched this frame: the screen says why.
bool LastItemTouchedWhileDisabled();

// "12 of 500" style count; the text field shows it, exposed for screens and tests.
std::string LimitText(int used, int limit);
// Counts code points (what a person sees as letters), not bytes.
int CountCodePoints(const std::string& utf8);

// --- [node log] ---------------------------------------------------------------
const std::vector<Node>& CurrentFrameNodes();      // being built this frame
const std::vector<Node>& LastFrameNodes();         // last complete frame
const Node* FindNode(const std::vector<Node>& nodes, const std::string& id);
// JSON of the last complete frame: {"screen":..., "theme":..., "nodes":[{id, role, label, spoken, x, y, w, h, enabled, focused, selected}]}
// `typed`: what the person typed (every journey field); a label or spoken line showing any
// of it is written as "[typed text]". A text box's value is never written.
std::string NodesToJson(const std::vector<Node>& nodes, const std::string& screen,
                        const std::vector<std::string>& typed = {});
// True when the last frame's nodes differ from the frame before in ids, labels, states or rects.
bool LastFrameChanged();

// --- [frame and layout] -------------------------------------------------------
// Opens the full-screen content window (above the bottom bar) and reads keypad
// input; EndFrame closes it and publishes the node log. An ImGui frame must be open.
// `top_strip`: the screen will draw a ProgressLine, so the content starts below it from
// this frame on (known before anything is laid out, so nothing jumps under a finger).
void BeginFrame(double now_seconds, bool top_strip = false);
void EndFrame();
// The fixed bar at the bottom of every screen (Back, Start again, Help, Listen).
void BeginBottomBar();
void EndBottomBar();
// A modal panel (idle warning, staff mode) drawn instead of the screen.
void BeginPanel(const std::string& id);
void EndPanel();
float BottomBarHeight();
float ContentTop();                                // below the progress strip when one shows
float ColumnLeftForTests();                        // left edge of the content column
// Where the scrolling content ends: above the bar, and above the keyboard while one shows.
// Items below it (or above 0) are scrolled out of view; SetFocus scrolls to them, as does
// dragging a finger on the content or its scrollbar.
float ContentBottom();

// --- [focus, keys and touch] --------------------------------------------------
const std::string& FocusedId();
void SetFocus(const std::string& id);              // moves focus; the next frame scrolls it into view
void ActivateNextFrame(const std::string& id);     // as if pressed (switch scanning, Enter)
bool CommandPressed(Shortcut shortcut);            // this frame's keypad command, whether or not a widget took it
bool KeyboardShown();                              // an on-screen keyboard was drawn last frame (typing keys are text)
// Touch-to-hear: first touch focuses and speaks, a second touch (or Enter) activates.
void SetTouchToHear(bool on);
bool TouchToHear();
// Switch scanning: a thick highlight moves over the interactive items in reading order
// (the node log's order: the content top to bottom, then the bottom bar), scrolling each
// into view, and speaks it. Keys from a switch interface:
//   kAuto (one switch): the highlight moves every `seconds`; Space or Enter chooses.
//   kStep (two switches): Tab or Enter moves on (Shift+Tab back); Space chooses.
void SetScanning(ScanMode mode, double seconds);   // each frame; a change of mode restarts the scan
ScanMode Scanning();
void RestartScan();                                // a new screen: the highlight starts again at the top
void ScrollToTop();                                // a new screen: its first frame starts unscrolled
void HoldScan(double now_seconds);                 // speech is playing: the next automatic move waits
double SecondsToNextScan(double now_seconds);      // <0: no automatic move pending
// The ids scanning visits, in order (interactive and enabled), and the one after `current` (wrapping).
std::vector<std::string> ScanOrder(const std::vector<Node>& nodes);
std::string NextScanId(const std::vector<Node>& nodes, const std::string& current, bool backwards = false);
// Read-aloud word highlight: while `text` is heard, the word starting at byte `offset`
// is highlighted wherever a heading or sentence shows exactly that text. Empty: none.
void SetSpokenWord(const std::string& text, int offset);
std::optional<Rect> SpokenWordRect();              // where the last complete frame highlighted it
// Text to read aloud because focus moved or an item was touched; the app passes it to the Speaker.
std::vector<std::string> TakeSpeechRequests();
// Any pointer or key input this frame (resets the idle timer).
bool InputThisFrame();
bool StaffComboPressed();                          // Ctrl+Alt+S: staff mode for keypad users
// Key presses from the platform's key callback, so a press and release that both land
// between two frames still count (ImGui 1.86 only sees KeysDown at frame time).
void QueueKeyPress(int glfw_key, bool ctrl, bool alt, bool shift);

// --- [settings] -----------------------------------------------------------------
struct Settings {
  ThemeId theme = ThemeId::kStandard;
  TextSize text_size = TextSize::kStandard;
  float display_width_px = 1920, display_height_px = 1080;
  float diagonal_inches = 21.5f;                   // of the physical screen, for the 15 mm minimum
  std::string pictogram_dir;                       // ${TELLUS_PICTOGRAM_DIR}; empty: no pictures
  bool textures = false;                           // true once a GL context exists
};
void Configure(const Settings& settings);
const Settings& CurrentSettings();
const Theme& CurrentTheme();
float PixelsPerMillimetre();                       // from the configured display size and diagonal
float MinTargetPixels();                           // 15 mm at the configured DPI
void SetTheme(ThemeId theme);
void SetTextSize(TextSize size);
void ResetSession();                               // a journey ended: clears focus, nodes, shift and touch-to-hear
void ResetForTests();                              // the same, for a fresh test

}  // namespace tellus::ui
