// ESC/POS raster: dither, pack, band.
#include "kiosk/print/escpos.h"

#include <algorithm>

namespace tellus::print {

std::vector<std::uint8_t> Dither(const GreyImage& image) {
  const int w = image.width, h = image.height;
  std::vector<int> level(image.pixels.begin(), image.pixels.end());
  std::vector<std::uint8_t> black(level.size(), 0);
  auto spread = [&](int x, int y, int error) {
    if (x < 0 || x >= w || y >= h) return;
    level[static_cast<std::size_t>(y) * w + x] += error;
  };
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const int old = level[i];
      const int now = old < 128 ? 0 : 255;
      black[i] = now == 0 ? 1 : 0;
      const int error = (old - now) / 8;           // Atkinson: 6/8 of the error to six neighbours
      spread(x + 1, y, error);
      spread(x + 2, y, error);
      spread(x - 1, y + 1, error);
      spread(x, y + 1, error);
      spread(x + 1, y + 1, error);
      spread(x, y + 2, error);
    }
  }
  std::fill(level.begin(), level.end(), 0);
  return black;
}

std::vector<std::uint8_t> EscPosJob(const GreyImage& image) {
  std::vector<std::uint8_t> black = Dither(image);
  const int bytes_per_row = (image.width + 7) / 8;
  std::vector<std::uint8_t> out = {0x1B, 0x40};    // ESC @: initialise
  for (int top = 0; top < image.height; top += kEscPosBandRows) {
    const int rows = std::min(kEscPosBandRows, image.height - top);
    // GS v 0 m xL xH yL yH: normal density, width in bytes, height in rows.
    const std::uint8_t header[] = {0x1D, 0x76, 0x30, 0x00,
                                   static_cast<std::uint8_t>(bytes_per_row & 0xFF),
                                   static_cast<std::uint8_t>(bytes_per_row >> 8),
                                   static_cast<std::uint8_t>(rows & 0xFF),
                                   static_cast<std::uint8_t>(rows >> 8)};
    out.insert(out.end(), std::begin(header), std::end(header));
    for (int y = top; y < top + rows; ++y) {
      for (int b = 0; b < bytes_per_row; ++b) {
        std::uint8_t byte = 0;
        for (int bit = 0; bit < 8; ++bit) {
          const int x = b * 8 + bit;
          if (x < image.width && black[static_cast<std::size_t>(y) * image.width + x]) byte |= 0x80 >> bit;
        }
        out.push_back(byte);
      }
    }
  }
  const std::uint8_t finish[] = {0x1B, 0x64, 0x04,          // ESC d 4: feed four lines past the cutter
                                 0x1D, 0x56, 0x42, 0x00};   // GS V 66 0: feed and partial cut
  out.insert(out.end(), std::begin(finish), std::end(finish));
  WipeBytes(black);
  return out;
}

}  // namespace tellus::print
