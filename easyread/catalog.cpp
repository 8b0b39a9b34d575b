#include "easyread/catalog.h"

#include "core/toml_names.h"

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

// Reads one file into entries; returns true if it held a [language] table.
bool LoadInto(const std::string& text, const std::string& source, LanguageInfo& info,
              std::map<std::string, CatalogEntry>& entries, std::map<std::string, std::string>& origin) {
  toml::table root = ParseToml(text, source);
  bool has_language = false;
  if (toml::node* language = root.get("language")) {
    if (!language->is_table())
      Fail(source, language->source(), "language", "must be a table, found " + TomlTypeName(*language));
    info = ReadLanguage(*language->as_table(), source);
    has_language = true;
    root.erase("language");
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
  if (!LoadInto(ReadFile(meta), meta.string(), catalog.info_, catalog.entries_, origin))
    throw CatalogError(meta.string() + ":1: key 'language': missing [language] table");
  const std::string folder = root.filename().empty() ? root.parent_path().filename().string()
                                                     : root.filename().string();
  if (catalog.info_.tag != folder)
    throw CatalogError(meta.string() + ": key 'language.tag': '" + catalog.info_.tag +
                       "' does not match the folder name '" + folder + "'");
  for (const auto& file : files) {
    LanguageInfo ignored;
    if (LoadInto(ReadFile(file), file.string(), ignored, catalog.entries_, origin))
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
  LoadInto(text, source_name, catalog.info_, catalog.entries_, origin);
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
