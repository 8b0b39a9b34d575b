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
  float line_per_em = 1;                           // the font's line height over its em (Andika: 1.61)
  float body_em[3] = {}, heading_em[3] = {}, code_em = 0;  // the em sizes asked for (pictures scale from these)
};

// Sizes are em sizes, as print and CSS measure them (a 32 px font has a 32 px em):
// body 32/40/48 px at 1080 by text size, headings 1.5x. ImGui sizes a font by its line
// (ascent to descent), which for Andika is 1.61 em, so faces are loaded that much larger.
float BodyEmPixels(int text_size, float display_height);
// Line height over em, from the font file's head and hhea tables; 0 when unreadable.
float LinePerEm(const std::string& ttf_path);
// Adds the faces to `atlas` and builds it; returns false with `error` naming the file.
bool LoadFonts(ImFontAtlas& atlas, float display_height, const std::string& font_dir, FontFaces& faces, std::string& error);
const FontFaces& Fonts();
void SetFonts(const FontFaces& faces);

}  // namespace tellus::ui
