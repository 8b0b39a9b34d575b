#include "easyread/dates.h"

#include <gtest/gtest.h>

namespace tellus {
namespace {

using namespace std::chrono;

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";

TEST(LocalDate, EnglishWelshPolish) {
  const year_month_day friday{year{2026}, November, day{27}};
  EXPECT_EQ(LocalDate(Catalog::LoadLanguage(kLangRoot, "en-GB"), friday), "Friday 27 November");
  EXPECT_EQ(LocalDate(Catalog::LoadLanguage(kLangRoot, "en-GB"), friday, true), "Friday 27 November 2026");
  EXPECT_EQ(LocalDate(Catalog::LoadLanguage(kLangRoot, "cy"), friday), "Dydd Gwener 27 Tachwedd");
  EXPECT_EQ(LocalDate(Catalog::LoadLanguage(kLangRoot, "pl"), friday), "piątek 27 listopada");
  EXPECT_EQ(LocalDate(Catalog::LoadLanguage(kLangRoot, "en-GB"), year_month_day{year{2027}, January, day{3}}),
            "Sunday 3 January");
}

TEST(LocalDate, EveryLanguageHasEveryDateWord) {
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
    for (int d = 0; d < 366; ++d) {
      const year_month_day date{sys_days{year_month_day{year{2026}, November, day{1}}} + days{d}};
      const std::string text = LocalDate(catalog, date, true);
      EXPECT_EQ(text.find('['), std::string::npos) << tag << ": " << text;
      EXPECT_EQ(text.find('{'), std::string::npos) << tag << ": " << text;
    }
  }
}

TEST(LocalDate, InvalidDateIsVisible) {
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  EXPECT_EQ(LocalDate(english, year_month_day{year{2026}, February, day{30}}), "[date]");
}

}  // namespace
}  // namespace tellus
