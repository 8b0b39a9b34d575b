#pragma once
// Language grammar from ICU: which plural form a count takes (CLDR categories through
// icu::PluralRules) and how a date is written (icu::SimpleDateFormat with a pattern the
// catalog chooses). The words stay in the catalog; ICU only decides which form to use.
//
//   # easyread/lang/pl/journey.toml: one form for each CLDR category ICU lists for the language
//   [duration.years]
//   one = "{count} rok"
//   few = "{count} lata"
//   many = "{count} lat"
//   other = "{count} roku"
//   # A grammatical case a sentence needs: only the forms that differ from the plain ones.
//   [duration.hours.accusative]
//   one = "{count} godzinę"
//
//   # meta.toml: ICU date patterns; `default` and `year` are required, any other name is a
//   # form a sentence asks for as {date.<name>}
//   [date.pattern]
//   default = "EEEE d MMMM"
//   year = "EEEE d MMMM y"
//   genitive = "d MMMM (EEEE)"      # "do 27 listopada (piątek)"
//   [date.label]                    # dates standing alone: the date grid's month and weekdays
//   month = "LLLL y"
//   weekday = "EEEE"
//
// A sentence writes {retention} for the plain form and {retention.accusative} for a case;
// the code hands over every form (DurationValues, CountValues, DateValues), so the
// catalog, not the code, decides which one each sentence uses. Spoken forms get the
// same values, so what is heard follows the same grammar as what is read.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/duration.h"
#include "easyread/catalog.h"

namespace tellus {

// The CLDR plural category ICU chooses for `count` in the catalog's language: "one", "few"...
std::string PluralCategory(const Catalog& catalog, long count);
// Every category ICU lists for the language tag ("pl": few, many, one, other), sorted.
std::vector<std::string> PluralCategories(const std::string& tag);
// Example counts ICU gives for a category ("few" in pl: "2~4, 22~24, ..."), for translators.
std::string PluralSamples(const std::string& tag, const std::string& category);

// The case names the catalog's [<table>.<word>.<case>] tables define ("accusative").
std::vector<std::string> GrammarCases(const Catalog& catalog, const std::string& table);

// {name} and {name.<case>} for `count` of `word` from the catalog's [<table>.<word>]:
// CountValues(c, "count", "seconds", "seconds", 5) gives {"seconds": "5 seconds"}.
std::map<std::string, std::string> CountValues(const Catalog& catalog, const std::string& table,
                                               const std::string& word, const std::string& name, long count);
// The same for a policy duration ("2 years") from [duration.<unit>].
std::map<std::string, std::string> DurationValues(const Catalog& catalog, const std::string& name, const Duration& d);
std::string DurationText(const Catalog& catalog, const Duration& d);   // the plain form
const char* DurationUnitWord(Duration::Unit unit);                     // "working_days", "years"

// {name} (pattern `default`, or `year`), and {name.<form>} for each other [date.pattern] form.
std::map<std::string, std::string> DateValues(const Catalog& catalog, const std::string& name,
                                              std::chrono::year_month_day date, bool with_year = false);
// The date with one of the catalog's patterns (`default`, `year`, or another name);
// "[date]" for an invalid date or a pattern the catalog lacks.
std::string FormatDate(const Catalog& catalog, std::chrono::year_month_day date, const std::string& pattern_name);
// The date with an ICU pattern given here (the date grid's "LLLL y" month heads).
std::string FormatDatePattern(const std::string& tag, std::chrono::year_month_day date, const std::string& pattern);
// A date standing alone as a label, capitalised as the language does at the start of a
// line, with the catalog's [date.label] pattern `name` ("month": "LLLL y", "weekday": "EEEE").
std::string DateLabel(const Catalog& catalog, std::chrono::year_month_day date, const std::string& name);
// The names of the catalog's [date.pattern] forms.
std::vector<std::string> DatePatternNames(const Catalog& catalog);
// Empty when ICU accepts `pattern`, else ICU's reason.
std::string DatePatternError(const std::string& tag, const std::string& pattern);

}  // namespace tellus
