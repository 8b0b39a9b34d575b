#include "easyread/spoken.h"

#include "easyread/letters.h"

#include <map>

namespace tellus {

namespace {

const std::map<std::string_view, const char*>& SignKeys() {
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
  return kNames;
}

}  // namespace

std::map<std::string, std::string> SpokenSignNames(const Catalog& catalog) {
  std::map<std::string, std::string> names;
  for (const auto& [sign, key] : SignKeys())
    if (catalog.Has(key)) names.emplace(std::string(sign), catalog.Text(key));
  return names;
}

std::string SpokenCharacter(const Catalog& catalog, std::string_view utf8_char, bool say_capitals) {
  const auto& kNames = SignKeys();
  if (auto it = kNames.find(utf8_char); it != kNames.end() && catalog.Has(it->second))
    return catalog.Text(it->second);
  if (say_capitals && IsCapital(std::string(utf8_char)))
    return catalog.Format("speech.capital", {{"letter", std::string(utf8_char)}});
  return std::string(utf8_char);
}

std::vector<std::string> TypingEcho(const Catalog& catalog, std::string_view typed, std::string_view text_after) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < typed.size();) {
    std::size_t len = 1;
    const unsigned char lead = static_cast<unsigned char>(typed[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    const std::string_view ch = typed.substr(i, len);
    out.push_back(SpokenCharacter(catalog, ch, true));
    i += len;
  }
  // A word just ended: say it (from what the box holds, so a paste or a limit is honoured).
  static constexpr std::string_view kEnds = " .,?!";
  if (typed.size() != 1 || kEnds.find(typed[0]) == std::string_view::npos) return out;
  if (text_after.empty() || text_after.back() != typed[0]) return out;
  const std::string_view before = text_after.substr(0, text_after.size() - 1);
  const std::size_t start = before.find_last_of(kEnds);
  const std::string_view word = before.substr(start == std::string_view::npos ? 0 : start + 1);
  if (!word.empty()) out.emplace_back(word);
  return out;
}

}  // namespace tellus
