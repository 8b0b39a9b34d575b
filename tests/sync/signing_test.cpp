#include "sync/protocol/signing.h"

#include <gtest/gtest.h>

#include <functional>

#include "sync/protocol/bundle.h"
#include "sync/protocol/replay_cache.h"

namespace tellus::proto {
namespace {

struct Signed {
  SignKeyPair keys = NewSignKeyPair();
  std::string body = R"({"items":[]})";
  std::int64_t now = 1'800'000'000;
  SignedHeaders headers = SignRequest(7, keys.secret_key, "POST", "/v1/submissions", body, now);
  ReceivedHeaders Received() const {
    return {std::to_string(headers.kiosk), std::to_string(headers.timestamp), headers.nonce, headers.signature};
  }
};

TEST(Signing, RoundTripVerifies) {
  Signed s;
  EXPECT_EQ(VerifyRequest(s.Received(), s.keys.public_key, "POST", "/v1/submissions", s.body, s.now), Verdict::kOk);
  EXPECT_EQ(s.headers.AsMap().size(), 4u);
}

TEST(Signing, AlteredBodyPathMethodOrKeyIsRefused) {
  Signed s;
  auto r = s.Received();
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/submissions", s.body + " ", s.now), Verdict::kBadSignature);
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/status", s.body, s.now), Verdict::kBadSignature);
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "PUT", "/v1/submissions", s.body, s.now), Verdict::kBadSignature);
  SignKeyPair other = NewSignKeyPair();
  EXPECT_EQ(VerifyRequest(r, other.public_key, "POST", "/v1/submissions", s.body, s.now), Verdict::kBadSignature);
  auto changed_nonce = r;
  changed_nonce.nonce[0] = changed_nonce.nonce[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(VerifyRequest(changed_nonce, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now),
            Verdict::kBadSignature);
  auto changed_time = r;
  changed_time.timestamp = std::to_string(s.now + 1);
  EXPECT_EQ(VerifyRequest(changed_time, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now),
            Verdict::kBadSignature);
}

TEST(Signing, StaleTimestampsAreRefusedBothWays) {
  Signed s;
  auto r = s.Received();
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now + kMaxClockSkewSeconds),
            Verdict::kOk);
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now + kMaxClockSkewSeconds + 1),
            Verdict::kStale);
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now - kMaxClockSkewSeconds - 1),
            Verdict::kStale);
}

TEST(Signing, MalformedHeadersAreRefused) {
  Signed s;
  for (auto mutate : std::vector<std::function<void(ReceivedHeaders&)>>{
           [](ReceivedHeaders& h) { h.kiosk = ""; }, [](ReceivedHeaders& h) { h.kiosk = "0"; },
           [](ReceivedHeaders& h) { h.kiosk = "40000"; }, [](ReceivedHeaders& h) { h.timestamp = "12x"; },
           [](ReceivedHeaders& h) { h.nonce = "short"; }, [](ReceivedHeaders& h) { h.nonce = std::string(32, 'Z'); },
           [](ReceivedHeaders& h) { h.signature = ""; }}) {
    auto r = s.Received();
    mutate(r);
    EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now), Verdict::kMissingHeaders);
  }
  auto r = s.Received();
  r.signature = "not base64!";
  EXPECT_EQ(VerifyRequest(r, s.keys.public_key, "POST", "/v1/submissions", s.body, s.now), Verdict::kBadSignature);
}

TEST(Signing, BadSecretKeySizeThrows) {
  EXPECT_THROW(SignRequest(1, std::vector<unsigned char>(10), "POST", "/", "", 0), std::invalid_argument);
}

TEST(Signing, NoncesDiffer) { EXPECT_NE(NewNonce(), NewNonce()); }

TEST(ReplayCache, SecondSightingIsAReplayUntilTheWindowPasses) {
  ReplayCache cache(600);
  EXPECT_TRUE(cache.Remember(1, "abc", 1000));
  EXPECT_FALSE(cache.Remember(1, "abc", 1001));
  EXPECT_TRUE(cache.Remember(2, "abc", 1001));   // per kiosk
  EXPECT_TRUE(cache.Remember(1, "abc", 1601));   // forgotten: the request itself is stale by now
  EXPECT_FALSE(cache.Remember(1, "abc", 1602));
}

TEST(ReplySigning, OnlyTheRegisterKeyAndTheSameNonceVerify) {
  SignKeyPair reg = NewSignKeyPair();
  std::string sig = SignReply(reg.secret_key, "nonce1", R"({"accepted":[]})");
  EXPECT_TRUE(VerifyReply(reg.public_key, "nonce1", R"({"accepted":[]})", sig));
  EXPECT_FALSE(VerifyReply(reg.public_key, "nonce2", R"({"accepted":[]})", sig));
  EXPECT_FALSE(VerifyReply(reg.public_key, "nonce1", R"({"accepted":["x"]})", sig));
  EXPECT_FALSE(VerifyReply(NewSignKeyPair().public_key, "nonce1", R"({"accepted":[]})", sig));
  EXPECT_FALSE(VerifyReply(reg.public_key, "nonce1", R"({"accepted":[]})", "garbage"));
}

TEST(Bundle, SignedByTheKioskAndTamperEvident) {
  SignKeyPair kiosk = NewSignKeyPair();
  SubmitBatch batch;
  batch.waiting = 3;
  std::string file = MakeBundle(7, kiosk.secret_key, batch, "2026-11-23T10:00:00Z");
  BundleEnvelope env = ParseBundle(file);
  EXPECT_EQ(env.kiosk, 7);
  EXPECT_TRUE(VerifyBundle(env, kiosk.public_key));
  EXPECT_FALSE(VerifyBundle(env, NewSignKeyPair().public_key));
  BundleEnvelope other_kiosk = env;
  other_kiosk.kiosk = 8;
  EXPECT_FALSE(VerifyBundle(other_kiosk, kiosk.public_key));
  BundleEnvelope altered = env;
  altered.body.replace(altered.body.find('3'), 1, "4");
  EXPECT_FALSE(VerifyBundle(altered, kiosk.public_key));
  EXPECT_EQ(SubmitBatchFromJson(env.body, kMaxBundleItems).waiting, 3);
}

TEST(Bundle, GarbageFilesAreClearErrors) {
  EXPECT_THROW(ParseBundle("not json"), ProtocolError);
  EXPECT_THROW(ParseBundle(R"({"format":"zip"})"), ProtocolError);
  EXPECT_THROW(ParseBundle(R"({"format":"tellus-bundle","version":1,"kiosk":"7"})"), ProtocolError);
  try {
    ParseBundle(R"({"format":"tellus-bundle","version":1,"kiosk":7,"created_at":"x","body":"{}"})");
    FAIL();
  } catch (const ProtocolError& e) {
    EXPECT_NE(std::string(e.what()).find("signature"), std::string::npos);
  }
}

}  // namespace
}  // namespace tellus::proto
