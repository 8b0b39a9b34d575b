#include "sync/register/column_text.h"

namespace tellus::reg {

std::string ColumnText(const std::optional<UtcTime>& time) { return time ? ToIsoUtc(*time) : ""; }
std::string ColumnText(const std::optional<Date>& day) { return day ? ToIso(*day) : ""; }

std::optional<UtcTime> TimeColumn(std::string_view text, const char* column) {
  if (text.empty()) return std::nullopt;
  return RequiredTimeColumn(text, column);
}

std::optional<Date> DateColumn(std::string_view text, const char* column) {
  if (text.empty()) return std::nullopt;
  return RequiredDateColumn(text, column);
}

UtcTime RequiredTimeColumn(std::string_view text, const char* column) {
  if (std::optional<UtcTime> time = text.size() >= 19 ? ParseIsoUtc(text) : std::nullopt) return *time;
  throw StorageError("register database: " + std::string(column) + " '" + std::string(text) +
                     "' is not a date and time (YYYY-MM-DDTHH:MM:SSZ)");
}

Date RequiredDateColumn(std::string_view text, const char* column) {
  try {
    if (text.size() == 10) return ParseIsoDate(text);
  } catch (const std::exception&) {
  }
  throw StorageError("register database: " + std::string(column) + " '" + std::string(text) +
                     "' is not a date (YYYY-MM-DD)");
}

}  // namespace tellus::reg
