// Fonts at kiosk scale, baked only as needed: Easy Read sizes at each text size, one
// text size in the atlas at a time, and glyphs for what the screen can show.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>

#include "kiosk/ui/fonts.h"
#include "tests/kiosk/harness.h"

namespace tellus::testing {
namespace {

bool Baked(const std::string& utf8) { return ui::MissingGlyphs(utf8).empty(); }

TEST(KioskFonts, BodyAndHeadingSizesAtEachTextSizeAt1080) {
  const float body[3] = {32, 40, 48};
  const float heading[3] = {48, 60, 72};
  for (TextSize size : {TextSize::kStandard, TextSize::kLarge, TextSize::kLargest}) {
    HarnessOptions o;
    o.text_size = size;
    Harness h(o);
    const int i = static_cast<int>(size);
    ASSERT_NE(ui::Fonts().body[i], nullptr) << ToString(size);
    // Em sizes, as type is measured; ImGui's size is the line, 1.61 em for Andika.
    const float per_em = ui::Fonts().line_per_em;
    EXPECT_NEAR(per_em, 1.611f, 0.01f);
    EXPECT_EQ(ui::Fonts().body_em[i], body[i]) << ToString(size);
    EXPECT_EQ(ui::Fonts().heading_em[i], heading[i]) << ToString(size);
    EXPECT_EQ(ui::Fonts().body[i]->FontSize, std::round(body[i] * per_em)) << ToString(size);
    EXPECT_EQ(ui::Fonts().heading[i]->FontSize, std::round(heading[i] * per_em)) << ToString(size);
    EXPECT_GE(ui::Fonts().code_em, body[i] * 1.75f) << "references are read and copied by hand";
    EXPECT_GE(h.FindId("heading").rect.h, heading[i] * per_em) << h.Describe();
  }
}

TEST(KioskFonts, SizesFollowTheDisplayHeight) {
  EXPECT_EQ(ui::BodyPixels(0, 2160), 64.f);
  EXPECT_EQ(ui::HeadingPixels(2, 2160), 144.f);
  EXPECT_EQ(ui::BodyPixels(1, 720), 27.f);
}

TEST(KioskFonts, OnlyTheCurrentTextSizeIsBakedAndTheButtonRebakesIt) {
  Harness h;
  EXPECT_EQ(ImGui::GetIO().Fonts->Fonts.Size, 3) << "body, heading and code faces of one text size";
  EXPECT_EQ(ui::Fonts().body[1], nullptr);
  h.PressId("welcome.text_size");
  h.Frame(2);
  ASSERT_EQ(h.state().settings.text_size, TextSize::kLarge);
  ASSERT_NE(ui::Fonts().body[1], nullptr);
  EXPECT_EQ(ui::Fonts().body_em[1], 40.f);
  EXPECT_EQ(ui::Fonts().body[0], nullptr) << "the standard faces went with the rebake";
  EXPECT_EQ(ImGui::GetIO().Fonts->Fonts.Size, 3);
  EXPECT_GE(h.FindId("heading").rect.h, 60.f * ui::Fonts().line_per_em) << "the screen is drawn with the new faces";
}

TEST(KioskFonts, GlyphsFollowTheTextsShown) {
  Harness h;                                       // en-GB
  EXPECT_TRUE(Baked("Українська Română Lietuvių Cymraeg")) << "language names are drawn in their own script";
  EXPECT_FALSE(Baked("Ж")) << "Cyrillic that no English text or language name uses is not baked";
  h.PressId("welcome.language");
  h.PressId("choice.language.uk");
  h.Frame(2);
  ASSERT_EQ(h.app().catalog().language().tag, "uk");
  for (const char* key : {"welcome.title", "welcome.body_1", "welcome.choice.complaint"})
    EXPECT_TRUE(Baked(h.app().catalog().Text(key))) << key << ": " << h.app().catalog().Text(key);
  for (const ui::Node& n : h.Nodes()) EXPECT_TRUE(Baked(n.label)) << n.id << ": " << n.label;
}

TEST(KioskFonts, ATypedLetterOutsideTheTextsIsBakedOnceSeen) {
  Harness h;
  ASSERT_FALSE(Baked("ł"));
  h.PressId("choice.welcome.compliment");
  h.PressId(h.Interactive().at(0).id);             // the first service
  h.PressId("field.subject");
  h.Type("Zażółć");
  h.Frame(2);
  EXPECT_TRUE(Baked("Zażółć")) << h.Describe();
}

}  // namespace
}  // namespace tellus::testing
