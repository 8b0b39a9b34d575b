// Plain HTTP carries tracking codes and replies in clear, so it is allowed only to and
// from this machine, judged on the addresses a name resolves to, not on its spelling.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/register/address_policy.h"

namespace tellus {
namespace {

TEST(PlainHttp, LoopbackIsDecidedOnResolvedAddresses) {
  EXPECT_TRUE(reg::ResolvesToLoopbackOnly("127.0.0.1"));
  EXPECT_TRUE(reg::ResolvesToLoopbackOnly("127.8.9.10"));
  EXPECT_TRUE(reg::ResolvesToLoopbackOnly("::1"));
  EXPECT_TRUE(reg::ResolvesToLoopbackOnly("localhost"));
  EXPECT_FALSE(reg::ResolvesToLoopbackOnly("10.9.9.9"));
  EXPECT_FALSE(reg::ResolvesToLoopbackOnly("0.0.0.0"));
  EXPECT_FALSE(reg::ResolvesToLoopbackOnly("::"));
  EXPECT_FALSE(reg::ResolvesToLoopbackOnly("no-such-host.invalid"));
  EXPECT_THROW(reg::RequireTlsOffLoopback("http://10.9.9.9:8470"), std::invalid_argument);
  EXPECT_THROW(reg::RequireTlsOffLoopback("http://127.0.0.1@10.9.9.9:8470/"), std::invalid_argument);
  EXPECT_THROW(reg::RequireTlsOffLoopback("ftp://127.0.0.1"), std::invalid_argument);
  EXPECT_NO_THROW(reg::RequireTlsOffLoopback("http://127.0.0.1:8470"));
  EXPECT_NO_THROW(reg::RequireTlsOffLoopback("http://[::1]:8470"));
  EXPECT_NO_THROW(reg::RequireTlsOffLoopback("https://10.9.9.9:8470"));
}

TEST(PlainHttp, EnrolmentRefusesAPlainUrlOffLoopback) {
  testing::RegisterFixture f;
  std::string out;
  for (const char* url : {"http://10.9.9.9:8470", "http://127.0.0.1@10.9.9.9:8470/", "http://127.0.0.1.invalid:8470"}) {
    EXPECT_NE(testing::RunRegister({"enroll-kiosk", "--db", f.db, "--name", "Far", "--url", url, "--out",
                                    f.dir / "far.json"},
                                   &out),
              0)
        << url;
    EXPECT_NE(out.find("--url"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(f.dir / "far.json"));
  }
  EXPECT_EQ(testing::RunRegister({"enroll-kiosk", "--db", f.db, "--name", "Near", "--url", "http://localhost:8470",
                                  "--out", f.dir / "near.json"},
                                 &out),
            0)
      << out;
}

TEST(PlainHttp, ServeRefusesAPlainListenAddressThatIsNotLoopbackOnly) {
  testing::RegisterFixture f;
  std::string out;
  // Spelt like loopback, but a name: allowed only if it resolves to loopback alone.
  const std::string name = "127.0.0.1.nip.io";
  if (!reg::ResolvesToLoopbackOnly(name)) {
    EXPECT_NE(testing::RunRegister({"serve", "--db", f.db, "--listen", name + ":0"}, &out), 0);
    EXPECT_NE(out.find("needs TLS"), std::string::npos) << out;
  }
  EXPECT_NE(testing::RunRegister({"serve", "--db", f.db, "--listen", "0.0.0.0:0"}, &out), 0);
  EXPECT_NE(out.find("needs TLS"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
