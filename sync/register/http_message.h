#pragma once
// One HTTP request and its response as plain values, apart from any transport:
// the register's handlers (server.h) take an HttpRequest and return an HttpResponse,
// so they run in unit tests without a socket. The member names follow the ones the
// handlers used before (req.get_header_value, res.set_content), so handler bodies read
// the same whichever server carries them (http_server.h).
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace tellus::reg {

struct HttpRequest {
  std::string method;                              // "GET", "POST"
  std::string path;                                // URL-decoded, no query string
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;                                // never more than the server's body cap
  std::string peer;                                // the client's address, e.g. "127.0.0.1"
  std::vector<std::pair<std::string, std::string>> query{};   // the query string's arguments, URL-decoded

  // The first header of that name (case-insensitive), or "".
  std::string get_header_value(const std::string& name) const {
    for (const auto& [key, value] : headers) {
      if (key.size() == name.size() &&
          std::equal(key.begin(), key.end(), name.begin(),
                     [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                 std::tolower(static_cast<unsigned char>(b)); })) {
        return value;
      }
    }
    return "";
  }
  // The first query argument of that name, or "".
  std::string query_value(const std::string& name) const {
    for (const auto& [key, value] : query) {
      if (key == name) return value;
    }
    return "";
  }
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;

  void set_content(std::string text, std::string type) {
    body = std::move(text);
    content_type = std::move(type);
  }
  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace tellus::reg
