#pragma once
// The text form of a register record's typed fields in a database column, shared by the
// storage engines: one format and one parse each (core/case_lifecycle.h, core/date.h).
// A field not set is the empty text. Reading a value no parse accepts is a StorageError
// naming the column and the value, never a silently wrong case.
#include <optional>
#include <string>
#include <string_view>

#include "core/case_lifecycle.h"
#include "core/date.h"
#include "sync/register/storage.h"

namespace tellus::reg {

std::string ColumnText(const std::optional<UtcTime>& time);   // "2026-11-22T19:04:17Z" | ""
std::string ColumnText(const std::optional<Date>& day);       // "2026-11-22" | ""
template <typename Enum>
std::string ColumnText(const std::optional<Enum>& value) { return value ? ToString(*value) : ""; }

std::optional<UtcTime> TimeColumn(std::string_view text, const char* column);
std::optional<Date> DateColumn(std::string_view text, const char* column);
UtcTime RequiredTimeColumn(std::string_view text, const char* column);
Date RequiredDateColumn(std::string_view text, const char* column);

template <typename Enum, std::size_t N>
Enum EnumColumn(std::string_view text, const EnumNames<Enum, N>& names, const char* column) {
  if (std::optional<Enum> value = ValueOf(names, text)) return *value;
  throw StorageError("register database: " + NotOneOf(column, text, names));
}
template <typename Enum, std::size_t N>
std::optional<Enum> OptionalEnumColumn(std::string_view text, const EnumNames<Enum, N>& names, const char* column) {
  if (text.empty()) return std::nullopt;
  return EnumColumn(text, names, column);
}

}  // namespace tellus::reg
