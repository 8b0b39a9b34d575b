// Plural and date grammar from ICU in every catalog (easyread/grammar.h): what a person
// reads and hears for the durations and dates the screens show.
#include "easyread/grammar.h"

#include <gtest/gtest.h>

#include "easyread/checks.h"
#include "easyread/dates.h"

namespace tellus {
namespace {

using namespace std::chrono;

const std::string kLangRoot = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";
const int kCounts[] = {1, 2, 5, 12, 22};

// The plain (dictionary) form of 1, 2, 5, 12 and 22 of a unit.
struct Expected {
  const char* tag;
  Duration::Unit unit;
  const char* forms[5];
};

using U = Duration::Unit;
const Expected kPlain[] = {
    {"en-GB", U::kDays, {"1 day", "2 days", "5 days", "12 days", "22 days"}},
    {"en-GB", U::kWeeks, {"1 week", "2 weeks", "5 weeks", "12 weeks", "22 weeks"}},
    {"en-GB", U::kMonths, {"1 month", "2 months", "5 months", "12 months", "22 months"}},
    {"en-GB", U::kYears, {"1 year", "2 years", "5 years", "12 years", "22 years"}},
    {"cy", U::kDays, {"1 diwrnod", "2 ddiwrnod", "5 diwrnod", "12 diwrnod", "22 diwrnod"}},
    {"cy", U::kWeeks, {"1 wythnos", "2 wythnos", "5 wythnos", "12 wythnos", "22 wythnos"}},
    {"cy", U::kMonths, {"1 mis", "2 fis", "5 mis", "12 mis", "22 mis"}},
    {"cy", U::kYears, {"1 flwyddyn", "2 flynedd", "5 o flynyddoedd", "12 o flynyddoedd", "22 o flynyddoedd"}},
    {"pl", U::kDays, {"1 dzień", "2 dni", "5 dni", "12 dni", "22 dni"}},
    {"pl", U::kWeeks, {"1 tydzień", "2 tygodnie", "5 tygodni", "12 tygodni", "22 tygodnie"}},
    {"pl", U::kMonths, {"1 miesiąc", "2 miesiące", "5 miesięcy", "12 miesięcy", "22 miesiące"}},
    {"pl", U::kYears, {"1 rok", "2 lata", "5 lat", "12 lat", "22 lata"}},
    {"uk", U::kDays, {"1 день", "2 дні", "5 днів", "12 днів", "22 дні"}},
    {"uk", U::kWeeks, {"1 тиждень", "2 тижні", "5 тижнів", "12 тижнів", "22 тижні"}},
    {"uk", U::kMonths, {"1 місяць", "2 місяці", "5 місяців", "12 місяців", "22 місяці"}},
    {"uk", U::kYears, {"1 рік", "2 роки", "5 років", "12 років", "22 роки"}},
    {"lt", U::kDays, {"1 diena", "2 dienos", "5 dienos", "12 dienų", "22 dienos"}},
    {"lt", U::kWeeks, {"1 savaitė", "2 savaitės", "5 savaitės", "12 savaičių", "22 savaitės"}},
    {"lt", U::kMonths, {"1 mėnuo", "2 mėnesiai", "5 mėnesiai", "12 mėnesių", "22 mėnesiai"}},
    {"lt", U::kYears, {"1 metai", "2 metai", "5 metai", "12 metų", "22 metai"}},
    {"ro", U::kDays, {"1 zi", "2 zile", "5 zile", "12 zile", "22 de zile"}},
    {"ro", U::kWeeks, {"1 săptămână", "2 săptămâni", "5 săptămâni", "12 săptămâni", "22 de săptămâni"}},
    {"ro", U::kMonths, {"1 lună", "2 luni", "5 luni", "12 luni", "22 de luni"}},
    {"ro", U::kYears, {"1 an", "2 ani", "5 ani", "12 ani", "22 de ani"}},
    {"fr", U::kDays, {"1 jour", "2 jours", "5 jours", "12 jours", "22 jours"}},
    {"fr", U::kWeeks, {"1 semaine", "2 semaines", "5 semaines", "12 semaines", "22 semaines"}},
    {"fr", U::kMonths, {"1 mois", "2 mois", "5 mois", "12 mois", "22 mois"}},
    {"fr", U::kYears, {"1 an", "2 ans", "5 ans", "12 ans", "22 ans"}},
    {"es", U::kDays, {"1 día", "2 días", "5 días", "12 días", "22 días"}},
    {"es", U::kWeeks, {"1 semana", "2 semanas", "5 semanas", "12 semanas", "22 semanas"}},
    {"es", U::kMonths, {"1 mes", "2 meses", "5 meses", "12 meses", "22 meses"}},
    {"es", U::kYears, {"1 año", "2 años", "5 años", "12 años", "22 años"}},
    {"pt", U::kDays, {"1 dia", "2 dias", "5 dias", "12 dias", "22 dias"}},
    {"pt", U::kWeeks, {"1 semana", "2 semanas", "5 semanas", "12 semanas", "22 semanas"}},
    {"pt", U::kMonths, {"1 mês", "2 meses", "5 meses", "12 meses", "22 meses"}},
    {"pt", U::kYears, {"1 ano", "2 anos", "5 anos", "12 anos", "22 anos"}},
};

TEST(Grammar, DurationsTakeTheCldrFormInEveryLanguage) {
  std::map<std::string, Catalog> catalogs;
  for (const Expected& e : kPlain) {
    if (!catalogs.count(e.tag)) catalogs.emplace(e.tag, Catalog::LoadLanguage(kLangRoot, e.tag));
    for (int i = 0; i < 5; ++i)
      EXPECT_EQ(DurationText(catalogs.at(e.tag), Duration{kCounts[i], e.unit}), e.forms[i])
          << e.tag << " " << DurationUnitWord(e.unit) << " " << kCounts[i];
  }
  // Every language is in the table.
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) EXPECT_TRUE(catalogs.count(tag)) << tag;
}

// The sentence picks the case it needs: Polish "przez" and Lithuanian "saugome" take the accusative.
std::string Keep(const std::string& tag, int years) {
  const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
  return catalog.Format("consent.body_keep", DurationValues(catalog, "retention", Duration{years, U::kYears}));
}

TEST(Grammar, TheConsentScreenSaysHowLongInTheRightCase) {
  EXPECT_EQ(Keep("pl", 2), "Przechowujemy to, co nam mówisz, przez 2 lata.");
  EXPECT_EQ(Keep("pl", 5), "Przechowujemy to, co nam mówisz, przez 5 lat.");
  EXPECT_EQ(Keep("pl", 22), "Przechowujemy to, co nam mówisz, przez 22 lata.");
  EXPECT_EQ(Keep("uk", 2), "Ми зберігаємо те, що ви кажете, 2 роки.");
  EXPECT_EQ(Keep("uk", 5), "Ми зберігаємо те, що ви кажете, 5 років.");
  EXPECT_EQ(Keep("lt", 2), "Tai, ką sakote, saugome 2 metus.");
  EXPECT_EQ(Keep("lt", 6), "Tai, ką sakote, saugome 6 metus.");
  EXPECT_EQ(Keep("lt", 12), "Tai, ką sakote, saugome 12 metų.");
  EXPECT_EQ(Keep("cy", 2), "Rydyn ni'n cadw beth rydych chi'n ei ddweud am 2 flynedd.");
  EXPECT_EQ(Keep("en-GB", 1), "We keep what you tell us for 1 year.");
}

TEST(Grammar, CasesFallBackToThePlainFormWhereTheyAreTheSame) {
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  const auto hour = DurationValues(pl, "limit", Duration{1, U::kHours});
  EXPECT_EQ(hour.at("limit"), "1 godzina");
  EXPECT_EQ(hour.at("limit.accusative"), "1 godzinę");
  EXPECT_EQ(DurationValues(pl, "limit", Duration{5, U::kYears}).at("limit.accusative"), "5 lat");
  const Catalog lt = Catalog::LoadLanguage(kLangRoot, "lt");
  const int counts[] = {1, 2, 5, 12, 22};
  const char* accusative[] = {"1 dieną", "2 dienas", "5 dienas", "12 dienų", "22 dienas"};
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(DurationValues(lt, "d", Duration{counts[i], U::kDays}).at("d.accusative"), accusative[i]);
}

TEST(Grammar, IcuChoosesTheCategory) {
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  EXPECT_EQ(PluralCategory(pl, 1), "one");
  EXPECT_EQ(PluralCategory(pl, 22), "few");
  EXPECT_EQ(PluralCategory(pl, 25), "many");
  EXPECT_EQ(PluralCategories("cy"), (std::vector<std::string>{"few", "many", "one", "other", "two", "zero"}));
  EXPECT_EQ(PluralCategories("en-GB"), (std::vector<std::string>{"one", "other"}));
}

// Counts in sentences, shown and spoken, take the same forms.
TEST(Grammar, CountsInSentencesShownAndSpoken) {
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  EXPECT_EQ(pl.Format("idle.body_1", CountValues(pl, "count", "seconds", "seconds", 1)), "Wyczyścimy ekran za 1 sekundę.");
  EXPECT_EQ(pl.Format("idle.body_1", CountValues(pl, "count", "seconds", "seconds", 3)), "Wyczyścimy ekran za 3 sekundy.");
  EXPECT_EQ(pl.Spoken("idle.body_1", CountValues(pl, "count", "seconds", "seconds", 30)), "Wyczyścimy ekran za 30 sekund.");
  const Catalog en = Catalog::LoadLanguage(kLangRoot, "en-GB");
  EXPECT_EQ(en.Format("staff.wrong", CountValues(en, "count", "tries", "tries", 1)), "That PIN is wrong. You can try 1 more time.");
  const Catalog uk = Catalog::LoadLanguage(kLangRoot, "uk");
  EXPECT_EQ(uk.Format("staff.locked", CountValues(uk, "count", "minutes", "minutes", 21)),
            "Режим працівника заблоковано. Спробуйте через 21 хвилину.");
}

const year_month_day kFriday{year{2026}, November, day{27}};

std::string Sentence(const Catalog& catalog, const std::string& key) {
  return catalog.Format(key, DateValues(catalog, "date", kFriday));
}

// Every sentence with a date in Polish and Ukrainian: the date after "do", "po", "до",
// "після" is in the genitive, the weekday apart in the nominative.
struct DateSentence {
  const char* key;
  const char* pl;
  const char* uk;
};
const DateSentence kDateSentences[] = {
    {"done.ack", "Skontaktujemy się z Tobą do 27 listopada (piątek).", "Ми зв'яжемося з вами до 27 листопада (пʼятниця)."},
    {"done.respond", "Odpowiemy na Twoją skargę do 27 listopada (piątek).",
     "Ми відповімо на вашу скаргу до 27 листопада (пʼятниця)."},
    {"done.anonymous_check", "Wróć po 27 listopada (piątek), aby sprawdzić odpowiedź.",
     "Поверніться після 27 листопада (пʼятниця), щоб побачити відповідь."},
    {"done.compliment_ack", "Do 27 listopada (piątek) powiemy Ci, że je dostaliśmy.",
     "До 27 листопада (пʼятниця) ми скажемо вам, що отримали її."},
    {"check_result.acknowledge_by", "Potwierdzimy, że to mamy, do 27 listopada (piątek).",
     "Ми скажемо, що маємо її, до 27 листопада (пʼятниця)."},
    {"check_result.respond_by", "Odpowiemy do 27 listopada (piątek).", "Ми відповімо до 27 листопада (пʼятниця)."},
    {"check_result.escalate_until", "Możesz poprosić o następny etap do 27 listopada (piątek).",
     "Ви можете попросити про наступний етап до 27 листопада (пʼятниця)."},
};

TEST(Grammar, DateSentencesInPolishAndUkrainian) {
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  const Catalog uk = Catalog::LoadLanguage(kLangRoot, "uk");
  for (const DateSentence& s : kDateSentences) {
    EXPECT_EQ(Sentence(pl, s.key), s.pl);
    EXPECT_EQ(Sentence(uk, s.key), s.uk);
    EXPECT_EQ(pl.Spoken(s.key, DateValues(pl, "date", kFriday)), s.pl);   // heard as read
  }
  EXPECT_EQ(LocalDate(pl, kFriday, true), "piątek 27 listopada 2026");
  EXPECT_EQ(LocalDate(uk, kFriday, true), "пʼятниця, 27 листопада 2026 р.");
}

// The dates each catalog's ICU pattern gives: the same as the hand-written formats before.
TEST(Grammar, DatesInEveryLanguage) {
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"en-GB", {"Friday 27 November", "Friday 27 November 2026"}},
      {"cy", {"Dydd Gwener 27 Tachwedd", "Dydd Gwener 27 Tachwedd 2026"}},
      {"pl", {"piątek 27 listopada", "piątek 27 listopada 2026"}},
      {"uk", {"пʼятниця, 27 листопада", "пʼятниця, 27 листопада 2026 р."}},
      {"lt", {"lapkričio 27 d., penktadienis", "2026 m. lapkričio 27 d., penktadienis"}},
      {"ro", {"vineri, 27 noiembrie", "vineri, 27 noiembrie 2026"}},
      {"fr", {"vendredi 27 novembre", "vendredi 27 novembre 2026"}},
      {"es", {"viernes 27 de noviembre", "viernes 27 de noviembre de 2026"}},
      {"pt", {"sexta-feira, 27 de novembro", "sexta-feira, 27 de novembro de 2026"}},
  };
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot)) {
    ASSERT_TRUE(expected.count(tag)) << tag;
    const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
    EXPECT_EQ(LocalDate(catalog, kFriday), expected.at(tag).first);
    EXPECT_EQ(LocalDate(catalog, kFriday, true), expected.at(tag).second);
  }
  EXPECT_EQ(Sentence(Catalog::LoadLanguage(kLangRoot, "lt"), "done.ack"),
            "Susisieksime su jumis iki lapkričio 27 d. (penktadienis).");
}

TEST(Grammar, DateGridLabelsComeFromIcu) {
  const Catalog pl = Catalog::LoadLanguage(kLangRoot, "pl");
  EXPECT_EQ(DateLabel(pl, kFriday, "month"), "Listopad 2026");
  EXPECT_EQ(DateLabel(pl, kFriday, "weekday"), "Piątek");
  EXPECT_EQ(DateLabel(Catalog::LoadLanguage(kLangRoot, "en-GB"), kFriday, "month"), "November 2026");
}

// A catalog missing a category ICU needs, or asking for a form nobody defines, fails the checks.
TEST(Grammar, MissingFormsAreNamed) {
  const Catalog bad = Catalog::LoadText(R"(
[language]
tag = "pl"
native_name = "Polski"
voice = "pl"
[duration.years]
one = "{count} rok"
many = "{count} lat"
other = "{count} roku"
[date.pattern]
default = "EEEE d MMMM"
year = "EEEE d MMMM y"
odd = "EEEE d MMMM pp"
[consent]
body_keep = { text = "Przechowujemy to przez {retention.dative}.", pictogram = "keep" }
)", "pl/meta.toml");
  std::string all;
  for (const CheckProblem& p : CheckGrammar(bad)) all += Describe(p) + "\n";
  EXPECT_NE(all.find("pl: duration.years.few: plural-forms: missing: pl needs the 'few' form (counts like 2, 3, 4"), std::string::npos) << all;
  EXPECT_NE(all.find("pl: consent.body_keep: grammar-form: text asks for {retention.dative}"), std::string::npos) << all;
  EXPECT_NE(all.find("pl: date.pattern.odd: date-pattern:"), std::string::npos) << all;
}

}  // namespace
}  // namespace tellus
