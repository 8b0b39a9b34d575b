// Nothing a client sends can forge a line in the register's request log or put control
// codes on the terminal of whoever reads it: paths (after URL-decoding) and headers are
// escaped.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "raw_socket.h"
#include "register_process.h"
#include "sync/register/log_text.h"
#include "sync/register/server.h"

namespace tellus {
namespace {

TEST(LogForging, ControlCharactersInPathsAndHeadersAreEscaped) {
  EXPECT_EQ(reg::EscapeForLog("a\nb\r\x1b[31m\\"), "a\\nb\\r\\x1b[31m\\\\");
  reg::HttpRequest req{"GET", "/v1/x\n2026-01-01T00:00:00Z GET /v1/health -> 200", {{"X-Tellus-Kiosk", "7\x1b]0"}}, "",
                       "127.0.0.1"};
  reg::HttpResponse res;
  res.status = 404;
  std::string line = reg::LogLine("T", req, res);
  EXPECT_EQ(line, "T GET /v1/x\\n2026-01-01T00:00:00Z GET /v1/health -> 200 -> 404 (kiosk 7\\x1b]0)\n");
}

TEST(LogForging, AnEncodedNewlineOrEscapeNeverReachesTheLogRaw) {
  testing::RegisterFixture f;
  testing::RegisterProcess server(f.db);
  std::string log = f.dir / "register.log";
  server.LogTo(log);
  int port = server.Start();
  {
    testing::RawConnection c(port);
    c.Send("GET /v1/he%0Aalth%0D%0A2026-11-30T00:00:00Z%20POST%20/v1/submissions%20-%3E%20200%1B%5B2J HTTP/1.1\r\n"
           "Host: r\r\nX-Tellus-Kiosk: 7\x1b[2J\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(c.Receive(2000).rfind("HTTP/1.1 404", 0), 0u);
  }
  server.Stop();
  std::ifstream in(log, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  EXPECT_EQ(all.find('\x1b'), std::string::npos) << all;
  EXPECT_EQ(all.find('\r'), std::string::npos) << all;
  int request_lines = 0;
  std::istringstream lines(all);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("tellus-register:", 0) == 0) continue;
    ++request_lines;
    EXPECT_NE(line.find("/v1/he\\nalth\\r\\n2026"), std::string::npos) << line;
    EXPECT_NE(line.find("-> 404 (kiosk 7\\x1b[2J)"), std::string::npos) << line;
  }
  EXPECT_EQ(request_lines, 1) << all;
}

}  // namespace
}  // namespace tellus
