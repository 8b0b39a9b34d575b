#include "sync/register/address_policy.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <stdexcept>

namespace tellus::reg {

namespace {

bool IsLoopbackAddress(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    auto ip = ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr);
    return (ip >> 24) == 127;
  }
  if (address->sa_family == AF_INET6) {
    const in6_addr& ip = reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr;
    if (IN6_IS_ADDR_LOOPBACK(&ip)) return true;
    return IN6_IS_ADDR_V4MAPPED(&ip) && ip.s6_addr[12] == 127;
  }
  return false;
}

template <typename Visit>
bool EachAddress(const std::string& host, Visit visit) {
  if (host.empty()) return false;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || !found) return false;
  for (addrinfo* a = found; a; a = a->ai_next) visit(a->ai_addr);
  ::freeaddrinfo(found);
  return true;
}

}  // namespace

std::vector<std::string> ResolveAddresses(const std::string& host) {
  std::vector<std::string> out;
  EachAddress(host, [&](const sockaddr* address) {
    char text[INET6_ADDRSTRLEN] = "";
    const void* raw = address->sa_family == AF_INET
                          ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(address)->sin_addr)
                          : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr);
    if (::inet_ntop(address->sa_family, raw, text, sizeof text)) out.emplace_back(text);
  });
  return out;
}

bool ResolvesToLoopbackOnly(const std::string& host) {
  bool all = true;
  bool resolved = EachAddress(host, [&](const sockaddr* address) { all = all && IsLoopbackAddress(address); });
  return resolved && all;
}

UrlParts ParseRegisterUrl(const std::string& url) {
  UrlParts parts;
  std::string rest;
  if (url.rfind("http://", 0) == 0) {
    parts.scheme = "http";
    rest = url.substr(7);
  } else if (url.rfind("https://", 0) == 0) {
    parts.scheme = "https";
    rest = url.substr(8);
  } else {
    throw std::invalid_argument("--url '" + url + "': must start with http:// or https://");
  }
  std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string::npos) {
    throw std::invalid_argument("--url '" + url + "': a user name or password in the URL is not allowed");
  }
  std::string port_text;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string::npos) throw std::invalid_argument("--url '" + url + "': unclosed [ in the address");
    parts.host = authority.substr(1, close - 1);
    std::string after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') throw std::invalid_argument("--url '" + url + "': expected :PORT after ]");
      port_text = after.substr(1);
    }
  } else {
    auto colon = authority.find(':');
    parts.host = authority.substr(0, colon);
    if (colon != std::string::npos) port_text = authority.substr(colon + 1);
  }
  if (parts.host.empty()) throw std::invalid_argument("--url '" + url + "': no host");
  if (!port_text.empty()) {
    if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port_text) > 65535) {
      throw std::invalid_argument("--url '" + url + "': the port must be a number from 1 to 65535");
    }
    parts.port = std::stoi(port_text);
  } else {
    parts.port = parts.scheme == "https" ? 443 : 80;
  }
  return parts;
}

void RequireTlsOffLoopback(const std::string& url) {
  UrlParts parts = ParseRegisterUrl(url);
  if (parts.scheme == "http" && !ResolvesToLoopbackOnly(parts.host)) {
    throw std::invalid_argument("--url '" + url + "': plain http is only allowed to this machine (loopback); '" +
                                parts.host +
                                "' is not loopback, so tracking codes and replies would cross the network in clear. "
                                "Use https:// (serve with --cert and --key)");
  }
}

}  // namespace tellus::reg
