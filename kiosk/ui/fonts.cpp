#include "kiosk/ui/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace tellus::ui {
namespace {

FontFaces g_faces;

const ImWchar* GlyphRanges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
      0x0100, 0x024F,  // Latin Extended-A and -B (Polish, Lithuanian, Romanian, Welsh)
      0x1E00, 0x1EFF,  // Latin Extended Additional (Welsh ẁ ẃ ẅ ỳ)
      0x0370, 0x03FF,  // Greek
      0x0400, 0x04FF,  // Cyrillic
      0x2013, 0x2026,  // dashes, quotes, ellipsis
      0x20AC, 0x20AC,  // euro
      0,
  };
  return ranges;
}

const ImWchar* CodeRanges() {
  static const ImWchar ranges[] = {0x0020, 0x007E, 0};
  return ranges;
}

}  // namespace

float BodyPixels(int text_size, float display_height) {
  static const float at_1080[3] = {28.f, 36.f, 46.f};
  const float scale = std::max(0.5f, display_height / 1080.f);
  return std::round(at_1080[std::clamp(text_size, 0, 2)] * scale);
}

bool LoadFonts(ImFontAtlas& atlas, float display_height, const std::string& font_dir, FontFaces& faces,
               std::string& error) {
  const std::string regular = font_dir + "/Andika-Regular.ttf";
  const std::string bold = font_dir + "/Andika-Bold.ttf";
  for (const std::string& file : {regular, bold}) {
    if (!std::filesystem::is_regular_file(file)) {
      error = file + ": font file not found (Debian package fonts-sil-andika)";
      return false;
    }
  }
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // no half-empty texture
  atlas.TexDesiredWidth = 4096;
  ImFontConfig config;
  // Large sizes need no horizontal oversampling; it would triple the atlas.
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  for (int size = 0; size < 3; ++size) {
    const float px = BodyPixels(size, display_height);
    faces.body[size] = atlas.AddFontFromFileTTF(regular.c_str(), px, &config, GlyphRanges());
    faces.heading[size] = atlas.AddFontFromFileTTF(bold.c_str(), std::round(px * 1.3f), &config, GlyphRanges());
    if (!faces.body[size] || !faces.heading[size]) {
      error = font_dir + ": could not load Andika";
      return false;
    }
  }
  faces.code = atlas.AddFontFromFileTTF(bold.c_str(), std::round(BodyPixels(2, display_height) * 1.7f), &config,
                                        CodeRanges());
  if (!faces.code || !atlas.Build()) {
    error = bold + ": could not build the font atlas";
    return false;
  }
  return true;
}

const FontFaces& Fonts() { return g_faces; }
void SetFonts(const FontFaces& faces) { g_faces = faces; }

}  // namespace tellus::ui
