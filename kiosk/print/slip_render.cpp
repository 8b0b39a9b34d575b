// The slip drawn with cairo, from its layout, at any scale.
#include "kiosk/print/slip_render.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>
#include <sodium.h>

#include <cmath>
#include <memory>

namespace tellus::print {

namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

// A pictogram's PNG scaled into its box; nothing when the file is missing (the words stand alone).
// Laid on white first: a picture with no transparency left in it, so that a print path
// that cannot do transparency (PDF to PostScript) need not turn the page into an image.
void DrawPicture(cairo_t* cr, const SlipItem& item) {
  Surface png(cairo_image_surface_create_from_png(item.text.c_str()), cairo_surface_destroy);
  if (cairo_surface_status(png.get()) != CAIRO_STATUS_SUCCESS) return;
  const int w = cairo_image_surface_get_width(png.get());
  const int h = cairo_image_surface_get_height(png.get());
  if (w <= 0 || h <= 0) return;
  Surface flat(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), cairo_surface_destroy);
  cairo_t* on_white = cairo_create(flat.get());
  cairo_set_source_rgb(on_white, 1, 1, 1);
  cairo_paint(on_white);
  cairo_set_source_surface(on_white, png.get(), 0, 0);
  cairo_paint(on_white);
  cairo_destroy(on_white);
  cairo_save(cr);
  cairo_translate(cr, item.x, item.y);
  cairo_scale(cr, item.w / w, item.h / h);
  cairo_set_source_surface(cr, flat.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

void DrawQr(cairo_t* cr, const SlipItem& item) {
  QRcode* qr = QRcode_encodeString(item.text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return;
  const double module = item.w / (qr->width + 8);
  for (int y = 0; y < qr->width; ++y)
    for (int x = 0; x < qr->width; ++x)
      if (qr->data[y * qr->width + x] & 1) cairo_rectangle(cr, item.x + (x + 4) * module, item.y + (y + 4) * module, module, module);
  cairo_fill(cr);
  QRcode_free(qr);
}

void DrawText(cairo_t* cr, const SlipFonts& fonts, const SlipItem& item) {
  cairo_set_font_face(cr, static_cast<cairo_font_face_t*>(fonts.Face(item.bold)));
  cairo_set_font_size(cr, item.font_px);
  cairo_font_extents_t fe;
  cairo_font_extents(cr, &fe);
  const double baseline = item.y + std::round((item.h - (fe.ascent + fe.descent)) / 2 + fe.ascent);
  cairo_move_to(cr, item.x, baseline);
  cairo_show_text(cr, item.text.c_str());
}

// Everything in black on what is already white, in layout dots.
void Draw(cairo_t* cr, const SlipLayout& layout, const SlipAssets& assets) {
  const SlipFonts fonts(assets.font_dir);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const SlipItem& item : layout.items) {
    switch (item.kind) {
      case SlipItemKind::kText:
      case SlipItemKind::kCode:
        DrawText(cr, fonts, item);
        break;
      case SlipItemKind::kFrame:
        cairo_set_line_width(cr, 4);
        cairo_rectangle(cr, item.x + 2, item.y + 2, item.w - 4, item.h - 4);
        cairo_stroke(cr);
        break;
      case SlipItemKind::kRule:
        cairo_rectangle(cr, item.x, item.y, item.w, item.h);
        cairo_fill(cr);
        break;
      case SlipItemKind::kPicture:
        DrawPicture(cr, item);
        cairo_set_source_rgb(cr, 0, 0, 0);
        break;
      case SlipItemKind::kQr:
        DrawQr(cr, item);
        break;
    }
  }
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string RenderPdf(const SlipLayout& layout, const SlipAssets& assets) {
  const double points_per_dot = 72.0 / kDotsPerInch;
  const double page_w = kPaperMm / 25.4 * 72.0;
  const double page_h = layout.height * points_per_dot;
  std::string pdf;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(Append, &pdf, page_w, page_h), cairo_surface_destroy);
    // A title that says what it is, never whose it is (CUPS keeps job titles in its logs).
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Receipt");
    cairo_t* cr = cairo_create(surface.get());
    cairo_translate(cr, (page_w - layout.width * points_per_dot) / 2, 0);
    cairo_scale(cr, points_per_dot, points_per_dot);
    Draw(cr, layout, assets);
    cairo_show_page(cr);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface.get());
    if (status != CAIRO_STATUS_SUCCESS || cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      WipeBytes(pdf);
      throw PrintError(std::string("the receipt could not be drawn: ") + cairo_status_to_string(status));
    }
  }
  return pdf;
}

GreyImage RenderGrey(const SlipLayout& layout, const SlipAssets& assets) {
  GreyImage image;
  image.width = static_cast<int>(std::ceil(layout.width));
  image.height = static_cast<int>(std::ceil(layout.height));
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height), cairo_surface_destroy);
  cairo_t* cr = cairo_create(surface.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  Draw(cr, layout, assets);
  cairo_destroy(cr);
  cairo_surface_flush(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw PrintError("the receipt could not be drawn");
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const std::uint32_t p = row[x];
      const int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
      image.pixels[static_cast<std::size_t>(y) * image.width + x] = static_cast<std::uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
    }
  }
  sodium_memzero(cairo_image_surface_get_data(surface.get()), static_cast<std::size_t>(stride) * image.height);
  return image;
}

void WipeBytes(std::string& bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
  bytes.clear();
  bytes.shrink_to_fit();
}

void WipeBytes(std::vector<std::uint8_t>& bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
  bytes.clear();
  bytes.shrink_to_fit();
}

}  // namespace tellus::print
