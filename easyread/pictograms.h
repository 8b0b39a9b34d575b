#pragma once
// Where the build put a pictogram (assets/CMakeLists.txt rasterises every id of
// assets/pictograms/manifest.toml into TELLUS_PICTOGRAM_DIR, 128x128 RGBA PNG):
//   color/<id>.png  full colour OpenMoji: the standard theme
//   black/<id>.png  black line art on transparent: light high-contrast themes
//   white/<id>.png  the same line art in white: dark themes (high-contrast dark,
//                   yellow-on-black); draw it tinted with the theme's text colour
#include <string>

namespace tellus {

enum class PictogramStyle { kColour, kBlackLine, kWhiteLine };

std::string PictogramFile(const std::string& pictogram_dir, const std::string& id, PictogramStyle style);

}  // namespace tellus
