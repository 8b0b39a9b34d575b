// The policy's own words in the person's language (core/policy_language.h), through the real
// kiosk: a Polish walk over every screen of each seed policy shows and speaks no English,
// switching language mid-journey switches the policy's words too, and a kiosk whose policy
// lacks a language's words says so at start, naming the file and the key.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/policy_language.h"
#include "easyread/checks.h"
#include "kiosk/app/config.h"
#include "kiosk/app/startup.h"
#include "tests/kiosk/sweep.h"
#include "tests/kiosk/ui_walk.h"
#include "tests/sync/register_process.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;
using testing::Harness;
using testing::HarnessOptions;
using testing::SourcePath;
using testing_sweep::SweepResult;

// Every sentence a text holds ("Tak. Nie." -> "Tak.", "Nie."), trimmed.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (std::string s : SplitSentences(text)) {
    const std::size_t first = s.find_first_not_of(" \n");
    if (first == std::string::npos) continue;
    s = s.substr(first, s.find_last_not_of(" \n") - first + 1);
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

// What an English sentence of the catalog or the policy looks like on screen: whole
// sentences, and for a sentence with {placeholders} its longest fixed part (at least three
// words), which no Polish sentence may hold either.
struct EnglishWords {
  std::set<std::string> sentences;
  std::set<std::string> fragments;

  void Add(const std::string& text) {
    for (const std::string& s : Sentences(text)) {
      if (s.find('{') == std::string::npos) {
        sentences.insert(s);
        continue;
      }
      std::string longest, part;
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '{') {
          if (part.size() > longest.size()) longest = part;
          part.clear();
          i = s.find('}', i);
          if (i == std::string::npos) break;
        } else {
          part += s[i];
        }
      }
      const std::size_t a = longest.find_first_not_of(" ,.:"), b = longest.find_last_not_of(" ,.:");
      if (a == std::string::npos) continue;
      longest = longest.substr(a, b - a + 1);
      if (std::count(longest.begin(), longest.end(), ' ') >= 2) fragments.insert(longest);
    }
  }
  // Sentences the Polish words share with the English (a service's own name): not English on screen.
  void Except(const std::string& text) {
    for (const std::string& s : Sentences(text)) sentences.erase(s);
  }
  std::string Find(const std::string& shown) const {
    for (const std::string& s : Sentences(shown))
      if (sentences.count(s)) return s;
    for (const std::string& f : fragments)
      if (shown.find(f) != std::string::npos) return f;
    return {};
  }
};

EnglishWords EnglishOf(const std::string& policy_id, const std::string& language) {
  EnglishWords english;
  const std::string lang_root = SourcePath("easyread/lang");
  const Catalog english_catalog = Catalog::LoadLanguage(lang_root, "en-GB");
  const Catalog catalog = Catalog::LoadLanguage(lang_root, language);
  for (const auto& [key, entry] : english_catalog.entries()) {
    if (IsGrammarForm(key)) continue;              // word forms ("{count} days"), not sentences
    for (const std::string* text : {&entry.text, &entry.standard, &entry.spoken}) english.Add(*text);
  }
  const Policy policy = LoadPolicy(policy_id, SourcePath("assets/policies"));
  for (const auto& [key, text] : ShownTexts(policy)) english.Add(text);
  for (const auto& [key, entry] : catalog.entries())
    for (const std::string* text : {&entry.text, &entry.standard, &entry.spoken}) english.Except(*text);
  for (const auto& [key, text] : ShownTexts(PolicyForLanguage(policy, language).policy)) english.Except(text);
  return english;
}

// Each node's shown words, its spoken words and a text box's text, against the English.
testing_sweep::ScreenCheck NoEnglish(const EnglishWords& english) {
  return [&english](Harness& h, SweepResult& out) {
    for (const ui::Node& n : h.Nodes()) {
      if (n.role == ui::Role::kKey) continue;      // the keyboard's letters are letters, not words
      for (const std::string* text : {&n.label, &n.spoken}) {
        const std::string found = english.Find(*text);
        if (!found.empty())
          out.problems.push_back(h.app().ScreenName() + " " + n.id + ": \"" + found + "\" in \"" + *text + "\"");
      }
      ++out.nodes_checked;
    }
  };
}

class PolishOnEverySeedPolicy : public ::testing::TestWithParam<const char*> {};

TEST_P(PolishOnEverySeedPolicy, EveryScreenShowsAndSpeaksNoEnglish) {
  const EnglishWords english = EnglishOf(GetParam(), "pl");
  ASSERT_GT(english.sentences.size(), 200u);
  HarnessOptions o;
  o.policy_id = GetParam();
  o.language = "pl";
  SweepResult r = testing_sweep::Sweep(o, NoEnglish(english));
  testing_sweep::CheckEveryCheckScreen(o, NoEnglish(english), r);
  EXPECT_GE(r.screens.size(), 20u);
  EXPECT_GT(r.nodes_checked, 1000);
  EXPECT_TRUE(r.problems.empty()) << r.problems.size() << " English sentences on " << r.screens.size()
                                  << " Polish screens:\n"
                                  << testing_sweep::Join(r.problems);
}

INSTANTIATE_TEST_SUITE_P(Seeds, PolishOnEverySeedPolicy, ::testing::ValuesIn(testing_sweep::kSeedPolicies),
                         [](const auto& info) {
                           std::string name = info.param;
                           name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                           return name;
                         });

// The test itself can fail: English policy words on a Polish screen are caught.
TEST(PolishOnEverySeedPolicy, EnglishPolicyWordsOnAPolishScreenAreFound) {
  const EnglishWords english = EnglishOf("seetec", "pl");
  EXPECT_EQ(english.Find("Seetec needs a yes in writing from that person."),
            "Seetec needs a yes in writing from that person.");
  EXPECT_EQ(english.Find("Seetec potrzebuje zgody tej osoby na piśmie."), "");
  EXPECT_EQ(english.Find("Seetec Training"), "") << "a service's own name is the same in Polish";
}

TEST(PolicyLanguageUi, TheEligibilityQuestionFollowsTheLanguageChosenMidJourney) {
  HarnessOptions o;
  o.policy_id = "seetec";
  Harness h(o);
  testing_ui::TapId(h, "choice.welcome.complaint");
  testing_ui::UiWalkTo(h, Step::kEligibility);
  h.Frame(2);
  ASSERT_EQ(testing_ui::StepOf(h), Step::kEligibility) << h.Describe();
  EXPECT_TRUE(h.ShowsText("Did this happen more than 12 months ago?")) << h.Describe();
  JourneyState& s = h.app().mutable_state();
  const JourneyState before = s;
  h.app().Dispatch(ev::SetLanguage{"pl"});
  h.Frame(3);
  EXPECT_EQ(h.state().place.step, before.place.step) << "the journey stays where it was";
  EXPECT_TRUE(h.ShowsText("Czy to było ponad 12 miesięcy temu?")) << h.Describe();
  EXPECT_FALSE(h.ShowsText("Did this happen")) << h.Describe();
  h.app().Dispatch(ev::WordingToggle{});             // "Standard words": the organisation's exact words, in Polish
  h.Frame(3);
  EXPECT_TRUE(h.ShowsText("Czy to zdarzyło się ponad 12 miesięcy temu?")) << h.Describe();
  EXPECT_FALSE(h.ShowsText("Did this happen")) << h.Describe();
}

// A copy of the assets with seetec's Polish words missing one key.
struct AssetsWithAGap {
  testing::TempDir dir;
  std::string file;
  AssetsWithAGap() {
    const fs::path policies = dir / "policies";
    fs::create_directories(policies);
    fs::copy_file(SourcePath("assets/policies/seetec.toml"), policies / "seetec.toml");
    fs::copy(SourcePath("assets/policies/seetec"), policies / "seetec", fs::copy_options::recursive);
    fs::create_directory_symlink(SourcePath("assets/holidays"), dir / "holidays");
    file = (policies / "seetec" / "pl.toml").string();
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    std::string polish = text.str();
    const std::string line = "failure-to-act = \"Coś, czego nie zrobiono\"\n";
    polish.erase(polish.find(line), line.size());
    std::ofstream(file) << polish;
  }
  KioskConfig Config(const std::string& language) const {
    KioskConfig c = LoadConfigText("policy = \"seetec\"\nstore = \":memory:\"\n"
                                   "register_public_key = \"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"\n"
                                   "kiosk_number = 7\nkiosk_name = \"Luton reception\"\n[display]\nlanguage = \"" +
                                       language + "\"\n",
                                   "kiosk.toml");
    c.assets_dir = dir.path();
    return c;
  }
};

TEST(PolicyLanguageUi, AKioskInALanguageThePolicyLacksSaysSoAtStartNamingFileAndKey) {
  AssetsWithAGap assets;
  try {
    LoadAppDeps(assets.Config("pl"), nullptr);
    FAIL() << "a Polish kiosk started with English words in its policy";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("kiosk.toml: display.language: 'pl': the policy 'seetec' has no words in this language for:", 0),
              0u)
        << what;
    EXPECT_NE(what.find(assets.file + ":1: pl: categories.failure-to-act: missing (en-GB: \"Something that was not done\")"),
              std::string::npos)
        << what;
  }
}

TEST(PolicyLanguageUi, AnotherLanguageThePolicyLacksIsLeftOutOfThePicker) {
  AssetsWithAGap assets;
  const AppDeps deps = LoadAppDeps(assets.Config("en-GB"), nullptr);
  EXPECT_FALSE(deps.catalogs.count("pl")) << "Polish would show an English category";
  EXPECT_TRUE(deps.catalogs.count("cy"));
  EXPECT_TRUE(deps.policy_words.count("cy"));
  EXPECT_EQ(deps.policy_words.at("cy").categories.at(2).name, "Rhywbeth na chafodd ei wneud");
}

}  // namespace
}  // namespace tellus
