// tellus-catalog: the Easy Read catalogs for translators and reviewers.
//   tellus-catalog export --lang pl --out pl.po     one language as a gettext PO file (Poedit, Weblate)
//   tellus-catalog import --lang pl --in pl.po      back into easyread/lang/pl, every other byte kept
//   tellus-catalog check [--lang pl]                the Easy Read, glossary, address and grammar rules
#include <CLI/CLI.hpp>

#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>

#include "easyread/catalog.h"
#include "easyread/checks.h"
#include "easyread/po.h"

namespace {

int Check(const std::string& lang_root, const std::string& source_dir, const std::string& only) {
  const tellus::EasyReadRules rules = tellus::EasyReadRules::LoadFrom(source_dir);
  const tellus::Catalog english = tellus::Catalog::LoadLanguage(lang_root, "en-GB");
  int problems = 0;
  for (const std::string& tag : tellus::Catalog::AvailableTags(lang_root)) {
    if (!only.empty() && tag != only) continue;
    const tellus::Catalog catalog = tellus::Catalog::LoadLanguage(lang_root, tag);
    std::vector<tellus::CheckProblem> found = tellus::CheckCatalog(catalog, rules);
    if (tag != "en-GB") {
      const std::vector<tellus::CheckProblem> keys = tellus::CheckSameKeys(english, catalog);
      found.insert(found.end(), keys.begin(), keys.end());
    }
    for (const tellus::CheckProblem& p : found) std::cout << tellus::Describe(p) << "\n";
    std::cerr << tag << ": " << found.size() << " problems\n";
    problems += static_cast<int>(found.size());
  }
  return problems == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Tell Us catalogs: export and import for translators, and the catalog checks"};
  app.require_subcommand(1);
  std::string lang_root = std::string(TELLUS_EASYREAD_DIR) + "/lang";
  std::string source_dir = TELLUS_SOURCE_DIR;
  app.add_option("--lang-root", lang_root, "folder of the language folders")->capture_default_str();
  std::string tag, path;

  CLI::App* exp = app.add_subcommand("export", "one language as a gettext PO file (en-GB as the source)");
  exp->add_option("--lang", tag, "language tag, e.g. pl")->required();
  exp->add_option("--out", path, "PO file to write; - for standard output")->required();
  CLI::App* imp = app.add_subcommand("import", "a PO file back into the language's catalog files");
  imp->add_option("--lang", tag, "language tag, e.g. pl")->required();
  imp->add_option("--in", path, "PO file to read")->required()->check(CLI::ExistingFile);
  CLI::App* check = app.add_subcommand("check", "the catalog rules; prints each problem, exits 1 if any");
  check->add_option("--lang", tag, "only this language");
  check->add_option("--source-dir", source_dir, "tree holding assets/pictograms and easyread/*_words.toml")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
    if (*exp) {
      const std::string po = tellus::ExportPo(lang_root, tag);
      if (path == "-") {
        std::cout << po;
      } else {
        std::ofstream out(path, std::ios::binary);
        out << po;
        if (!out) throw std::runtime_error(path + ": cannot write");
      }
    } else if (*imp) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const tellus::PoImportResult r = tellus::ImportPo(text.str(), path, lang_root, tag);
      std::cout << tag << ": " << r.changed << " values changed, " << r.added_keys << " keys added, " << r.untranslated
                << " untranslated left as they were\n";
      for (const std::string& file : r.files) std::cout << "  wrote " << file << "\n";
    } else if (*check) {
      return Check(lang_root, source_dir, tag);
    }
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "tellus-catalog: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
