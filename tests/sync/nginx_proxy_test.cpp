// README's nginx example, run as written: nginx on loopback terminating TLS in a temp
// folder, proxying to a real register; a kiosk syncs through it and checks a status.
#include <gtest/gtest.h>

#include <fstream>

#include "nginx_process.h"
#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::FreePort;
using testing::Nginx;
using testing::ReadFile;
using testing::Replace;

TEST(NginxProxy, AKioskSyncsThroughReadmesNginxExample) {
  if (std::system("command -v nginx >/dev/null 2>&1") != 0) GTEST_SKIP() << "nginx is not installed (nginx-light)";
  std::string snippet = testing::ReadmeNginx("<!-- nginx-example -->");
  ASSERT_FALSE(snippet.empty()) << "README.md has no nginx example";

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
  std::ofstream(f.dir / "nginx.conf") << testing::NginxConf(d, snippet);
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
