// The register's handlers called directly with plain requests (no socket): what a stranger
// can learn from the answers, and how long they take.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

#include "register_process.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"
#include "sync/register/server.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

struct InProcessRegister {
  testing::RegisterFixture f;
  std::unique_ptr<reg::RegisterStorage> storage = reg::OpenRegisterStorage(f.db);
  reg::RegisterKeys keys = reg::LoadRegisterKeys(reg::KeysPathFor(f.db));
  reg::PolicyBook policies{std::string(TELLUS_SOURCE_DIR) + "/assets/policies",
                           std::string(TELLUS_SOURCE_DIR) + "/assets/holidays"};
  reg::RegisterServer server{*storage, keys, policies, Options()};

  static reg::ServerOptions Options() {
    reg::ServerOptions o;
    o.port = 0;
    o.log = false;
    o.failed_lookups_per_reference_per_hour = 1000;
    o.failed_lookups_per_kiosk_per_minute = 1000;
    return o;
  }
  reg::HttpRequest Signed(const std::string& path, const std::string& body, int kiosk = 0,
                          const std::vector<unsigned char>* key = nullptr) {
    reg::HttpRequest req{"POST", path, {}, body, "127.0.0.1"};
    auto headers = proto::SignRequest(kiosk ? kiosk : f.identity.kiosk_number,
                                      key ? *key : f.identity.kiosk_sign_secret_key, "POST", path, body,
                                      proto::UnixNow());
    for (const auto& [name, value] : headers.AsMap()) req.headers.emplace_back(name, value);
    return req;
  }
};

std::string ErrorCode(const reg::HttpResponse& res) { return nlohmann::json::parse(res.body).value("error", ""); }

double MedianMs(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

TEST(RegisterHandlers, AnUnknownReferenceTakesAsLongAsAWrongCode) {
  InProcessRegister r;
  auto item = testing::MakeItem(r.f.identity, 1);
  proto::SubmitBatch batch{{{item.clear, item.sealed, item.tracking_hash}}, 0};
  ASSERT_EQ(r.server.Submit(r.Signed("/v1/submissions", proto::ToJson(batch))).status, 200);

  std::string unknown_ref = FormatReference({"TS", static_cast<std::uint32_t>(r.f.identity.kiosk_number), 99});
  std::vector<double> unknown, wrong_code;
  for (int i = 0; i < 5; ++i) {
    for (bool known : {false, true}) {
      proto::StatusQuery q{known ? item.clear.reference : unknown_ref, NewTrackingCode()};
      auto start = std::chrono::steady_clock::now();
      reg::HttpResponse res = r.server.Status(r.Signed("/v1/status", proto::ToJson(q)));
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      EXPECT_EQ(res.status, 404);
      EXPECT_EQ(ErrorCode(res), "not-found");
      (known ? wrong_code : unknown).push_back(ms);
    }
  }
  std::printf("status look-up, median of 5: unknown reference %.1f ms, known reference with a wrong code %.1f ms\n",
              MedianMs(unknown), MedianMs(wrong_code));
  // Both run the slow hash once; before, an unknown reference answered about 100 times sooner.
  EXPECT_GT(MedianMs(unknown), 0.5 * MedianMs(wrong_code));
}

TEST(RegisterHandlers, UnknownRevokedAndWrongKeyKiosksGetOneAnswer) {
  InProcessRegister r;
  std::string body = proto::ToJson(proto::SubmitBatch{});
  auto stranger = proto::NewSignKeyPair();
  reg::HttpResponse unknown = r.server.Submit(r.Signed("/v1/submissions", body, 999, &stranger.secret_key));
  reg::HttpResponse wrong_key = r.server.Submit(r.Signed("/v1/submissions", body, 0, &stranger.secret_key));
  r.storage->RevokeKiosk(r.f.identity.kiosk_number, UtcNow());
  reg::HttpResponse revoked = r.server.Submit(r.Signed("/v1/submissions", body));
  for (const auto* res : {&unknown, &wrong_key, &revoked}) {
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(res->body, unknown.body);
  }
}

TEST(RegisterHandlers, RoutesByPathAndMethod) {
  InProcessRegister r;
  EXPECT_EQ(r.server.Handle({"GET", "/v1/health", {}, "", "127.0.0.1"}).status, 200);
  EXPECT_EQ(r.server.Handle({"GET", "/v1/submissions", {}, "", "127.0.0.1"}).status, 405);
  EXPECT_EQ(r.server.Handle({"GET", "/v1/nothing", {}, "", "127.0.0.1"}).status, 404);
  EXPECT_EQ(r.server.Handle({"POST", "/v1/status", {}, "{}", "127.0.0.1"}).status, 401);
}

}  // namespace
}  // namespace tellus
