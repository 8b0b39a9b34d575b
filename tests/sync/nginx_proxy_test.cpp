// README's nginx example, run as written: nginx on loopback terminating TLS in a temp
// folder, proxying to a real register; a kiosk syncs through it and checks a status.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>

#include <fstream>
#include <sstream>

#include "raw_socket.h"
#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << "README's nginx example no longer has '" << from << "'";
  text.replace(at, from.size(), to);
}

int FreePort() {
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
      if (testing::RawConnection(port).connected()) return true;
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

TEST(NginxProxy, AKioskSyncsThroughReadmesNginxExample) {
  if (std::system("command -v nginx >/dev/null 2>&1") != 0) GTEST_SKIP() << "nginx is not installed (nginx-light)";
  std::string readme = ReadFile(std::string(TELLUS_SOURCE_DIR) + "/README.md");
  const std::string marker = "<!-- nginx-example -->\n```nginx\n";
  auto start = readme.find(marker);
  ASSERT_NE(start, std::string::npos) << "README.md has no nginx example";
  start += marker.size();
  std::string snippet = readme.substr(start, readme.find("\n```", start) - start);

  testing::RegisterFixture f;
  std::string key = f.dir / "key.pem", cert = f.dir / "cert.pem";
  std::string make = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
                     "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" + key + "' -out '" + cert +
                     "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0) << "openssl could not make a test certificate";
  testing::RegisterProcess server(f.db, {"--max-connections-per-address", "1000"});
  int register_port = server.Start();
  int nginx_port = FreePort();

  Replace(snippet, "127.0.0.1:8787", "127.0.0.1:" + std::to_string(register_port));
  Replace(snippet, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(nginx_port) + " ssl;");
  Replace(snippet, "/etc/ssl/tellus/register.pem", cert);
  Replace(snippet, "/etc/ssl/tellus/register.key", key);
  std::string d = f.dir.path();
  std::string conf = std::string(::geteuid() == 0 ? "user root;\n" : "") + "worker_processes 1;\nerror_log " + d +
                     "/error.log;\npid " + d + "/nginx.pid;\nevents { worker_connections 64; }\nhttp {\n  access_log " +
                     d + "/access.log;\n  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d +
                     "/proxy;\n  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " +
                     d + "/scgi;\n" + snippet + "\n}\n";
  std::ofstream(f.dir / "nginx.conf") << conf;
  Nginx nginx;
  ASSERT_TRUE(nginx.Start(d, f.dir / "nginx.conf", nginx_port)) << ReadFile(f.dir / "error.log");

  KioskIdentity via_nginx = f.identity;
  via_nginx.register_url = "https://127.0.0.1:" + std::to_string(nginx_port);
  via_nginx.register_certificate_pem = ReadFile(cert);
  std::string store_path = f.dir / "kiosk.db";
  Store store = Store::Open(store_path);
  std::vector<testing::MadeItem> items;
  for (std::uint64_t seq = 1; seq <= 5; ++seq) {
    items.push_back(testing::MakeItem(f.identity, seq));
    store.Enqueue(items.back().clear, items.back().sealed, items.back().tracking_hash);
  }
  sync::SyncClient client(via_nginx, store_path);
  sync::DrainResult drained = client.DrainAll(store);
  EXPECT_FALSE(drained.failed) << drained.error;
  EXPECT_EQ(drained.acknowledged, 5);
  EXPECT_EQ(store.PendingCount(), 0);
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 5);
  sync::RegisterClient status_client(via_nginx);
  EXPECT_EQ(status_client.Status(items[0].clear.reference, items[0].tracking_code).state, CaseState::kReceived);

  std::string access = ReadFile(f.dir / "access.log");
  EXPECT_NE(access.find("POST /v1/submissions HTTP/1.1\" 200"), std::string::npos) << access;
}

}  // namespace
}  // namespace tellus
