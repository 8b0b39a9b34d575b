#include "easyread/pictograms.h"

namespace tellus {

std::string PictogramFile(const std::string& pictogram_dir, const std::string& id, PictogramStyle style) {
  const char* folder = style == PictogramStyle::kColour ? "color" : style == PictogramStyle::kBlackLine ? "black" : "white";
  return pictogram_dir + "/" + folder + "/" + id + ".png";
}

}  // namespace tellus
