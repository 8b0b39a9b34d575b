#pragma once
// [SECTION] The printed receipt's layout on an 80 mm slip, in printer dots (203 dpi,
// 576 dots across the 72 mm a thermal kiosk printer prints). Easy Read as on screen:
// one sentence a line group, each with its picture on the left; the codes large and
// grouped in a box; the QR code centred. Drawn with cairo (kiosk/print/slip_render.h)
// both to a PDF (for a CUPS queue) and to an image (ESC/POS raster), from this one layout.
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/print/slip_words.h"

namespace tellus::print {

struct PrintError : std::runtime_error { using std::runtime_error::runtime_error; };

constexpr double kDotsPerInch = 203;
constexpr int kSlipDots = 576;                     // printable width: 72 mm of an 80 mm roll
constexpr double kPaperMm = 80;

enum class SlipItemKind {
  kText,        // one line of text at (x, baseline y + font_px * ascent): `text`
  kCode,        // one line of a big code (bold), in a kFrame
  kFrame,       // a box's outline
  kRule,        // a thin line across
  kPicture,     // a pictogram (black line art PNG) scaled into the rectangle: `text` is its file
  kQr,          // a QR code of `text`, module by module
};

struct SlipItem {
  SlipItemKind kind = SlipItemKind::kText;
  double x = 0, y = 0, w = 0, h = 0;               // dots; y down from the top of the slip
  std::string text;
  double font_px = 0;                              // em size in dots (text and codes)
  bool bold = false;
  std::string role;                                // what it is, for tests: "organisation", "reference", "next"...
};

struct SlipLayout {
  double width = kSlipDots;
  double height = 0;                               // dots, margins included
  std::vector<SlipItem> items;
};

// Where the fonts and pictures are.
struct SlipAssets {
  std::string font_dir = "/usr/share/fonts/truetype/andika";  // Andika-Regular.ttf, Andika-Bold.ttf
  std::string pictogram_dir;                       // the build's rasterised pictograms (black/<id>.png)
};

// Type sizes in dots: 14 pt body text (Easy Read print's smallest), larger headings and codes.
struct SlipType {
  double body = 40;                                // 14 pt at 203 dpi
  double heading = 48;
  double organisation = 48;
  double code = 64;                                // shrunk to fit the width when a code is long
  double picture = 72;                             // pictures left of sentences (9 mm)
  double gap = 12;
};

class SlipFonts;

// Lays out the slip; throws PrintError when the fonts cannot be loaded. Wraps every
// sentence to the width left of its picture (a word too long for a line is broken).
SlipLayout LayOutSlip(const SlipWords& words, const SlipAssets& assets, const SlipType& type = {});

// The width of `text` in dots at `font_px` (for tests and the layout).
double TextWidth(const SlipFonts& fonts, const std::string& text, double font_px, bool bold);

// Andika regular and bold through FreeType, for cairo. One per print job (FreeType is
// not shared between threads).
class SlipFonts {
 public:
  explicit SlipFonts(const std::string& font_dir);   // throws PrintError
  ~SlipFonts();
  SlipFonts(const SlipFonts&) = delete;
  SlipFonts& operator=(const SlipFonts&) = delete;
  void* Face(bool bold) const;                     // cairo_font_face_t*
 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace tellus::print
