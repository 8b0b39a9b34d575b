// Plural categories and dates from ICU (easyread/grammar.h).
#include "easyread/grammar.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/smpdtfmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>

namespace tellus {
namespace {

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::Locale LocaleOf(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  return U_FAILURE(status) ? icu::Locale::getRoot() : locale;
}

// ICU objects are costly to build and screens ask every frame: one of each, kept.
std::mutex& CacheMutex() {
  static std::mutex mutex;
  return mutex;
}

icu::PluralRules& Rules(const std::string& tag) {  // with CacheMutex held
  static std::map<std::string, std::unique_ptr<icu::PluralRules>> cache;
  auto it = cache.find(tag);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(LocaleOf(tag), status));
    if (U_FAILURE(status) || !rules) {
      status = U_ZERO_ERROR;
      rules.reset(icu::PluralRules::createDefaultRules(status));   // "other" for every count
    }
    it = cache.emplace(tag, std::move(rules)).first;
  }
  return *it->second;
}

icu::SimpleDateFormat* Formatter(const std::string& tag, const std::string& pattern, bool label) {  // with CacheMutex held
  static std::map<std::tuple<std::string, std::string, bool>, std::unique_ptr<icu::SimpleDateFormat>> cache;
  auto key = std::make_tuple(tag, pattern, label);
  auto it = cache.find(key);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    auto format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern), LocaleOf(tag), status);
    if (U_FAILURE(status)) format.reset();
    else format->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));   // a civil date: no shift
    if (format && label) format->setContext(UDISPCTX_CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE, status);
    it = cache.emplace(key, std::move(format)).first;
  }
  return it->second.get();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The form of `count` from [<base>] (or [<base>.<grammar_case>], falling back to the plain form).
std::string Form(const Catalog& catalog, const std::string& base, const std::string& grammar_case,
                 const std::string& category, long count) {
  std::string key = base + "." + category;
  if (!grammar_case.empty() && catalog.Has(base + "." + grammar_case + "." + category))
    key = base + "." + grammar_case + "." + category;
  else if (!catalog.Has(key))
    key = base + ".other";   // shows "[duration.years.other]" when even that is missing
  return Replace(catalog.Text(key), "{count}", std::to_string(count));
}

}  // namespace

std::string PluralCategory(const Catalog& catalog, long count) {
  std::lock_guard lock(CacheMutex());
  return Utf8(Rules(catalog.language().tag).select(static_cast<int32_t>(count)));
}

std::vector<std::string> PluralCategories(const std::string& tag) {
  std::lock_guard lock(CacheMutex());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> keywords(Rules(tag).getKeywords(status));
  std::vector<std::string> out;
  if (U_FAILURE(status) || !keywords) return {"other"};
  while (const icu::UnicodeString* keyword = keywords->snext(status)) {
    if (U_FAILURE(status)) break;
    out.push_back(Utf8(*keyword));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string PluralSamples(const std::string& tag, const std::string& category) {
  std::lock_guard lock(CacheMutex());
  double samples[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = Rules(tag).getSamples(icu::UnicodeString::fromUTF8(category), samples, 8, status);
  std::string out;
  for (int32_t i = 0; U_SUCCESS(status) && i < n; ++i) {
    if (!out.empty()) out += ", ";
    const double v = samples[i];
    out += v == static_cast<double>(static_cast<long>(v)) ? std::to_string(static_cast<long>(v)) : std::to_string(v);
  }
  return out;
}

std::vector<std::string> GrammarCases(const Catalog& catalog, const std::string& table) {
  // Keys "<table>.<word>.<case>.<category>": four or more segments.
  std::set<std::string> cases;
  const std::string prefix = table + ".";
  for (auto it = catalog.entries().lower_bound(prefix); it != catalog.entries().end(); ++it) {
    const std::string& key = it->first;
    if (key.compare(0, prefix.size(), prefix) != 0) break;
    const size_t word_end = key.find('.', prefix.size());
    if (word_end == std::string::npos) continue;
    const size_t case_end = key.find('.', word_end + 1);
    if (case_end == std::string::npos) continue;
    cases.insert(key.substr(word_end + 1, case_end - word_end - 1));
  }
  return {cases.begin(), cases.end()};
}

std::map<std::string, std::string> CountValues(const Catalog& catalog, const std::string& table,
                                               const std::string& word, const std::string& name, long count) {
  const std::string category = PluralCategory(catalog, count);
  const std::string base = table + "." + word;
  std::map<std::string, std::string> values{{name, Form(catalog, base, "", category, count)}};
  for (const std::string& grammar_case : GrammarCases(catalog, table))
    values[name + "." + grammar_case] = Form(catalog, base, grammar_case, category, count);
  return values;
}

const char* DurationUnitWord(Duration::Unit unit) {
  switch (unit) {
    case Duration::Unit::kWorkingDays: return "working_days";
    case Duration::Unit::kDays: return "days";
    case Duration::Unit::kHours: return "hours";
    case Duration::Unit::kWeeks: return "weeks";
    case Duration::Unit::kMonths: return "months";
    case Duration::Unit::kYears: return "years";
  }
  return "days";
}

std::map<std::string, std::string> DurationValues(const Catalog& catalog, const std::string& name, const Duration& d) {
  return CountValues(catalog, "duration", DurationUnitWord(d.unit), name, d.count);
}

std::string DurationText(const Catalog& catalog, const Duration& d) {
  return DurationValues(catalog, "text", d).at("text");
}

namespace {

std::string Format(const std::string& tag, std::chrono::year_month_day date, const std::string& pattern, bool label) {
  if (!date.ok()) return "[date]";
  const double ms = static_cast<double>(std::chrono::sys_days{date}.time_since_epoch().count()) * 86400000.0;
  std::lock_guard lock(CacheMutex());
  icu::SimpleDateFormat* format = Formatter(tag, pattern, label);
  if (!format) return "[date]";
  icu::UnicodeString out;
  format->format(ms, out);
  return Utf8(out);
}

}  // namespace

std::string FormatDatePattern(const std::string& tag, std::chrono::year_month_day date, const std::string& pattern) {
  return Format(tag, date, pattern, false);
}

std::string DateLabel(const Catalog& catalog, std::chrono::year_month_day date, const std::string& name) {
  const std::string key = "date.label." + name;
  if (!catalog.Has(key)) return "[" + key + "]";
  return Format(catalog.language().tag, date, catalog.Text(key), true);
}

std::string FormatDate(const Catalog& catalog, std::chrono::year_month_day date, const std::string& pattern_name) {
  const std::string key = "date.pattern." + pattern_name;
  if (!catalog.Has(key)) return "[date]";
  return FormatDatePattern(catalog.language().tag, date, catalog.Text(key));
}

std::vector<std::string> DatePatternNames(const Catalog& catalog) {
  std::vector<std::string> names;
  const std::string prefix = "date.pattern.";
  for (auto it = catalog.entries().lower_bound(prefix); it != catalog.entries().end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    names.push_back(it->first.substr(prefix.size()));
  }
  return names;
}

std::map<std::string, std::string> DateValues(const Catalog& catalog, const std::string& name,
                                              std::chrono::year_month_day date, bool with_year) {
  std::map<std::string, std::string> values{{name, FormatDate(catalog, date, with_year ? "year" : "default")}};
  for (const std::string& form : DatePatternNames(catalog))
    if (form != "default" && form != "year") values[name + "." + form] = FormatDate(catalog, date, form);
  return values;
}

std::string DatePatternError(const std::string& tag, const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat format(icu::UnicodeString::fromUTF8(pattern), LocaleOf(tag), status);
  if (U_FAILURE(status)) return std::string("ICU cannot use this date pattern: ") + u_errorName(status);
  // Letters ICU does not know as fields are errors too (quote words with '...').
  for (char c : pattern) {
    static const std::string kFields = "GyYuUrQqMLlwWdDFgEecabBhHkKjJCmsSAzZOvVXx";
    if (c == '\'') break;   // quoted text follows: leave it to ICU
    if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && kFields.find(c) == std::string::npos)
      return std::string("'") + c + "' is not an ICU date field (quote words with '...')";
  }
  return {};
}

}  // namespace tellus
