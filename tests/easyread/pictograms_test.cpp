#include "easyread/pictograms.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "easyread/checks.h"

namespace tellus {
namespace {

TEST(Pictograms, FileNamesPerStyle) {
  EXPECT_EQ(PictogramFile("/p", "thumbs-up", PictogramStyle::kColour), "/p/color/thumbs-up.png");
  EXPECT_EQ(PictogramFile("/p", "thumbs-up", PictogramStyle::kBlackLine), "/p/black/thumbs-up.png");
  EXPECT_EQ(PictogramFile("/p", "thumbs-up", PictogramStyle::kWhiteLine), "/p/white/thumbs-up.png");
}

TEST(Pictograms, ManifestHasTheVocabularyTheScreensNeed) {
  const auto manifest = EasyReadRules::LoadManifest(std::string(TELLUS_SOURCE_DIR) + "/assets/pictograms/manifest.toml");
  for (const char* id : {"welcome", "thumbs-up", "complaint", "comment", "magnifier", "language", "text-size",
                         "contrast", "back", "start-again", "help", "listen", "anonymous", "calendar", "tick", "cross"})
    EXPECT_TRUE(manifest.count(id)) << id;
}

// Only when the kiosk (and so the assets) were built in this tree.
TEST(Pictograms, BuiltForEveryManifestIdWhenAssetsAreBuilt) {
  const std::string dir = std::string(TELLUS_BINARY_DIR) + "/assets/pictograms";
  if (!std::filesystem::exists(dir + "/manifest.toml")) GTEST_SKIP() << "assets not built (TELLUS_BUILD_KIOSK=OFF)";
  for (const auto& [id, code] : EasyReadRules::LoadManifest(dir + "/manifest.toml"))
    for (PictogramStyle style : {PictogramStyle::kColour, PictogramStyle::kBlackLine, PictogramStyle::kWhiteLine})
      EXPECT_GT(std::filesystem::file_size(PictogramFile(dir, id, style)), 200u) << id;
}

}  // namespace
}  // namespace tellus
