#include "easyread/spoken.h"

#include <gtest/gtest.h>

namespace tellus {
namespace {

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";

TEST(SpokenCharacter, NamesSymbolsInTheLanguage) {
  const Catalog en = Catalog::LoadLanguage(kLangRoot, "en-GB");
  EXPECT_EQ(SpokenCharacter(en, " "), "space");
  EXPECT_EQ(SpokenCharacter(en, "@"), "at");
  EXPECT_EQ(SpokenCharacter(en, "£"), "pound sign");
  EXPECT_EQ(SpokenCharacter(en, "b"), "b");
  EXPECT_EQ(SpokenCharacter(en, "B"), "B");
  EXPECT_EQ(SpokenCharacter(en, "B", true), "capital B");
  EXPECT_EQ(SpokenCharacter(en, "7", true), "7");
  EXPECT_EQ(SpokenCharacter(en, "~"), "~");
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  EXPECT_EQ(SpokenCharacter(pl, "@"), "małpa");
  EXPECT_EQ(SpokenCharacter(pl, "ż"), "ż");
  EXPECT_EQ(SpokenCharacter(pl, "Ż", true), "wielka litera Ż") << "capitals beyond A-Z are said as capitals";
  EXPECT_EQ(SpokenCharacter(Catalog::LoadLanguage(kLangRoot, "uk"), "Ї", true), "велика Ї");
  EXPECT_EQ(SpokenSignNames(pl).at("@"), "małpa");
  EXPECT_EQ(SpokenSignNames(en).at("."), "full stop");
}

TEST(SpokenCharacter, EveryLanguageNamesEverySymbol) {
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
    for (const char* symbol : {" ", ".", ",", "@", "-", "_", "'", "?", "!", "/", ":", ";", "+", "&", "#", "£", "€",
                               "$", "%", "*", "=", "(", ")", "\"", "\n"})
      EXPECT_NE(SpokenCharacter(catalog, symbol), symbol) << tag << " has no name for '" << symbol << "'";
    EXPECT_NE(SpokenCharacter(catalog, "Q", true).find('Q'), std::string::npos) << tag;
  }
}

TEST(TypingEcho, EachCharacterThenTheWordItEnds) {
  const Catalog en = Catalog::LoadLanguage(kLangRoot, "en-GB");
  EXPECT_EQ(TypingEcho(en, "S", "S"), (std::vector<std::string>{"capital S"}));
  EXPECT_EQ(TypingEcho(en, "@", "sam@"), (std::vector<std::string>{"at"}));
  EXPECT_EQ(TypingEcho(en, " ", "Sam was "), (std::vector<std::string>{"space", "was"}));
  EXPECT_EQ(TypingEcho(en, ".", "kind."), (std::vector<std::string>{"full stop", "kind"}));
  EXPECT_EQ(TypingEcho(en, " ", " "), (std::vector<std::string>{"space"}));
  EXPECT_EQ(TypingEcho(en, "ab", "ab"), (std::vector<std::string>{"a", "b"}));
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  EXPECT_EQ(TypingEcho(pl, "ż", "ż"), (std::vector<std::string>{"ż"}));
}

}  // namespace
}  // namespace tellus
