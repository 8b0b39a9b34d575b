// Catalogs as gettext PO files and back (easyread/po.h).
#include "easyread/po.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "easyread/catalog.h"
#include "easyread/checks.h"
#include "easyread/grammar.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

const char* const kFields[] = {"text", "pictogram", "spoken", "standard"};

// ---- where each entry is written --------------------------------------------------------

struct Place {
  fs::path file;
  int line = 0;                                    // 1-based line of the entry (or of its table header)
  bool header_table = false;                       // [a.b] with text = ... on lines of their own
  std::map<std::string, int> field_lines;          // header tables: each field's line
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PoError(path.string() + ": cannot read file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WalkPlaces(const toml::table& table, const std::string& prefix, const fs::path& file,
                std::map<std::string, Place>& places) {
  for (auto&& [name, node] : table) {
    const std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    if (prefix.empty() && (key == "language" || key == "glossary" || key == "address")) continue;
    if (key == "keyboard.layout") continue;
    Place place;
    place.file = file;
    place.line = static_cast<int>(node.source().begin.line);
    if (const toml::table* sub = node.as_table()) {
      if (!sub->contains("text")) {
        WalkPlaces(*sub, key, file, places);
        continue;
      }
      place.header_table = !sub->is_inline();
      for (auto&& [field, value] : *sub) place.field_lines[std::string(field.str())] = static_cast<int>(value.source().begin.line);
    }
    places[key] = place;
  }
}

std::vector<fs::path> CatalogFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir))
    if (item.is_regular_file() && item.path().extension() == ".toml") files.push_back(item.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::map<std::string, Place> Places(const fs::path& dir) {
  std::map<std::string, Place> places;
  for (const fs::path& file : CatalogFiles(dir)) {
    try {
      WalkPlaces(toml::parse(ReadFile(file), file.string()), "", file, places);
    } catch (const toml::parse_error& e) {
      throw PoError(file.string() + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
  }
  return places;
}

// ---- one line of TOML: `key = "v"` or `key = { text = "v", pictogram = "p" }` -------------

struct FieldSpan {
  std::string name;
  size_t segment = 0;                              // where ", name = ..." starts (the comma, or the name if first)
  size_t value = 0, value_end = 0;                 // the string literal, quotes included
};

struct LineShape {
  bool inline_table = false;
  size_t value = 0, value_end = 0;                 // shorthand: the string literal
  size_t close = 0;                                // inline: the closing brace
  std::vector<FieldSpan> fields;
};

size_t SkipSpace(const std::string& s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

size_t StringEnd(const std::string& s, size_t i, const std::string& where) {  // i at the opening quote
  const char quote = s[i];
  if (quote != '"' && quote != '\'') throw PoError(where + ": expected a string");
  if (s.compare(i, 3, std::string(3, quote)) == 0) throw PoError(where + ": multi-line strings cannot be rewritten");
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (quote == '"' && s[j] == '\\') { ++j; continue; }
    if (s[j] == quote) return j + 1;
  }
  throw PoError(where + ": unterminated string");
}

size_t KeyEnd(const std::string& s, size_t i, const std::string& where) {  // a dotted key, bare or quoted parts
  for (;;) {
    i = SkipSpace(s, i);
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) i = StringEnd(s, i, where);
    else {
      const size_t start = i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-')) ++i;
      if (i == start) throw PoError(where + ": expected a key");
    }
    i = SkipSpace(s, i);
    if (i < s.size() && s[i] == '.') { ++i; continue; }
    return i;
  }
}

LineShape Shape(const std::string& line, const std::string& where) {
  LineShape shape;
  size_t i = KeyEnd(line, 0, where);
  if (i >= line.size() || line[i] != '=') throw PoError(where + ": expected '='");
  i = SkipSpace(line, i + 1);
  if (i < line.size() && line[i] == '{') {
    shape.inline_table = true;
    ++i;
    for (;;) {
      const size_t segment = i;
      i = SkipSpace(line, i);
      if (i < line.size() && line[i] == '}') { shape.close = i; break; }
      if (i < line.size() && line[i] == ',') { i = SkipSpace(line, i + 1); }
      const size_t name_start = i;
      const size_t name_end = KeyEnd(line, i, where);
      FieldSpan field;
      field.segment = shape.fields.empty() ? name_start : segment;
      std::string name = line.substr(name_start, name_end - name_start);
      while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
      field.name = name;
      if (name_end >= line.size() || line[name_end] != '=') throw PoError(where + ": expected '=' after " + name);
      field.value = SkipSpace(line, name_end + 1);
      field.value_end = StringEnd(line, field.value, where);
      shape.fields.push_back(field);
      i = field.value_end;
    }
  } else {
    shape.value = i;
    shape.value_end = StringEnd(line, i, where);
  }
  return shape;
}

// A double-quoted string as TOML and PO both write it; TOML also spells other control characters.
std::string Quoted(const std::string& value, bool toml) {
  std::string out = "\"";
  for (unsigned char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (toml && (c < 0x20 || c == 0x7f)) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string TomlString(const std::string& value) { return Quoted(value, true); }
std::string PoQuote(const std::string& text) { return Quoted(text, false); }

// Sets (or, with an empty value, removes) one field of the entry on `line`.
void SetField(std::string& line, const std::string& field, const std::string& value, const std::string& where) {
  const LineShape shape = Shape(line, where);
  if (!shape.inline_table) {
    if (field == "text") {
      line.replace(shape.value, shape.value_end - shape.value, TomlString(value));
      return;
    }
    if (value.empty()) return;
    // A label gains a field: it becomes a table.
    const std::string text = line.substr(shape.value, shape.value_end - shape.value);
    line.replace(shape.value, shape.value_end - shape.value, "{ text = " + text + ", " + field + " = " + TomlString(value) + " }");
    return;
  }
  for (const FieldSpan& f : shape.fields) {
    if (f.name != field) continue;
    if (!value.empty()) line.replace(f.value, f.value_end - f.value, TomlString(value));
    else if (field == "text") throw PoError(where + ": text cannot be empty");
    else if (&f == &shape.fields.front()) {
      // the first field: drop it and the comma after it
      size_t end = SkipSpace(line, f.value_end);
      if (end < line.size() && line[end] == ',') end = SkipSpace(line, end + 1);
      line.erase(f.segment, end - f.segment);
    } else {
      line.erase(f.segment, f.value_end - f.segment);
    }
    return;
  }
  if (value.empty()) return;
  size_t at = shape.close;
  while (at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t')) --at;
  line.insert(at, std::string(shape.fields.empty() ? " " : ", ") + field + " = " + TomlString(value));
}

// ---- PO text ------------------------------------------------------------------------------

struct PoMessage {
  std::string context, id, str;
  bool fuzzy = false;
  int line = 0;                                    // of msgctxt (or msgid)
};

std::string PoUnquote(const std::string& text, const std::string& where) {
  const size_t open = text.find('"');
  const size_t close = text.rfind('"');
  if (open == std::string::npos || close == open) throw PoError(where + ": expected a quoted string");
  for (size_t k = close + 1; k < text.size(); ++k)
    if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r') throw PoError(where + ": text after the closing quote");
  std::string out;
  for (size_t i = open + 1; i < close; ++i) {
    if (text[i] != '\\') { out += text[i]; continue; }
    if (++i >= close) throw PoError(where + ": a lone backslash");
    switch (text[i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      default: throw PoError(where + ": unknown escape \\" + std::string(1, text[i]));
    }
  }
  return out;
}

std::vector<PoMessage> ParsePo(const std::string& text, const std::string& name) {
  std::vector<PoMessage> out;
  PoMessage current;
  std::string* target = nullptr;
  bool open = false;
  auto finish = [&] {
    if (open) out.push_back(current);
    current = PoMessage{};
    target = nullptr;
    open = false;
  };
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string where = name + ":" + std::to_string(n);
    if (line.empty()) { finish(); continue; }
    if (line.rfind("#~", 0) == 0) continue;                       // obsolete messages
    if (line[0] == '#') {
      if (target) finish();                                        // comments start the next message
      if (line.rfind("#,", 0) == 0 && line.find("fuzzy") != std::string::npos) current.fuzzy = true;
      continue;
    }
    auto keyword = [&](const char* word) {
      const size_t len = std::char_traits<char>::length(word);
      return line.compare(0, len, word) == 0 && line.size() > len && (line[len] == ' ' || line[len] == '\t');
    };
    if (keyword("msgctxt")) {
      if (target) finish();
      current.line = n;
      current.context = PoUnquote(line.substr(7), where);
      target = &current.context;
      open = true;
    } else if (keyword("msgid")) {
      if (target && target != &current.context) finish();
      if (!current.line) current.line = n;
      current.id = PoUnquote(line.substr(5), where);
      target = &current.id;
      open = true;
    } else if (keyword("msgstr")) {
      if (!open) throw PoError(where + ": msgstr without msgid");
      current.str = PoUnquote(line.substr(6), where);
      target = &current.str;
    } else if (line.rfind("msgid_plural", 0) == 0 || line.rfind("msgstr[", 0) == 0) {
      throw PoError(where + ": gettext plural forms are not used here (each CLDR form is its own message, e.g. "
                            "duration.years.few)");
    } else if (line[0] == '"') {
      if (!target) throw PoError(where + ": a string continues nothing");
      *target += PoUnquote(line, where);
    } else {
      throw PoError(where + ": not a PO line: " + line.substr(0, 40));
    }
  }
  finish();
  return out;
}

const std::string& FieldOf(const CatalogEntry& entry, const std::string& field) {
  if (field == "pictogram") return entry.pictogram;
  if (field == "spoken") return entry.spoken;
  if (field == "standard") return entry.standard;
  return entry.text;
}

std::vector<std::string> PlaceholderNames(const std::string& text) {
  std::set<std::string> names;
  for (const std::string& p : Placeholders(text)) names.insert(PlaceholderName(p));
  return {names.begin(), names.end()};
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "{" : ", {") + item + "}";
  return out;
}

// en-GB's word for a key: itself, or for a plural or case form English lacks, its 'other' form.
std::optional<std::string> SourceKey(const Catalog& english, const std::string& key) {
  if (english.Has(key)) return key;
  if (key.rfind("duration.", 0) == 0 || key.rfind("count.", 0) == 0) {
    const size_t first = key.find('.');
    const size_t second = key.find('.', first + 1);
    if (second != std::string::npos) {
      const std::string other = key.substr(0, second) + ".other";
      if (english.Has(other)) return other;
    }
  }
  return std::nullopt;
}

std::string GrammarNote(const std::string& tag, const std::string& key) {
  if (!IsGrammarForm(key)) return {};
  if (key.rfind("date.", 0) == 0)
    return "An ICU date pattern (EEEE weekday, d day, MMMM month in a date, LLLL month alone, y year; "
           "words in '...').";
  const std::string category = key.substr(key.rfind('.') + 1);
  const std::string samples = PluralSamples(tag, category);
  return "Plural form '" + category + "'" + (samples.empty() ? "" : " (counts like " + samples + ")") +
         "; {count} is the number.";
}

}  // namespace

std::string ExportPo(const std::string& lang_root, const std::string& tag) {
  const fs::path root(lang_root);
  const Catalog english = Catalog::LoadDir((root / "en-GB").string());
  const Catalog catalog = Catalog::LoadDir((root / tag).string());
  const std::map<std::string, Place> places = Places(root / tag);
  const bool fuzzy = catalog.language().needs_review;

  std::ostringstream po;
  po << "# Tell Us kiosk words in " << catalog.language().native_name << " (" << tag << "), from easyread/lang/" << tag
     << ".\n# Source language: en-GB. Import with: tellus-catalog import --lang " << tag << " --in FILE.po\n";
  // The language's rules travel with the words (they are checked again on import by tellus-catalog check).
  for (const GlossaryTerm& term : catalog.language().glossary) {
    po << "# Glossary: " << term.term << " = \"" << term.use << "\"";
    std::string avoid;
    for (const std::string& word : term.avoid) avoid += (avoid.empty() ? "" : ", ") + word;
    po << (avoid.empty() ? "" : " (never: " + avoid + ")") << "\n";
  }
  const AddressRules& address = catalog.language().address;
  if (!address.form.empty())
    po << "# Address: " << address.form << (address.gender_neutral ? ", gender-neutral" : "")
       << (address.why.empty() ? "" : ". " + address.why) << "\n";
  po << "msgid \"\"\nmsgstr \"\"\n"
     << "\"Project-Id-Version: Tell Us catalog\\n\"\n"
     << "\"Language: " << tag << "\\n\"\n"
     << "\"MIME-Version: 1.0\\n\"\n"
     << "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
     << "\"Content-Transfer-Encoding: 8bit\\n\"\n"
     << "\"X-Source-Language: en-GB\\n\"\n";

  std::set<std::string> keys;
  for (const auto& [key, entry] : catalog.entries()) keys.insert(key);
  for (const auto& [key, entry] : english.entries())
    if (!IsGrammarForm(key)) keys.insert(key);     // a language's plural forms are its own
  for (const std::string& key : keys) {
    const bool here = catalog.Has(key);
    const std::optional<std::string> source = SourceKey(english, key);
    const CatalogEntry empty;
    const CatalogEntry& mine = here ? catalog.Entry(key) : empty;
    const CatalogEntry& theirs = source ? english.Entry(*source) : empty;
    const std::string source_text = source ? theirs.text : "[" + key + "]";
    std::string reference;
    if (auto it = places.find(key); it != places.end())
      reference = tag + "/" + it->second.file.filename().string() + ":" + std::to_string(it->second.line);
    for (const std::string field : kFields) {
      const std::string& value = FieldOf(mine, field);
      const std::string& english_value = FieldOf(theirs, field);
      if (field != "text" && value.empty() && english_value.empty()) continue;
      std::string id = english_value;
      if (id.empty()) id = field == "pictogram" ? "(no picture in en-GB)" : source_text;
      po << "\n";
      const std::string note = field == "text" ? GrammarNote(tag, key) : "";
      if (!note.empty()) po << "#. " << note << "\n";
      if (field == "spoken") po << "#. Spoken form: how it is said aloud. Empty: the text is said.\n";
      if (field == "standard") po << "#. Standard wording, for people who choose it. Empty: the Easy Read text.\n";
      if (field == "pictogram") po << "#. Picture: an id from assets/pictograms/manifest.toml. Empty: no picture.\n";
      if (field != "pictogram") {
        const std::vector<std::string> names = PlaceholderNames(id);
        if (!names.empty())
          po << "#. Placeholders: " << Join(names) << " (keep them; {name.form} asks for a grammatical form)\n";
      }
      if (!reference.empty()) po << "#: " << reference << "\n";
      if (fuzzy && !value.empty()) po << "#, fuzzy\n";
      po << "msgctxt " << PoQuote(field == "text" ? key : key + "#" + field) << "\n";
      po << "msgid " << PoQuote(id) << "\n";
      po << "msgstr " << PoQuote(value) << "\n";
    }
  }
  return po.str();
}

PoImportResult ImportPo(const std::string& po_text, const std::string& po_name, const std::string& lang_root,
                        const std::string& tag) {
  const fs::path root(lang_root);
  const fs::path dir = root / tag;
  const Catalog english = Catalog::LoadDir((root / "en-GB").string());
  const Catalog catalog = Catalog::LoadDir(dir.string());
  const std::map<std::string, Place> places = Places(dir);

  // What the PO asks for, checked before anything is written.
  std::map<std::string, std::map<std::string, std::string>> wanted;   // key -> field -> value
  bool any_fuzzy = false;
  PoImportResult result;
  for (const PoMessage& m : ParsePo(po_text, po_name)) {
    if (m.context.empty() && m.id.empty()) continue;                 // the header
    const std::string where = po_name + ":" + std::to_string(m.line);
    if (m.context.empty()) throw PoError(where + ": a message without msgctxt (the catalog key)");
    std::string key = m.context, field = "text";
    if (const size_t hash = key.find('#'); hash != std::string::npos) {
      field = key.substr(hash + 1);
      key = key.substr(0, hash);
      if (field != "spoken" && field != "standard" && field != "pictogram")
        throw PoError(where + ": " + m.context + ": unknown field '" + field + "' (spoken, standard or pictogram)");
    }
    const std::optional<std::string> source = SourceKey(english, key);
    if (!catalog.Has(key) && !source) throw PoError(where + ": " + key + ": no such key in en-GB or " + tag);
    if (field == "text" && m.str.empty()) {
      ++result.untranslated;
      continue;
    }
    if ((field == "text" || field == "spoken") && !m.str.empty() && source && !IsGrammarForm(key)) {
      const CatalogEntry& en = english.Entry(*source);
      const std::string& en_value = field == "spoken" && !en.spoken.empty() ? en.spoken : en.text;
      const std::vector<std::string> need = PlaceholderNames(en_value), have = PlaceholderNames(m.str);
      for (const std::string& p : need)
        if (std::find(have.begin(), have.end(), p) == have.end())
          throw PoError(where + ": " + m.context + ": msgstr lacks {" + p + "}");
      for (const std::string& p : have)
        if (std::find(need.begin(), need.end(), p) == need.end())
          throw PoError(where + ": " + m.context + ": msgstr has {" + p + "}, which en-GB does not give");
    }
    if (m.fuzzy && !m.str.empty()) any_fuzzy = true;
    wanted[key][field] = m.str;
  }

  std::map<fs::path, std::vector<std::string>> files;                 // file -> lines, read when first edited
  auto lines_of = [&](const fs::path& file) -> std::vector<std::string>& {
    auto it = files.find(file);
    if (it == files.end()) {
      std::vector<std::string> lines;
      std::string content = ReadFile(file), line;
      size_t start = 0;
      for (size_t nl; (nl = content.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(content.substr(start, nl - start));
      lines.push_back(content.substr(start));                         // after the last newline ("" if it ends so)
      it = files.emplace(file, std::move(lines)).first;
    }
    return it->second;
  };

  std::string imported;                                               // new keys, as dotted root keys
  for (const auto& [key, fields] : wanted) {
    if (!catalog.Has(key)) {
      auto text = fields.find("text");
      if (text == fields.end()) continue;
      std::string line = key + " = { text = " + TomlString(text->second);
      for (const char* f : {"pictogram", "spoken", "standard"})
        if (auto it = fields.find(f); it != fields.end() && !it->second.empty()) line += std::string(", ") + f + " = " + TomlString(it->second);
      imported += line + " }\n";
      ++result.added_keys;
      continue;
    }
    const Place& place = places.at(key);
    for (const auto& [field, value] : fields) {
      if (FieldOf(catalog.Entry(key), field) == value) continue;
      const std::string where = place.file.string() + ":" + std::to_string(place.line) + ": " + key;
      std::vector<std::string>& lines = lines_of(place.file);
      if (place.header_table) {
        auto at = place.field_lines.find(field);
        if (at == place.field_lines.end() || value.empty())
          throw PoError(where + ": a field added to or removed from a [table] entry must be written by hand");
        SetField(lines[at->second - 1], "text", value, where);
      } else {
        SetField(lines[place.line - 1], field, value, where);
      }
      ++result.changed;
    }
  }

  // needs_review follows the fuzzy flags.
  if (any_fuzzy != catalog.language().needs_review) {
    const fs::path meta = dir / "meta.toml";
    std::vector<std::string>& lines = lines_of(meta);
    bool done = false;
    for (std::string& line : lines) {
      if (line.rfind("needs_review", 0) != 0) continue;
      const size_t value = line.find(any_fuzzy ? "false" : "true");
      if (value == std::string::npos) continue;
      line.replace(value, any_fuzzy ? 5 : 4, any_fuzzy ? "true" : "false");
      done = true;
      break;
    }
    if (!done && any_fuzzy) {
      auto voice = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("voice", 0) == 0; });
      lines.insert(voice == lines.end() ? lines.end() : voice + 1, "needs_review = true");
    }
    ++result.changed;
  }

  for (const auto& [file, lines] : files) {
    std::string content;
    for (size_t i = 0; i < lines.size(); ++i) content += lines[i] + (i + 1 < lines.size() ? "\n" : "");
    if (content == ReadFile(file)) continue;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw PoError(file.string() + ": cannot write");
    result.files.push_back(file.string());
  }
  if (!imported.empty()) {
    const fs::path file = dir / "imported.toml";
    const bool fresh = !fs::exists(file);
    std::ofstream out(file, std::ios::binary | std::ios::app);
    if (fresh) out << "# Keys added by tellus-catalog import (root-level dotted keys only: no [tables] here).\n";
    out << imported;
    if (!out) throw PoError(file.string() + ": cannot write");
    result.files.push_back(file.string());
  }
  return result;
}

}  // namespace tellus
