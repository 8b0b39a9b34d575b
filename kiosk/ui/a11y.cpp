// [SECTION] Widget layer core: settings, frame, node log, keypad focus, touch-to-hear.
#include "kiosk/ui/a11y.h"

#include <GLFW/glfw3.h>  // key numbers only: the platform is GLFW and ImGui 1.86 indexes KeysDown by them
#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "kiosk/ui/context.h"
#include "kiosk/ui/fonts.h"

namespace tellus::ui {
namespace detail {

Context& Ctx() {
  static Context context;
  return context;
}

ImU32 Col(Colour c, float alpha) { return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255)); }

ImFont* BodyFont() {
  ImFont* f = Fonts().body[static_cast<int>(Ctx().settings.text_size)];
  return f ? f : ImGui::GetFont();
}

ImFont* HeadingFont() {
  ImFont* f = Fonts().heading[static_cast<int>(Ctx().settings.text_size)];
  return f ? f : ImGui::GetFont();
}

float EmPixels(ImFont* font) {
  const FontFaces& f = Fonts();
  for (int i = 0; i < 3; ++i) {
    if (font == f.body[i] && f.body_em[i] > 0) return f.body_em[i];
    if (font == f.heading[i] && f.heading_em[i] > 0) return f.heading_em[i];
  }
  if (font == f.code && f.code_em > 0) return f.code_em;
  return f.line_per_em > 0 ? font->FontSize / f.line_per_em : font->FontSize;
}

float Pad() { return std::round(BodyFont()->FontSize * 0.45f); }
float Spacing() { return std::round(std::max(12.f, PixelsPerMillimetre() * 3.f)); }
float RingThickness() { return std::max(5.f, std::round(PixelsPerMillimetre() * 1.5f)); }

float ColumnWidth() {
  const float display = ImGui::GetIO().DisplaySize.x;
  const float margin = std::round(display * 0.04f);
  return std::min(display - 2 * margin, std::round(display * 0.8f));
}

float ColumnLeft() { return std::round((ImGui::GetIO().DisplaySize.x - ColumnWidth()) / 2); }

float RowWidth() {
  const Context& c = Ctx();
  const float row = c.columns.count > 0 && c.content_open && !c.in_bar
                        ? c.columns.width
                        : ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
  return c.box.open ? row - Pad() * 2 : row;
}

ImVec2 PlaceItem(ImVec2 size) {
  Context& c = Ctx();
  const bool beside = c.same_line_next || c.in_bar;
  c.same_line_next = false;
  if (beside && !(c.in_bar && c.bar_first)) {
    const float right = ImGui::GetItemRectMax().x + Spacing() + size.x;
    const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (right <= limit + 0.5f) ImGui::SameLine(0, Spacing());
  }
  c.bar_first = false;
  return ImGui::GetCursorScreenPos();
}

void AddNode(Node node) { Ctx().current.push_back(std::move(node)); }

void MoveFocusTo(const Node* node) {
  if (!node) return;
  Context& c = Ctx();
  if (c.focused != node->id) c.speech.push_back(node->spoken);
  c.focused = node->id;
  c.scroll_to_focus = true;
}

void DrawFocusRing(ImVec2 min, ImVec2 max) {
  const bool scanning = Ctx().scan_mode != ScanMode::kOff;
  const float t = RingThickness() * (scanning ? 2.f : 1.f);
  const float gap = 3.f;
  const float o = gap + t * 0.5f;
  // A scan highlight is drawn above everything (never clipped by the bar's padding), with
  // a ring in the text colour inside it so it stands out on any button face.
  ImDrawList* dl = scanning ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
  dl->AddRect(ImVec2(min.x - o, min.y - o), ImVec2(max.x + o, max.y + o), Col(CurrentTheme().focus_ring), 8.f, 0, t);
  if (scanning) dl->AddRect(min, max, Col(CurrentTheme().text), 8.f, 0, 3.f);
}

bool Interact(const std::string& id, Role role, const std::string& label, const std::string& spoken, ImVec2 pos,
              ImVec2 size, bool enabled, bool selected, Shortcut shortcut, const std::string& disabled_reason) {
  Context& c = Ctx();
  ImGui::SetCursorScreenPos(pos);
  const bool pressed = ImGui::InvisibleButton(id.c_str(), size) && !c.drag_scrolled;
  bool clicked = pressed && enabled;
  // A disabled item says why when it is touched or chosen by a switch, and takes the focus ring.
  const std::string said = enabled || disabled_reason.empty() ? spoken : spoken + ". " + disabled_reason;
  if (!enabled && (pressed || c.activate_now == id)) {
    c.speech.push_back(said);
    c.focused = id;
  }
  const bool focused = c.focused == id;
  if (focused && c.scroll_to_focus) {
    ImGui::SetScrollHereY(0.5f);
    c.scroll_to_focus = false;
  }
  if (c.touch_to_hear) {
    // The finger may have gone down on another item and slid here: that item is active.
    const ImGuiIO& io = ImGui::GetIO();
    const bool under = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (under && io.MouseDown[0] && c.hovered_while_down != id) {
      c.hovered_while_down = id;                   // touching or sliding onto an item speaks it...
      if (!(focused && io.MouseClicked[0])) {      // ...unless this touch is the second one, which chooses
        c.speech.push_back(spoken);
        c.touch_spoken = id;
      }
    }
    if (clicked && !focused) {
      c.focused = id;                              // first touch: focus (spoken at touch-down), no action
      if (c.touch_spoken != id) c.speech.push_back(spoken);
      clicked = false;
    } else if (under && io.MouseReleased[0] && c.touch_spoken == id && !c.drag_scrolled) {
      c.focused = id;                              // a slide ends here: the next touch chooses it
    }
  }
  if (enabled && (c.activate_now == id || (shortcut != Shortcut::kNone && c.command == shortcut))) clicked = true;
  if (focused) DrawFocusRing(pos, ImVec2(pos.x + size.x, pos.y + size.y));

  Node node;
  node.id = id;
  node.role = role;
  node.label = label;
  node.spoken = spoken;
  node.rect = Rect{pos.x, pos.y, size.x, size.y};
  node.enabled = enabled;
  node.focused = focused;
  node.selected = selected;
  node.spoken = said;
  AddNode(std::move(node));
  return clicked;
}

}  // namespace detail

using namespace detail;

const char* ToString(Role role) {
  switch (role) {
    case Role::kButton: return "button";
    case Role::kChoice: return "choice";
    case Role::kCheckbox: return "checkbox";
    case Role::kTextField: return "text_field";
    case Role::kKey: return "key";
    case Role::kHeading: return "heading";
    case Role::kText: return "text";
    case Role::kImage: return "image";
  }
  return "text";
}

// --- settings -------------------------------------------------------------------
void Configure(const Settings& settings) { Ctx().settings = settings; }
void SetWidgetLabels(const WidgetLabels& labels) { Ctx().labels = labels; }
const Settings& CurrentSettings() { return Ctx().settings; }
const Theme& CurrentTheme() { return GetTheme(Ctx().settings.theme); }
void SetTheme(ThemeId theme) { Ctx().settings.theme = theme; }
void SetTextSize(TextSize size) { Ctx().settings.text_size = size; }

float PixelsPerMillimetre() {
  const Settings& s = Ctx().settings;
  const float diagonal_px = std::sqrt(s.display_width_px * s.display_width_px + s.display_height_px * s.display_height_px);
  return diagonal_px / (s.diagonal_inches * 25.4f);
}

float MinTargetPixels() { return std::ceil(15.f * PixelsPerMillimetre()); }

void ResetForTests() { ResetSession(); }

void ResetSession() {
  Context& c = Ctx();
  const Settings settings = c.settings;
  const WidgetLabels labels = c.labels;
  c = Context{};
  c.settings = settings;
  c.labels = labels;
}

// --- node log ---------------------------------------------------------------------
const std::vector<Node>& CurrentFrameNodes() { return Ctx().current; }
const std::vector<Node>& LastFrameNodes() { return Ctx().last; }
bool LastFrameChanged() { return Ctx().last_changed; }

const Node* FindNode(const std::vector<Node>& nodes, const std::string& id) {
  for (const Node& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

std::string NodesToJson(const std::vector<Node>& nodes, const std::string& screen,
                        const std::vector<std::string>& typed) {
  // A label or spoken line that shows what a person typed (a review row, a "See all" view,
  // a summary cut short with "...") is left out whole: the file is for tests and tools.
  auto shows_typed = [&](const std::string& text) {
    for (const std::string& t : typed) {
      if (t.size() < 3) continue;
      if (text.find(t) != std::string::npos) return true;
      if (t.size() > 8 && text.find(t.substr(0, 8)) != std::string::npos) return true;   // shown cut short
    }
    return false;
  };
  auto clean = [&](const std::string& text) { return shows_typed(text) ? std::string("[typed text]") : text; };
  nlohmann::json out;
  out["screen"] = screen;
  out["theme"] = ToString(Ctx().settings.theme);
  out["text_size"] = ToString(Ctx().settings.text_size);
  out["content_bottom"] = ContentBottom();
  out["nodes"] = nlohmann::json::array();
  for (const Node& n : nodes) {
    out["nodes"].push_back({{"id", n.id}, {"role", ToString(n.role)}, {"label", clean(n.label)},
                            {"spoken", clean(n.spoken)}, {"x", n.rect.x}, {"y", n.rect.y}, {"w", n.rect.w},
                            {"h", n.rect.h}, {"enabled", n.enabled}, {"focused", n.focused}, {"selected", n.selected},
                            {"pictogram", n.pictogram}});
  }
  return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// --- keypad focus -------------------------------------------------------------------
namespace {

bool Pressed(int key) {
  for (const auto& q : Ctx().frame_keys)
    if (q.key == key) return true;
  return ImGui::IsKeyPressed(key, true);
}

bool PressedWith(int key, bool ctrl, bool alt) {
  for (const auto& q : Ctx().frame_keys)
    if (q.key == key && q.ctrl == ctrl && q.alt == alt) return true;
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyCtrl == ctrl && io.KeyAlt == alt && ImGui::IsKeyPressed(key, false);
}

bool ShiftHeld(int key) {
  for (const auto& q : Ctx().frame_keys)
    if (q.key == key) return q.shift;
  return ImGui::GetIO().KeyShift;
}

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::vector<const Node*> Focusable() {
  std::vector<const Node*> out;
  for (const Node& n : Ctx().last)
    if (n.interactive() && n.enabled) out.push_back(&n);
  return out;
}

void MoveFocusTab(bool backwards) {
  const auto nodes = Focusable();
  if (nodes.empty()) return;
  int at = -1;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i]->id == Ctx().focused) at = static_cast<int>(i);
  const int n = static_cast<int>(nodes.size());
  const int next = at < 0 ? (backwards ? n - 1 : 0) : ((at + (backwards ? -1 : 1)) % n + n) % n;
  MoveFocusTo(nodes[next]);
}

// Spatial move: the nearest item whose centre lies in the direction, preferring the same row/column.
void MoveFocusDirection(float dx, float dy) {
  const auto nodes = Focusable();
  if (nodes.empty()) return;
  const Node* from = FindNode(Ctx().last, Ctx().focused);
  if (!from) {
    MoveFocusTo(nodes.front());
    return;
  }
  const float fx = from->rect.x + from->rect.w / 2, fy = from->rect.y + from->rect.h / 2;
  const Node* best = nullptr;
  float best_score = std::numeric_limits<float>::max();
  for (const Node* n : nodes) {
    if (n == from) continue;
    const float cx = n->rect.x + n->rect.w / 2 - fx, cy = n->rect.y + n->rect.h / 2 - fy;
    const float along = cx * dx + cy * dy;
    if (along <= 1.f) continue;
    const float across = std::fabs(cx * dy - cy * dx);
    const float score = along + across * 2.f;
    if (score < best_score) {
      best_score = score;
      best = n;
    }
  }
  if (best) MoveFocusTo(best);
}

}  // namespace

bool detail::KeyPressedThisFrame(int glfw_key) { return Pressed(glfw_key); }
bool detail::KeyShiftHeld(int glfw_key) { return ShiftHeld(glfw_key); }

const std::string& FocusedId() { return Ctx().focused; }
void SetFocus(const std::string& id) {
  Ctx().focused = id;
  Ctx().scroll_to_focus = !id.empty();
}
void ActivateNextFrame(const std::string& id) { Ctx().activate_next = id; }
bool CommandPressed(Shortcut shortcut) { return shortcut != Shortcut::kNone && Ctx().command == shortcut; }
bool StaffComboPressed() { return Ctx().staff_combo; }
void QueueKeyPress(int glfw_key, bool ctrl, bool alt, bool shift) {
  Ctx().queued_keys.push_back({glfw_key, ctrl, alt, shift});
}
bool KeyboardShown() { return Ctx().keyboard_shown_last; }
void SetTouchToHear(bool on) { Ctx().touch_to_hear = on; }
bool TouchToHear() { return Ctx().touch_to_hear; }
bool InputThisFrame() { return Ctx().input; }

std::vector<std::string> TakeSpeechRequests() {
  std::vector<std::string> out;
  out.swap(Ctx().speech);
  return out;
}

// --- frame ---------------------------------------------------------------------------
namespace {

void ReadInput() {
  Context& c = Ctx();
  ImGuiIO& io = ImGui::GetIO();
  c.command = Shortcut::kNone;
  c.enter = false;
  c.staff_combo = false;
  c.physical_typed.clear();
  c.physical_backspace = false;
  c.activate_now = c.activate_next;
  c.activate_next.clear();
  c.frame_keys.swap(c.queued_keys);
  c.queued_keys.clear();

  bool any_key = !c.frame_keys.empty();
  for (int k = 0; k < 512; ++k)
    if (ImGui::IsKeyPressed(k, false)) any_key = true;
  c.input = any_key || !io.InputQueueCharacters.empty() || io.MouseClicked[0] || io.MouseDown[0] ||
            io.MouseWheel != 0 || (io.MouseDelta.x != 0 || io.MouseDelta.y != 0);
  if (!io.MouseDown[0]) c.hovered_while_down.clear();
  if (!io.MouseDown[0] && !io.MouseReleased[0]) c.drag_scrolled = false;

  for (ImWchar ch : io.InputQueueCharacters) {
    if (ch < 32 || ch == 127) continue;
    if (ch == ' ' && c.scan_mode != ScanMode::kOff) continue;  // the choose switch, not a typed space
    if (!c.keyboard_shown_last) {
      if (ch == '?') c.command = Shortcut::kHelp;
      if (ch == 'r' || ch == 'R') c.command = Shortcut::kRepeat;
      continue;
    }
    AppendUtf8(c.physical_typed, ch);
  }
  if (PressedWith(GLFW_KEY_S, true, true)) {
    c.staff_combo = true;
    c.physical_typed.clear();
  }
  if (Pressed(GLFW_KEY_ESCAPE)) c.command = Shortcut::kBack;
  if (Pressed(GLFW_KEY_F1)) c.command = Shortcut::kHelp;
  if (Pressed(GLFW_KEY_F2)) c.command = Shortcut::kRepeat;
  if (Pressed(GLFW_KEY_BACKSPACE)) c.physical_backspace = true;
  if (Pressed(GLFW_KEY_RIGHT)) MoveFocusDirection(1, 0);
  if (Pressed(GLFW_KEY_LEFT)) MoveFocusDirection(-1, 0);
  if (Pressed(GLFW_KEY_DOWN)) MoveFocusDirection(0, 1);
  if (Pressed(GLFW_KEY_UP)) MoveFocusDirection(0, -1);
  if (c.scan_mode != ScanMode::kOff) {
    ScanInput();                                   // Tab, Enter and Space belong to the switches
    return;
  }
  if (Pressed(GLFW_KEY_TAB)) MoveFocusTab(ShiftHeld(GLFW_KEY_TAB));
  if (Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER)) {
    c.enter = true;
    const Node* f = FindNode(c.last, c.focused);
    if (f && f->enabled) c.activate_now = f->id;
  }
}

constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoBackground;

constexpr ImGuiWindowFlags kContentWindow = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                            ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                            ImGuiWindowFlags_NoBackground;

// The content: a centred column (lines no longer than ~1,100 px) between the progress
// strip and the bar (or the keyboard). Opened at last frame's top: the strip's height
// is known once the screen has drawn it, and a change asks for one more frame.
void OpenContent() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float top = Ctx().content_top_last;
  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(display.x, std::max(1.f, ContentBottom() - top)));
  if (Ctx().scroll_to_top) ImGui::SetNextWindowScroll(ImVec2(0, 0));  // a new screen never inherits the old one's scroll
  Ctx().scroll_to_top = false;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ColumnLeft(), std::round(Spacing() * 1.5f)));
  // A scrollbar only when there is something to scroll to, not for the padding under the last item.
  ImGui::Begin("##content", nullptr, kContentWindow | (Ctx().hide_scrollbar ? ImGuiWindowFlags_NoScrollbar : 0));
  ImGui::PopStyleVar();
  ImGui::PushFont(BodyFont());
  Ctx().content_open = true;
}

void CloseContent() {
  // A finger dragged on the content scrolls it (ImGui only scrolls with a wheel).
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, 20.f) &&
      ImGui::GetScrollMaxY() > 0) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    Ctx().drag_scrolled = true;
  }
  Ctx().hide_scrollbar = ImGui::GetScrollMaxY() <= std::round(Spacing() * 1.5f) * 2 + 1;
  ImGui::PopFont();
  ImGui::End();
  Ctx().content_open = false;
}

bool SameNodes(const std::vector<Node>& a, const std::vector<Node>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Node &x = a[i], &y = b[i];
    if (x.id != y.id || x.label != y.label || x.role != y.role || x.enabled != y.enabled || x.focused != y.focused ||
        x.selected != y.selected || x.spoken != y.spoken || std::fabs(x.rect.x - y.rect.x) > 0.5f ||
        std::fabs(x.rect.y - y.rect.y) > 0.5f || std::fabs(x.rect.w - y.rect.w) > 0.5f ||
        std::fabs(x.rect.h - y.rect.h) > 0.5f)
      return false;
  }
  return true;
}

}  // namespace

float ContentBottom() {
  const Context& c = Ctx();
  return ImGui::GetIO().DisplaySize.y - BottomBarHeight() - (c.keyboard_shown_last ? c.keyboard_height : 0.f);
}

float ContentTop() { return Ctx().content_top_last; }
void ScrollToTop() { Ctx().scroll_to_top = true; }
float detail::ProgressStripHeight() { return std::round(ButtonPicturePx() + Spacing() * 2); }
float ColumnLeftForTests() { return ColumnLeft(); }

// Tall enough for one row of buttons with pictograms at the current text size, whose
// labels may take two lines ("Start again" in Polish): the bar's buttons are compact.
float BottomBarHeight() {
  const float two_lines = BodyFont()->FontSize * 2 + std::round(Pad() * 0.4f) * 2;
  const float button = std::max({MinTargetPixels(), ButtonPicturePx() + Pad() * 2, two_lines});
  return std::round(button + Spacing() * 2 + 2);
}

// The dock: the right end of the bar, a third of the row; the bar's own buttons share the rest.
Rect DockRect() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float margin = std::round(display.x * 0.04f);
  const float h = BottomBarHeight();
  const float w = std::round((display.x - 2 * margin) * 0.3f);
  return Rect{display.x - margin - w, display.y - h + Spacing(), w, h - Spacing() * 2 - 2};
}

void BeginFrame(double now_seconds, bool top_strip) {
  Context& c = Ctx();
  c.content_top_last = top_strip ? ProgressStripHeight() : 0.f;
  c.now = now_seconds;
  c.in_frame = true;
  c.current.clear();
  c.keyboard_shown_now = false;
  c.same_line_next = false;
  ReadInput();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), display, Col(CurrentTheme().background));
  ImGuiStyle& style = ImGui::GetStyle();
  style.ScrollbarSize = std::round(MinTargetPixels() * 0.6f);
  style.ScrollbarRounding = 6.f;
  style.ItemSpacing = ImVec2(Spacing(), Spacing());
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().text));
  style.Colors[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().bar));
  style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().text));
  style.Colors[ImGuiCol_ScrollbarGrabHovered] = style.Colors[ImGuiCol_ScrollbarGrab];
  style.Colors[ImGuiCol_ScrollbarGrabActive] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().focus_ring));
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().bar));
  style.Colors[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().panel));
  style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().button_border));
  OpenContent();
}

void EndFrame() {
  Context& c = Ctx();
  if (c.in_bar) EndBottomBar();
  if (c.content_open) CloseContent();
  c.in_frame = false;
  c.keyboard_shown_last = c.keyboard_shown_now;
  // Focus on an item that is gone (new screen) is dropped rather than kept invisible.
  if (!c.focused.empty() && !FindNode(c.current, c.focused)) c.focused.clear();
  c.last_changed = !SameNodes(c.current, c.last) || c.spoken_rect_now.has_value() != c.spoken_rect_last.has_value() ||
                   (c.spoken_rect_now && std::fabs(c.spoken_rect_now->x - c.spoken_rect_last->x) +
                                                 std::fabs(c.spoken_rect_now->y - c.spoken_rect_last->y) > 0.5f);
  c.spoken_rect_last = c.spoken_rect_now;
  c.spoken_rect_now.reset();
  c.last.swap(c.current);
  c.current.clear();
}

void BeginBottomBar() {
  Context& c = Ctx();
  if (c.content_open) CloseContent();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float h = BottomBarHeight();
  ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, display.y - h), display, Col(CurrentTheme().bar));
  ImGui::GetBackgroundDrawList()->AddLine(ImVec2(0, display.y - h), ImVec2(display.x, display.y - h),
                                          Col(CurrentTheme().bar_text), 2.f);
  // The bar's own buttons end where the dock begins.
  const float margin = std::round(display.x * 0.04f);
  ImGui::SetNextWindowPos(ImVec2(0, display.y - h));
  ImGui::SetNextWindowSize(ImVec2(DockRect().x - Spacing() + margin, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, Spacing()));
  ImGui::Begin("##bar", nullptr, kFixedWindow);
  ImGui::PopStyleVar();
  ImGui::PushFont(BodyFont());
  c.in_bar = true;
  c.bar_first = true;
}

void EndBottomBar() {
  Context& c = Ctx();
  if (!c.in_bar) return;
  ImGui::PopFont();
  ImGui::End();
  c.in_bar = false;
  OpenContent();                                   // anything drawn after the bar goes back to the content
}

void BeginPanel(const std::string& id) {
  const float w = RowWidth();
  const float width = std::min(w, std::max(w * 0.75f, 900.f));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - width) / 2);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(Spacing() * 2, Spacing() * 2));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 3.f);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 12.f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(Col(CurrentTheme().panel_text)));
  ImGui::BeginChild(id.c_str(), ImVec2(width, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
}

void EndPanel() {
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
}

}  // namespace tellus::ui
