// The line-art pictograms the dark themes draw (white, tinted to the theme's text
// colour) must have no dark lines left in them: a dark line on a dark face is invisible.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <filesystem>
#include <string>

#include "easyread/checks.h"
#include "easyread/pictograms.h"

namespace tellus {
namespace {

struct Ink {
  int opaque = 0;
  int dark = 0;
};

// Opaque pixels, and how many of them are dark (luminance below half).
Ink CountInk(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
  Ink ink;
  if (!pixels) return ink;
  for (int i = 0; i < w * h; ++i) {
    const unsigned char* p = pixels + 4 * i;
    if (p[3] < 128) continue;
    ++ink.opaque;
    if (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2] < 128) ++ink.dark;
  }
  stbi_image_free(pixels);
  return ink;
}

TEST(PictogramLines, WhiteLineArtHasNoDarkLines) {
  const std::string dir = std::string(TELLUS_BINARY_DIR) + "/assets/pictograms";
  ASSERT_TRUE(std::filesystem::exists(dir + "/manifest.toml")) << "pictograms not built";
  for (const auto& [id, code] : EasyReadRules::LoadManifest(dir + "/manifest.toml")) {
    const Ink ink = CountInk(PictogramFile(dir, id, PictogramStyle::kWhiteLine));
    EXPECT_GT(ink.opaque, 50) << id << " (" << code << ") has almost nothing to see";
    EXPECT_LE(ink.dark, ink.opaque / 100) << id << " (" << code << ") keeps " << ink.dark << " dark pixels of "
                                          << ink.opaque;
  }
}

}  // namespace
}  // namespace tellus
