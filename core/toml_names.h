#pragma once
// Plain-words names of TOML value types, for the error messages of every TOML
// file the project reads (policies, catalogs): "... is a string, not a table".
#include <toml++/toml.h>

#include <string>

namespace tellus {

inline std::string TomlTypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    default: return "a date or time";
  }
}

}  // namespace tellus
