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

// The policies' Easy Read texts keep the same rules as the catalogs.
TEST(CatalogChecks, EverySeedPolicyKeepsTheRules) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  const std::string policies = std::string(TELLUS_SOURCE_DIR) + "/assets/policies";
  for (const char* id : {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"}) {
    SCOPED_TRACE(id);
    const Policy policy = LoadPolicy(id, policies);
    const std::vector<CheckProblem> problems = CheckPolicy(policy, rules, english);
    EXPECT_TRUE(problems.empty()) << All(problems);
  }
}

// What check-policy said of Seetec's first question before it was split.
TEST(CatalogChecks, CompoundQuestionFailsTwoRules) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  Policy policy;
  policy.source = "seetec.toml";
  policy.lines["eligibility[0].easy_read[0]"] = 52;
  YesNoQuestion compound;
  compound.question.words = "Did this happen more than 12 months ago, and did you know about it more than 12 months ago?";
  compound.question.easy_read = {{compound.question.words, "calendar"}};
  policy.eligibility.push_back({"older-than-limit", {compound}, {"Too late.", {{"It is too late.", "time-up"}}}});
  const std::string all = All(CheckPolicy(policy, rules, english));
  EXPECT_NE(all.find("seetec.toml:52: eligibility[0].easy_read[0]: sentence-length: 19 words"), std::string::npos) << all;
  EXPECT_NE(all.find("seetec.toml:52: eligibility[0].easy_read[0]: joined-ideas: \", and\""), std::string::npos) << all;
}

// A text with no Easy Read version, and two sentences sharing one picture, are both named.
TEST(CatalogChecks, PolicyTextsNeedEasyReadWithOnePicturePerSentence) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  const Catalog english = Catalog::LoadLanguage(kLangRoot, "en-GB");
  Policy policy;
  policy.source = "org.toml";
  policy.lines["exclusions[0].text"] = 30;
  policy.lines["exclusions[0].signpost_easy_read[0]"] = 33;
  Exclusion exclusion;
  exclusion.id = "police";
  exclusion.text.words = "The police are investigating it.";
  exclusion.signpost = {"Wait for the police.", {{"Wait for the police. Then come back.", "police"}}};
  policy.exclusions.push_back(exclusion);
  const std::string all = All(CheckPolicy(policy, rules, english));
  EXPECT_NE(all.find("org.toml:30: exclusions[0].text: missing-easy-read"), std::string::npos) << all;
  EXPECT_NE(all.find("org.toml:33: exclusions[0].signpost_easy_read[0]: one-sentence"), std::string::npos) << all;
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
