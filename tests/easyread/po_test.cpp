// Translators' round trip (easyread/po.h): every catalog to PO and back, byte for byte,
// over copies of the real catalogs.
#include "easyread/po.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <unistd.h>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "easyread/catalog.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

const fs::path kLangRoot = fs::path(TELLUS_SOURCE_DIR) / "easyread/lang";

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A copy of every catalog in a fresh folder.
fs::path CopyCatalogs(const std::string& name) {
  const fs::path root = fs::temp_directory_path() / ("tellus_po_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::copy(kLangRoot, root, fs::copy_options::recursive);
  return root;
}

// Every file of `tag` in `root` is byte-identical to the real one (and no file was added).
void ExpectSameFiles(const fs::path& root, const std::string& tag) {
  std::size_t files = 0;
  for (const auto& item : fs::directory_iterator(root / tag)) {
    ++files;
    const fs::path original = kLangRoot / tag / item.path().filename();
    ASSERT_TRUE(fs::exists(original)) << "import added " << item.path();
    EXPECT_EQ(Read(item.path()), Read(original)) << item.path();
  }
  EXPECT_EQ(files, static_cast<std::size_t>(std::distance(fs::directory_iterator(kLangRoot / tag), fs::directory_iterator{})));
}

// Each msgstr line through `change`; "#, fuzzy" lines dropped when `drop_fuzzy`.
std::string EditPo(const std::string& po, const std::function<std::string(const std::string& context, const std::string& str)>& change,
                   bool drop_fuzzy) {
  std::istringstream in(po);
  std::ostringstream out;
  std::string line, context;
  while (std::getline(in, line)) {
    if (drop_fuzzy && line == "#, fuzzy") continue;
    if (line.rfind("msgctxt \"", 0) == 0) context = line.substr(9, line.size() - 10);
    if (line.rfind("msgstr \"", 0) == 0 && !context.empty()) line = "msgstr \"" + change(context, line.substr(8, line.size() - 9)) + "\"";
    out << line << "\n";
  }
  return out.str();
}

TEST(PoRoundTrip, EveryCatalogComesBackByteForByte) {
  const fs::path root = CopyCatalogs("same");
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot.string())) {
    SCOPED_TRACE(tag);
    const std::string po = ExportPo(root.string(), tag);
    EXPECT_NE(po.find("msgctxt \"welcome.title\""), std::string::npos);
    EXPECT_NE(po.find("# Glossary: complaint = "), std::string::npos) << "the translator sees the glossary";
    EXPECT_NE(po.find("# Address: "), std::string::npos);
    const PoImportResult result = ImportPo(po, tag + ".po", root.string(), tag);
    EXPECT_EQ(result.changed, 0);
    EXPECT_TRUE(result.files.empty());
    ExpectSameFiles(root, tag);
  }
  fs::remove_all(root);
}

// gettext's own checker (what Poedit and Weblate build on) accepts every exported file.
TEST(PoRoundTrip, MsgfmtAcceptsEveryExport) {
  const fs::path dir = fs::temp_directory_path() / ("tellus_po_msgfmt_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const std::string& tag : Catalog::AvailableTags(kLangRoot.string())) {
    const fs::path po = dir / (tag + ".po");
    std::ofstream(po, std::ios::binary) << ExportPo(kLangRoot.string(), tag);
    const std::string command = "msgfmt --check -o /dev/null " + po.string() + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    EXPECT_EQ(::pclose(pipe), 0) << tag << ": " << output;
  }
  fs::remove_all(dir);
}

// Import really writes every field: change every value (text, spoken, standard, picture,
// plural forms, date patterns), add the fields a language lacks, clear the review flag; the
// catalog shows the changes; importing the first export restores every byte.
TEST(PoRoundTrip, EveryFieldIsWrittenAndRestored) {
  const fs::path root = CopyCatalogs("fields");
  const std::string tag = "pl";
  const std::string original = ExportPo(root.string(), tag);
  const std::string changed = EditPo(
      original,
      [](const std::string& context, const std::string& str) {
        if (str.empty()) return std::string(context.find("#pictogram") != std::string::npos ? "star" : "Dodane.");
        return context.find("#pictogram") != std::string::npos ? str + "-x" : str + " X";
      },
      true);
  const PoImportResult result = ImportPo(changed, "pl-changed.po", root.string(), tag);
  EXPECT_GT(result.changed, 900);
  const Catalog after = Catalog::LoadLanguage(root.string(), tag);
  const Catalog before = Catalog::LoadLanguage(kLangRoot.string(), tag);
  const Catalog english = Catalog::LoadLanguage(kLangRoot.string(), "en-GB");
  EXPECT_FALSE(after.language().needs_review);
  int added = 0;
  for (const auto& [key, entry] : before.entries()) {
    SCOPED_TRACE(key);
    const CatalogEntry& now = after.Entry(key);
    EXPECT_EQ(now.text, entry.text + " X");
    const CatalogEntry& en = english.Has(key) ? english.Entry(key) : CatalogEntry{};
    if (!entry.pictogram.empty()) {
      EXPECT_EQ(now.pictogram, entry.pictogram + "-x");
    } else if (!en.pictogram.empty()) {
      EXPECT_EQ(now.pictogram, "star");            // a field en-GB has and the language lacked: added
    }
    if (!entry.spoken.empty()) {
      EXPECT_EQ(now.spoken, entry.spoken + " X");
    } else if (!en.spoken.empty()) {
      EXPECT_EQ(now.spoken, "Dodane.");
      ++added;
    }
    if (!entry.standard.empty()) {
      EXPECT_EQ(now.standard, entry.standard + " X");
    } else if (!en.standard.empty()) {
      EXPECT_EQ(now.standard, "Dodane.");
      ++added;
    }
  }
  EXPECT_GT(added, 0);                             // fields were added, to tables and to one-line labels
  ImportPo(original, "pl.po", root.string(), tag);
  ExpectSameFiles(root, tag);
  fs::remove_all(root);
}

// A key the language lacks is added (to imported.toml) and loads with the rest.
TEST(PoRoundTrip, AMissingKeyIsAdded) {
  const fs::path root = CopyCatalogs("added");
  const fs::path file = root / "pl" / "journey.toml";
  std::string text = Read(file);
  const std::size_t at = text.find("\nack = ");
  ASSERT_NE(at, std::string::npos);
  text.erase(at, text.find('\n', at + 1) - at);
  std::ofstream(file, std::ios::binary) << text;
  ASSERT_FALSE(Catalog::LoadLanguage(root.string(), "pl").Has("done.ack"));
  const PoImportResult result = ImportPo(ExportPo(kLangRoot.string(), "pl"), "pl.po", root.string(), "pl");
  EXPECT_EQ(result.added_keys, 1);
  const Catalog pl = Catalog::LoadLanguage(root.string(), "pl");
  const Catalog real = Catalog::LoadLanguage(kLangRoot.string(), "pl");
  EXPECT_EQ(pl.Entry("done.ack").text, real.Entry("done.ack").text);
  EXPECT_EQ(pl.Entry("done.ack").pictogram, real.Entry("done.ack").pictogram);
  fs::remove_all(root);
}

// A placeholder lost in translation is refused with file, line and key, and nothing is written.
TEST(PoRoundTrip, ALostPlaceholderIsRefusedAndNothingWritten) {
  const fs::path root = CopyCatalogs("refused");
  const std::string po = EditPo(
      ExportPo(root.string(), "pl"),
      [](const std::string& context, const std::string& str) {
        return context == "done.ack" ? std::string("Skontaktujemy się z Tobą.") : context == "welcome.title" ? "Inny tytuł" : str;
      },
      false);
  try {
    ImportPo(po, "pl.po", root.string(), "pl");
    FAIL() << "import took a sentence without its {date}";
  } catch (const PoError& e) {
    EXPECT_NE(std::string(e.what()).find("done.ack: msgstr lacks {date}"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("pl.po:", 0), 0u) << e.what();
  }
  ExpectSameFiles(root, "pl");
  fs::remove_all(root);
}

TEST(PoRoundTrip, BrokenPoNamesTheLine) {
  const fs::path root = CopyCatalogs("broken");
  try {
    ImportPo("msgctxt \"welcome.title\"\nmsgid \"Tell us\"\nmsgstr \"Powiedz\n", "bad.po", root.string(), "pl");
    FAIL();
  } catch (const PoError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.po:3"), std::string::npos) << e.what();
  }
  try {
    ImportPo("msgctxt \"welcome.nothing\"\nmsgid \"x\"\nmsgstr \"y\"\n", "bad.po", root.string(), "pl");
    FAIL();
  } catch (const PoError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.po:1: welcome.nothing: no such key"), std::string::npos) << e.what();
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace tellus
