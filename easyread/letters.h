#pragma once
// Letters of the catalog languages as UTF-8: splitting text into code points and
// their capitals, for the on-screen keyboard's Shift (ą -> Ą, й -> Й, ŵ -> Ŵ).
// Covers the alphabets the catalogs use: Latin (Latin-1, Extended-A and -B,
// Extended Additional), Greek and Cyrillic. No locale is consulted.
#include <string>
#include <vector>

namespace tellus {

// One string per code point; an invalid byte becomes U+FFFD so nothing is lost silently.
std::vector<std::string> SplitLetters(const std::string& utf8);
bool IsValidUtf8(const std::string& text);
// The capital of every lower-case letter in `utf8`; anything else is kept as it is (ß, digits, signs).
std::string UpperCase(const std::string& utf8);
// True when `letter` (one code point) has a different capital.
bool HasCapital(const std::string& letter);
// True when `letter` (one code point) is the capital of a small letter (Ą, Й, B).
bool IsCapital(const std::string& letter);

}  // namespace tellus
