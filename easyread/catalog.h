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
//
//   # easyread/lang/pl/kiosk.toml: the on-screen keyboard, one string a row, each letter a key
//   [keyboard.layout]
//   accents = "ąćęłńóśźż"           # the language's own letters: a row above the others
//   letters = ["qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"]   # small letters; Shift shows capitals
//   symbols = ["1234567890", "@#&()/:;!", "?+=*%_£€\""]   # the "123" page
//   latin = ["qwertyuiop", ...]     # optional: a Latin alphabet beside a non-Latin one (uk), for email
//   email_endings = ["@gmail.com", ".co.uk", ".com"]        # whole keys on the email keyboard
// A row holds 1-13 keys with no spaces, a key is on a page once, a page has at most
// 4 rows (accents count as one), the Latin letters hold a-z (for references and
// email), and there are 1-5 endings; anything else is a CatalogError naming file and line.
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

// The on-screen keyboard's keys for one language (see [keyboard.layout] above).
struct KeyboardLayout {
  std::string accents;                             // one row of the language's own letters, may be empty
  std::vector<std::string> letters;                // rows of small letters (and a few signs)
  std::vector<std::string> symbols;                // rows of the "123" page
  std::vector<std::string> latin;                  // rows of a second, Latin alphabet; empty: letters are Latin
  std::vector<std::string> email_endings;          // keys that type a whole ending
  std::string source;                              // "kiosk.toml:12"; empty: the built-in English layout
  const std::vector<std::string>& LatinRows() const { return latin.empty() ? letters : latin; }
};
KeyboardLayout EnglishKeyboardLayout();           // for a catalog that defines none

// One word for one thing (meta.toml [glossary.<term>]): the catalog's word for a term and
// the words that must not stand in for it (easyread/checks.h, rule "glossary").
//   [glossary.complaint]
//   use = "réclamation"             # the word this language uses (for translators and messages)
//   avoid = ["plainte"]             # words (or word starts, "plaint*") that say something else
struct GlossaryTerm {
  std::string term;                                // "complaint"
  std::string use;
  std::vector<std::string> avoid;                  // lower case; "*" at the end: any ending
  std::string source;                              // "meta.toml:40"
};

// How the person is addressed (meta.toml [address]; easyread/checks.h, rule "address").
//   [address]
//   form = "formal"                 # or "informal": one, all through
//   gender_neutral = true           # never assume the person's gender
//   avoid = ["*łeś", "pewien"]      # words that break the two rules above ("*" at either end: any letters)
//   why = "Polish: no masculine past tense or adjective addressed to the person"
struct AddressRules {
  std::string form;                                // "formal" or "informal"; empty: no [address]
  bool gender_neutral = false;
  std::vector<std::string> avoid;                  // lower case word patterns
  std::string why;
  std::string source;
};

struct LanguageInfo {
  std::string tag;                                 // "en-GB", "cy", "pl"
  std::string native_name;                         // "English", "Cymraeg", "Polski"
  std::string voice;                               // eSpeak NG language name, "en-gb", "cy", "pl"
  bool needs_review = false;                       // machine-made, awaiting a native speaker
  std::vector<GlossaryTerm> glossary;              // meta.toml [glossary]
  AddressRules address;                            // meta.toml [address]
};

class Catalog {
 public:
  static Catalog LoadDir(const std::string& dir);     // easyread/lang/<tag>; throws CatalogError naming file, line and key
  static Catalog LoadLanguage(const std::string& lang_root, const std::string& tag);  // lang_root/tag
  static Catalog LoadText(const std::string& text, const std::string& source_name);   // one file's worth (tests)
  static std::vector<std::string> AvailableTags(const std::string& lang_root);

  const LanguageInfo& language() const { return info_; }
  const KeyboardLayout& keyboard() const { return keyboard_; }
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
  KeyboardLayout keyboard_ = EnglishKeyboardLayout();
  std::map<std::string, CatalogEntry> entries_;
  // "[key]" stand-ins handed out by Entry() for missing keys (UI thread only).
  mutable std::map<std::string, CatalogEntry> missing_;
};

}  // namespace tellus
