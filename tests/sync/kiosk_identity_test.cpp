#include "core/kiosk_identity.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "register_process.h"
#include "sync/protocol/signing.h"

namespace tellus {
namespace {

KioskIdentity Sample() {
  KioskIdentity id;
  id.kiosk_number = 7;
  id.kiosk_name = "Luton reception";
  id.policy = "seetec";
  id.register_url = "http://127.0.0.1:8470";
  id.register_box_public_key = NewBoxKeyPair().public_key;
  id.register_sign_public_key = proto::NewSignKeyPair().public_key;
  proto::SignKeyPair keys = proto::NewSignKeyPair();
  id.kiosk_sign_public_key = keys.public_key;
  id.kiosk_sign_secret_key = keys.secret_key;
  return id;
}

TEST(KioskIdentity, SaveLoadRoundTripWithMode0600) {
  testing::TempDir dir;
  KioskIdentity id = Sample();
  SaveKioskIdentity(id, dir / "kiosk.json");
  struct stat st{};
  ASSERT_EQ(::stat((dir / "kiosk.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  KioskIdentity back = LoadKioskIdentity(dir / "kiosk.json");
  EXPECT_EQ(back.kiosk_number, 7);
  EXPECT_EQ(back.kiosk_name, id.kiosk_name);
  EXPECT_EQ(back.register_box_public_key, id.register_box_public_key);
  EXPECT_EQ(back.kiosk_sign_secret_key, id.kiosk_sign_secret_key);
}

TEST(KioskIdentity, ErrorsNameTheFileAndField) {
  testing::TempDir dir;
  auto message = [&](const std::string& text) {
    std::ofstream(dir / "id.json") << text;
    try {
      LoadKioskIdentity(dir / "id.json");
    } catch (const IdentityError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(message("{}").find("'kiosk_number'"), std::string::npos);
  EXPECT_NE(message(R"({"kiosk_number":40000})").find("'kiosk_number'"), std::string::npos);
  SaveKioskIdentity(Sample(), dir / "good.json");
  std::ifstream in(dir / "good.json");
  std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string short_key = good;
  auto at = short_key.find("\"register_box_public_key\": \"") + 28;
  short_key.replace(at, 4, "");
  EXPECT_NE(message(short_key).find("register_box_public_key"), std::string::npos);
  // A secret key from another pair is caught.
  KioskIdentity mixed = Sample();
  mixed.kiosk_sign_public_key = proto::NewSignKeyPair().public_key;
  SaveKioskIdentity(mixed, dir / "mixed.json");
  EXPECT_THROW(LoadKioskIdentity(dir / "mixed.json"), IdentityError);
  EXPECT_THROW(LoadKioskIdentity(dir / "absent.json"), IdentityError);
  EXPECT_NE(message("{}").find(dir / "id.json"), std::string::npos);
}

}  // namespace
}  // namespace tellus

namespace tellus {
namespace {

// Issue 13 item 9: the identity file holds the kiosk's secret signing key.
TEST(KioskIdentity, AFileOthersCanReadIsRefused) {
  testing::TempDir dir;
  KioskIdentity id = Sample();
  std::string path = dir / "id.json";
  SaveKioskIdentity(id, path);
  ::chmod(path.c_str(), 0644);
  try {
    LoadKioskIdentity(path);
    FAIL() << "loaded a secret key others can read";
  } catch (const IdentityError& e) {
    EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
  }
  ::chmod(path.c_str(), 0600);
  EXPECT_EQ(LoadKioskIdentity(path).kiosk_number, 7);
}

}  // namespace
}  // namespace tellus
