// [SECTION] Switch scanning: one switch with an automatic highlight, or two switches
// (move, choose), over the interactive nodes of the last complete frame in reading order.
// The highlight is the keypad focus, so it scrolls items below the fold into view and is
// spoken like any focus move; DrawFocusRing draws it thick while scanning is on.
#include <GLFW/glfw3.h>  // key numbers only

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

using namespace detail;

namespace {
// RestartScan runs before the new screen's first frame, when the last complete frame
// still holds the old screen's nodes: the scan starts one frame later.
constexpr double kScanAfterNextFrame = -2;
}  // namespace

std::vector<std::string> ScanOrder(const std::vector<Node>& nodes) {
  std::vector<std::string> out;
  for (const Node& n : nodes)
    if (n.interactive() && (n.enabled || n.looks_disabled)) out.push_back(n.id);  // a disabled item says why
  return out;
}

std::string NextScanId(const std::vector<Node>& nodes, const std::string& current, bool backwards) {
  const std::vector<std::string> order = ScanOrder(nodes);
  if (order.empty()) return {};
  const int n = static_cast<int>(order.size());
  int at = -1;
  for (int i = 0; i < n; ++i)
    if (order[static_cast<std::size_t>(i)] == current) at = i;
  if (at < 0) return backwards ? order.back() : order.front();
  return order[static_cast<std::size_t>(((at + (backwards ? -1 : 1)) % n + n) % n)];
}

void SetScanning(ScanMode mode, double seconds) {
  Context& c = Ctx();
  if (mode != c.scan_mode) c.next_scan_at = -1;
  c.scan_mode = mode;
  c.scan_seconds = seconds > 0.1 ? seconds : 0.1;
}

ScanMode Scanning() { return Ctx().scan_mode; }

void RestartScan() {
  Context& c = Ctx();
  if (c.scan_mode == ScanMode::kOff) return;
  c.focused.clear();
  c.next_scan_at = kScanAfterNextFrame;
}

void HoldScan(double now_seconds) {
  Context& c = Ctx();
  c.scan_held = true;                              // not even the first highlight while speech plays
  if (c.scan_mode == ScanMode::kAuto && c.next_scan_at >= 0 && c.next_scan_at < now_seconds + c.scan_seconds)
    c.next_scan_at = now_seconds + c.scan_seconds;
}

double SecondsToNextScan(double now_seconds) {
  const Context& c = Ctx();
  if (c.scan_mode != ScanMode::kAuto) return -1;
  if (c.next_scan_at < 0) return 0;                // start (or restart) on the next frame
  return c.next_scan_at > now_seconds ? c.next_scan_at - now_seconds : 0;
}

namespace detail {

void ScanInput() {
  Context& c = Ctx();
  const bool held = c.scan_held;
  c.scan_held = false;
  const bool enter = KeyPressedThisFrame(GLFW_KEY_ENTER) || KeyPressedThisFrame(GLFW_KEY_KP_ENTER);
  const bool tab = KeyPressedThisFrame(GLFW_KEY_TAB);
  const bool choose = KeyPressedThisFrame(GLFW_KEY_SPACE) || (c.scan_mode == ScanMode::kAuto && enter);
  const bool move = c.scan_mode == ScanMode::kStep ? (tab || enter) : tab;
  if (c.next_scan_at == kScanAfterNextFrame) {
    c.next_scan_at = -1;
    return;
  }
  const Node* highlighted = FindNode(c.last, c.focused);
  if (choose) {
    if (highlighted && highlighted->enabled && highlighted->interactive()) c.activate_now = highlighted->id;
    c.next_scan_at = c.now + c.scan_seconds;       // stay on the chosen item a full step
    return;
  }
  if (move) {
    const bool back = tab && KeyShiftHeld(GLFW_KEY_TAB);
    MoveFocusTo(FindNode(c.last, NextScanId(c.last, c.focused, back)));
    c.next_scan_at = c.now + c.scan_seconds;
    return;
  }
  if (c.scan_mode != ScanMode::kAuto) return;
  if (held) return;                                // an item (or the screen) is being read: wait for the end
  if (!highlighted || c.next_scan_at < 0) {
    // A new screen (or scanning just switched on): start at the top, a full step there.
    const std::vector<std::string> order = ScanOrder(c.last);
    if (!highlighted && !order.empty()) MoveFocusTo(FindNode(c.last, order.front()));
    c.next_scan_at = c.now + c.scan_seconds;
    return;
  }
  if (c.now + 1e-6 < c.next_scan_at) return;
  MoveFocusTo(FindNode(c.last, NextScanId(c.last, c.focused)));
  c.next_scan_at = c.now + c.scan_seconds;
}

}  // namespace detail
}  // namespace tellus::ui
