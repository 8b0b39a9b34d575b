#pragma once
// Andika (SIL, fonts-sil-andika) baked into ImGui's font atlas, only what is needed
// now: the current text size's regular body face and bold heading face, plus a large
// face for references, with the glyphs of the texts that can be shown (always Basic
// Latin and Latin-1). The app asks for a new bake when the text size or language changes.
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace tellus::ui {

struct FontFaces {
  ImFont* body[3] = {};                            // by TextSize; only `text_size`'s is baked
  ImFont* heading[3] = {};
  ImFont* code = nullptr;                          // references and tracking codes
  int text_size = -1;                              // the TextSize baked; -1: none
  float line_per_em = 1;                           // the font's line height over its em (Andika: 1.61)
  float body_em[3] = {}, heading_em[3] = {}, code_em = 0;  // the em sizes baked (pictures scale from these)
};

// What to bake.
struct FontRequest {
  int text_size = 0;                               // TextSize
  float display_height = 1080;                     // pixel sizes scale with it
  std::string font_dir;                            // holds Andika-Regular.ttf and Andika-Bold.ttf
  std::string texts;                               // UTF-8: every text that may be shown (any order, repeats fine)
};

// Em sizes, as print and CSS measure type (a 32 px font has a 32 px em), at a display
// height: body 32/40/48, heading 48/60/72 at 1080; the code face is 1.75x the body.
// ImGui sizes a face by its line (ascent to descent), 1.61 em for Andika, so each face
// is loaded at em x LinePerEm pixels.
float BodyPixels(int text_size, float display_height);
float HeadingPixels(int text_size, float display_height);
float CodePixels(int text_size, float display_height);
// Line height over em from a TrueType file's head and hhea tables; 0 when unreadable.
float LinePerEm(const void* ttf, int size);
// Clears `atlas`, adds the faces and builds it (CPU only); false with `error` naming the file.
bool LoadFonts(ImFontAtlas& atlas, const FontRequest& request, FontFaces& faces, std::string& error);
const FontFaces& Fonts();
void SetFonts(const FontFaces& faces);
// The characters of `utf8` (UTF-8 again) the baked body face has no glyph for:
// a typed letter or a register's reply outside the texts baked.
std::string MissingGlyphs(const std::string& utf8);

}  // namespace tellus::ui
