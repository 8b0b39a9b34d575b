// The slip's layout: measured with cairo over Andika, wrapped word by word.
#include "kiosk/print/slip_layout.h"

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <mutex>
#include <cmath>
#include <qrencode.h>

#include "easyread/pictograms.h"

namespace tellus::print {

// [SECTION] fonts ---------------------------------------------------------------

struct SlipFonts::Impl {
  cairo_font_face_t* faces[2] = {nullptr, nullptr};
};

namespace {
const cairo_user_data_key_t kFaceKey{};
// One FreeType library for the process: cairo may keep a face in its caches after a
// job, and a face must not outlive its library. Opening and closing faces take the lock.
std::mutex& FreeTypeLock() {
  static std::mutex lock;
  return lock;
}
FT_Library SharedLibrary() {
  static FT_Library library = [] {
    FT_Library l = nullptr;
    if (FT_Init_FreeType(&l) != 0) l = nullptr;
    return l;
  }();
  return library;
}
void DoneFace(void* face) {
  std::lock_guard<std::mutex> hold(FreeTypeLock());
  FT_Done_Face(static_cast<FT_Face>(face));
}
}  // namespace

SlipFonts::SlipFonts(const std::string& font_dir) : impl_(new Impl) {
  const char* files[2] = {"Andika-Regular.ttf", "Andika-Bold.ttf"};
  FT_Face loaded[2] = {nullptr, nullptr};
  std::string error;
  {
    std::lock_guard<std::mutex> hold(FreeTypeLock());
    if (!SharedLibrary()) error = "FreeType would not start";
    for (int i = 0; i < 2 && error.empty(); ++i) {
      const std::string path = font_dir + "/" + files[i];
      if (FT_New_Face(SharedLibrary(), path.c_str(), 0, &loaded[i]) != 0) {
        loaded[i] = nullptr;
        error = path + ": cannot load the font for the receipt";
      }
    }
    if (!error.empty())
      for (FT_Face face : loaded)
        if (face) FT_Done_Face(face);
  }
  if (!error.empty()) {
    delete impl_;
    throw PrintError(error);
  }
  for (int i = 0; i < 2; ++i) {
    impl_->faces[i] = cairo_ft_font_face_create_for_ft_face(loaded[i], 0);
    // cairo may keep the face in its caches after we let go: it closes the FreeType face itself.
    cairo_font_face_set_user_data(impl_->faces[i], &kFaceKey, loaded[i], DoneFace);
  }
}

SlipFonts::~SlipFonts() {
  for (cairo_font_face_t* face : impl_->faces)
    if (face) cairo_font_face_destroy(face);
  delete impl_;
}

void* SlipFonts::Face(bool bold) const { return impl_->faces[bold ? 1 : 0]; }

namespace {

// A scratch context to measure text with.
struct Measure {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cairo_t* cr = cairo_create(surface);
  ~Measure() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
  double Width(const SlipFonts& fonts, const std::string& text, double px, bool bold) {
    cairo_set_font_face(cr, static_cast<cairo_font_face_t*>(fonts.Face(bold)));
    cairo_set_font_size(cr, px);
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return e.x_advance;
  }
};

std::size_t NextCharEnd(const std::string& s, std::size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Greedy word wrap; a word longer than the line is broken between characters.
std::vector<std::string> Wrap(Measure& m, const SlipFonts& fonts, const std::string& text, double px, bool bold,
                              double width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    const std::string joined = line.empty() ? word : line + " " + word;
    if (m.Width(fonts, joined, px, bold) <= width) {
      line = joined;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line.clear();
    while (m.Width(fonts, word, px, bold) > width) {  // too long for any line: break it
      std::size_t cut = NextCharEnd(word, 0);
      while (cut < word.size() && m.Width(fonts, word.substr(0, NextCharEnd(word, cut)), px, bold) <= width)
        cut = NextCharEnd(word, cut);
      lines.push_back(word.substr(0, cut));
      word = word.substr(cut);
    }
    line = word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

struct Builder {
  const SlipAssets& assets;
  const SlipType& type;
  SlipFonts fonts;
  Measure m;
  SlipLayout out;
  double y = 0;

  double LineHeight(double px) const { return std::round(px * 1.3); }

  void Lines(const std::string& text, double x, double width, double px, bool bold, const std::string& role,
             bool centred = false) {
    for (const std::string& line : Wrap(m, fonts, text, px, bold, width)) {
      SlipItem item;
      item.kind = SlipItemKind::kText;
      item.w = m.Width(fonts, line, px, bold);
      item.x = centred ? x + std::floor((width - item.w) / 2) : x;
      item.y = y;
      item.h = LineHeight(px);
      item.text = line;
      item.font_px = px;
      item.bold = bold;
      item.role = role;
      out.items.push_back(std::move(item));
      y += LineHeight(px);
    }
  }

  void Picture(const std::string& id, double x, double top, const std::string& role) {
    if (id.empty() || assets.pictogram_dir.empty()) return;
    SlipItem pic;
    pic.kind = SlipItemKind::kPicture;
    pic.x = x;
    pic.y = top;
    pic.w = pic.h = type.picture;
    pic.text = PictogramFile(assets.pictogram_dir, id, PictogramStyle::kBlackLine);
    pic.role = role;
    out.items.push_back(std::move(pic));
  }

  // A sentence with its picture on the left, the text wrapped in the rest of the width.
  void Sentence(const SlipLine& line, const std::string& role, double px, bool bold = false) {
    const double top = y;
    const double text_x = type.picture + type.gap;
    const double text_h = LineHeight(px);
    // One line of text sits in the middle of the picture's height.
    y += std::max(0.0, std::floor((type.picture - text_h) / 2));
    Picture(line.pictogram, 0, top, role + ".picture");
    Lines(line.text, text_x, out.width - text_x, px, bold, role);
    y = std::max(y, top + type.picture) + type.gap;
  }

  void Code(const std::string& code, const std::string& role) {
    const double pad = 12;
    double px = type.code;
    while (px > 12 && m.Width(fonts, code, px, true) > out.width - pad * 4) px -= 2;   // large while it fits
    const double w = std::min(out.width, m.Width(fonts, code, px, true) + pad * 4);
    const double h = LineHeight(px) + pad * 2;
    const double x = std::floor((out.width - w) / 2);
    SlipItem frame;
    frame.kind = SlipItemKind::kFrame;
    frame.x = x;
    frame.y = y;
    frame.w = w;
    frame.h = h;
    frame.role = role + ".frame";
    out.items.push_back(frame);
    SlipItem text;
    text.kind = SlipItemKind::kCode;
    text.x = x + pad * 2;
    text.y = y + pad;
    text.w = m.Width(fonts, code, px, true);
    text.h = LineHeight(px);
    text.text = code;
    text.font_px = px;
    text.bold = true;
    text.role = role;
    out.items.push_back(std::move(text));
    y += h + type.gap * 2;
  }

  void Rule() {
    SlipItem rule;
    rule.kind = SlipItemKind::kRule;
    rule.y = y;
    rule.w = out.width;
    rule.h = 3;
    rule.role = "rule";
    out.items.push_back(rule);
    y += rule.h + type.gap * 2;
  }

  void Qr(const std::string& text) {
    QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) throw PrintError("the QR code could not be made");
    const int modules = qr->width + 8;             // 4 modules of quiet zone each side
    QRcode_free(qr);
    const double module = 6;                       // 0.75 mm: scans well from thermal paper
    SlipItem item;
    item.kind = SlipItemKind::kQr;
    item.w = item.h = modules * module;
    item.x = std::floor((out.width - item.w) / 2);
    item.y = y;
    item.text = text;
    item.role = "qr";
    out.items.push_back(std::move(item));
    y += modules * module + type.gap;
  }
};

}  // namespace

double TextWidth(const SlipFonts& fonts, const std::string& text, double font_px, bool bold) {
  Measure m;
  return m.Width(fonts, text, font_px, bold);
}

SlipLayout LayOutSlip(const SlipWords& words, const SlipAssets& assets, const SlipType& type) {
  Builder b{assets, type, SlipFonts(assets.font_dir), {}, {}, 0};
  b.y = type.gap * 2;
  b.Lines(words.organisation, 0, b.out.width, type.organisation, true, "organisation", true);
  b.y += type.gap;
  b.Rule();
  b.Sentence(words.title, "title", type.heading, true);
  for (const SlipLine& line : words.opening) b.Sentence(line, "opening", type.body);
  b.Sentence(words.reference_label, "reference_label", type.body);
  b.Code(words.reference, "reference");
  b.Sentence(words.tracking_label, "tracking_label", type.body);
  b.Code(words.tracking_code, "tracking_code");
  for (const SlipLine& line : words.keep) b.Sentence(line, "keep", type.body);
  b.Qr(words.qr);
  b.Rule();
  b.Sentence(words.next_title, "next_title", type.heading, true);
  for (const SlipLine& line : words.next) b.Sentence(line, "next", type.body);
  b.Rule();
  b.Sentence(words.check_title, "check_title", type.heading, true);
  for (const SlipLine& line : words.check_back) b.Sentence(line, "check_back", type.body);
  b.y += type.gap * 4;                             // room to tear or cut below the last line
  b.out.height = std::ceil(b.y);
  return b.out;
}

}  // namespace tellus::print
