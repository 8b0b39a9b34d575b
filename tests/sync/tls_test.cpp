// TLS: the register serves https with its own certificate; a kiosk trusts only the
// certificate in its identity file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "register_process.h"
#include "sync/client/register_client.h"

namespace tellus {
namespace {

TEST(Tls, KioskTrustsOnlyTheRegisterCertificateFromItsIdentity) {
  testing::RegisterFixture f;
  std::string cert = f.dir / "cert.pem", key = f.dir / "key.pem";
  std::string make = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1"
                     " -addext subjectAltName=IP:127.0.0.1 -keyout '" + key + "' -out '" + cert + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0) << "openssl could not make a test certificate";

  // Off loopback with a certificate is allowed.
  testing::RegisterProcess server(f.db, {"--cert", cert, "--key", key});
  int port = server.Start(0, "0.0.0.0");
  std::ifstream in(cert);
  std::stringstream pem;
  pem << in.rdbuf();

  KioskIdentity trusting = f.identity;
  trusting.register_url = "https://127.0.0.1:" + std::to_string(port);
  trusting.register_certificate_pem = pem.str();
  auto item = testing::MakeItem(f.identity, 1);
  sync::RegisterClient client(trusting);
  EXPECT_EQ(client.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0}).accepted.size(), 1u);
  EXPECT_EQ(client.Status(item.clear.reference, item.tracking_code).state, CaseState::kReceived);

  KioskIdentity system_cas = trusting;
  system_cas.register_certificate_pem.clear();
  sync::RegisterClient doubting(system_cas);
  try {
    doubting.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0});
    FAIL() << "a self-signed certificate was trusted without being pinned";
  } catch (const sync::SyncError& e) {
    EXPECT_EQ(e.status, 0);
  }

  // enroll-kiosk embeds the certificate.
  std::string out;
  ASSERT_EQ(testing::RunRegister({"enroll-kiosk", "--db", f.db, "--name", "TLS kiosk", "--url", trusting.register_url,
                                  "--cert", cert, "--out", f.dir / "tls-kiosk.json"},
                                 &out),
            0)
      << out;
  EXPECT_EQ(LoadKioskIdentity(f.dir / "tls-kiosk.json").register_certificate_pem, pem.str());
  EXPECT_NE(testing::RunRegister({"enroll-kiosk", "--db", f.db, "--name", "x", "--cert", key, "--out", f.dir / "x.json"},
                                 &out),
            0);
  EXPECT_NE(out.find("not a PEM certificate"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
