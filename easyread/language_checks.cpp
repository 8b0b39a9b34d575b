// The language rules of a catalog (easyread/checks.h): one word for one thing (glossary),
// one way of addressing the person (address), and the grammar forms ICU asks for.
#include <algorithm>
#include <set>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "easyread/checks.h"
#include "easyread/grammar.h"

namespace tellus {
namespace {

std::string LowerUtf8(const std::string& text) {
  std::string out;
  icu::UnicodeString lower = icu::UnicodeString::fromUTF8(text);
  lower.toLower(icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

bool EndsWith(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// "plaint*" any ending, "*łeś" any start, "*pewn*" inside, else the whole word.
bool WordMatches(const std::string& word, const std::string& pattern) {
  const bool any_start = !pattern.empty() && pattern.front() == '*';
  const bool any_end = pattern.size() > 1 && pattern.back() == '*';
  const std::string core = pattern.substr(any_start ? 1 : 0, pattern.size() - (any_start ? 1 : 0) - (any_end ? 1 : 0));
  if (core.empty()) return false;
  if (any_start && any_end) return word.find(core) != std::string::npos;
  if (any_start) return EndsWith(word, core);
  if (any_end) return word.compare(0, core.size(), core) == 0;
  return word == core;
}

// The word (or words, for a pattern with spaces) of `text` a pattern matches; empty if none.
std::string FindPattern(const std::vector<std::string>& words, const std::string& pattern) {
  std::vector<std::string> parts = Words(pattern);
  for (std::string& p : parts) p = LowerUtf8(p);
  if (!pattern.empty() && pattern.front() == '*' && !parts.empty()) parts.front() = "*" + parts.front();
  if (pattern.size() > 1 && pattern.back() == '*' && !parts.empty()) parts.back() += "*";
  if (parts.empty()) return {};
  for (size_t at = 0; at + parts.size() <= words.size(); ++at) {
    bool all = true;
    for (size_t i = 0; all && i < parts.size(); ++i) all = WordMatches(words[at + i], parts[i]);
    if (!all) continue;
    std::string found = words[at];
    for (size_t i = 1; i < parts.size(); ++i) found += " " + words[at + i];
    return found;
  }
  return {};
}

struct Field {
  const char* name;
  const std::string* text;
};

std::vector<Field> FieldsOf(const CatalogEntry& entry) {
  return {{"text", &entry.text}, {"spoken", &entry.spoken}, {"standard", &entry.standard}};
}

std::vector<std::string> LowerWords(const std::string& text) {
  std::vector<std::string> words = Words(text);
  for (std::string& w : words) w = LowerUtf8(w);
  return words;
}

// Grammar tables hold word forms ("{count} lat"), not sentences a person reads alone.
bool IsGrammarKey(const std::string& key) {
  for (const char* prefix : {"duration.", "count.", "date.pattern.", "date.label."})
    if (key.rfind(prefix, 0) == 0) return true;
  return false;
}

void Add(std::vector<CheckProblem>& out, const LanguageInfo& language, const std::string& key, const std::string& rule,
         const std::string& message) {
  out.push_back({language.tag, key, rule, message, {}, 0});
}
void Add(std::vector<CheckProblem>& out, const Catalog& catalog, const std::string& key, const std::string& rule,
         const std::string& message) {
  Add(out, catalog.language(), key, rule, message);
}

}  // namespace

bool IsGrammarForm(const std::string& key) { return IsGrammarKey(key); }

std::string PlaceholderName(const std::string& placeholder) { return placeholder.substr(0, placeholder.find('.')); }

std::vector<CheckProblem> CheckGlossary(const Catalog& catalog) {
  return CheckGlossary(catalog.language(), catalog.entries());
}

std::vector<CheckProblem> CheckGlossary(const LanguageInfo& language, const std::map<std::string, CatalogEntry>& entries) {
  std::vector<CheckProblem> out;
  const auto& glossary = language.glossary;
  for (const auto& [key, entry] : entries) {
    for (const Field& field : FieldsOf(entry)) {
      if (field.text->empty()) continue;
      const std::vector<std::string> words = LowerWords(*field.text);
      for (const GlossaryTerm& term : glossary) {
        for (const std::string& avoid : term.avoid) {
          const std::string found = FindPattern(words, avoid);
          if (found.empty()) continue;
          Add(out, language, key, "glossary",
              std::string(field.name) + " says \"" + found + "\" for '" + term.term + "': this language says \"" +
                  term.use + "\" (glossary " + term.source + ")");
        }
      }
    }
  }
  return out;
}

std::vector<CheckProblem> CheckAddress(const Catalog& catalog) {
  return CheckAddress(catalog.language(), catalog.entries());
}

std::vector<CheckProblem> CheckAddress(const LanguageInfo& language, const std::map<std::string, CatalogEntry>& entries) {
  std::vector<CheckProblem> out;
  const AddressRules& rules = language.address;
  const std::string why = rules.why.empty() ? "" : " (" + rules.why + ")";
  for (const auto& [key, entry] : entries) {
    if (IsGrammarKey(key) || key.rfind("speech.", 0) == 0) continue;
    for (const Field& field : FieldsOf(entry)) {
      if (field.text->empty()) continue;
      const std::vector<std::string> words = LowerWords(*field.text);
      for (const std::string& avoid : rules.avoid) {
        const std::string found = FindPattern(words, avoid);
        if (found.empty()) continue;
        Add(out, language, key, "address",
            std::string(field.name) + " says \"" + found + "\": the person is addressed " + rules.form +
                (rules.gender_neutral ? " and gender-neutrally" : "") + why + " (address " + rules.source + ")");
      }
    }
  }
  return out;
}

std::vector<CheckProblem> CheckGrammar(const Catalog& catalog) {
  std::vector<CheckProblem> out;
  const std::string& tag = catalog.language().tag;
  const std::vector<std::string> categories = PluralCategories(tag);
  const std::set<std::string> category_set(categories.begin(), categories.end());
  std::set<std::string> forms;                    // what {name.<form>} may ask for
  for (const char* table : {"duration", "count"}) {
    std::set<std::string> words;
    const std::string prefix = std::string(table) + ".";
    for (const auto& [key, entry] : catalog.entries()) {
      if (key.rfind(prefix, 0) != 0) continue;
      const size_t word_end = key.find('.', prefix.size());
      if (word_end == std::string::npos) {
        Add(out, catalog, key, "plural-forms", "needs a table of forms, one per plural category (" + prefix + "<word>.<category>)");
        continue;
      }
      words.insert(key.substr(prefix.size(), word_end - prefix.size()));
      const std::string category = key.substr(key.rfind('.') + 1);
      if (!category_set.count(category))
        Add(out, catalog, key, "plural-forms",
            "'" + category + "' is not a plural category of " + tag + " (ICU has: " + [&] {
              std::string all;
              for (const std::string& c : categories) all += (all.empty() ? "" : ", ") + c;
              return all;
            }() + ")");
    }
    for (const std::string& word : words)
      for (const std::string& category : categories)
        if (!catalog.Has(prefix + word + "." + category))
          Add(out, catalog, prefix + word + "." + category, "plural-forms",
              "missing: " + tag + " needs the '" + category + "' form (counts like " + PluralSamples(tag, category) + ")");
    for (const std::string& c : GrammarCases(catalog, table)) forms.insert(c);
  }
  for (const auto& [key, entry] : catalog.entries()) {
    if (key.rfind("date.pattern.", 0) == 0 || key.rfind("date.label.", 0) == 0) {
      const std::string error = DatePatternError(tag, entry.text);
      if (!error.empty()) Add(out, catalog, key, "date-pattern", "\"" + entry.text + "\": " + error);
    }
  }
  for (const std::string& name : DatePatternNames(catalog)) forms.insert(name);
  for (const auto& [key, entry] : catalog.entries()) {
    if (IsGrammarKey(key)) continue;
    for (const Field& field : FieldsOf(entry)) {
      for (const std::string& placeholder : Placeholders(*field.text)) {
        const size_t dot = placeholder.find('.');
        if (dot == std::string::npos) continue;
        const std::string form = placeholder.substr(dot + 1);
        if (!forms.count(form))
          Add(out, catalog, key, "grammar-form",
              std::string(field.name) + " asks for {" + placeholder + "} but no [duration.*." + form + "], [count.*." +
                  form + "] or date.pattern." + form + " defines the form '" + form + "'");
      }
    }
  }
  return out;
}

}  // namespace tellus
