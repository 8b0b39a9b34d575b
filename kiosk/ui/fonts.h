#pragma once
// Andika (SIL, fonts-sil-andika) baked at start into ImGui's font atlas: three
// text sizes, each with a regular body face and a bold heading face, plus one
// large face for references. Glyphs: Latin (incl. Extended-A/B and Additional),
// Greek and Cyrillic, so every catalog language renders.
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace tellus::ui {

struct FontFaces {
  ImFont* body[3] = {};                            // by TextSize
  ImFont* heading[3] = {};
  ImFont* code = nullptr;                          // references and tracking codes
};

// Body sizes in pixels at a display height (28/36/46 px at 1080).
float BodyPixels(int text_size, float display_height);
// Adds the faces to `atlas` and builds it; returns false with `error` naming the file.
bool LoadFonts(ImFontAtlas& atlas, float display_height, const std::string& font_dir, FontFaces& faces, std::string& error);
const FontFaces& Fonts();
void SetFonts(const FontFaces& faces);

}  // namespace tellus::ui
