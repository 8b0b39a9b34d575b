#include "kiosk/ui/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>

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

float BodyEmPixels(int text_size, float display_height) {
  static const float at_1080[3] = {32.f, 40.f, 48.f};  // Easy Read at arm's length: 32 px, then 1.25x and 1.5x
  const float scale = std::max(0.5f, display_height / 1080.f);
  return std::round(at_1080[std::clamp(text_size, 0, 2)] * scale);
}

float LinePerEm(const std::string& ttf_path) {
  std::ifstream in(ttf_path, std::ios::binary);
  const std::string f((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto u16 = [&](std::size_t at) { return at + 2 <= f.size() ? (static_cast<unsigned char>(f[at]) << 8) | static_cast<unsigned char>(f[at + 1]) : 0; };
  auto u32 = [&](std::size_t at) { return (static_cast<std::size_t>(u16(at)) << 16) | static_cast<std::size_t>(u16(at + 2)); };
  std::size_t head = 0, hhea = 0;
  const int tables = u16(4);
  for (int i = 0; i < tables; ++i) {
    const std::size_t entry = 12 + 16 * static_cast<std::size_t>(i);
    if (entry + 16 > f.size()) return 0;
    const std::string tag = f.substr(entry, 4);
    if (tag == "head") head = u32(entry + 8);
    if (tag == "hhea") hhea = u32(entry + 8);
  }
  if (!head || !hhea) return 0;
  const int units_per_em = u16(head + 18);
  const int ascent = static_cast<std::int16_t>(u16(hhea + 4)), descent = static_cast<std::int16_t>(u16(hhea + 6));
  if (units_per_em <= 0 || ascent - descent <= 0) return 0;
  return static_cast<float>(ascent - descent) / static_cast<float>(units_per_em);
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
  faces.line_per_em = LinePerEm(regular);
  if (faces.line_per_em <= 0) {
    error = regular + ": cannot read the font's metrics (head/hhea tables)";
    return false;
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
    faces.body_em[size] = BodyEmPixels(size, display_height);
    faces.heading_em[size] = std::round(faces.body_em[size] * 1.5f);
    const float px = std::round(faces.body_em[size] * faces.line_per_em);
    faces.body[size] = atlas.AddFontFromFileTTF(regular.c_str(), px, &config, GlyphRanges());
    faces.heading[size] = atlas.AddFontFromFileTTF(bold.c_str(), std::round(px * 1.5f), &config, GlyphRanges());
    if (!faces.body[size] || !faces.heading[size]) {
      error = font_dir + ": could not load Andika";
      return false;
    }
  }
  faces.code_em = std::round(BodyEmPixels(0, display_height) * 1.75f);
  faces.code = atlas.AddFontFromFileTTF(bold.c_str(), std::round(faces.code_em * faces.line_per_em), &config,
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
