// [SECTION] Read-along: the word being heard is highlighted in the heading or sentence
// being read aloud (kiosk_app passes Speaker::CurrentText and CurrentWordOffset each frame).
#include <imgui.h>

#include <cfloat>

#include "kiosk/ui/a11y.h"
#include "kiosk/ui/context.h"

namespace tellus::ui {

void SetSpokenWord(const std::string& text, int offset) {
  detail::Context& c = detail::Ctx();
  c.spoken_text = offset >= 0 ? text : std::string();
  c.spoken_offset = offset;
}

std::optional<Rect> SpokenWordRect() { return detail::Ctx().spoken_rect_last; }

namespace detail {

// Mirrors ImFont::RenderText's wrapping: a line ends where CalcWordWrapPositionA says,
// and the blanks after a wrap are skipped.
std::optional<Rect> WordRectInText(ImFont* font, const std::string& text, float wrap, int offset) {
  if (!font || offset < 0 || offset >= static_cast<int>(text.size())) return std::nullopt;
  const char* begin = text.c_str();
  const char* end = begin + text.size();
  const char* word = begin + offset;
  while (word < end && (*word == ' ' || *word == '\t' || *word == '\n')) ++word;
  if (word == end) return std::nullopt;
  const char* word_end = word;
  while (word_end < end && *word_end != ' ' && *word_end != '\t' && *word_end != '\n') ++word_end;
  const float size = font->FontSize;
  float y = 0;
  const char* s = begin;
  while (s < end) {
    const char* eol = wrap > 0 ? font->CalcWordWrapPositionA(1.f, s, end, wrap) : end;
    if (eol == s) ++eol;
    for (const char* nl = s; nl < eol; ++nl)
      if (*nl == '\n') {
        eol = nl;
        break;
      }
    if (word >= s && word < eol) {
      const float x0 = font->CalcTextSizeA(size, FLT_MAX, 0, s, word).x;
      const float x1 = font->CalcTextSizeA(size, FLT_MAX, 0, s, word_end < eol ? word_end : eol).x;
      return Rect{x0, y, x1 - x0, size};
    }
    s = eol;
    while (s < end && (*s == ' ' || *s == '\t')) ++s;
    if (s < end && *s == '\n') ++s;
    y += size;
  }
  return std::nullopt;
}

}  // namespace detail
}  // namespace tellus::ui
