#include "easyread/catalog.h"

#include "core/toml_names.h"
#include "easyread/letters.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

namespace tellus {
namespace {

namespace fs = std::filesystem;

std::string Where(const std::string& source, const toml::source_region& region) {
  return source + ":" + std::to_string(region.begin.line);
}

[[noreturn]] void Fail(const std::string& source, const toml::source_region& region,
                       const std::string& key, const std::string& what) {
  throw CatalogError(Where(source, region) + ": key '" + key + "': " + what);
}

toml::table ParseToml(const std::string& text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw CatalogError(Where(source, e.source()) + ": " + std::string(e.description()));
  }
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CatalogError(path.string() + ": cannot read file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A table holding `text` is an entry; any other table is a group of entries.
void ReadEntry(const toml::table& table, const std::string& key, const std::string& source,
               CatalogEntry& entry) {
  for (auto&& [field, value] : table) {
    const std::string name(field.str());
    std::string* target = nullptr;
    if (name == "text") target = &entry.text;
    else if (name == "pictogram") target = &entry.pictogram;
    else if (name == "spoken") target = &entry.spoken;
    else if (name == "standard") target = &entry.standard;
    else
      Fail(source, value.source(), key + "." + name,
           "unknown field (allowed: text, pictogram, spoken, standard)");
    if (!value.is_string())
      Fail(source, value.source(), key + "." + name, "must be a string, found " + TomlTypeName(value));
    *target = value.as_string()->get();
  }
  if (entry.text.empty()) Fail(source, table.source(), key, "text is empty");
}

void Walk(const toml::table& table, const std::string& prefix, const std::string& source,
          std::map<std::string, CatalogEntry>& entries, std::map<std::string, std::string>& origin) {
  for (auto&& [name, node] : table) {
    const std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    CatalogEntry entry;
    if (node.is_string()) {
      entry.text = node.as_string()->get();
      if (entry.text.empty()) Fail(source, node.source(), key, "text is empty");
    } else if (node.is_table()) {
      const toml::table& sub = *node.as_table();
      if (!sub.contains("text")) {
        if (sub.empty()) Fail(source, node.source(), key, "empty table (an entry needs text)");
        Walk(sub, key, source, entries, origin);
        continue;
      }
      ReadEntry(sub, key, source, entry);
    } else {
      Fail(source, node.source(), key,
           "must be a string or a table with text, found " + TomlTypeName(node));
    }
    const std::string where = Where(source, node.source());
    auto [it, inserted] = origin.emplace(key, where);
    if (!inserted) throw CatalogError(where + ": key '" + key + "': already defined at " + it->second);
    entries.emplace(key, std::move(entry));
  }
}

LanguageInfo ReadLanguage(const toml::table& language, const std::string& source) {
  LanguageInfo info;
  bool has_tag = false, has_name = false, has_voice = false;
  for (auto&& [field, value] : language) {
    const std::string name(field.str());
    const std::string key = "language." + name;
    if (name == "needs_review") {
      if (!value.is_boolean()) Fail(source, value.source(), key, "must be true or false, found " + TomlTypeName(value));
      info.needs_review = value.as_boolean()->get();
      continue;
    }
    std::string* target = nullptr;
    if (name == "tag") { target = &info.tag; has_tag = true; }
    else if (name == "native_name") { target = &info.native_name; has_name = true; }
    else if (name == "voice") { target = &info.voice; has_voice = true; }
    else Fail(source, value.source(), key, "unknown field (allowed: tag, native_name, voice, needs_review)");
    if (!value.is_string()) Fail(source, value.source(), key, "must be a string, found " + TomlTypeName(value));
    *target = value.as_string()->get();
    if (target->empty()) Fail(source, value.source(), key, "is empty");
  }
  if (!has_tag) Fail(source, language.source(), "language.tag", "missing");
  if (!has_name) Fail(source, language.source(), "language.native_name", "missing");
  if (!has_voice) Fail(source, language.source(), "language.voice", "missing");
  return info;
}

// "easyread/lang/pl/meta.toml:12" -> "pl/meta.toml:12": short enough for a checker's message.
std::string ShortWhere(const std::string& source, const toml::source_region& region) {
  const fs::path path(source);
  return (path.parent_path().filename() / path.filename()).string() + ":" + std::to_string(region.begin.line);
}

std::string LowerAscii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::vector<std::string> ReadWords(const toml::node& node, const std::string& key, const std::string& source) {
  const toml::array* list = node.as_array();
  if (!list) Fail(source, node.source(), key, "must be a list of words, found " + TomlTypeName(node));
  std::vector<std::string> out;
  for (const toml::node& word : *list) {
    if (!word.is_string() || word.as_string()->get().empty())
      Fail(source, word.source(), key, "each word must be a non-empty string, found " + TomlTypeName(word));
    out.push_back(LowerAscii(word.as_string()->get()));
  }
  return out;
}

std::string ReadString(const toml::node& node, const std::string& key, const std::string& source) {
  if (!node.is_string() || node.as_string()->get().empty())
    Fail(source, node.source(), key, "must be a non-empty string, found " + TomlTypeName(node));
  return node.as_string()->get();
}

// [glossary.<term>] use = "...", avoid = [...]
std::vector<GlossaryTerm> ReadGlossary(const toml::table& glossary, const std::string& source) {
  std::vector<GlossaryTerm> terms;
  for (auto&& [name, node] : glossary) {
    const std::string key = "glossary." + std::string(name.str());
    if (!node.is_table()) Fail(source, node.source(), key, "must be a table with use and avoid, found " + TomlTypeName(node));
    GlossaryTerm term;
    term.term = std::string(name.str());
    term.source = ShortWhere(source, node.source());
    for (auto&& [field, value] : *node.as_table()) {
      const std::string f(field.str());
      if (f == "use") term.use = ReadString(value, key + ".use", source);
      else if (f == "avoid") term.avoid = ReadWords(value, key + ".avoid", source);
      else Fail(source, value.source(), key + "." + f, "unknown field (allowed: use, avoid)");
    }
    if (term.use.empty()) Fail(source, node.source(), key + ".use", "missing");
    terms.push_back(std::move(term));
  }
  return terms;
}

AddressRules ReadAddress(const toml::table& address, const std::string& source) {
  AddressRules rules;
  rules.source = ShortWhere(source, address.source());
  for (auto&& [field, value] : address) {
    const std::string f(field.str());
    const std::string key = "address." + f;
    if (f == "form") {
      rules.form = ReadString(value, key, source);
      if (rules.form != "formal" && rules.form != "informal")
        Fail(source, value.source(), key, "must be \"formal\" or \"informal\", found \"" + rules.form + "\"");
    } else if (f == "gender_neutral") {
      if (!value.is_boolean()) Fail(source, value.source(), key, "must be true or false, found " + TomlTypeName(value));
      rules.gender_neutral = value.as_boolean()->get();
    } else if (f == "avoid") {
      rules.avoid = ReadWords(value, key, source);
    } else if (f == "why") {
      rules.why = ReadString(value, key, source);
    } else {
      Fail(source, value.source(), key, "unknown field (allowed: form, gender_neutral, avoid, why)");
    }
  }
  if (rules.form.empty()) Fail(source, address.source(), "address.form", "missing (\"formal\" or \"informal\")");
  return rules;
}

// [keyboard.layout]: rows of keys; see catalog.h for the rules checked here.
constexpr std::size_t kMaxKeysInRow = 13, kMaxRowsOnPage = 4, kMaxEndings = 5, kMaxEndingLetters = 16;

std::vector<std::string> ReadRows(const toml::node& node, const std::string& key, const std::string& source) {
  const toml::array* rows = node.as_array();
  if (!rows) Fail(source, node.source(), key, "must be a list of strings (one a row), found " + TomlTypeName(node));
  std::vector<std::string> out;
  for (const toml::node& row : *rows) {
    if (!row.is_string()) Fail(source, row.source(), key, "each row must be a string, found " + TomlTypeName(row));
    out.push_back(row.as_string()->get());
  }
  return out;
}

void CheckRow(const std::string& row, const toml::node& node, const std::string& key, const std::string& source,
              std::set<std::string>& on_page) {
  if (row.empty()) Fail(source, node.source(), key, "a row is empty");
  if (!IsValidUtf8(row)) Fail(source, node.source(), key, "a row is not valid UTF-8");
  const std::vector<std::string> keys = SplitLetters(row);
  if (keys.size() > kMaxKeysInRow)
    Fail(source, node.source(), key,
         "row '" + row + "' has " + std::to_string(keys.size()) + " keys (at most " + std::to_string(kMaxKeysInRow) +
             ", or the keys get smaller than a finger)");
  for (const std::string& k : keys) {
    if (k == " " || k == "\t" || k == "\n") Fail(source, node.source(), key, "row '" + row + "' holds a space (Space is its own key)");
    if (!on_page.insert(k).second) Fail(source, node.source(), key, "key '" + k + "' is on this page twice");
  }
}

void CheckPage(const std::vector<std::string>& rows, std::size_t extra_rows, const toml::node& node,
               const std::string& key, const std::string& source, std::set<std::string> on_page = {}) {
  if (rows.size() + extra_rows > kMaxRowsOnPage)
    Fail(source, node.source(), key,
         "too many rows (at most " + std::to_string(kMaxRowsOnPage) + " with the accents row, or the keyboard covers the question)");
  for (const std::string& row : rows) CheckRow(row, node, key, source, on_page);
}

KeyboardLayout ReadKeyboardLayout(const toml::table& table, const std::string& source) {
  const std::string prefix = "keyboard.layout";
  KeyboardLayout layout;
  layout.letters.clear();
  layout.symbols.clear();
  layout.email_endings.clear();
  layout.source = Where(source, table.source());
  const toml::node* letters = nullptr;
  for (auto&& [field, value] : table) {
    const std::string name(field.str());
    const std::string key = prefix + "." + name;
    if (name == "accents") {
      if (!value.is_string()) Fail(source, value.source(), key, "must be a string (one row), found " + TomlTypeName(value));
      layout.accents = value.as_string()->get();
    } else if (name == "letters") {
      layout.letters = ReadRows(value, key, source);
      letters = &value;
    } else if (name == "symbols") {
      layout.symbols = ReadRows(value, key, source);
      if (layout.symbols.empty()) Fail(source, value.source(), key, "needs at least one row");
      CheckPage(layout.symbols, 0, value, key, source);
    } else if (name == "latin") {
      layout.latin = ReadRows(value, key, source);
      CheckPage(layout.latin, 0, value, key, source);
    } else if (name == "email_endings") {
      layout.email_endings = ReadRows(value, key, source);
      if (layout.email_endings.empty() || layout.email_endings.size() > kMaxEndings)
        Fail(source, value.source(), key, "needs 1 to " + std::to_string(kMaxEndings) + " endings");
      std::set<std::string> seen;
      for (const std::string& ending : layout.email_endings) {
        const std::vector<std::string> chars = SplitLetters(ending);
        if (ending.empty() || chars.size() > kMaxEndingLetters || ending.find(' ') != std::string::npos)
          Fail(source, value.source(), key, "ending '" + ending + "' must be 1 to 16 letters with no spaces");
        if (!seen.insert(ending).second) Fail(source, value.source(), key, "ending '" + ending + "' is there twice");
      }
    } else {
      Fail(source, value.source(), key, "unknown field (allowed: accents, letters, symbols, latin, email_endings)");
    }
  }
  if (!letters) Fail(source, table.source(), prefix + ".letters", "missing");
  if (layout.letters.empty()) Fail(source, letters->source(), prefix + ".letters", "needs at least one row");
  std::set<std::string> on_page;
  if (!layout.accents.empty()) CheckRow(layout.accents, *letters, prefix + ".accents", source, on_page);
  CheckPage(layout.letters, layout.accents.empty() ? 0 : 1, *letters, prefix + ".letters", source, on_page);
  if (layout.symbols.empty()) Fail(source, table.source(), prefix + ".symbols", "missing");
  if (layout.email_endings.empty()) Fail(source, table.source(), prefix + ".email_endings", "missing");
  // References, tracking codes and email addresses are typed on the Latin rows.
  std::set<std::string> latin_keys;
  for (const std::string& row : layout.LatinRows())
    for (const std::string& k : SplitLetters(row)) latin_keys.insert(k);
  for (char c = 'a'; c <= 'z'; ++c)
    if (!latin_keys.count(std::string(1, c)))
      Fail(source, table.source(), prefix + (layout.latin.empty() ? ".letters" : ".latin"),
           std::string("has no '") + c + "' (the Latin letters are needed for email addresses and references)");
  return layout;
}

// Reads one file into entries; returns true if it held a [language] table.
bool LoadInto(const std::string& text, const std::string& source, LanguageInfo& info,
              std::map<std::string, CatalogEntry>& entries, std::map<std::string, std::string>& origin,
              KeyboardLayout& keyboard) {
  toml::table root = ParseToml(text, source);
  if (toml::table* section = root["keyboard"].as_table()) {
    if (toml::node* layout = section->get("layout")) {
      if (!layout->is_table())
        Fail(source, layout->source(), "keyboard.layout", "must be a table, found " + TomlTypeName(*layout));
      if (!keyboard.source.empty())
        throw CatalogError(Where(source, layout->source()) + ": key 'keyboard.layout': already defined at " +
                           keyboard.source);
      keyboard = ReadKeyboardLayout(*layout->as_table(), source);
      section->erase("layout");
      if (section->empty()) root.erase("keyboard");
    }
  }
  bool has_language = false;
  if (toml::node* language = root.get("language")) {
    if (!language->is_table())
      Fail(source, language->source(), "language", "must be a table, found " + TomlTypeName(*language));
    info = ReadLanguage(*language->as_table(), source);
    has_language = true;
    root.erase("language");
    // The language's rules live beside [language], in meta.toml only.
    if (toml::node* glossary = root.get("glossary")) {
      if (!glossary->is_table()) Fail(source, glossary->source(), "glossary", "must be a table, found " + TomlTypeName(*glossary));
      info.glossary = ReadGlossary(*glossary->as_table(), source);
      root.erase("glossary");
    }
    if (toml::node* address = root.get("address")) {
      if (!address->is_table()) Fail(source, address->source(), "address", "must be a table, found " + TomlTypeName(*address));
      info.address = ReadAddress(*address->as_table(), source);
      root.erase("address");
    }
  }
  Walk(root, "", source, entries, origin);
  return has_language;
}

std::string Replace(std::string text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(text.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

KeyboardLayout EnglishKeyboardLayout() {
  KeyboardLayout layout;
  layout.letters = {"qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"};
  layout.symbols = {"1234567890", "@#&()/:;!\"", "?+=*%_£€"};
  layout.email_endings = {"@gmail.com", ".com", ".co.uk", ".org.uk"};
  return layout;
}

Catalog Catalog::LoadDir(const std::string& dir) {
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw CatalogError(dir + ": not a catalog folder");
  const fs::path meta = root / "meta.toml";
  if (!fs::is_regular_file(meta, ec))
    throw CatalogError(meta.string() + ": missing (every language folder needs meta.toml with [language])");

  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(root, ec))
    if (item.is_regular_file() && item.path().extension() == ".toml" && item.path() != meta)
      files.push_back(item.path());
  if (ec) throw CatalogError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());

  Catalog catalog;
  std::map<std::string, std::string> origin;
  catalog.keyboard_.source.clear();                // a layout in a file replaces the built-in one
  if (!LoadInto(ReadFile(meta), meta.string(), catalog.info_, catalog.entries_, origin, catalog.keyboard_))
    throw CatalogError(meta.string() + ":1: key 'language': missing [language] table");
  const std::string folder = root.filename().empty() ? root.parent_path().filename().string()
                                                     : root.filename().string();
  if (catalog.info_.tag != folder)
    throw CatalogError(meta.string() + ": key 'language.tag': '" + catalog.info_.tag +
                       "' does not match the folder name '" + folder + "'");
  for (const auto& file : files) {
    LanguageInfo ignored;
    if (LoadInto(ReadFile(file), file.string(), ignored, catalog.entries_, origin, catalog.keyboard_))
      throw CatalogError(file.string() + ": key 'language': belongs in meta.toml only");
  }
  return catalog;
}

Catalog Catalog::LoadLanguage(const std::string& lang_root, const std::string& tag) {
  return LoadDir((fs::path(lang_root) / tag).string());
}

Catalog Catalog::LoadText(const std::string& text, const std::string& source_name) {
  Catalog catalog;
  std::map<std::string, std::string> origin;
  catalog.keyboard_.source.clear();
  LoadInto(text, source_name, catalog.info_, catalog.entries_, origin, catalog.keyboard_);
  if (catalog.keyboard_.source.empty()) catalog.keyboard_ = EnglishKeyboardLayout();
  return catalog;
}

std::vector<std::string> Catalog::AvailableTags(const std::string& lang_root) {
  std::vector<std::string> tags;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(lang_root, ec))
    if (item.is_directory() && fs::is_regular_file(item.path() / "meta.toml"))
      tags.push_back(item.path().filename().string());
  std::sort(tags.begin(), tags.end());
  return tags;
}

bool Catalog::Has(const std::string& key) const { return entries_.count(key) > 0; }

const CatalogEntry& Catalog::Entry(const std::string& key) const {
  if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  // Kept so the reference stays valid; the visible "[key]" shows the gap on screen.
  auto [it, inserted] = missing_.try_emplace(key);
  if (inserted) it->second.text = "[" + key + "]";
  return it->second;
}

std::string Catalog::Format(const std::string& key, const std::map<std::string, std::string>& values) const {
  return Replace(Entry(key).text, values);
}

std::string Catalog::Spoken(const std::string& key, const std::map<std::string, std::string>& values) const {
  const CatalogEntry& entry = Entry(key);
  return Replace(entry.spoken.empty() ? entry.text : entry.spoken, values);
}

}  // namespace tellus
