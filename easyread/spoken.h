#pragma once
// Typed characters as they are echoed aloud, in the catalog's language: "@" is
// "at", " " is "space". Names live in each meta.toml under [speech].
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "easyread/catalog.h"

namespace tellus {

// utf8_char: one character (one code point, UTF-8). Letters and digits are
// spoken as themselves (eSpeak NG says a lone letter by its name); with
// say_capitals an upper-case letter is "capital B". Unknown symbols come back
// unchanged.
std::string SpokenCharacter(const Catalog& catalog, std::string_view utf8_char, bool say_capitals = false);

// The spoken name of every sign the catalog names ("@" -> "at", "." -> "full stop"),
// for the on-screen keyboard's keys.
std::map<std::string, std::string> SpokenSignNames(const Catalog& catalog);

// What to echo aloud after `typed` went into a text box that now holds `text_after`:
// each character by its spoken name ("at", "space"), then, when a space or a full
// stop, comma, question or exclamation mark ends a word, that word.
std::vector<std::string> TypingEcho(const Catalog& catalog, std::string_view typed, std::string_view text_after);

}  // namespace tellus
