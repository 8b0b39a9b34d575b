// A policy's words in each catalog language (core/policy_language.h): the five seed policies
// have every shown text in every language, and a gap is named by language, file and key.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/policy_language.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

const std::string kPolicies = std::string(TELLUS_SOURCE_DIR) + "/assets/policies";
const char* const kSeeds[] = {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"};

// Every catalog language but the one the policies are written in.
std::vector<std::string> CatalogLanguages() {
  std::vector<std::string> tags;
  for (const auto& entry : fs::directory_iterator(std::string(TELLUS_SOURCE_DIR) + "/easyread/lang"))
    if (entry.is_directory() && entry.path().filename() != kPolicySourceLanguage) tags.push_back(entry.path().filename());
  return tags;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A copy of one seed policy and its translations in a fresh folder, to break.
class PolicyCopy {
 public:
  explicit PolicyCopy(const std::string& id) : id_(id) {
    dir_ = fs::temp_directory_path() / ("tellus-policy-language-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    fs::copy_file(kPolicies + "/" + id + ".toml", dir_ / (id + ".toml"));
    fs::copy(kPolicies + "/" + id, dir_ / id, fs::copy_options::recursive);
  }
  ~PolicyCopy() { fs::remove_all(dir_); }
  Policy Load() const { return LoadPolicyFile((dir_ / (id_ + ".toml")).string()); }
  fs::path Translation(const std::string& tag) const { return dir_ / id_ / (tag + ".toml"); }
  void Replace(const std::string& tag, const std::string& from, const std::string& to) const {
    std::string text = ReadAll(Translation(tag));
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(Translation(tag)) << text;
  }

 private:
  std::string id_;
  fs::path dir_;
};

std::string AllProblems(const PolicyInLanguage& p) {
  std::string out;
  for (const TranslationProblem& problem : p.problems) out += Describe(problem) + "\n";
  return out;
}

TEST(PolicyLanguage, EverySeedPolicyHasEveryShownTextInEveryCatalogLanguage) {
  const std::vector<std::string> languages = CatalogLanguages();
  ASSERT_EQ(languages.size(), 8u);
  for (const char* id : kSeeds) {
    const Policy english = LoadPolicy(id, kPolicies);
    const auto english_texts = ShownTexts(english);
    for (const std::string& tag : languages) {
      const PolicyInLanguage words = PolicyForLanguage(english, tag);
      EXPECT_TRUE(words.problems.empty()) << AllProblems(words);
      EXPECT_TRUE(words.needs_review) << id << " " << tag << ": no native speaker has checked it yet";
      // Same texts in the same places; the long ones (sentences, not names) in other words.
      const auto texts = ShownTexts(words.policy);
      ASSERT_EQ(texts.size(), english_texts.size()) << id << " " << tag;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        EXPECT_EQ(texts[i].first, english_texts[i].first);
        if (english_texts[i].first.find("services.") != 0 && english_texts[i].second.size() > 40) {
          EXPECT_NE(texts[i].second, english_texts[i].second) << id << " " << tag << " " << texts[i].first;
        }
      }
    }
  }
}

TEST(PolicyLanguage, TheTranslationKeepsTheStructurePicturesAndAnswers) {
  const Policy english = LoadPolicy("seetec", kPolicies);
  const Policy polish = PolicyForLanguage(english, "pl").policy;
  ASSERT_EQ(polish.eligibility.size(), english.eligibility.size());
  const YesNoQuestion& asked = polish.eligibility[1].questions[2];
  EXPECT_EQ(asked.question.words, "Czy ta osoba dała pisemną zgodę?");
  EXPECT_EQ(asked.question.easy_read.at(0).text, "Czy ta osoba zgodziła się na piśmie?");
  EXPECT_EQ(asked.question.easy_read.at(0).picture, english.eligibility[1].questions[2].question.easy_read.at(0).picture);
  EXPECT_EQ(polish.eligibility[1].questions[1].question.words, "Czy ta osoba zmarła?");
  EXPECT_EQ(polish.eligibility[1].questions[1].marks, english.eligibility[1].questions[1].marks);
  EXPECT_EQ(polish.eligibility[2].asked_when, english.eligibility[2].asked_when);
  EXPECT_FALSE(asked.blocking_answer) << "\"no\" still blocks, as in seetec.toml";
  EXPECT_EQ(polish.categories.at(0).id, "action");
  EXPECT_EQ(polish.categories.at(0).picture, english.categories.at(0).picture);
  EXPECT_EQ(polish.stages.at(0).name, "Etap 1, nieformalny");
  EXPECT_EQ(polish.stages.at(0).respond_within, english.stages.at(0).respond_within);
}

TEST(PolicyLanguage, TheSourceLanguageIsThePolicyItself) {
  const Policy english = LoadPolicy("seetec", kPolicies);
  const PolicyInLanguage words = PolicyForLanguage(english, "en-GB");
  EXPECT_TRUE(words.problems.empty());
  EXPECT_EQ(words.file, "");
  EXPECT_EQ(ShownTexts(words.policy), ShownTexts(english));
}

TEST(PolicyLanguage, AMissingTextIsNamedByLanguageFileAndKey) {
  PolicyCopy copy("seetec");
  copy.Replace("pl", "signpost = \"Dopóki toczy się postępowanie sądowe", "# signpost = \"Dopóki toczy się postępowanie sądowe");
  const PolicyInLanguage words = PolicyForLanguage(copy.Load(), "pl");
  ASSERT_EQ(words.problems.size(), 1u) << AllProblems(words);
  const TranslationProblem& p = words.problems[0];
  EXPECT_EQ(p.language, "pl");
  EXPECT_EQ(p.file, copy.Translation("pl").string());
  EXPECT_EQ(p.key, "exclusions.legal-action.signpost");
  EXPECT_NE(Describe(p).find("pl.toml:1: pl: exclusions.legal-action.signpost: missing (en-GB: \"While there is legal"),
            std::string::npos)
      << Describe(p);
}

TEST(PolicyLanguage, AnExtraSentenceAnUnknownIdAndAnEmptyTextAreNamedWithTheirLines) {
  PolicyCopy copy("seetec");
  copy.Replace("fr", "easy_read = [\"Il y a un procès à ce sujet avec Seetec.\"]",
               "easy_read = [\"Il y a un procès à ce sujet avec Seetec.\", \"En plus.\"]");
  copy.Replace("fr", "[exclusions.criminal-investigation]", "[exclusions.criminal]");
  copy.Replace("fr", "name = \"Étape 2, formelle\"", "name = \"  \"");
  const PolicyInLanguage words = PolicyForLanguage(copy.Load(), "fr");
  const std::string all = AllProblems(words);
  EXPECT_NE(all.find("fr: exclusions.legal-action.easy_read[1]: unknown key"), std::string::npos) << all;
  EXPECT_NE(all.find("fr: exclusions.criminal.text: unknown key"), std::string::npos) << all;
  EXPECT_NE(all.find("fr: exclusions.criminal-investigation.text: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("fr: stages.stage-2.name: must not be empty"), std::string::npos) << all;
  for (const TranslationProblem& p : words.problems)
    if (p.key == "stages.stage-2.name") {
      EXPECT_GT(p.line, 100u) << "the line the key is written on";
    }
}

TEST(PolicyLanguage, ANumberWhereWordsBelongIsRefused) {
  PolicyCopy copy("next-steps");
  copy.Replace("uk", "something-else = \"Щось інше\"", "something-else = 5");
  const std::string all = AllProblems(PolicyForLanguage(copy.Load(), "uk"));
  EXPECT_NE(all.find("uk: categories.something-else: expected a string, found an integer"), std::string::npos) << all;
  EXPECT_NE(all.find("uk: categories.something-else: missing"), std::string::npos) << all;
}

TEST(PolicyLanguage, AMissingFileIsNamedAndNothingIsShownInEnglishInstead) {
  PolicyCopy copy("works-for-us");
  fs::remove(copy.Translation("lt"));
  const PolicyInLanguage words = PolicyForLanguage(copy.Load(), "lt");
  ASSERT_EQ(words.problems.size(), 1u);
  EXPECT_EQ(words.problems[0].file, copy.Translation("lt").string());
  EXPECT_NE(words.problems[0].what.find("no translation file"), std::string::npos) << words.problems[0].what;
  EXPECT_NE(words.problems[0].what.find("categories.mistakes"), std::string::npos) << words.problems[0].what;
}

TEST(PolicyLanguage, BrokenTomlIsNamedWithItsLine) {
  PolicyCopy copy("steps-to-work");
  copy.Replace("ro", "[stages.stage-1]", "[stages.stage-1");
  const PolicyInLanguage words = PolicyForLanguage(copy.Load(), "ro");
  ASSERT_FALSE(words.problems.empty());
  EXPECT_NE(words.problems[0].what.find("not valid TOML"), std::string::npos);
  EXPECT_GT(words.problems[0].line, 1u);
}

TEST(PolicyLanguage, TheTranslationsBesideAPolicyAreListed) {
  std::vector<std::string> languages = CatalogLanguages();
  std::sort(languages.begin(), languages.end());
  EXPECT_EQ(PolicyTranslationTags(LoadPolicy("seetec", kPolicies)), languages);
}

}  // namespace
}  // namespace tellus
