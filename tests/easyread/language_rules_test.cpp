// The glossary and address rules (easyread/language_checks.cpp) with each language's real
// rules from its meta.toml, over sentences the catalogs said before they were fixed.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "easyread/catalog.h"
#include "easyread/checks.h"

namespace tellus {
namespace {

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";

// The language's meta.toml (its [language], [glossary] and [address]) plus `entries`.
Catalog WithRules(const std::string& tag, const std::string& entries) {
  std::ifstream in(kLangRoot + "/" + tag + "/meta.toml");
  std::ostringstream meta;
  meta << in.rdbuf();
  return Catalog::LoadText(meta.str() + "\n" + entries, tag + "/meta.toml");
}

std::string Found(const Catalog& catalog) {
  std::string out;
  for (const CheckProblem& p : CheckGlossary(catalog)) out += Describe(p) + "\n";
  for (const CheckProblem& p : CheckAddress(catalog)) out += Describe(p) + "\n";
  return out;
}

TEST(LanguageRules, AnotherWordForAGlossaryTermIsNamedWithItsKey) {
  std::string fr = Found(WithRules("fr", "[check_confirm]\nwithdraw_title = { text = \"Arrêter votre plainte ?\", pictogram = \"withdraw\" }\n"));
  EXPECT_NE(fr.find("fr: check_confirm.withdraw_title: glossary: text says \"plainte\" for 'complaint': this language says "
                    "\"réclamation\" (glossary fr/meta.toml:"),
            std::string::npos)
      << fr;
  std::string pt = Found(WithRules("pt", "[x]\nreference = { text = \"A referência é um número para a sua queixa.\", pictogram = \"ticket\" }\n"));
  EXPECT_NE(pt.find("pt: x.reference: glossary: text says \"queixa\" for 'complaint'"), std::string::npos) << pt;
  std::string lt = Found(WithRules("lt", "[x]\nreference = { text = \"Nuoroda yra jūsų skundo numeris.\", pictogram = \"ticket\" }\n"));
  EXPECT_NE(lt.find("lt: x.reference: glossary: text says \"nuoroda\" for 'reference': this language says \"bylos numeris\""),
            std::string::npos)
      << lt;
  std::string pl = Found(WithRules("pl", "[x]\nadvocate = { text = \"Rzecznik osoby to ktoś, kto pomaga Ci mówić.\", pictogram = \"advocate\" }\n"));
  EXPECT_NE(pl.find("pl: x.advocate: glossary: text says \"rzecznik osoby\" for 'advocate'"), std::string::npos) << pl;
}

TEST(LanguageRules, GenderedOrMixedAddressIsNamedWithItsKey) {
  std::string pl = Found(WithRules("pl", "[affected]\nbody_1 = { text = \"Powiedz nam, jak się czułeś.\", pictogram = \"write\" }\n"
                                         "[check_result]\nwithdraw = { text = \"Zatrzymaj moją skargę\", pictogram = \"withdraw\", "
                                         "spoken = \"Zatrzymaj moją skargę. Zapytamy, czy jesteś pewien.\" }\n"));
  EXPECT_NE(pl.find("pl: affected.body_1: address: text says \"czułeś\": the person is addressed informal and gender-neutrally"),
            std::string::npos)
      << pl;
  EXPECT_NE(pl.find("pl: check_result.withdraw: address: spoken says \"pewien\""), std::string::npos) << pl;
  std::string ro = Found(WithRules("ro", "[done]\nack = { text = \"Vă contactăm până pe {date}.\", pictogram = \"contact\" }\n"));
  EXPECT_NE(ro.find("ro: done.ack: address: text says \"vă\""), std::string::npos) << ro;
  for (const auto& [tag, text, word] : {std::tuple{"fr", "Si vous n'êtes pas sûr, touchez la réponse la plus proche.", "sûr"},
                                         std::tuple{"es", "Si no está seguro, toque la respuesta más cercana.", "seguro"},
                                         std::tuple{"pt", "Vamos contactá-lo até {date}.", "contactá-lo"}}) {
    const std::string found = Found(WithRules(tag, std::string("[when]\nhelp = { text = \"") + text + "\", pictogram = \"shrug\" }\n"));
    EXPECT_NE(found.find(std::string(tag) + ": when.help: address: text says \"" + word + "\""), std::string::npos) << found;
  }
}

// The same sentences as the catalogs now say them pass.
TEST(LanguageRules, TheFixedWordingPasses) {
  EXPECT_EQ(Found(WithRules("pl", "[affected]\nbody_1 = { text = \"Powiedz nam, jakie to było dla Ciebie.\", pictogram = \"write\" }\n")), "");
  EXPECT_EQ(Found(WithRules("fr", "[x]\ny = { text = \"Arrêter votre réclamation ?\", pictogram = \"withdraw\" }\n")), "");
  EXPECT_EQ(Found(WithRules("ro", "[done]\nack = { text = \"Te contactăm până pe {date}.\", pictogram = \"contact\" }\n")), "");
}

TEST(LanguageRules, EveryCatalogStatesItsRules) {
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
    EXPECT_FALSE(catalog.language().address.form.empty()) << tag << ": meta.toml has no [address]";
    EXPECT_TRUE(catalog.language().address.gender_neutral) << tag;
    EXPECT_GE(catalog.language().glossary.size(), 8u) << tag << ": meta.toml [glossary] is short";
  }
}

TEST(LanguageRules, BadRulesAreNamed) {
  try {
    Catalog::LoadText("[language]\ntag = \"pl\"\nnative_name = \"P\"\nvoice = \"pl\"\n[address]\nform = \"polite\"\n", "pl/meta.toml");
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("pl/meta.toml:6: key 'address.form': must be \"formal\" or \"informal\""), std::string::npos)
        << e.what();
  }
  try {
    Catalog::LoadText("[language]\ntag = \"pl\"\nnative_name = \"P\"\nvoice = \"pl\"\n[glossary]\ncomplaint = { avoid = [\"x\"] }\n",
                      "pl/meta.toml");
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("key 'glossary.complaint.use': missing"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tellus
