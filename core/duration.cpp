// Durations as written in policy files (core/duration.h).
#include "core/duration.h"

#include <cctype>
#include <charconv>
#include <stdexcept>
#include <vector>

namespace tellus {
namespace {

struct UnitWords {
  Duration::Unit unit;
  const char* singular;
  const char* plural;
};

constexpr UnitWords kUnits[] = {
    {Duration::Unit::kWorkingDays, "working day", "working days"},
    {Duration::Unit::kDays, "day", "days"},
    {Duration::Unit::kHours, "hour", "hours"},
    {Duration::Unit::kWeeks, "week", "weeks"},
    {Duration::Unit::kMonths, "month", "months"},
    {Duration::Unit::kYears, "year", "years"},
};

// Largest count accepted: ten years of days is far beyond any procedure and keeps date arithmetic sane.
constexpr int kMaxCount = 3660;

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

[[noreturn]] void NotADuration(std::string_view text, const std::string& why) {
  throw std::invalid_argument("\"" + std::string(text) + "\" is not a duration (" + why + ")");
}

}  // namespace

Duration ParseDuration(std::string_view text) {
  const std::string expected = "expected e.g. \"20 working days\", \"28 days\", \"24 hours\", \"1 week\", "
                               "\"12 months\" or \"2 years\"";
  std::vector<std::string> words = Words(text);
  if (words.size() < 2 || words.size() > 3) NotADuration(text, expected);
  const std::string& number = words[0];
  int count = 0;
  bool digits = !number.empty() && number.size() <= 6;
  for (char c : number) digits = digits && c >= '0' && c <= '9';
  if (!digits) NotADuration(text, expected);
  std::from_chars(number.data(), number.data() + number.size(), count);
  if (count < 1 || count > kMaxCount) NotADuration(text, "the number must be 1 to " + std::to_string(kMaxCount));
  std::string unit_text = words[1];
  if (words.size() == 3) unit_text += " " + words[2];
  for (const UnitWords& u : kUnits) {
    // "1 days" or "2 week" is a slip of grammar, not of meaning: accept either form.
    if (unit_text == u.singular || unit_text == u.plural) return Duration{count, u.unit};
  }
  NotADuration(text, expected);
}

std::string ToString(const Duration& d) {
  for (const UnitWords& u : kUnits) {
    if (u.unit == d.unit) return std::to_string(d.count) + " " + (d.count == 1 ? u.singular : u.plural);
  }
  return std::to_string(d.count) + " days";
}

}  // namespace tellus
