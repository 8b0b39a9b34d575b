#pragma once
// Easy Read checks over a catalog: the rules every screen text must keep, and a
// readability score per screen. Used by tests/easyread/catalog_checks_test.cpp over
// the real catalogs in easyread/lang/*, so a broken rule fails the build's tests.
//
// Rules (rule ids in CheckProblem::rule):
//   sentence-length    a sentence of `text` over 15 words ({placeholder} = 1 word)
//   joined-ideas       a sentence that joins two ideas: ";" in any language; for
//                      languages listed in easyread/joining_words.toml also a
//                      joining word ("because") anywhere after the first word, a
//                      word after a comma (", which") or before a subject
//                      ("and we"). Sentence-first joiners ("Or you can ...") are the
//                      Easy Read way of splitting, so they pass.
//   missing-pictogram  an entry whose text ends in . ! or ? has no pictogram
//                      (labels without sentence punctuation may have none)
//   unknown-pictogram  a pictogram id that assets/pictograms/manifest.toml lacks
//   hard-word          a word from easyread/hard_words.toml in text or spoken form
//                      whose explaining key is empty or not in the catalog
//   missing-key / extra-key / placeholders
//                      a translation lacks a key of en-GB, has one en-GB lacks,
//                      or uses other {placeholders} than en-GB for a key ({limit.accusative}
//                      counts as {limit}: the form is the language's choice). The grammar
//                      tables (duration.*, count.*, date.pattern.*, date.label.*) differ by
//                      language: only each [duration.<word>] / [count.<word>] of en-GB is required.
// Language rules (easyread/language_checks.cpp; the rules are in each meta.toml):
//   glossary           text, spoken or standard uses a word the language's [glossary.<term>]
//                      lists under avoid ("plainte" where French says "réclamation")
//   address            a word [address].avoid lists: the wrong form of address (tu where the
//                      catalog is formal) or a gendered form addressed to the person ("czułeś")
//   plural-forms       a [duration.<word>] or [count.<word>] lacks a form for a CLDR plural
//                      category ICU lists for the language, or has one ICU does not know
//   date-pattern       a date.pattern.* or date.label.* ICU does not accept (a missing one
//                      is a missing-key against en-GB)
//   grammar-form       a sentence asks for {name.<form>} that no case table or date pattern defines
// The Standard wording is the non-Easy-Read alternative and is not checked.
//
// CheckPolicy holds a policy's Easy Read texts (core/policy.h: easy_read next to each
// question, exclusion, signpost and anonymity text) to the same rules as the en-GB
// catalog, each easy_read sentence as one catalog entry, and adds:
//   missing-easy-read  a text the kiosk shows has no easy_read version
//   one-sentence       an easy_read item holds more than one sentence (one picture each)
//   missing-pictogram  also: a service or category with neither picture nor image
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/policy_language.h"
#include "easyread/catalog.h"

namespace tellus {

struct CheckProblem {
  std::string language;                            // catalog tag
  std::string key;                                 // catalog key, or policy key "exclusions[2].easy_read[0]"
  std::string rule;                                // see above
  std::string message;
  std::string file{};                              // policy problems: the policy file
  std::size_t line = 0;                            // and the line the key is written on
};
// "pl: welcome.title: sentence-length: ..."; a policy's: "seetec.toml:57: key: rule: what".
std::string Describe(const CheckProblem& problem);

struct JoiningRules {
  std::vector<std::string> always;                 // join wherever they are after the first word
  std::vector<std::string> after_comma;            // join when a comma comes right before
  std::vector<std::string> before_subject;         // join when a subject word follows
  std::vector<std::string> subjects;
};

struct HardWord {
  std::string word;                                // lower case
  std::string explained_by;                        // catalog key that explains it; empty: none yet
};

struct EasyReadRules {
  int max_words = 15;
  std::map<std::string, std::string> pictograms;   // manifest: id -> OpenMoji code
  std::map<std::string, JoiningRules> joining;     // by language tag
  std::map<std::string, std::vector<HardWord>> hard_words;  // by language tag

  // Each throws CatalogError naming file, line and key on bad input.
  static std::map<std::string, std::string> LoadManifest(const std::string& path);
  static std::map<std::string, JoiningRules> LoadJoining(const std::string& path);
  static std::map<std::string, std::vector<HardWord>> LoadHardWords(const std::string& path);
  // source_dir/assets/pictograms/manifest.toml, source_dir/easyread/{joining,hard}_words.toml
  static EasyReadRules LoadFrom(const std::string& source_dir);
  // assets_dir/pictograms/manifest.toml, easyread_dir/{joining,hard}_words.toml
  static EasyReadRules LoadFrom(const std::string& assets_dir, const std::string& easyread_dir);
};

// Text helpers (UTF-8; any non-ASCII byte counts as a letter).
std::vector<std::string> SplitSentences(const std::string& text);
std::vector<std::string> Words(const std::string& sentence);   // lower-cased, punctuation trimmed
bool EndsAsSentence(const std::string& text);
std::string FindJoin(const std::string& sentence, const JoiningRules* rules);  // "" if none
bool MatchesHardWord(const std::string& word, const std::string& hard_word);   // word and its inflections
std::vector<std::string> Placeholders(const std::string& text);

// The Easy Read rules and the language rules below, over every entry.
std::vector<CheckProblem> CheckCatalog(const Catalog& catalog, const EasyReadRules& rules);
std::vector<CheckProblem> CheckGlossary(const Catalog& catalog);
std::vector<CheckProblem> CheckAddress(const Catalog& catalog);
// The same two rules over any texts in `language` (a policy's translation, by its keys).
std::vector<CheckProblem> CheckGlossary(const LanguageInfo& language, const std::map<std::string, CatalogEntry>& entries);
std::vector<CheckProblem> CheckAddress(const LanguageInfo& language, const std::map<std::string, CatalogEntry>& entries);
std::vector<CheckProblem> CheckGrammar(const Catalog& catalog);
bool IsGrammarForm(const std::string& key);               // duration.*, count.*, date.pattern.*, date.label.*
std::string PlaceholderName(const std::string& placeholder);   // "limit.accusative" -> "limit"
// `catalog` (en-GB: policies are written in English) explains the hard words it may use.
std::vector<CheckProblem> CheckPolicy(const Policy& policy, const EasyReadRules& rules, const Catalog& catalog);
// A policy's words in one language (core/policy_language.h), each problem with the
// translation file and line: every missing, unknown or empty key ("missing-translation"),
// then the language's Easy Read rules on the easy_read sentences (pictures are the
// English file's and checked there) and its glossary and address rules on every text.
// `catalog` is that language's catalog (its glossary, address rules and hard-word
// explanations).
std::vector<CheckProblem> CheckPolicyLanguage(const PolicyInLanguage& policy, const EasyReadRules& rules,
                                              const Catalog& catalog);
std::vector<CheckProblem> CheckSameKeys(const Catalog& reference, const Catalog& translation);

// Flesch reading ease (English): 206.835 - 1.015 words/sentence - 84.6 syllables/word.
// Higher is easier; 80+ is "easy", 90+ "very easy". Screens with no sentence
// (only labels, like the date words) are left out.
struct Readability {
  std::string screen;                              // first key segment
  int sentences = 0;                               // every entry counts as at least one
  int words = 0;
  int syllables = 0;
  double flesch = 0;
};
int CountSyllables(const std::string& word);
std::vector<Readability> ScreenReadability(const Catalog& catalog);

}  // namespace tellus
