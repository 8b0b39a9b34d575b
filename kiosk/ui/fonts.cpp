#include "kiosk/ui/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <fstream>

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
  return std::round(HeadingPixels(text_size, display_height) * 1.5f);
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
  // The atlas owns each file's buffer (no copy); the code face reads the heading's bold buffer,
  // and is then marked not owning it so that ClearInputData frees it once.
  faces.body[size] = atlas.AddFontFromMemoryTTF(regular, regular_size, BodyPixels(size, request.display_height),
                                                &config, ranges.Data);
  faces.heading[size] = atlas.AddFontFromMemoryTTF(bold, bold_size, HeadingPixels(size, request.display_height),
                                                   &config, ranges.Data);
  faces.code = atlas.AddFontFromMemoryTTF(bold, bold_size, CodePixels(size, request.display_height), &config, kCode);
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
