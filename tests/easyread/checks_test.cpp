#include "easyread/checks.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace tellus {
namespace {

const std::string kFixtures = std::string(TELLUS_SOURCE_DIR) + "/tests/fixtures/easyread";

const EasyReadRules& Rules() {
  static const EasyReadRules rules = EasyReadRules::LoadFrom(TELLUS_SOURCE_DIR);
  return rules;
}

Catalog Fixture(const std::string& name) {
  std::ifstream in(kFixtures + "/broken/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return Catalog::LoadText(text.str(), name);
}

std::string All(const std::vector<CheckProblem>& problems) {
  std::string out;
  for (const CheckProblem& p : problems) out += Describe(p) + "\n";
  return out;
}

bool HasRule(const std::vector<CheckProblem>& problems, const std::string& rule, const std::string& key) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const CheckProblem& p) { return p.rule == rule && p.key == key; });
}

TEST(EasyReadChecks, GoodCatalogsPass) {
  for (const std::string tag : {"en-GB", "pl"}) {
    const Catalog catalog = Catalog::LoadLanguage(kFixtures + "/good", tag);
    EXPECT_EQ(All(CheckCatalog(catalog, Rules())), "") << tag;
  }
  EXPECT_EQ(All(CheckSameKeys(Catalog::LoadLanguage(kFixtures + "/good", "en-GB"),
                              Catalog::LoadLanguage(kFixtures + "/good", "pl"))),
            "");
}

TEST(EasyReadChecks, EachRuleHasAFixtureThatBreaksIt) {
  struct Case { const char* file; const char* rule; const char* key; };
  const Case cases[] = {
      {"sentence_length.toml", "sentence-length", "welcome.long"},
      {"joined_ideas.toml", "joined-ideas", "welcome.because"},
      {"joined_ideas_and.toml", "joined-ideas", "welcome.and_we"},
      {"joined_ideas_which.toml", "joined-ideas", "welcome.which"},
      {"joined_ideas_semicolon.toml", "joined-ideas", "welcome.semicolon"},
      {"missing_pictogram.toml", "missing-pictogram", "welcome.no_picture"},
      {"unknown_pictogram.toml", "unknown-pictogram", "welcome.bad_picture"},
      {"hard_word.toml", "hard-word", "welcome.hard"},
      {"hard_word_unexplained.toml", "hard-word", "welcome.hard"},
  };
  for (const Case& c : cases) {
    const std::vector<CheckProblem> problems = CheckCatalog(Fixture(c.file), Rules());
    EXPECT_TRUE(HasRule(problems, c.rule, c.key)) << c.file << " gave:\n" << All(problems);
    EXPECT_EQ(problems.size(), 1u) << c.file << " gave:\n" << All(problems);
  }
}

TEST(EasyReadChecks, KeysAndPlaceholdersMatchEnglish) {
  const std::string root = kFixtures + "/broken/missing_key";
  const auto problems = CheckSameKeys(Catalog::LoadLanguage(root, "en-GB"), Catalog::LoadLanguage(root, "pl"));
  EXPECT_TRUE(HasRule(problems, "missing-key", "welcome.back")) << All(problems);
  EXPECT_TRUE(HasRule(problems, "extra-key", "welcome.extra")) << All(problems);
  EXPECT_TRUE(HasRule(problems, "placeholders", "welcome.reply")) << All(problems);
  EXPECT_EQ(problems.size(), 3u) << All(problems);
  EXPECT_EQ(problems.front().language, "pl");
}

TEST(EasyReadChecks, SentencesAndWords) {
  EXPECT_EQ(SplitSentences("One two. Three four? Five!").size(), 3u);
  EXPECT_EQ(SplitSentences("It costs 4.50 today.").size(), 1u);
  EXPECT_EQ(Words("Don't press \"Send\", please."), (std::vector<std::string>{"don't", "press", "send", "please"}));
  EXPECT_EQ(Words("We write by {date} - soon.").size(), 5u);
  EXPECT_TRUE(EndsAsSentence("Press \"Send\"."));
  EXPECT_TRUE(EndsAsSentence("Is it today?"));
  EXPECT_FALSE(EndsAsSentence("Back"));
  EXPECT_FALSE(EndsAsSentence("Tell us what you think"));
  EXPECT_EQ(Placeholders("By {date} at {time} on {date}"), (std::vector<std::string>{"date", "time"}));
}

TEST(EasyReadChecks, JoiningHeuristic) {
  const JoiningRules& en = Rules().joining.at("en-GB");
  EXPECT_EQ(FindJoin("Tell us what happened and how you feel.", &en), "");
  EXPECT_EQ(FindJoin("You can give your name and your address.", &en), "");
  EXPECT_EQ(FindJoin("Or you can phone us.", &en), "");
  EXPECT_EQ(FindJoin("Which service was it?", &en), "");
  EXPECT_EQ(FindJoin("Is it today or yesterday?", &en), "");
  EXPECT_EQ(FindJoin("But we will help.", &en), "");
  EXPECT_EQ(FindJoin("We read it and we reply.", &en), "and we");
  EXPECT_EQ(FindJoin("Tell us, but keep it short.", &en), ", but");
  EXPECT_EQ(FindJoin("We help so that you can speak.", &en), "so that");
  EXPECT_EQ(FindJoin("One; two.", nullptr), ";");
  EXPECT_EQ(FindJoin("Because we care.", &en), "");  // sentence-first: Easy Read style
}

TEST(EasyReadChecks, HardWordInflections) {
  EXPECT_TRUE(MatchesHardWord("escalate", "escalate"));
  EXPECT_TRUE(MatchesHardWord("escalated", "escalate"));
  EXPECT_TRUE(MatchesHardWord("escalation", "escalate"));
  EXPECT_TRUE(MatchesHardWord("eligibility", "eligible"));
  EXPECT_TRUE(MatchesHardWord("anonymously", "anonymous"));
  EXPECT_FALSE(MatchesHardWord("stagecoach", "stage"));
  EXPECT_FALSE(MatchesHardWord("escalator", "escalate"));
}

TEST(EasyReadChecks, Readability) {
  EXPECT_EQ(CountSyllables("cat"), 1);
  EXPECT_EQ(CountSyllables("make"), 1);
  EXPECT_EQ(CountSyllables("table"), 2);
  EXPECT_EQ(CountSyllables("complaint"), 2);
  EXPECT_EQ(CountSyllables("anonymous"), 4);
  EXPECT_EQ(CountSyllables("helped"), 1);
  const Catalog simple = Catalog::LoadText("[a]\nx = { text = \"The cat sat on the mat.\", pictogram = \"star\" }\n"
                                           "[b]\nx = { text = \"Organisational accountability necessitates comprehensive documentation.\", pictogram = \"star\" }\n",
                                           "r.toml");
  const std::vector<Readability> scores = ScreenReadability(simple);
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].screen, "a");
  EXPECT_EQ(scores[0].words, 6);
  EXPECT_GT(scores[0].flesch, 100);
  EXPECT_LT(scores[1].flesch, 0);
}

TEST(EasyReadChecks, BadRuleFilesNameFileLineAndKey) {
  const std::string path = ::testing::TempDir() + "/manifest.toml";
  std::ofstream(path) << "[pictograms]\nok = \"1F44D\"\nbad = \"thumbs\"\n";
  try {
    EasyReadRules::LoadManifest(path);
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("manifest.toml:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("pictograms.bad"), std::string::npos) << e.what();
  }
  std::ofstream(path) << "[en-GB]\nalways = \"because\"\n";
  EXPECT_THROW(EasyReadRules::LoadJoining(path), CatalogError);
  std::ofstream(path) << "[en-GB]\nescalate = 3\n";
  EXPECT_THROW(EasyReadRules::LoadHardWords(path), CatalogError);
}

// Pictures OpenMoji lacks are drawn for Tell Us: "own:<name>" names assets/pictograms/<name>.svg.
TEST(EasyReadChecks, ManifestTakesOwnDrawingsByName) {
  const std::string path = ::testing::TempDir() + "/own_manifest.toml";
  std::ofstream(path) << "[pictograms]\nname = \"1FAAA\"\nprivacy = \"own:privacy\"\nscript = \"own:script-en-GB\"\n";
  const auto manifest = EasyReadRules::LoadManifest(path);
  EXPECT_EQ(manifest.at("privacy"), "own:privacy");
  EXPECT_EQ(manifest.at("script"), "own:script-en-GB");
  for (const char* bad : {"own:", "own:../secret", "own:a b", "mine:privacy"}) {
    std::ofstream(path) << "[pictograms]\nbad = \"" << bad << "\"\n";
    EXPECT_THROW(EasyReadRules::LoadManifest(path), CatalogError) << bad;
  }
}

}  // namespace
}  // namespace tellus
