#include "easyread/spoken.h"

#include <cctype>
#include <map>

namespace tellus {

std::string SpokenCharacter(const Catalog& catalog, std::string_view utf8_char, bool say_capitals) {
  static const std::map<std::string_view, const char*> kNames = {
      {" ", "speech.space"},        {".", "speech.full_stop"},   {",", "speech.comma"},
      {"@", "speech.at"},           {"-", "speech.hyphen"},      {"_", "speech.underscore"},
      {"'", "speech.apostrophe"},   {"?", "speech.question_mark"}, {"!", "speech.exclamation_mark"},
      {"/", "speech.slash"},        {":", "speech.colon"},       {";", "speech.semicolon"},
      {"+", "speech.plus"},         {"&", "speech.ampersand"},   {"#", "speech.hash"},
      {"£", "speech.pound"},        {"€", "speech.euro"},        {"$", "speech.dollar"},
      {"%", "speech.percent"},      {"*", "speech.asterisk"},    {"=", "speech.equals"},
      {"(", "speech.open_bracket"}, {")", "speech.close_bracket"}, {"\"", "speech.quote"},
      {"\n", "speech.new_line"},
  };
  if (auto it = kNames.find(utf8_char); it != kNames.end() && catalog.Has(it->second))
    return catalog.Text(it->second);
  if (say_capitals && utf8_char.size() == 1 && std::isupper(static_cast<unsigned char>(utf8_char[0])))
    return catalog.Format("speech.capital", {{"letter", std::string(utf8_char)}});
  return std::string(utf8_char);
}

}  // namespace tellus
