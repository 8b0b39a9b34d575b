#pragma once
// Test helper: nginx run in the foreground from a temp folder, with README.md's
// configuration examples (tests/sync/nginx_proxy_test.cpp, tests/postgres/concurrency_test.cpp).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "raw_socket.h"

namespace tellus::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void Replace(std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << "README's nginx example no longer has '" << from << "'";
  text.replace(at, from.size(), to);
}

// The ```nginx block after `marker` (e.g. "<!-- nginx-example -->") in README.md; empty if none.
inline std::string ReadmeNginx(const std::string& marker) {
  std::string readme = ReadFile(std::string(TELLUS_SOURCE_DIR) + "/README.md");
  const std::string opening = marker + "\n```nginx\n";
  auto start = readme.find(opening);
  if (start == std::string::npos) return "";
  start += opening.size();
  return readme.substr(start, readme.find("\n```", start) - start);
}

inline int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// A whole nginx.conf around an `http { }` snippet, every file in `dir`.
inline std::string NginxConf(const std::string& d, const std::string& snippet) {
  return std::string(::geteuid() == 0 ? "user root;\n" : "") + "worker_processes 1;\nerror_log " + d +
         "/error.log;\npid " + d + "/nginx.pid;\nevents { worker_connections 64; }\nhttp {\n  access_log " + d +
         "/access.log;\n  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d +
         "/proxy;\n  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d +
         "/scgi;\n" + snippet + "\n}\n";
}

class Nginx {
 public:
  ~Nginx() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  // Starts nginx in the foreground; true once it accepts connections on `port`.
  bool Start(const std::string& prefix, const std::string& conf, int port) {
    pid_ = ::fork();
    if (pid_ == 0) {
      int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 1);
      ::dup2(devnull, 2);
      ::execlp("nginx", "nginx", "-p", prefix.c_str(), "-c", conf.c_str(), "-g", "daemon off;", nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 100; ++i) {
      if (RawConnection(port).connected()) return true;
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

 private:
  pid_t pid_ = -1;
};

}  // namespace tellus::testing
