#pragma once
// [SECTION] Drawing a laid-out slip with cairo: to a PDF held in memory (text stays
// text, in Andika, so it can be read back and searched), or to a grey image one pixel a
// printer dot (for ESC/POS). Nothing is written to disk.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/print/slip_layout.h"

namespace tellus::print {

// A grey image, one byte a pixel: 0 black, 255 white.
struct GreyImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;                // row by row
  std::uint8_t At(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

// One page 80 mm wide and as long as the slip, the 72 mm printed width centred.
std::string RenderPdf(const SlipLayout& layout, const SlipAssets& assets);
// layout.width x layout.height pixels.
GreyImage RenderGrey(const SlipLayout& layout, const SlipAssets& assets);
// Zeroes a buffer that held a receipt before it is freed.
void WipeBytes(std::string& bytes);
void WipeBytes(std::vector<std::uint8_t>& bytes);

}  // namespace tellus::print
