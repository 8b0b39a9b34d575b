// ESC/POS: the bytes a thermal printer gets, decoded back into the picture it would
// burn, compared with the PDF the CUPS path prints (rendered by poppler's pdftoppm at
// the printer's 203 dpi): the two ways to print give the same slip.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "kiosk/print/escpos.h"
#include "kiosk/print/slip_layout.h"
#include "tests/print/print_fixtures.h"

namespace tellus {
namespace {

using namespace print_testing;

// The PDF as poppler renders it at 203 dpi, grey, anti-aliasing off (a printer's dots).
GreyImage PdfRaster(const std::string& pdf) {
  TempDir dir;
  const std::string file = (dir.path / "slip.pdf").string();
  WriteFile(file, pdf);
  return ReadPgm(RunCommand("pdftoppm -r 203 -gray -aa no -aaVector no -singlefile '" + file + "'"));   // no root: to stdout
}

struct Difference {
  double blocks_off = 0;                           // share of 8x8 blocks whose ink differs by more than a quarter
  double mean_ink = 0;                             // mean ink difference per block, 0..1
};

// Ink (black share) block by block: the ESC/POS image against the PDF's, whose 80 mm page
// holds the 72 mm printed width in its middle.
Difference Compare(const GreyImage& escpos, const GreyImage& pdf) {
  const int offset = (pdf.width - escpos.width) / 2;
  const int rows = std::min(escpos.height, pdf.height);
  const int block = 8;
  int blocks = 0, off = 0;
  double total = 0;
  for (int by = 0; by + block <= rows; by += block) {
    for (int bx = 0; bx + block <= escpos.width; bx += block) {
      int a = 0, b = 0;
      for (int y = by; y < by + block; ++y)
        for (int x = bx; x < bx + block; ++x) {
          a += escpos.At(x, y) < 128;
          b += pdf.At(x + offset, y) < 128;
        }
      const double diff = std::abs(a - b) / double(block * block);
      total += diff;
      off += diff > 0.25;
      ++blocks;
    }
  }
  return Difference{blocks ? double(off) / blocks : 1, blocks ? total / blocks : 1};
}

std::vector<std::uint8_t> EscPosFor(const SlipLayout& layout) {
  return EscPosJob(RenderGrey(layout, Assets()));
}

TEST(EscPos, TheStreamIsAnInitialisedRasterFedAndCut) {
  const SlipLayout layout = LayOutSlip(Words("en-GB"), Assets());
  const std::vector<std::uint8_t> bytes = EscPosFor(layout);
  ASSERT_GE(bytes.size(), 2u);
  EXPECT_EQ(bytes[0], 0x1B);
  EXPECT_EQ(bytes[1], 0x40);
  const Decoded d = DecodeEscPos(bytes);
  EXPECT_TRUE(d.initialised);
  EXPECT_TRUE(d.cut);
  EXPECT_GT(d.fed_lines, 0);
  EXPECT_EQ(d.image.width, 576);
  EXPECT_EQ(d.image.height, static_cast<int>(std::ceil(layout.height)));
  EXPECT_EQ(d.bands, (d.image.height + kEscPosBandRows - 1) / kEscPosBandRows);
}

TEST(EscPos, TheDecodedRasterMatchesThePdfAt203Dpi) {
  const SlipLayout layout = LayOutSlip(Words("en-GB"), Assets());
  const Decoded printed = DecodeEscPos(EscPosFor(layout));
  const GreyImage pdf = PdfRaster(RenderPdf(layout, Assets()));
  // 80 mm at 203 dpi is 639.4 dots; the page is as long as the slip.
  EXPECT_NEAR(pdf.width, 639, 1);
  EXPECT_NEAR(pdf.height, printed.image.height, 1);
  const Difference same = Compare(printed.image, pdf);
  RecordProperty("blocks_off_percent", std::to_string(same.blocks_off * 100));
  RecordProperty("mean_ink_difference", std::to_string(same.mean_ink));
  EXPECT_LT(same.blocks_off, 0.01) << "mean " << same.mean_ink;
  EXPECT_LT(same.mean_ink, 0.02);

  // The comparison sees a slip that is not this one: other codes, or the text one line lower.
  SlipWords other = Words("en-GB", DoneState("SG-0071-7KQ4", "ABCDE-FGH12"));
  const Difference codes = Compare(DecodeEscPos(EscPosFor(LayOutSlip(other, Assets()))).image, pdf);
  EXPECT_GT(codes.blocks_off, 3 * same.blocks_off + 0.002) << "other codes passed for the same slip";
  SlipLayout lower = layout;
  for (SlipItem& item : lower.items) item.y += 20;
  lower.height += 20;
  const Difference shifted = Compare(DecodeEscPos(EscPosFor(lower)).image, pdf);
  EXPECT_GT(shifted.blocks_off, 0.05) << "a slip 2.5 mm lower passed for the same slip";
}

TEST(EscPos, DitheringKeepsBlackAndWhiteAndSpreadsGrey) {
  GreyImage image;
  image.width = 64;
  image.height = 64;
  image.pixels.assign(64 * 64, 255);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) image.pixels[y * 64 + x] = x < 16 ? 0 : x < 32 ? 255 : x < 48 ? 128 : 192;
  const std::vector<std::uint8_t> black = Dither(image);
  auto share = [&](int from, int to) {
    int n = 0;
    for (int y = 0; y < 64; ++y)
      for (int x = from; x < to; ++x) n += black[y * 64 + x];
    return n / double(64 * (to - from));
  };
  EXPECT_EQ(share(0, 16), 1.0);
  EXPECT_EQ(share(16, 32), 0.0);
  EXPECT_NEAR(share(32, 48), 0.5, 0.15);          // mid grey: about half the dots
  EXPECT_NEAR(share(48, 64), 0.25, 0.15);         // light grey: fewer
}

}  // namespace
}  // namespace tellus
