#include "core/seal.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace tellus {
namespace {

TEST(Seal, RoundTrip) {
  BoxKeyPair keys = NewBoxKeyPair();
  std::string plaintext = R"({"name":"Zebedee Quartermaine-Plunkett"})";
  std::vector<unsigned char> sealed = Seal(plaintext, keys.public_key);
  EXPECT_EQ(sealed.size(), plaintext.size() + 48);  // ephemeral public key + MAC
  EXPECT_EQ(std::string(sealed.begin(), sealed.end()).find("Zebedee"), std::string::npos);
  EXPECT_EQ(Open(sealed, keys), plaintext);
}

TEST(Seal, EmptyPlaintextRoundTrips) {
  BoxKeyPair keys = NewBoxKeyPair();
  EXPECT_EQ(Open(Seal("", keys.public_key), keys), "");
}

TEST(Seal, SealingTwiceGivesDifferentCiphertexts) {
  BoxKeyPair keys = NewBoxKeyPair();
  EXPECT_NE(Seal("same", keys.public_key), Seal("same", keys.public_key));
}

TEST(Seal, KeyPairsDiffer) {
  BoxKeyPair a = NewBoxKeyPair();
  BoxKeyPair b = NewBoxKeyPair();
  EXPECT_NE(a.public_key, b.public_key);
  EXPECT_NE(a.secret_key, b.secret_key);
}

TEST(Seal, WrongKeyThrowsSealError) {
  BoxKeyPair right = NewBoxKeyPair();
  BoxKeyPair wrong = NewBoxKeyPair();
  std::vector<unsigned char> sealed = Seal("secret", right.public_key);
  EXPECT_THROW(Open(sealed, wrong), SealError);
}

TEST(Seal, EveryTamperedByteIsRejected) {
  BoxKeyPair keys = NewBoxKeyPair();
  std::vector<unsigned char> sealed = Seal("what happened at the front desk", keys.public_key);
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::vector<unsigned char> tampered = sealed;
    tampered[i] ^= 0x01;
    EXPECT_THROW(Open(tampered, keys), SealError) << "byte " << i;
  }
}

TEST(Seal, TruncatedIsRejected) {
  BoxKeyPair keys = NewBoxKeyPair();
  std::vector<unsigned char> sealed = Seal("abc", keys.public_key);
  sealed.pop_back();
  EXPECT_THROW(Open(sealed, keys), SealError);
  EXPECT_THROW(Open({}, keys), SealError);
  EXPECT_THROW(Open(std::vector<unsigned char>(47, 0), keys), SealError);
}

TEST(Seal, PersonalPartRoundTrip) {
  BoxKeyPair keys = NewBoxKeyPair();
  PersonalPart part;
  part.person.anonymous = false;
  part.person.name = "Zebedee Quartermaine-Plunkett";
  part.what_happened = "Nobody answered the door.";
  part.support.bsl = true;
  std::vector<unsigned char> sealed = SealPersonal(part, keys.public_key);
  EXPECT_EQ(OpenPersonal(sealed, keys), part);
  EXPECT_THROW(OpenPersonal(sealed, NewBoxKeyPair()), SealError);
  // Sealed text that is not a personal part is refused as such.
  EXPECT_THROW(OpenPersonal(Seal("[1,2,3]", keys.public_key), keys), std::invalid_argument);
}

TEST(SealBase64, RoundTripsEveryLength) {
  for (std::size_t n = 0; n < 70; ++n) {
    std::vector<unsigned char> data(n);
    for (std::size_t i = 0; i < n; ++i) data[i] = static_cast<unsigned char>(i * 37 + 250);
    std::string text = ToBase64(data);
    EXPECT_EQ(text.size(), (n + 2) / 3 * 4);
    EXPECT_EQ(FromBase64(text), data) << n;
  }
}

TEST(SealBase64, UsesTheOriginalAlphabetWithPadding) {
  const unsigned char bytes[] = {0xfb, 0xff, 0xbf};
  EXPECT_EQ(ToBase64(bytes, 3), "+/+/");
  const unsigned char one[] = {'M'};
  EXPECT_EQ(ToBase64(one, 1), "TQ==");
  EXPECT_EQ(ToBase64(nullptr, 0), "");
}

TEST(SealBase64, BadInputThrowsSealError) {
  EXPECT_THROW(FromBase64("TQ="), SealError);        // short padding
  EXPECT_THROW(FromBase64("TQ"), SealError);         // no padding
  EXPECT_THROW(FromBase64("-_-_"), SealError);       // URL-safe alphabet
  EXPECT_THROW(FromBase64("TQ==TQ=="), SealError);   // data after padding
  EXPECT_THROW(FromBase64("T Q=="), SealError);      // whitespace
  EXPECT_THROW(FromBase64("é"), SealError);
  EXPECT_EQ(FromBase64("").size(), 0u);
}

TEST(SealBase64, SealedDataSurvivesBase64) {
  BoxKeyPair keys = NewBoxKeyPair();
  std::vector<unsigned char> sealed = Seal("over the wire", keys.public_key);
  EXPECT_EQ(Open(FromBase64(ToBase64(sealed)), keys), "over the wire");
}

TEST(SecretHash, VerifiesTheRightSecretOnly) {
  auto start = std::chrono::steady_clock::now();
  std::string hash = HashSecret("7D2K9-QX4MB");
  auto took = std::chrono::steady_clock::now() - start;
  RecordProperty("hash_ms", static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("7D2K9"), std::string::npos);
  EXPECT_TRUE(VerifySecret(hash, "7D2K9-QX4MB"));
  EXPECT_FALSE(VerifySecret(hash, "7D2K9-QX4MC"));
  EXPECT_FALSE(VerifySecret(hash, ""));
}

TEST(SecretHash, SaltedSoEqualSecretsHashDifferently) {
  std::string a = HashSecret("1234");
  std::string b = HashSecret("1234");
  EXPECT_NE(a, b);
  EXPECT_TRUE(VerifySecret(a, "1234"));
  EXPECT_TRUE(VerifySecret(b, "1234"));
}

TEST(SecretHash, MalformedHashDoesNotVerify) {
  EXPECT_FALSE(VerifySecret("", "1234"));
  EXPECT_FALSE(VerifySecret("$argon2id$garbage", "1234"));
  EXPECT_FALSE(VerifySecret("1234", "1234"));
}

}  // namespace
}  // namespace tellus
