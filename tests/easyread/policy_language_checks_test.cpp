// The policies' words in each language keep that language's Easy Read, glossary and address
// rules (easyread/checks.h: CheckPolicyLanguage), each problem named with file and line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/policy_language.h"
#include "easyread/checks.h"

namespace tellus {
namespace {

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";
const std::string kPolicies = std::string(TELLUS_SOURCE_DIR) + "/assets/policies";

std::string All(const std::vector<CheckProblem>& problems) {
  std::string out;
  for (const CheckProblem& p : problems) out += Describe(p) + "\n";
  return out;
}

TEST(PolicyLanguageChecks, EverySeedPolicyKeepsEachLanguagesRules) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  int languages = 0;
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    if (tag == kPolicySourceLanguage) continue;
    ++languages;
    const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
    for (const char* id : {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"}) {
      SCOPED_TRACE(std::string(id) + " " + tag);
      const PolicyInLanguage words = PolicyForLanguage(LoadPolicy(id, kPolicies), tag);
      EXPECT_TRUE(words.problems.empty());
      EXPECT_TRUE(CheckPolicyLanguage(words, rules, catalog).empty()) << All(CheckPolicyLanguage(words, rules, catalog));
    }
  }
  EXPECT_EQ(languages, 8);
}

// A French translation saying "plainte" (police) for a complaint, a Polish one addressing a
// man, a long Easy Read sentence and a joined one: each named with its file, line and key.
TEST(PolicyLanguageChecks, GlossaryAddressAndEasyReadProblemsAreNamedWithFileAndLine) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  Policy english = LoadPolicy("seetec", kPolicies);

  PolicyInLanguage french = PolicyForLanguage(english, "fr");
  ASSERT_TRUE(french.problems.empty());
  french.policy.exclusions.at(4).signpost.easy_read.at(0).text = "La plainte doit être réglée par le procès.";
  const std::string fr = All(CheckPolicyLanguage(french, rules, Catalog::LoadLanguage(kLangRoot, "fr")));
  const std::string at = french.file + ":" + std::to_string(french.LineOf("exclusions.legal-action.signpost_easy_read[0]"));
  EXPECT_NE(fr.find(at + ": exclusions.legal-action.signpost_easy_read[0]: glossary: text says \"plainte\""),
            std::string::npos)
      << fr;

  PolicyInLanguage polish = PolicyForLanguage(english, "pl");
  polish.policy.eligibility.at(0).questions.at(1).question.words = "Czy dowiedziałeś się o tym ponad rok temu?";
  polish.policy.anonymous_signpost.easy_read.at(0).text =
      "Możesz złożyć skargę pod swoim imieniem i nazwiskiem w dowolnym biurze, w każdym mieście, o każdej porze dnia.";
  polish.policy.anonymous_signpost.easy_read.at(1).text = "Twoje dane są bezpieczne, ponieważ je szyfrujemy.";
  const std::string pl = All(CheckPolicyLanguage(polish, rules, Catalog::LoadLanguage(kLangRoot, "pl")));
  EXPECT_NE(pl.find(": eligibility.older-than-limit.questions[1].question: address: text says \"dowiedziałeś\""),
            std::string::npos)
      << pl;
  EXPECT_NE(pl.find(": anonymous.signpost_easy_read[0]: sentence-length: 18 words"), std::string::npos) << pl;
  EXPECT_NE(pl.find(": anonymous.signpost_easy_read[1]: joined-ideas: \"ponieważ\""), std::string::npos) << pl;
  EXPECT_NE(pl.find(polish.file + ":"), std::string::npos) << pl;
}

// A gap is a check problem too, so check-policy fails on it.
TEST(PolicyLanguageChecks, AMissingTranslationIsACheckProblem) {
  const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  Policy english = LoadPolicy("next-steps", kPolicies);
  english.categories.push_back({"new-one", "Something new", "star"});
  const PolicyInLanguage words = PolicyForLanguage(english, "cy");
  const std::vector<CheckProblem> problems = CheckPolicyLanguage(words, rules, Catalog::LoadLanguage(kLangRoot, "cy"));
  ASSERT_EQ(problems.size(), 1u) << All(problems);
  EXPECT_EQ(problems[0].rule, "missing-translation");
  EXPECT_EQ(problems[0].language, "cy");
  EXPECT_EQ(problems[0].key, "categories.new-one");
  EXPECT_EQ(problems[0].file, kPolicies + "/next-steps/cy.toml");
}

}  // namespace
}  // namespace tellus
