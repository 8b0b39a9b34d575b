#pragma once
// What a browser sends besides the path: an application/x-www-form-urlencoded body, and
// cookies. One parse each, used by the staff pages (staff_web.h).
#include <string>
#include <utility>
#include <vector>

namespace tellus::reg {

using FormFields = std::vector<std::pair<std::string, std::string>>;

std::string UrlDecode(const std::string& text);     // "+" is a space; a bad %XX is kept as written
std::string UrlEncode(const std::string& text);     // for a query string value
FormFields ParseForm(const std::string& body);      // "a=1&b=two+words"
std::string FieldOf(const FormFields& fields, const std::string& name);   // the first, or ""
std::string CookieOf(const std::string& cookie_header, const std::string& name);   // "" when absent

}  // namespace tellus::reg
