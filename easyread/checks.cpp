#include "easyread/checks.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <toml++/toml.h>

namespace tellus {
namespace {

std::string Where(const std::string& path, const toml::source_region& region) {
  return path + ":" + std::to_string(region.begin.line);
}

toml::table ParseFile(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw CatalogError(Where(path, e.source()) + ": " + std::string(e.description()));
  }
}

[[noreturn]] void Fail(const std::string& path, const toml::node& node, const std::string& key,
                       const std::string& what) {
  throw CatalogError(Where(path, node.source()) + ": key '" + key + "': " + what);
}

const toml::table& TableAt(const std::string& path, const toml::node& node, const std::string& key) {
  if (!node.is_table()) Fail(path, node, key, "must be a table");
  return *node.as_table();
}

std::string StringAt(const std::string& path, const toml::node& node, const std::string& key) {
  if (!node.is_string()) Fail(path, node, key, "must be a string");
  return node.as_string()->get();
}

std::vector<std::string> StringsAt(const std::string& path, const toml::node& node, const std::string& key) {
  if (!node.is_array()) Fail(path, node, key, "must be an array of strings");
  std::vector<std::string> out;
  for (const toml::node& item : *node.as_array()) out.push_back(StringAt(path, item, key));
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '{' || c == '}'; }

bool IsSentenceEnd(char c) { return c == '.' || c == '!' || c == '?'; }

// Trailing quotes and brackets do not hide the end of a sentence: 'Press "Send".'
std::string TrimTrailingClosers(const std::string& text) {
  size_t end = text.size();
  while (end > 0 && (std::isspace(static_cast<unsigned char>(text[end - 1])) ||
                     text[end - 1] == '"' || text[end - 1] == '\'' || text[end - 1] == ')'))
    --end;
  // Closing curly quotes (U+201D, U+2019) are 3 bytes.
  while (end >= 3 && static_cast<unsigned char>(text[end - 3]) == 0xE2 &&
         static_cast<unsigned char>(text[end - 2]) == 0x80 &&
         (static_cast<unsigned char>(text[end - 1]) == 0x9D || static_cast<unsigned char>(text[end - 1]) == 0x99))
    end -= 3;
  return text.substr(0, end);
}

bool Contains(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// A phrase of several words ("so that") matches consecutive words.
bool PhraseAt(const std::vector<std::string>& words, size_t at, const std::string& phrase) {
  std::vector<std::string> parts = Words(phrase);
  if (parts.empty() || at + parts.size() > words.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i)
    if (words[at + i] != parts[i]) return false;
  return true;
}

void Add(std::vector<CheckProblem>& out, const Catalog& catalog, const std::string& key,
         const std::string& rule, const std::string& message) {
  out.push_back({catalog.language().tag, key, rule, message, {}, 0});
}

}  // namespace

std::string Describe(const CheckProblem& p) {
  if (!p.file.empty()) return p.file + ":" + std::to_string(p.line) + ": " + p.key + ": " + p.rule + ": " + p.message;
  return (p.language.empty() ? "?" : p.language) + ": " + p.key + ": " + p.rule + ": " + p.message;
}

std::map<std::string, std::string> EasyReadRules::LoadManifest(const std::string& path) {
  toml::table root = ParseFile(path);
  const toml::node* table = root.get("pictograms");
  if (!table) throw CatalogError(path + ":1: key 'pictograms': missing [pictograms] table");
  std::map<std::string, std::string> out;
  for (auto&& [id, code] : TableAt(path, *table, "pictograms")) {
    const std::string key = "pictograms." + std::string(id.str());
    std::string value = StringAt(path, code, key);
    // "own:<name>": assets/pictograms/<name>.svg, drawn for Tell Us (assets/rasterise.sh).
    const bool own = value.rfind("own:", 0) == 0 && value.size() > 4 &&
                     value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", 4) == std::string::npos;
    if (!own && (value.empty() || value.find_first_not_of("0123456789ABCDEF-") != std::string::npos))
      Fail(path, code, key,
           "must be an OpenMoji code like \"1F44D\" (upper-case hex joined by '-') or \"own:<name>\" for "
           "assets/pictograms/<name>.svg");
    out.emplace(std::string(id.str()), std::move(value));
  }
  return out;
}

std::map<std::string, JoiningRules> EasyReadRules::LoadJoining(const std::string& path) {
  toml::table root = ParseFile(path);
  std::map<std::string, JoiningRules> out;
  for (auto&& [tag, node] : root) {
    const std::string lang(tag.str());
    JoiningRules rules;
    for (auto&& [field, value] : TableAt(path, node, lang)) {
      const std::string name(field.str());
      const std::string key = lang + "." + name;
      std::vector<std::string>* target = name == "always"           ? &rules.always
                                         : name == "after_comma"    ? &rules.after_comma
                                         : name == "before_subject" ? &rules.before_subject
                                         : name == "subjects"       ? &rules.subjects
                                                                    : nullptr;
      if (!target) Fail(path, value, key, "unknown field (allowed: always, after_comma, before_subject, subjects)");
      for (const std::string& word : StringsAt(path, value, key)) target->push_back(Lower(word));
    }
    out.emplace(lang, std::move(rules));
  }
  return out;
}

std::map<std::string, std::vector<HardWord>> EasyReadRules::LoadHardWords(const std::string& path) {
  toml::table root = ParseFile(path);
  std::map<std::string, std::vector<HardWord>> out;
  for (auto&& [tag, node] : root) {
    const std::string lang(tag.str());
    std::vector<HardWord>& words = out[lang];
    for (auto&& [word, key] : TableAt(path, node, lang))
      words.push_back({Lower(std::string(word.str())), StringAt(path, key, lang + "." + std::string(word.str()))});
  }
  return out;
}

EasyReadRules EasyReadRules::LoadFrom(const std::string& source_dir) {
  return LoadFrom(source_dir + "/assets", source_dir + "/easyread");
}

EasyReadRules EasyReadRules::LoadFrom(const std::string& assets_dir, const std::string& easyread_dir) {
  EasyReadRules rules;
  rules.pictograms = LoadManifest(assets_dir + "/pictograms/manifest.toml");
  rules.joining = LoadJoining(easyread_dir + "/joining_words.toml");
  rules.hard_words = LoadHardWords(easyread_dir + "/hard_words.toml");
  return rules;
}

std::vector<std::string> SplitSentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    const bool end_here = IsSentenceEnd(text[i]) &&
                          (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (end_here) {
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\n") != std::string::npos) out.push_back(current);
  for (std::string& s : out) {
    const size_t first = s.find_first_not_of(" \t\n");
    s = first == std::string::npos ? "" : s.substr(first);
  }
  return out;
}

std::vector<std::string> Words(const std::string& sentence) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    // Keep inner apostrophes and hyphens ("don't", "e-mail"), trim the rest.
    while (!word.empty() && !IsWordByte(static_cast<unsigned char>(word.back()))) word.pop_back();
    size_t start = 0;
    while (start < word.size() && !IsWordByte(static_cast<unsigned char>(word[start]))) ++start;
    if (start < word.size()) out.push_back(Lower(word.substr(start)));
    word.clear();
  };
  for (char c : sentence) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '/') flush();
    else word += c;
  }
  flush();
  return out;
}

bool EndsAsSentence(const std::string& text) {
  const std::string trimmed = TrimTrailingClosers(text);
  return !trimmed.empty() && IsSentenceEnd(trimmed.back());
}

std::string FindJoin(const std::string& sentence, const JoiningRules* rules) {
  if (sentence.find(';') != std::string::npos) return ";";
  if (!rules) return "";
  // Words with the commas that follow them, to spot ", which".
  std::vector<std::string> raw;
  {
    std::string word;
    for (char c : sentence) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!word.empty()) raw.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    if (!word.empty()) raw.push_back(word);
  }
  std::vector<std::string> words;
  std::vector<bool> comma_before;
  bool comma = false;
  for (const std::string& r : raw) {
    std::vector<std::string> w = Words(r);
    if (!w.empty()) {
      words.push_back(w.front());
      comma_before.push_back(comma);
    }
    comma = !r.empty() && (r.back() == ',' || r.back() == ':');
  }
  for (size_t i = 1; i < words.size(); ++i) {
    for (const std::string& phrase : rules->always)
      if (PhraseAt(words, i, phrase)) return phrase;
    if (comma_before[i])
      for (const std::string& phrase : rules->after_comma)
        if (PhraseAt(words, i, phrase)) return ", " + phrase;
    if (i + 1 < words.size() && Contains(rules->before_subject, words[i]) && Contains(rules->subjects, words[i + 1]))
      return words[i] + " " + words[i + 1];
  }
  return "";
}

bool MatchesHardWord(const std::string& word, const std::string& hard_word) {
  if (word == hard_word) return true;
  const size_t n = hard_word.size();
  // "eligible" -> "eligibility", "eligibly"
  if (n > 3 && hard_word.compare(n - 3, 3, "ble") == 0 &&
      (word == hard_word.substr(0, n - 3) + "bility" || word == hard_word.substr(0, n - 1) + "y"))
    return true;
  std::string stem = hard_word;
  if (!stem.empty() && stem.back() == 'e') stem.pop_back();
  if (word.size() <= stem.size() || word.compare(0, stem.size(), stem) != 0) return false;
  static const std::set<std::string> kEndings = {"s", "es", "d", "ed", "ing", "ion", "ions", "ly", "al", "er", "ers"};
  return kEndings.count(word.substr(stem.size())) > 0;
}

std::vector<std::string> Placeholders(const std::string& text) {
  std::vector<std::string> out;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.push_back(text.substr(open + 1, close - open - 1));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// The rules of one shown text (a catalog entry or a policy's Easy Read sentence), in `tag`'s
// language; `add(rule, message)` records a problem. `catalog` explains hard words.
template <typename AddFn>
void CheckText(const std::string& key, const CatalogEntry& entry, const std::string& tag, const EasyReadRules& rules,
               const Catalog& catalog, AddFn&& add) {
  auto joining = rules.joining.find(tag);
  const JoiningRules* join_rules = joining == rules.joining.end() ? nullptr : &joining->second;
  auto hard = rules.hard_words.find(tag);
  for (const std::string& sentence : SplitSentences(entry.text)) {
    const size_t count = Words(sentence).size();
    if (count > static_cast<size_t>(rules.max_words))
      add("sentence-length",
          std::to_string(count) + " words (at most " + std::to_string(rules.max_words) + "): \"" + sentence + "\"");
    const std::string join = FindJoin(sentence, join_rules);
    if (!join.empty()) add("joined-ideas", "\"" + join + "\" joins two ideas; make two sentences: \"" + sentence + "\"");
  }
  if (entry.pictogram.empty()) {
    if (EndsAsSentence(entry.text)) add("missing-pictogram", "a sentence needs a pictogram: \"" + entry.text + "\"");
  } else if (!rules.pictograms.count(entry.pictogram)) {
    add("unknown-pictogram", "'" + entry.pictogram + "' is not in assets/pictograms/manifest.toml");
  }
  if (hard == rules.hard_words.end()) return;
  std::vector<std::string> words = Words(entry.text);
  const std::vector<std::string> spoken = Words(entry.spoken);
  words.insert(words.end(), spoken.begin(), spoken.end());
  for (const HardWord& hard_word : hard->second) {
    if (key == hard_word.explained_by) continue;  // the explanation may use the word
    const bool used = std::any_of(words.begin(), words.end(),
                                  [&](const std::string& w) { return MatchesHardWord(w, hard_word.word); });
    if (!used) continue;
    if (hard_word.explained_by.empty())
      add("hard-word", "'" + hard_word.word + "' is hard and has no explanation; use an easier word");
    else if (!catalog.Has(hard_word.explained_by))
      add("hard-word", "'" + hard_word.word + "' needs its explanation '" + hard_word.explained_by + "' in the catalog");
  }
}

// Walks one policy and checks every text the kiosk shows from it.
class PolicyChecker {
 public:
  PolicyChecker(const Policy& policy, const EasyReadRules& rules, const Catalog& catalog)
      : policy_(policy), rules_(rules), catalog_(catalog) {}

  void Text(const std::string& key, const std::string& easy_key, const PolicyText& text) {
    if (text.empty()) return;
    if (text.easy_read.empty()) {
      Add(key, "missing-easy-read", "no Easy Read version; add " + Leaf(easy_key) + " = [ { text = \"...\", picture = \"...\" } ]");
      return;
    }
    for (std::size_t i = 0; i < text.easy_read.size(); ++i) {
      const EasyReadSentence& sentence = text.easy_read[i];
      const std::string item = easy_key + "[" + std::to_string(i) + "]";
      if (SplitSentences(sentence.text).size() > 1)
        Add(item, "one-sentence", "one sentence per item, each with its own picture: \"" + sentence.text + "\"");
      CatalogEntry entry;
      entry.text = sentence.text;
      entry.pictogram = sentence.picture;
      if (entry.pictogram.empty() && !EndsAsSentence(entry.text)) {
        Add(item, "missing-pictogram", "every Easy Read sentence needs a picture: \"" + entry.text + "\"");
      }
      CheckText(item, entry, "en-GB", rules_, catalog_,
                [&](const std::string& rule, const std::string& message) { Add(item, rule, message); });
    }
  }

  void Picture(const std::string& key, const std::string& name, const std::string& picture) {
    if (picture.empty()) {
      Add(key, "missing-pictogram", "'" + name + "' needs a picture (a pictogram id)");
    } else if (!rules_.pictograms.count(picture)) {
      Add(key + ".picture", "unknown-pictogram", "'" + picture + "' is not in assets/pictograms/manifest.toml");
    }
  }

  void Items(const std::string& list, const std::vector<NamedItem>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string key = list + "[" + std::to_string(i) + "]";
      if (items[i].picture.empty() && items[i].image.empty()) {
        Add(key, "missing-pictogram", "'" + items[i].name + "' needs a picture (a pictogram id) or an image");
      } else if (!items[i].picture.empty() && !rules_.pictograms.count(items[i].picture)) {
        Add(key + ".picture", "unknown-pictogram", "'" + items[i].picture + "' is not in assets/pictograms/manifest.toml");
      }
    }
  }

  std::vector<CheckProblem> out;

 private:
  static std::string Leaf(const std::string& key) { return key.substr(key.rfind('.') + 1); }

  void Add(const std::string& key, const std::string& rule, const std::string& message) {
    // The line of the key itself, else of the nearest enclosing key that is written down.
    std::size_t line = 0;
    for (std::string at = key; line == 0 && !at.empty();) {
      line = policy_.LineOf(at);
      const std::size_t cut = at.find_last_of(".[");
      at = cut == std::string::npos ? "" : at.substr(0, cut);
    }
    out.push_back({"en-GB", key, rule, message, policy_.source, line == 0 ? 1 : line});
  }

  const Policy& policy_;
  const EasyReadRules& rules_;
  const Catalog& catalog_;
};

}  // namespace

std::vector<CheckProblem> CheckCatalog(const Catalog& catalog, const EasyReadRules& rules) {
  std::vector<CheckProblem> out;
  for (const auto& [key, entry] : catalog.entries()) {
    if (IsGrammarForm(key)) continue;              // word forms and date patterns, not sentences
    CheckText(key, entry, catalog.language().tag, rules, catalog,
              [&](const std::string& rule, const std::string& message) { Add(out, catalog, key, rule, message); });
  }
  for (auto* check : {&CheckGlossary, &CheckAddress, &CheckGrammar}) {
    std::vector<CheckProblem> more = check(catalog);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

std::vector<CheckProblem> CheckPolicy(const Policy& policy, const EasyReadRules& rules, const Catalog& catalog) {
  PolicyChecker check(policy, rules, catalog);
  for (std::size_t i = 0; i < policy.eligibility.size(); ++i) {
    const EligibilityQuestion& rule = policy.eligibility[i];
    const std::string key = "eligibility[" + std::to_string(i) + "]";
    for (std::size_t q = 0; q < rule.questions.size(); ++q) {
      // A single question is written on the rule itself; several under [[eligibility.questions]].
      const std::string at = rule.questions.size() == 1 && policy.LineOf(key + ".questions") == 0
                                 ? key
                                 : key + ".questions[" + std::to_string(q) + "]";
      check.Text(at + ".question", at + ".easy_read", rule.questions[q].question);
    }
    check.Text(key + ".signpost", key + ".signpost_easy_read", rule.signpost);
  }
  for (std::size_t i = 0; i < policy.exclusions.size(); ++i) {
    const std::string key = "exclusions[" + std::to_string(i) + "]";
    check.Text(key + ".text", key + ".easy_read", policy.exclusions[i].text);
    check.Text(key + ".signpost", key + ".signpost_easy_read", policy.exclusions[i].signpost);
  }
  check.Text("anonymous.explanation", "anonymous.explanation_easy_read", policy.anonymous_explanation);
  check.Text("anonymous.signpost", "anonymous.signpost_easy_read", policy.anonymous_signpost);
  check.Items("services", policy.services);
  check.Items("categories", policy.categories);
  check.Text("comments.handling", "comments.handling_easy_read", policy.comments_handling);
  check.Text("compliments.handling", "compliments.handling_easy_read", policy.compliments.handling);
  check.Text("withdrawal_note", "withdrawal_note_easy_read", policy.withdrawal_note);
  if (policy.safeguarding) {
    check.Text("safeguarding.question", "safeguarding.easy_read", policy.safeguarding->question);
    check.Text("safeguarding.tell_staff", "safeguarding.tell_staff_easy_read", policy.safeguarding->tell_staff);
  }
  for (std::size_t i = 0; i < policy.external_bodies.size(); ++i) {
    const ExternalBody& body = policy.external_bodies[i];
    const std::string key = "external_bodies[" + std::to_string(i) + "]";
    check.Text(key + ".when", key + ".when_easy_read", body.when);
    check.Text(key + ".contact", key + ".contact_easy_read", body.contact);
    check.Picture(key, body.name, body.picture);
  }
  return check.out;
}

std::vector<CheckProblem> CheckPolicyLanguage(const PolicyInLanguage& policy, const EasyReadRules& rules,
                                              const Catalog& catalog) {
  std::vector<CheckProblem> out;
  for (const TranslationProblem& p : policy.problems)
    out.push_back({p.language, p.key.empty() ? "(file)" : p.key, "missing-translation", p.what, p.file, p.line});
  if (!policy.problems.empty()) return out;        // the words below are not all this language's yet
  std::map<std::string, CatalogEntry> entries;
  for (const auto& [key, text] : ShownTexts(policy.policy)) {
    CatalogEntry entry;
    entry.text = text;
    entries[key] = entry;
    if (key.find("easy_read[") == std::string::npos) continue;
    CheckText(key, entry, policy.language, rules, catalog, [&](const std::string& rule, const std::string& message) {
      if (rule == "missing-pictogram" || rule == "unknown-pictogram") return;  // the English file's pictures
      out.push_back({policy.language, key, rule, message, policy.file, policy.LineOf(key)});
    });
  }
  std::vector<CheckProblem> words = CheckGlossary(catalog.language(), entries);
  std::vector<CheckProblem> address = CheckAddress(catalog.language(), entries);
  words.insert(words.end(), address.begin(), address.end());
  for (CheckProblem& problem : words) {
    problem.file = policy.file;
    problem.line = policy.LineOf(problem.key);
    out.push_back(std::move(problem));
  }
  return out;
}

std::vector<CheckProblem> CheckSameKeys(const Catalog& reference, const Catalog& translation) {
  std::vector<CheckProblem> out;
  auto names = [](const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& p : Placeholders(text)) out.push_back(PlaceholderName(p));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  for (const auto& [key, entry] : reference.entries()) {
    if (IsGrammarForm(key)) {
      // Each word of en-GB's grammar tables needs its 'other' form here; the rest is the language's own.
      const std::string word = key.substr(0, key.find('.', key.find('.') + 1));
      const bool table = key.rfind("duration.", 0) == 0 || key.rfind("count.", 0) == 0;
      if (table && !translation.Has(word + ".other"))
        Add(out, translation, word + ".other", "missing-key", "in " + reference.language().tag + " (" + key + ") but not here");
      if (!table && !translation.Has(key))
        Add(out, translation, key, "missing-key", "in " + reference.language().tag + " but not here (an ICU date pattern)");
      continue;
    }
    if (!translation.Has(key)) {
      Add(out, translation, key, "missing-key", "in " + reference.language().tag + " but not here");
      continue;
    }
    const CatalogEntry& other = translation.Entry(key);
    if (names(entry.text) != names(other.text))
      Add(out, translation, key, "placeholders", "text uses other {placeholders} than " + reference.language().tag);
    const std::string& spoken = entry.spoken.empty() ? entry.text : entry.spoken;
    if (!other.spoken.empty() && names(other.spoken) != names(spoken))
      Add(out, translation, key, "placeholders", "spoken uses other {placeholders} than " + reference.language().tag);
  }
  for (const auto& [key, entry] : translation.entries())
    if (!IsGrammarForm(key) && !reference.Has(key))
      Add(out, translation, key, "extra-key", "not in " + reference.language().tag + " (renamed or removed there?)");
  return out;
}

int CountSyllables(const std::string& word) {
  std::string w;
  for (char c : word)
    if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w.empty()) return 0;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  int count = 0;
  for (size_t i = 0; i < w.size(); ++i)
    if (vowel(w[i]) && (i == 0 || !vowel(w[i - 1]))) ++count;
  // Silent final e ("make"), but not "-le" after a consonant ("table").
  if (w.size() > 2 && w.back() == 'e' && !vowel(w[w.size() - 2]) &&
      !(w[w.size() - 2] == 'l' && !vowel(w[w.size() - 3])))
    --count;
  if (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0 && w[w.size() - 3] != 't' && w[w.size() - 3] != 'd' &&
      !vowel(w[w.size() - 3]))
    --count;  // "helped", "asked"
  return std::max(count, 1);
}

std::vector<Readability> ScreenReadability(const Catalog& catalog) {
  std::map<std::string, Readability> screens;
  std::set<std::string> prose;  // screens with at least one sentence; the rest are lists of labels
  for (const auto& [key, entry] : catalog.entries())
    if (EndsAsSentence(entry.text)) prose.insert(key.substr(0, key.find('.')));
  for (const auto& [key, entry] : catalog.entries()) {
    if (!prose.count(key.substr(0, key.find('.')))) continue;
    const std::string screen = key.substr(0, key.find('.'));
    Readability& r = screens[screen];
    r.screen = screen;
    const std::vector<std::string> sentences = SplitSentences(entry.text);
    r.sentences += std::max<int>(1, static_cast<int>(sentences.size()));
    for (const std::string& word : Words(entry.text)) {
      if (word.front() == '{') continue;  // placeholder: filled in at run time
      ++r.words;
      r.syllables += CountSyllables(word);
    }
  }
  std::vector<Readability> out;
  for (auto& [screen, r] : screens) {
    if (r.words > 0 && r.sentences > 0)
      r.flesch = 206.835 - 1.015 * r.words / r.sentences - 84.6 * r.syllables / r.words;
    out.push_back(r);
  }
  return out;
}

}  // namespace tellus
