// The real catalogs in easyread/lang/* against the Easy Read rules.
#include <algorithm>
#include <cstdio>

#include <gtest/gtest.h>

#include "easyread/catalog.h"
#include "easyread/checks.h"

namespace tellus {
namespace {

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";

std::string All(const std::vector<CheckProblem>& problems) {
  std::string out;
  for (const CheckProblem& p : problems) out += "  " + Describe(p) + "\n";
  return out;
}

TEST(CatalogChecks, EnglishAndWelshAndPolishExist) {
  const std::vector<std::string> tags = Catalog::AvailableTags(kLangRoot);
  for (const char* tag : {"en-GB", "cy", "pl"})
    EXPECT_TRUE(std::find(tags.begin(), tags.end(), tag) != tags.end()) << "no catalog for " << tag;
}

TEST(CatalogChecks, EveryLanguageLoadsAndKeepsTheRules) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    SCOPED_TRACE(tag);
    Catalog catalog;
    ASSERT_NO_THROW(catalog = Catalog::LoadLanguage(kLangRoot, tag));
    EXPECT_FALSE(catalog.language().native_name.empty());
    std::vector<CheckProblem> problems = CheckCatalog(catalog, rules);
    if (tag != "en-GB") {
      const std::vector<CheckProblem> keys = CheckSameKeys(english, catalog);
      problems.insert(problems.end(), keys.begin(), keys.end());
    }
    EXPECT_TRUE(problems.empty()) << problems.size() << " Easy Read problems in " << tag << ":\n" << All(problems);
  }
}

// Not a pass/fail rule: prints the score so a writer sees which screen reads hardest.
TEST(CatalogChecks, EnglishReadabilityPerScreen) {
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  const std::vector<Readability> scores = ScreenReadability(english);
  ASSERT_FALSE(scores.empty());
  std::printf("Flesch reading ease per screen (en-GB; 80+ easy, 90+ very easy):\n");
  for (const Readability& r : scores)
    std::printf("  %-16s %6.1f  (%d sentences, %d words, %d syllables)\n", r.screen.c_str(), r.flesch, r.sentences,
                r.words, r.syllables);
}

}  // namespace
}  // namespace tellus
