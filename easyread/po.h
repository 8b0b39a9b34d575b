#pragma once
// Translators' round trip: one language's catalog as a gettext PO file (for Poedit or
// Weblate) and back, losing nothing. Each catalog entry is up to four messages:
//
//   #. Placeholders: {date}            (kept as written; {date.genitive} is a grammatical form)
//   #: pl/journey.toml:212
//   #, fuzzy                           (the language's needs_review = true: machine-made)
//   msgctxt "done.ack"                 ("done.ack#spoken", "#standard", "#pictogram" for the rest)
//   msgid "We will contact you by {date}."          (en-GB, the source)
//   msgstr "Skontaktujemy się z Tobą do {date.genitive}."
//
// The file opens with the language's glossary and address rules as comments, so the
// translator has them at hand.
// An empty msgstr for spoken, standard or pictogram means the field is absent (spoken and
// standard then follow the text). Plural and case forms the language has but English lacks
// (duration.years.few) carry en-GB's 'other' form as msgid and ICU's sample counts.
//
// Import writes each changed value back into the very line it came from and leaves every
// other byte alone (comments, order, the keyboard layout), so export then import gives a
// byte-identical catalog. A key en-GB has and the language lacks goes to imported.toml.
// needs_review in meta.toml becomes true when any message is fuzzy, false when none is.
#include <stdexcept>
#include <string>
#include <vector>

namespace tellus {

struct PoError : std::runtime_error { using std::runtime_error::runtime_error; };

// The PO text for `tag` with en-GB as source. Throws CatalogError for a broken catalog.
std::string ExportPo(const std::string& lang_root, const std::string& tag);

struct PoImportResult {
  int changed = 0;                                 // values written (added, changed or removed)
  int added_keys = 0;                              // keys new to the language (imported.toml)
  int untranslated = 0;                            // empty text msgstr: left as it was
  std::vector<std::string> files;                  // files rewritten
};
// Reads `po_text` (named `po_name` in errors) into lang_root/tag. Checks everything first
// (syntax, known keys, the same {placeholders} as en-GB) and writes nothing on an error:
// PoError "pl.po:120: done.ack: msgstr lacks {date}".
PoImportResult ImportPo(const std::string& po_text, const std::string& po_name, const std::string& lang_root,
                        const std::string& tag);

}  // namespace tellus
