#pragma once
// Easy Read catalogs: every word the kiosk shows or says, one folder per language
// (easyread/lang/<tag>/*.toml, merged; meta.toml holds [language]). Each entry is
// one short sentence or label with its pictogram, its spoken form where that
// differs, and a Standard-wording alternative for people who prefer it.
//
//   # easyread/lang/en-GB/meta.toml
//   [language]
//   tag = "en-GB"
//   native_name = "English"
//   voice = "en-gb"                 # eSpeak NG language
//   needs_review = false            # true: machine-made, awaiting a native speaker
//
//   # easyread/lang/en-GB/journey.toml  (nested tables; a table with `text` is an entry)
//   [welcome]
//   title = { text = "Tell us what you think", pictogram = "speech-bubble" }
//   body_1 = { text = "You can say thank you.", pictogram = "thumbs-up", standard = "Give a compliment." }
//   reply_by = { text = "We will write to you by {date}.", pictogram = "calendar" }
//   back = "Back"                   # shorthand: a label with no pictogram
//
// Keys are dotted paths: "welcome.title". Placeholders are {name}; a placeholder
// with no value given is left as written. Entry fields are exactly text,
// pictogram, spoken and standard, all strings; anything else is a CatalogError
// naming file, line and key, as is a key defined twice (also across files), a
// missing meta.toml, or a [language].tag that differs from the folder name.
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
  static Catalog LoadDir(const std::string& dir);     // easyread/lang/<tag>; throws CatalogError naming file, line and key
  static Catalog LoadLanguage(const std::string& lang_root, const std::string& tag);  // lang_root/tag
  static Catalog LoadText(const std::string& text, const std::string& source_name);   // one file's worth (tests)
  static std::vector<std::string> AvailableTags(const std::string& lang_root);

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
  // "[key]" stand-ins handed out by Entry() for missing keys (UI thread only).
  mutable std::map<std::string, CatalogEntry> missing_;
};

}  // namespace tellus
