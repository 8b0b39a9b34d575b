#pragma once
// [SECTION] ESC/POS raster for an 80 mm thermal receipt printer (203 dpi, 576 dots):
// the slip's grey image dithered to black and white, sent as "GS v 0" raster bands,
// then fed and cut.
#include <cstdint>
#include <vector>

#include "kiosk/print/slip_render.h"

namespace tellus::print {

constexpr int kEscPosBandRows = 256;               // rows a "GS v 0" band holds (kept small for printers' buffers)

// Black and white, one byte a pixel (1: black), from grey by Atkinson dithering: pure
// black and white stay as they are, the grey edges of letters and pictures are spread.
std::vector<std::uint8_t> Dither(const GreyImage& image);
// ESC @, the image in GS v 0 bands (rows of width/8 bytes, most significant bit left),
// a few lines' feed and a partial cut.
std::vector<std::uint8_t> EscPosJob(const GreyImage& image);

}  // namespace tellus::print
