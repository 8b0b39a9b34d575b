#pragma once
// Typed characters as they are echoed aloud, in the catalog's language: "@" is
// "at", " " is "space". Names live in each meta.toml under [speech].
#include <string>
#include <string_view>

#include "easyread/catalog.h"

namespace tellus {

// utf8_char: one character (one code point, UTF-8). Letters and digits are
// spoken as themselves (eSpeak NG says a lone letter by its name); with
// say_capitals an upper-case letter is "capital B". Unknown symbols come back
// unchanged.
std::string SpokenCharacter(const Catalog& catalog, std::string_view utf8_char, bool say_capitals = false);

}  // namespace tellus
