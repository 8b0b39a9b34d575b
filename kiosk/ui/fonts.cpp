#include "kiosk/ui/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>

namespace tellus::ui {
namespace {

FontFaces g_faces;

// Always baked, whatever the texts: Basic Latin and Latin-1 (typed letters, digits, references),
// and the ellipsis ImGui draws for clipped text.
const ImWchar kAlways[] = {0x0020, 0x00FF, 0x2026, 0x2026, 0};
const ImWchar kCode[] = {0x0020, 0x007E, 0};      // references and tracking codes: Crockford Base32 and '-'

float Scale(float display_height) { return std::max(0.5f, display_height / 1080.f); }
int SizeIndex(int text_size) { return std::clamp(text_size, 0, 2); }

// The whole file in an IM_ALLOC buffer, for the atlas to own; nullptr when unreadable.
void* ReadFile(const std::string& path, int& size) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return nullptr;
  size = static_cast<int>(in.tellg());
  void* data = size > 0 ? IM_ALLOC(static_cast<size_t>(size)) : nullptr;
  in.seekg(0);
  if (data && !in.read(static_cast<char*>(data), size)) {
    IM_FREE(data);
    return nullptr;
  }
  return data;
}

}  // namespace

float BodyPixels(int text_size, float display_height) {
  static const float at_1080[3] = {32.f, 40.f, 48.f};
  return std::round(at_1080[SizeIndex(text_size)] * Scale(display_height));
}

float HeadingPixels(int text_size, float display_height) {
  static const float at_1080[3] = {48.f, 60.f, 72.f};
  return std::round(at_1080[SizeIndex(text_size)] * Scale(display_height));
}

float CodePixels(int text_size, float display_height) {
  return std::round(BodyPixels(text_size, display_height) * 1.75f);
}

float LinePerEm(const void* ttf, int size) {
  const auto* f = static_cast<const unsigned char*>(ttf);
  const std::size_t n = size > 0 ? static_cast<std::size_t>(size) : 0;
  auto u16 = [&](std::size_t at) -> int { return at + 2 <= n ? (f[at] << 8) | f[at + 1] : 0; };
  auto u32 = [&](std::size_t at) { return (static_cast<std::size_t>(u16(at)) << 16) | static_cast<std::size_t>(u16(at + 2)); };
  std::size_t head = 0, hhea = 0;
  const int tables = u16(4);
  for (int i = 0; i < tables; ++i) {
    const std::size_t entry = 12 + 16 * static_cast<std::size_t>(i);
    if (entry + 16 > n) return 0;
    const std::string tag(reinterpret_cast<const char*>(f + entry), 4);
    if (tag == "head") head = u32(entry + 8);
    if (tag == "hhea") hhea = u32(entry + 8);
  }
  if (!head || !hhea) return 0;
  const int units_per_em = u16(head + 18);
  const int ascent = static_cast<std::int16_t>(u16(hhea + 4)), descent = static_cast<std::int16_t>(u16(hhea + 6));
  if (units_per_em <= 0 || ascent - descent <= 0) return 0;
  return static_cast<float>(ascent - descent) / static_cast<float>(units_per_em);
}

bool LoadFonts(ImFontAtlas& atlas, const FontRequest& request, FontFaces& faces, std::string& error) {
  const std::string regular_file = request.font_dir + "/Andika-Regular.ttf";
  const std::string bold_file = request.font_dir + "/Andika-Bold.ttf";
  int regular_size = 0, bold_size = 0;
  void* regular = ReadFile(regular_file, regular_size);
  void* bold = regular ? ReadFile(bold_file, bold_size) : nullptr;
  if (!regular || !bold) {
    IM_FREE(regular);
    error = (regular ? bold_file : regular_file) + ": font file not found (Debian package fonts-sil-andika)";
    return false;
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(kAlways);
  builder.AddText(request.texts.data(), request.texts.data() + request.texts.size());
  ImVector<ImWchar> ranges;                        // must outlive Build()
  builder.BuildRanges(&ranges);

  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // no half-empty texture
  atlas.TexDesiredWidth = 2048;
  ImFontConfig config;
  // Large sizes need no oversampling; it would triple the atlas.
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  const int size = SizeIndex(request.text_size);
  faces = FontFaces{};
  faces.text_size = size;
  faces.line_per_em = LinePerEm(regular, regular_size);
  if (faces.line_per_em <= 0) {
    IM_FREE(regular);
    IM_FREE(bold);
    error = regular_file + ": cannot read the font's metrics (head/hhea tables)";
    return false;
  }
  faces.body_em[size] = BodyPixels(size, request.display_height);
  faces.heading_em[size] = HeadingPixels(size, request.display_height);
  faces.code_em = CodePixels(size, request.display_height);
  auto line = [&](float em) { return std::round(em * faces.line_per_em); };
  // The atlas owns each file's buffer (no copy); the code face reads the heading's bold buffer,
  // and is then marked not owning it so that ClearInputData frees it once.
  faces.body[size] = atlas.AddFontFromMemoryTTF(regular, regular_size, line(faces.body_em[size]), &config, ranges.Data);
  faces.heading[size] = atlas.AddFontFromMemoryTTF(bold, bold_size, line(faces.heading_em[size]), &config, ranges.Data);
  faces.code = atlas.AddFontFromMemoryTTF(bold, bold_size, line(faces.code_em), &config, kCode);
  atlas.ConfigData.back().FontDataOwnedByAtlas = false;
  if (!faces.body[size] || !faces.heading[size] || !faces.code || !atlas.Build()) {
    error = request.font_dir + ": could not build the font atlas from Andika";
    atlas.Clear();
    faces = FontFaces{};
    return false;
  }
  atlas.ClearInputData();                          // frees the files' buffers: nothing of them stays
  return true;
}

const FontFaces& Fonts() { return g_faces; }
void SetFonts(const FontFaces& faces) { g_faces = faces; }

std::string MissingGlyphs(const std::string& utf8) {
  std::string missing;
  const ImFont* font = g_faces.text_size < 0 ? nullptr : g_faces.body[g_faces.text_size];
  if (!font) return missing;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    unsigned int c = 0;
    const int bytes = ImTextCharFromUtf8(&c, p, end);
    if (bytes <= 0) break;
    if (c >= 0x20 && c <= IM_UNICODE_CODEPOINT_MAX && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
        missing.find(std::string(p, bytes)) == std::string::npos)
      missing.append(p, bytes);
    p += bytes;
  }
  return missing;
}

}  // namespace tellus::ui
