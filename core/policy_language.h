#pragma once
// A policy's words in another language: assets/policies/<policy id>/<tag>.toml, beside the
// policy, which an organisation can edit. The English policy file stays the source of truth
// for structure (ids, order, pictures, rules); a translation file carries text only, keyed
// by the policy's own ids:
//
//   needs_review = true                       # written without a native speaker's check
//   [services]
//   seetec-training = "Seetec Training"
//   [anonymous]
//   explanation = "..."                       # the exact words
//   explanation_easy_read = ["...", "..."]    # one per English sentence, same pictures
//   [eligibility.older-than-limit]
//   signpost = "..."
//   signpost_easy_read = ["..."]
//   [[eligibility.older-than-limit.questions]]   # or question/easy_read on a one-question rule,
//   question = "..."                             # written as the English file writes it
//   easy_read = ["..."]
//   [exclusions.<id>]  text, easy_read, signpost, signpost_easy_read
//   [stages.<id>]      name
//   [[external_bodies]] name, when, when_easy_read, contact, contact_easy_read (in the English order)
//   [safeguarding]     question, easy_read, tell_staff, tell_staff_easy_read
//   [comments] and [compliments]  handling, handling_easy_read
//   withdrawal_note, withdrawal_note_easy_read     (top level, before any [table])
//
// Every text the kiosk shows must be there: a missing one is a problem naming the language,
// the file and the key, and the kiosk leaves that language out rather than show English.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/policy.h"

namespace tellus {

// The language the policy files themselves are written in.
inline constexpr const char* kPolicySourceLanguage = "en-GB";

// Every text of a policy that reaches a person at the kiosk, with its key in a translation
// file ("eligibility.colleague.questions[1].easy_read[0]"), in the order of the policy.
using ShownTextVisitor = std::function<void(const std::string& key, std::string& text)>;
void VisitShownTexts(Policy& policy, const ShownTextVisitor& visit);
std::vector<std::pair<std::string, std::string>> ShownTexts(const Policy& policy);  // key, text

struct TranslationProblem {
  std::string language;                            // "pl"
  std::string file;                                // the translation file
  std::size_t line = 0;                            // where the key is written; the file's first line if missing
  std::string key;                                 // "exclusions.legal-action.signpost"
  std::string what;
};
// "assets/policies/seetec/pl.toml:12: pl: exclusions.legal-action.signpost: missing (en-GB: "...")"
std::string Describe(const TranslationProblem& problem);

struct PolicyInLanguage {
  Policy policy;                                   // the English structure with this language's words
  std::string language;
  std::string file;                                // empty for the source language
  bool needs_review = false;                       // the file says so: no native speaker has checked it
  std::vector<TranslationProblem> problems;        // empty: every shown text is translated
  std::map<std::string, std::size_t> lines;       // key -> line in the translation file
  std::size_t LineOf(const std::string& key) const;  // 1 when not written
};

// The register names a stage as the policy file writes it: its place in `written`'s
// procedure (npos when not one of its stages), and its name in `shown` (the same policy in
// another language); a name that is not the policy's comes back as it is.
std::size_t StageIndexNamed(const Policy& written, const std::string& name);
std::string ShownStageName(const Policy& written, const Policy& shown, const std::string& name);

// "<dir of policy.source>/<policy.id>/<tag>.toml".
std::string PolicyTranslationPath(const Policy& policy, const std::string& language);
// The policy in `language`: the source language gives the policy itself; any other reads
// its translation file and reports every missing, unknown, empty or mistyped key.
PolicyInLanguage PolicyForLanguage(const Policy& policy, const std::string& language);
// The languages with a translation file beside the policy (tags, sorted).
std::vector<std::string> PolicyTranslationTags(const Policy& policy);

}  // namespace tellus
