// [keyboard.layout] in a catalog: the language's keys, checked as they load, and the
// capitals Shift shows for them.
#include <gtest/gtest.h>

#include "easyread/catalog.h"
#include "easyread/letters.h"

namespace tellus {
namespace {

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";

std::string LoadError(const std::string& toml) {
  try {
    Catalog::LoadText(toml, "kiosk.toml");
  } catch (const CatalogError& e) {
    return e.what();
  }
  return "";
}

const char* const kGood = R"toml([keyboard.layout]
accents = "ąćęłńóśźż"
letters = ["qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"]
symbols = ["1234567890", "@#&()"]
email_endings = ["@gmail.com", ".co.uk"]
)toml";

TEST(KeyboardLayout, IsReadFromTheCatalogAndLeavesNoEntries) {
  const Catalog c = Catalog::LoadText(std::string("[keyboard]\nspace = \"Spacja\"\n") + kGood, "kiosk.toml");
  EXPECT_EQ(c.keyboard().accents, "ąćęłńóśźż");
  ASSERT_EQ(c.keyboard().letters.size(), 3u);
  EXPECT_EQ(c.keyboard().letters[2], "zxcvbnm,.-");
  EXPECT_EQ(c.keyboard().email_endings.at(0), "@gmail.com");
  EXPECT_EQ(c.keyboard().source, "kiosk.toml:3");
  EXPECT_EQ(c.Text("keyboard.space"), "Spacja");
  EXPECT_FALSE(c.Has("keyboard.layout.letters")) << "rows are keys, not words to check";
}

TEST(KeyboardLayout, ACatalogWithoutOneGetsTheEnglishKeys) {
  const Catalog c = Catalog::LoadText("[keyboard]\nspace = \"Space\"\n", "kiosk.toml");
  EXPECT_TRUE(c.keyboard().source.empty());
  EXPECT_EQ(c.keyboard().letters, EnglishKeyboardLayout().letters);
}

TEST(KeyboardLayout, MistakesNameFileLineAndWhat) {
  const auto with = [](const std::string& from, const std::string& to) {
    std::string text = kGood;
    text.replace(text.find(from), from.size(), to);
    return LoadError(text);
  };
  EXPECT_EQ(LoadError(kGood), "");
  const std::string space = with("\"qwertyuiop\"", "\"qwe rtyuiop\"");
  EXPECT_NE(space.find("kiosk.toml:3: key 'keyboard.layout.letters'"), std::string::npos) << space;
  EXPECT_NE(space.find("space"), std::string::npos) << space;
  EXPECT_NE(with("asdfghjkl'", "asdfghjkla").find("key 'a' is on this page twice"), std::string::npos);
  EXPECT_NE(with("ąćęłńóśźż", "ąćęłńóśźżq").find("key 'q' is on this page twice"), std::string::npos);
  EXPECT_NE(with("\"1234567890\"", "\"1234567890abcd\"").find("has 14 keys"), std::string::npos);
  EXPECT_NE(with("zxcvbnm", "zcvbnm").find("has no 'x'"), std::string::npos);
  EXPECT_NE(with("symbols =", "symbol =").find("unknown field"), std::string::npos);
  EXPECT_NE(with("\"zxcvbnm,.-\"]", "\"zxcvbnm,.-\", \"!\"]").find("too many rows"), std::string::npos);
  EXPECT_NE(with("\".co.uk\"", "\"a b\"").find("no spaces"), std::string::npos);
  EXPECT_NE(with("[\"qwertyuiop\", \"asdfghjkl'\", \"zxcvbnm,.-\"]", "\"qwerty\"").find("must be a list"),
            std::string::npos);
  EXPECT_NE(with("email_endings = [\"@gmail.com\", \".co.uk\"]\n", "").find("email_endings': missing"),
            std::string::npos);
}

TEST(KeyboardLayout, EveryCatalogDefinesItsOwn) {
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    SCOPED_TRACE(tag);
    const Catalog c = Catalog::LoadLanguage(kLangRoot, tag);
    EXPECT_NE(c.keyboard().source.find("kiosk.toml:"), std::string::npos) << c.keyboard().source;
    // Every letter on its letter pages has a capital for Shift to show.
    std::vector<std::string> rows = c.keyboard().letters;
    rows.push_back(c.keyboard().accents);
    rows.insert(rows.end(), c.keyboard().latin.begin(), c.keyboard().latin.end());
    for (const std::string& row : rows)
      for (const std::string& key : SplitLetters(row)) {
        const bool sign = key.size() == 1 && !std::isalpha(static_cast<unsigned char>(key[0]));
        if (sign || key == "¿" || key == "¡") continue;
        EXPECT_TRUE(HasCapital(key)) << key;
      }
  }
}

TEST(Letters, CapitalsOfTheCatalogAlphabets) {
  EXPECT_EQ(UpperCase("ąćęłńóśźż"), "ĄĆĘŁŃÓŚŹŻ");
  EXPECT_EQ(UpperCase("ŵŷâêîôûẅỳ"), "ŴŶÂÊÎÔÛẄỲ");
  EXPECT_EQ(UpperCase("ăâîșțşţ"), "ĂÂÎȘȚŞŢ");
  EXPECT_EQ(UpperCase("ąčęėįšųūž"), "ĄČĘĖĮŠŲŪŽ");
  EXPECT_EQ(UpperCase("éèêëàâçùûôîïœÿ ñáíú ãõ"), "ÉÈÊËÀÂÇÙÛÔÎÏŒŸ ÑÁÍÚ ÃÕ");
  EXPECT_EQ(UpperCase("йцукенгшщзхїфівапролджєячсмитьбюґ"), "ЙЦУКЕНГШЩЗХЇФІВАПРОЛДЖЄЯЧСМИТЬБЮҐ");
  EXPECT_EQ(UpperCase("Hello, ß 12 @"), "HELLO, ß 12 @");
  EXPECT_EQ(UpperCase("ЙĄ"), "ЙĄ") << "capitals stay";
}

TEST(Letters, CapitalsAreKnownAndSaidAsCapitals) {
  for (const char* capital : {"A", "Ą", "Ł", "Ŵ", "Ș", "Й", "Ї", "Ґ", "Ÿ", "É"}) EXPECT_TRUE(IsCapital(capital)) << capital;
  for (const char* other : {"a", "ą", "й", "ß", "1", "@", "ĸ", "AB"}) EXPECT_FALSE(IsCapital(other)) << other;
}

TEST(Letters, SplitsCodePointsAndRejectsBrokenUtf8) {
  EXPECT_EQ(SplitLetters("aЙ€😀"), (std::vector<std::string>{"a", "Й", "€", "😀"}));
  EXPECT_TRUE(IsValidUtf8("ŵŷ ął Й"));
  EXPECT_FALSE(IsValidUtf8("\xC5"));                // cut short
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));            // overlong
  EXPECT_FALSE(IsValidUtf8("a\xFFz"));
  EXPECT_EQ(SplitLetters("a\xFFz").size(), 3u) << "a broken byte becomes one replacement letter";
}

}  // namespace
}  // namespace tellus
