#pragma once
// Enum <-> text tables: the one parse and the one format of each enum that is written
// down (sealed parts, the wire, SQL columns, CLI output). Names never change once shipped.
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tellus {

template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string NameOf(const EnumNames<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return std::string(name);
  }
  throw std::invalid_argument("enum value out of range");
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const EnumNames<Enum, N>& table, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

// "a, b, c": for error messages and CLI help.
template <typename Enum, std::size_t N>
std::string ChoicesOf(const EnumNames<Enum, N>& table) {
  std::string out;
  for (const auto& entry : table) {
    if (!out.empty()) out += ", ";
    out += entry.second;
  }
  return out;
}

// Every name, in order: for a CLI's list of allowed values.
template <typename Enum, std::size_t N>
std::vector<std::string> NamesOf(const EnumNames<Enum, N>& table) {
  std::vector<std::string> out;
  for (const auto& entry : table) out.emplace_back(entry.second);
  return out;
}

}  // namespace tellus
