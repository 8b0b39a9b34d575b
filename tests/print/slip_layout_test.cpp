// The slip's layout: every element there, nothing wider than the 576 dots a thermal
// printer prints, and every sentence wrapped whole in each of the nine languages.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "kiosk/print/slip_layout.h"
#include "tests/print/print_fixtures.h"

namespace tellus {
namespace {

using namespace print_testing;

std::vector<const SlipItem*> WithRole(const SlipLayout& layout, const std::string& role) {
  std::vector<const SlipItem*> found;
  for (const SlipItem& item : layout.items)
    if (item.role == role) found.push_back(&item);
  return found;
}

std::string TextOf(const SlipLayout& layout, const std::string& role) {
  std::string text;
  for (const SlipItem* item : WithRole(layout, role)) text += (text.empty() ? "" : " ") + item->text;
  return text;
}

TEST(SlipLayout, EveryElementIsOnTheSlipInOrder) {
  const SlipLayout layout = LayOutSlip(Words("en-GB"), Assets());
  EXPECT_EQ(TextOf(layout, "organisation"), "Seetec Group");
  EXPECT_EQ(TextOf(layout, "title"), "Your receipt");
  EXPECT_EQ(TextOf(layout, "opening"), "We got it on Monday 30 November.");
  EXPECT_EQ(TextOf(layout, "reference_label"), "Your reference");
  EXPECT_EQ(TextOf(layout, "reference"), "SG  0070  002Z");       // grouped as the screen groups it
  EXPECT_EQ(TextOf(layout, "tracking_label"), "Your secret code");
  EXPECT_EQ(TextOf(layout, "tracking_code"), "XHWTS  15AW5");
  EXPECT_EQ(WithRole(layout, "reference.frame").size(), 1u);
  EXPECT_EQ(WithRole(layout, "tracking_code.frame").size(), 1u);
  ASSERT_EQ(WithRole(layout, "qr").size(), 1u);
  EXPECT_EQ(WithRole(layout, "qr")[0]->text, "SG-0070-002Z");      // the done screen's QR holds the reference
  EXPECT_EQ(TextOf(layout, "next_title"), "What happens next");
  // The same sentences and dates as the done screen.
  EXPECT_EQ(TextOf(layout, "next"), "We will contact you by Thursday 3 December. We will answer your complaint by "
                                    "Wednesday 30 December.");
  EXPECT_EQ(TextOf(layout, "check_title"), "How to check");
  EXPECT_EQ(TextOf(layout, "check_back"),
            "Come back to this kiosk. Touch Check my complaint. Type your reference and secret code.");
  // Codes larger than the words; the reference above the secret code above the QR code.
  EXPECT_GT(WithRole(layout, "reference")[0]->font_px, WithRole(layout, "next")[0]->font_px);
  EXPECT_LT(WithRole(layout, "reference")[0]->y, WithRole(layout, "tracking_code")[0]->y);
  EXPECT_LT(WithRole(layout, "tracking_code")[0]->y, WithRole(layout, "qr")[0]->y);
  EXPECT_LT(WithRole(layout, "qr")[0]->y, WithRole(layout, "next")[0]->y);
}

TEST(SlipLayout, EverySentenceHasItsPictureAndEveryPictureIsThere) {
  const SlipLayout layout = LayOutSlip(Words("en-GB"), Assets());
  int pictures = 0;
  std::string roles;
  for (const SlipItem& item : layout.items) {
    if (item.kind != SlipItemKind::kPicture) continue;
    ++pictures;
    roles += item.role + " ";
    EXPECT_TRUE(std::filesystem::exists(item.text)) << item.role << ": " << item.text;
    EXPECT_GE(item.w, 64) << "pictures at least 8 mm";
  }
  // title, opening, two labels, two keep-safe lines, next title, two next, check title, three check.
  EXPECT_EQ(pictures, 13) << roles;
  for (const char* role : {"title", "opening", "reference_label", "keep", "next", "check_back"})
    EXPECT_FALSE(WithRole(layout, std::string(role) + ".picture").empty()) << role;
}

TEST(SlipLayout, NothingWiderThanThePrintedWidthInAnyLanguageOrJourney) {
  const SlipFonts fonts(Assets().font_dir);
  for (const char* language : kLanguages) {
    for (JourneyKind kind : {JourneyKind::kComplaint, JourneyKind::kCompliment, JourneyKind::kComment}) {
      for (bool anonymous : {false, true}) {
        SCOPED_TRACE(std::string(language) + " kind " + std::to_string(static_cast<int>(kind)) +
                     (anonymous ? " anonymous" : ""));
        const SlipLayout layout = LayOutSlip(Words(language, DoneState("SG-0070-002Z", "XHWTS-15AW5", kind, anonymous)), Assets());
        EXPECT_EQ(layout.width, kSlipDots);
        for (const SlipItem& item : layout.items) {
          EXPECT_GE(item.x, 0) << item.role << " '" << item.text << "'";
          EXPECT_LE(item.x + item.w, kSlipDots) << item.role << " '" << item.text << "'";
          EXPECT_LE(item.y + item.h, layout.height) << item.role;
          if (item.kind == SlipItemKind::kText || item.kind == SlipItemKind::kCode) {
            const double measured = TextWidth(fonts, item.text, item.font_px, item.bold);
            EXPECT_LE(item.x + measured, kSlipDots + 0.5) << item.role << " '" << item.text << "'";
          }
        }
        EXPECT_FALSE(WithRole(layout, "next").empty());
      }
    }
  }
}

// Each sentence's lines put back together are the sentence: nothing lost, nothing added;
// the long ones take more than one line in every language.
TEST(SlipLayout, SentencesWrapWholeInEveryLanguage) {
  for (const char* language : kLanguages) {
    SCOPED_TRACE(language);
    const SlipWords words = Words(language);
    const SlipLayout layout = LayOutSlip(words, Assets());
    EXPECT_EQ(TextOf(layout, "keep"), words.keep[0].text + " " + words.keep[1].text);
    std::string next;
    for (const SlipLine& line : words.next) next += (next.empty() ? "" : " ") + line.text;
    EXPECT_EQ(TextOf(layout, "next"), next);
    // "Do not show your secret code to other people." is longer than one line beside its picture.
    EXPECT_GE(WithRole(layout, "keep").size(), 3u) << TextOf(layout, "keep");
    // The date of the first deadline is on the slip in the language's own words.
    const Catalog catalog = Catalog::LoadLanguage(LangRoot(), language);
    EXPECT_NE(next.find(catalog.Format("done.ack", {{"date", ""}}).substr(0, 4)), std::string::npos);
  }
}

TEST(SlipLayout, AWordLongerThanALineIsBrokenAndALongCodeShrinksToFit) {
  SlipWords words = Words("en-GB");
  words.organisation = "Averyveryverylongorganisationnamewithoutanyspacesatallwhatsoever";
  words.tracking_code = GroupedCode("ABCDEFGHJK-MNPQRSTVWX-YZ012");
  const SlipLayout layout = LayOutSlip(words, Assets());
  const auto lines = WithRole(layout, "organisation");
  ASSERT_GE(lines.size(), 2u);
  std::string joined;
  for (const SlipItem* line : lines) {
    joined += line->text;
    EXPECT_LE(line->x + line->w, kSlipDots);
  }
  EXPECT_EQ(joined, words.organisation);
  const SlipItem* code = WithRole(layout, "tracking_code").at(0);
  EXPECT_LT(code->font_px, SlipType{}.code);
  EXPECT_LE(code->x + code->w, kSlipDots);
}

TEST(SlipLayout, TheCheckScreensSlipSaysWhereTheCaseIs) {
  JourneyState s;
  s.kind = JourneyKind::kCheck;
  s.place = Place{Step::kCheckResult, 0};
  s.check_reference = "SG-0070-0001";
  s.check_tracking = "7D2K9-QX4MB";
  s.check_status = CheckStatusKind::kFound;
  s.check_case = CaseView{};
  s.check_case->state = CaseState::kAcknowledged;
  s.check_case->stage_name = "Informal stage 1";
  s.check_case->respond_by = Day(2026, 12, 21);
  const SlipLayout layout = LayOutSlip(Words("en-GB", s), Assets());
  EXPECT_EQ(TextOf(layout, "reference"), "SG  0070  0001");
  EXPECT_EQ(TextOf(layout, "tracking_code"), "7D2K9  QX4MB");
  EXPECT_TRUE(WithRole(layout, "opening").empty()) << "the day it was sent is not known here";
  const std::string next = TextOf(layout, "next");
  EXPECT_NE(next.find("Informal stage 1"), std::string::npos) << next;
  EXPECT_NE(next.find("Monday 21 December"), std::string::npos) << next;
}

TEST(SlipLayout, MissingFontIsAPlainError) {
  SlipAssets assets = Assets();
  assets.font_dir = "/nonexistent/fonts";
  try {
    LayOutSlip(Words("en-GB"), assets);
    FAIL() << "laid out without a font";
  } catch (const PrintError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/fonts/Andika-Regular.ttf"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tellus
