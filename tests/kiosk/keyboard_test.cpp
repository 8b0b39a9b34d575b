#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include "kiosk/ui/a11y.h"
#include "tests/kiosk/harness.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;

// A text box with the keyboard under it, as a screen would draw them.
struct TypingScreen {
  std::string text;
  int limit = 10;
  bool done = false;
  int refused = 0;
  void Draw() {
    ui::Heading("Type something");
    ui::TextField("field.test", "What happened", "What happened. Type here.", text, limit, true);
    const ui::KeyboardInput in = ui::Keyboard("kb");
    for (int i = 0; i < in.backspaces && !text.empty(); ++i) {
      while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
      text.pop_back();
    }
    for (char c : in.typed) {
      if (ui::CountCodePoints(text) >= limit && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++refused;
        continue;
      }
      text += c;
    }
    if (in.done) done = true;
  }
};

HarnessOptions WidgetsOnly() {
  HarnessOptions o;
  o.with_app = false;
  return o;
}

TEST(Keyboard, OnScreenKeysTypeShiftSpaceDeleteAndDone) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  h.Press("h", ui::Role::kKey);
  h.Press("i", ui::Role::kKey);
  EXPECT_EQ(screen.text, "hi");
  h.PressId("kb.shift");
  EXPECT_TRUE(h.FindId("kb.shift").selected);
  EXPECT_TRUE(h.TryFind("A", ui::Role::kKey)) << h.Describe();
  h.Press("A", ui::Role::kKey);
  EXPECT_EQ(screen.text, "hiA");
  EXPECT_TRUE(h.TryFind("a", ui::Role::kKey)) << "shift is for one letter";
  h.PressId("kb.space");
  h.Press("?", ui::Role::kKey);
  EXPECT_EQ(screen.text, "hiA ?");
  h.PressId("kb.backspace");
  EXPECT_EQ(screen.text, "hiA ");
  EXPECT_FALSE(screen.done);
  h.PressId("kb.done");
  EXPECT_TRUE(screen.done);
}

TEST(Keyboard, PhysicalKeyboardIsMergedIn) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 50;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  h.Type("Zoë said R?");                           // R and ? are text while a keyboard shows
  EXPECT_EQ(screen.text, "Zoë said R?");
  h.Key(GLFW_KEY_BACKSPACE);
  EXPECT_EQ(screen.text, "Zoë said R");
  h.Key(GLFW_KEY_ENTER);
  EXPECT_TRUE(screen.done);
}

TEST(Keyboard, LimitIsShownNotSilentlyCut) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 5;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  EXPECT_EQ(h.FindId("field.test.count").label, "0 of 5");
  h.Type("abc");
  EXPECT_EQ(h.FindId("field.test.count").label, "3 of 5");
  h.Type("defg");
  EXPECT_EQ(screen.text, "abcde");
  EXPECT_EQ(screen.refused, 2);
  EXPECT_EQ(h.FindId("field.test.count").label, "5 of 5");
  EXPECT_TRUE(h.ShowsText("abcde"));
  EXPECT_EQ(ui::NodesToJson(h.Nodes(), "typing").find("abcde"), std::string::npos)
      << "what people type never goes into the a11y dump file";
}

TEST(Keyboard, KeysAreBigAndSpoken) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  int keys = 0;
  for (const ui::Node& n : h.Nodes()) {
    if (!n.interactive()) continue;
    if (n.role == ui::Role::kKey) ++keys;
    EXPECT_FALSE(n.spoken.empty()) << n.id;
    EXPECT_GE(n.rect.w, ui::MinTargetPixels()) << n.id;
    EXPECT_GE(n.rect.h, ui::MinTargetPixels()) << n.id;
    EXPECT_LE(n.rect.y + n.rect.h, 1080.f - ui::BottomBarHeight()) << n.id << " is below the fold\n" << h.Describe();
  }
  EXPECT_GE(keys, 54);                             // 5 rows of 10 + shift, space, delete, done
}

TEST(Keyboard, TabAndArrowsMoveFocusAndEnterPresses) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  h.Key(GLFW_KEY_TAB);
  EXPECT_EQ(ui::FocusedId(), "field.test");
  h.Key(GLFW_KEY_DOWN);
  EXPECT_EQ(ui::FocusedId().rfind("kb.key.", 0), 0u) << ui::FocusedId();
  ui::SetFocus("kb.key.q");
  h.Frame();
  h.Key(GLFW_KEY_ENTER);
  EXPECT_EQ(screen.text, "q");
  EXPECT_FALSE(screen.done) << "Enter on a focused key presses that key, not Done";
  h.Key(GLFW_KEY_RIGHT);
  EXPECT_EQ(ui::FocusedId(), "kb.key.w");
  EXPECT_TRUE(h.FindId("kb.key.w").focused);
  h.Key(GLFW_KEY_TAB, false, false, true);
  EXPECT_EQ(ui::FocusedId(), "kb.key.q");
}

}  // namespace
}  // namespace tellus
