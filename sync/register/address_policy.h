#pragma once
// Where plain HTTP is allowed: only to and from loopback, decided on the addresses a
// name resolves to (getaddrinfo), never on how the name is spelt, so "127.0.0.1.nip.io"
// or "http://127.0.0.1@10.9.9.9/" do not pass for loopback.
#include <string>
#include <vector>

namespace tellus::reg {

// Every address `host` resolves to (numeric or via the system resolver). Empty when it
// does not resolve.
std::vector<std::string> ResolveAddresses(const std::string& host);

// True only when `host` resolves and every address is loopback (127.0.0.0/8, ::1,
// ::ffff:127.x.y.z).
bool ResolvesToLoopbackOnly(const std::string& host);

struct UrlParts {
  std::string scheme;                              // "http" | "https"
  std::string host;                                // without [] around IPv6
  int port = 0;
};
// Parses a register URL; throws std::invalid_argument naming the URL for anything but
// http(s)://HOST[:PORT][/path] (user names and passwords in URLs are refused).
UrlParts ParseRegisterUrl(const std::string& url);

// Throws std::invalid_argument unless the URL is https, or http to a loopback-only host.
void RequireTlsOffLoopback(const std::string& url);

}  // namespace tellus::reg
