#include "easyread/catalog.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

namespace tellus {
namespace {

namespace fs = std::filesystem;

std::string ErrorOf(const std::string& text) {
  try {
    Catalog::LoadText(text, "x.toml");
  } catch (const CatalogError& e) {
    return e.what();
  }
  return "";
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("tellus-catalog-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(counter_++))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path Lang(const std::string& tag) const { fs::create_directories(path_ / tag); return path_ / tag; }
  const fs::path& path() const { return path_; }
  static void Write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

const char* kMeta = "[language]\ntag = \"en-GB\"\nnative_name = \"English\"\nvoice = \"en-gb\"\n";

TEST(Catalog, ReadsEntriesLabelsAndNestedTables) {
  Catalog c = Catalog::LoadText(R"(
[welcome]
title = { text = "Tell us what you think", pictogram = "speech-bubble" }
body_1 = { text = "You can say thank you.", pictogram = "thumbs-up", standard = "Give a compliment.", spoken = "You can say thank you" }
back = "Back"
[welcome.more]
deep = "Deeper"
)", "x.toml");
  EXPECT_EQ(c.entries().size(), 4u);
  EXPECT_EQ(c.Text("welcome.title"), "Tell us what you think");
  EXPECT_EQ(c.Entry("welcome.title").pictogram, "speech-bubble");
  EXPECT_EQ(c.Entry("welcome.body_1").standard, "Give a compliment.");
  EXPECT_EQ(c.Spoken("welcome.body_1"), "You can say thank you");
  EXPECT_EQ(c.Spoken("welcome.title"), "Tell us what you think");
  EXPECT_EQ(c.Text("welcome.back"), "Back");
  EXPECT_TRUE(c.Entry("welcome.back").pictogram.empty());
  EXPECT_EQ(c.Text("welcome.more.deep"), "Deeper");
}

TEST(Catalog, MissingKeyIsVisibleNotACrash) {
  Catalog c = Catalog::LoadText("a = \"A\"", "x.toml");
  EXPECT_FALSE(c.Has("nope.key"));
  EXPECT_EQ(c.Text("nope.key"), "[nope.key]");
  EXPECT_EQ(&c.Entry("nope.key"), &c.Entry("nope.key"));
  EXPECT_EQ(c.Format("nope.key", {{"x", "y"}}), "[nope.key]");
}

TEST(Catalog, FormatsPlaceholders) {
  Catalog c = Catalog::LoadText(
      "reply = { text = \"We will write to you by {date}.\", pictogram = \"calendar\", spoken = \"We will write by {date}.\" }",
      "x.toml");
  EXPECT_EQ(c.Format("reply", {{"date", "Friday 27 November"}}), "We will write to you by Friday 27 November.");
  EXPECT_EQ(c.Spoken("reply", {{"date", "Friday 27 November"}}), "We will write by Friday 27 November.");
  EXPECT_EQ(c.Format("reply", {}), "We will write to you by {date}.");
}

TEST(Catalog, UnknownFieldNamesFileLineAndKey) {
  const std::string error = ErrorOf("[welcome]\n\ntitle = { text = \"Hi\", picture = \"x\" }\n");
  EXPECT_NE(error.find("x.toml:3"), std::string::npos) << error;
  EXPECT_NE(error.find("welcome.title.picture"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown field"), std::string::npos) << error;
}

TEST(Catalog, WrongTypesAreErrors) {
  std::string error = ErrorOf("[a]\nb = { text = 3 }\n");
  EXPECT_NE(error.find("x.toml:2"), std::string::npos) << error;
  EXPECT_NE(error.find("a.b.text"), std::string::npos) << error;
  error = ErrorOf("a = 5\n");
  EXPECT_NE(error.find("key 'a'"), std::string::npos) << error;
  EXPECT_NE(error.find("integer"), std::string::npos) << error;
  error = ErrorOf("a = [\"x\"]\n");
  EXPECT_NE(error.find("array"), std::string::npos) << error;
  error = ErrorOf("a = { text = \"\" }\n");
  EXPECT_NE(error.find("empty"), std::string::npos) << error;
  error = ErrorOf("a = { text = \"x\", pictogram = true }\n");
  EXPECT_NE(error.find("a.pictogram"), std::string::npos) << error;
}

TEST(Catalog, SyntaxErrorNamesFileAndLine) {
  const std::string error = ErrorOf("a = \"x\"\nb = = \n");
  EXPECT_NE(error.find("x.toml:2"), std::string::npos) << error;
}

TEST(Catalog, LoadDirMergesFilesAndReadsMeta) {
  TempDir tmp;
  fs::path en = tmp.Lang("en-GB");
  TempDir::Write(en / "meta.toml", std::string(kMeta) + "needs_review = true\n[about]\nopenmoji = \"Pictures\"\n");
  TempDir::Write(en / "a.toml", "[welcome]\ntitle = \"Hello\"\n");
  TempDir::Write(en / "b.toml", "[done]\ntitle = \"Done\"\n");
  Catalog c = Catalog::LoadLanguage(tmp.path().string(), "en-GB");
  EXPECT_EQ(c.language().tag, "en-GB");
  EXPECT_EQ(c.language().native_name, "English");
  EXPECT_EQ(c.language().voice, "en-gb");
  EXPECT_TRUE(c.language().needs_review);
  EXPECT_EQ(c.Text("welcome.title"), "Hello");
  EXPECT_EQ(c.Text("done.title"), "Done");
  EXPECT_EQ(c.Text("about.openmoji"), "Pictures");
  EXPECT_FALSE(c.Has("language.tag"));
  EXPECT_EQ(Catalog::AvailableTags(tmp.path().string()), std::vector<std::string>{"en-GB"});
}

TEST(Catalog, MissingMetaIsAnError) {
  TempDir tmp;
  fs::path cy = tmp.Lang("cy");
  TempDir::Write(cy / "a.toml", "a = \"b\"\n");
  try {
    Catalog::LoadDir(cy.string());
    FAIL() << "loaded without meta.toml";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("meta.toml"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(Catalog::AvailableTags(tmp.path().string()).empty());
}

TEST(Catalog, MetaErrors) {
  TempDir tmp;
  fs::path pl = tmp.Lang("pl");
  TempDir::Write(pl / "meta.toml", "[language]\ntag = \"pl\"\nnative_name = \"Polski\"\n");
  try {
    Catalog::LoadDir(pl.string());
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("language.voice"), std::string::npos) << e.what();
  }
  TempDir::Write(pl / "meta.toml", "[language]\ntag = \"cy\"\nnative_name = \"Polski\"\nvoice = \"pl\"\n");
  EXPECT_THROW(Catalog::LoadDir(pl.string()), CatalogError);
  TempDir::Write(pl / "meta.toml", "[language]\ntag = \"pl\"\nnative_name = \"Polski\"\nvoice = \"pl\"\nneeds_review = \"yes\"\n");
  EXPECT_THROW(Catalog::LoadDir(pl.string()), CatalogError);
  TempDir::Write(pl / "meta.toml", "a = \"b\"\n");
  EXPECT_THROW(Catalog::LoadDir(pl.string()), CatalogError);
  EXPECT_THROW(Catalog::LoadDir((tmp.path() / "none").string()), CatalogError);
}

TEST(Catalog, DuplicateKeyAcrossFilesIsAnError) {
  TempDir tmp;
  fs::path en = tmp.Lang("en-GB");
  TempDir::Write(en / "meta.toml", kMeta);
  TempDir::Write(en / "a.toml", "[welcome]\ntitle = \"Hello\"\n");
  TempDir::Write(en / "b.toml", "[welcome]\ntitle = \"Hello again\"\n");
  try {
    Catalog::LoadDir(en.string());
    FAIL();
  } catch (const CatalogError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("b.toml:2"), std::string::npos) << what;
    EXPECT_NE(what.find("a.toml:2"), std::string::npos) << what;
    EXPECT_NE(what.find("welcome.title"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace tellus

namespace tellus {
namespace {

TEST(Catalog, GarbageIsAnErrorNeverACrash) {
  const std::string inputs[] = {
      std::string("\0\x01\x02\xff\xfe", 5), "[[a]]\ntext = \"x\"\n", "a = { text = \"x\", text = \"y\" }",
      std::string(5000, '['), "[a]\n[a]\n", "a.b.c = 1", "\"\" = \"empty key\"\nx = \"\\uD800\"",
      "a = { text = \"ok\", standard = [1, 2] }", "[language]\ntag = 5\n",
  };
  for (const std::string& input : inputs) {
    try {
      Catalog::LoadText(input, "garbage.toml");
    } catch (const CatalogError& e) {
      EXPECT_NE(std::string(e.what()).find("garbage.toml"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace tellus
