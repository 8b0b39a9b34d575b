#pragma once
// Easy Read catalogs: every word the kiosk shows or says, one file per language
// (easyread/lang/<tag>.toml). Each entry is one short sentence or label with its
// pictogram, its spoken form where that differs, and a Standard-wording
// alternative for people who prefer it.
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace tellus {

struct CatalogError : std::runtime_error { using std::runtime_error::runtime_error; };

struct CatalogEntry {
  std::string text;                                // Easy Read wording shown on screen
  std::string pictogram;                           // pictogram id from assets/pictograms/manifest.toml, may be empty for labels
  std::string spoken;                              // spoken form; empty means "same as text"
  std::string standard;                            // Standard wording; empty means "same as text"
};

struct LanguageInfo {
  std::string tag;                                 // "en-GB", "cy", "pl"
  std::string native_name;                         // "English", "Cymraeg", "Polski"
  std::string voice;                               // eSpeak NG language name, "en-gb", "cy", "pl"
  bool needs_review = false;                       // machine-made, awaiting a native speaker
};

class Catalog {
 public:
  static Catalog LoadFile(const std::string& path);   // throws CatalogError naming file, line and key
  static Catalog LoadText(const std::string& text, const std::string& source_name);
  static std::vector<std::string> AvailableTags(const std::string& lang_dir);

  const LanguageInfo& language() const { return info_; }
  bool Has(const std::string& key) const;
  // Missing keys return a visible "[key]" entry so a gap is seen, never a crash;
  // the catalog tests make sure none are missing.
  const CatalogEntry& Entry(const std::string& key) const;
  const std::string& Text(const std::string& key) const { return Entry(key).text; }
  // Replaces {name} placeholders: Format("done.reply_by", {{"date", "Friday 27 November"}}).
  std::string Format(const std::string& key, const std::map<std::string, std::string>& values) const;
  std::string Spoken(const std::string& key, const std::map<std::string, std::string>& values = {}) const;
  const std::map<std::string, CatalogEntry>& entries() const { return entries_; }

 private:
  LanguageInfo info_;
  std::map<std::string, CatalogEntry> entries_;
};

}  // namespace tellus
