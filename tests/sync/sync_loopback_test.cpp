// The real `tellus-register serve` on 127.0.0.1 with the kiosk's real sync client.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <nlohmann/json.hpp>

#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/signing.h"
#include "sync/register/register_keys.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::MakeItem;
using testing::RegisterFixture;
using testing::RegisterProcess;

sync::SyncOptions Fast() {
  sync::SyncOptions o;
  o.batch_size = 20;
  o.min_backoff = std::chrono::milliseconds(50);
  o.max_backoff = std::chrono::milliseconds(400);
  o.idle_check = std::chrono::milliseconds(200);
  o.timeouts = {1000, 5000};
  return o;
}

// Polls `done` every 20 ms for up to `seconds`.
template <typename F>
bool WaitFor(F done, int seconds = 15) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

std::int64_t CasesIn(const std::string& db) { return reg::OpenRegisterStorage(db)->CaseCount(); }

TEST(SyncLoopback, ItemsArriveOnceAndOpenOnlyWithTheRegisterKey) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  std::string store_path = f.dir / "kiosk.db";
  std::vector<testing::MadeItem> items;
  {
    Store store = Store::Open(store_path);
    for (std::uint64_t seq = 1; seq <= 3; ++seq) {
      items.push_back(MakeItem(f.identity, seq));
      ASSERT_TRUE(store.Enqueue(items.back().clear, items.back().sealed, items.back().tracking_hash));
    }
  }
  sync::SyncClient client(f.identity, store_path, Fast());
  client.Start();
  ASSERT_TRUE(WaitFor([&] { return client.Status().sent_total == 3 && client.Status().waiting == 0; }));
  client.Stop();
  EXPECT_EQ(Store::Open(store_path).PendingCount(), 0);
  EXPECT_FALSE(client.Status().last_success.empty());

  auto storage = reg::OpenRegisterStorage(f.db);
  EXPECT_EQ(storage->CaseCount(), 3);
  reg::RegisterKeys keys = reg::LoadRegisterKeys(reg::KeysPathFor(f.db));
  for (const auto& item : items) {
    auto found = storage->FindCase(item.clear.reference);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->uuid, item.clear.uuid);
    EXPECT_EQ(OpenPersonal(found->sealed, keys.box).what_happened, OpenPersonal(item.sealed, keys.box).what_happened);
    EXPECT_THROW(OpenPersonal(found->sealed, NewBoxKeyPair()), SealError);
    EXPECT_EQ(found->tracking_hash, item.tracking_hash);   // the code itself never left the kiosk
  }
  auto kiosk = storage->FindKiosk(f.identity.kiosk_number);
  ASSERT_TRUE(kiosk);
  EXPECT_TRUE(kiosk->last_contact.has_value());
}

TEST(SyncLoopback, AReplayedBatchIsAcknowledgedNotStoredTwice) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  proto::SubmitBatch batch;
  for (std::uint64_t seq = 1; seq <= 2; ++seq) {
    auto item = MakeItem(f.identity, seq);
    batch.items.push_back({item.clear, item.sealed, item.tracking_hash});
  }
  sync::RegisterClient client(f.identity);
  proto::SubmitAck first = client.Submit(batch);
  EXPECT_EQ(first.accepted.size(), 2u);
  proto::SubmitAck again = client.Submit(batch);
  EXPECT_TRUE(again.accepted.empty());
  EXPECT_EQ(again.duplicates.size(), 2u);
  EXPECT_EQ(CasesIn(f.db), 2);
}

TEST(SyncLoopback, SurvivesARegisterThatIsDownThenRestartsMidDrain) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  int port = server.Start();
  f.UseServer(server);
  server.Stop();   // down before the kiosk first tries

  std::string store_path = f.dir / "kiosk.db";
  const int kItems = 300;
  {
    Store store = Store::Open(store_path);
    std::string hash = HashSecret("ABCDE-FGHJK");
    for (int seq = 1; seq <= kItems; ++seq) {
      auto item = MakeItem(f.identity, static_cast<std::uint64_t>(seq), "seetec", &hash);
      store.Enqueue(item.clear, item.sealed, item.tracking_hash);
    }
  }
  sync::SyncClient client(f.identity, store_path, Fast());
  client.Start();
  ASSERT_TRUE(WaitFor([&] { return client.Status().consecutive_failures >= 2; }));
  EXPECT_FALSE(client.Status().last_error.empty());
  EXPECT_EQ(client.Status().waiting, kItems);
  EXPECT_EQ(Store::Open(store_path).PendingCount(), kItems);

  server.Start(port);
  client.SendNow();
  ASSERT_TRUE(WaitFor([&] { return client.Status().sent_total >= 40; }));
  server.Kill();   // a crash, mid-drain
  server.Start(port);
  client.SendNow();
  ASSERT_TRUE(WaitFor([&] { return Store::Open(store_path).PendingCount() == 0; }, 30));
  client.Stop();
  EXPECT_EQ(CasesIn(f.db), kItems);   // every item exactly once
  EXPECT_EQ(client.Status().waiting, 0);
}

TEST(SyncLoopback, StopIsPromptWhileTheRegisterHangs) {
  // A socket that accepts connections (the kernel's backlog) but never answers.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 8), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);

  RegisterFixture f;
  f.identity.register_url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  std::string store_path = f.dir / "kiosk.db";
  {
    Store store = Store::Open(store_path);
    auto item = MakeItem(f.identity, 1);
    store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  }
  sync::SyncOptions slow = Fast();
  slow.timeouts = {5000, 60000};
  sync::SyncClient client(f.identity, store_path, slow);
  client.Start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));   // now inside the transfer
  auto started = std::chrono::steady_clock::now();
  client.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_EQ(Store::Open(store_path).PendingCount(), 1);   // nothing acknowledged, nothing removed
  ::close(fd);
}

// Sends a hand-made request; returns (status, error code).
std::pair<long, std::string> Raw(const std::string& url, const std::string& path, const std::string& body,
                                 const std::map<std::string, std::string>& headers) {
  sync::HttpTransport http;
  sync::HttpResult r = http.Post(url + path, body, headers, {2000, 10000});
  std::string code;
  try {
    code = nlohmann::json::parse(r.body).value("error", "");
  } catch (const nlohmann::json::exception&) {
    code = "(no JSON)";
  }
  return {r.status, code};
}

TEST(SyncLoopback, EachKindOfBadRequestIsRefusedAndStoresNothing) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  auto item = MakeItem(f.identity, 1);
  proto::SubmitBatch batch;
  batch.items.push_back({item.clear, item.sealed, item.tracking_hash});
  std::string body = proto::ToJson(batch);
  const std::string path = "/v1/submissions";
  const auto& key = f.identity.kiosk_sign_secret_key;
  const int kiosk = f.identity.kiosk_number;

  auto headers = [&](int number, const std::string& signed_body, std::int64_t when) {
    return proto::SignRequest(number, key, "POST", path, signed_body, when).AsMap();
  };
  std::int64_t now = proto::UnixNow();
  EXPECT_EQ(Raw(server.url(), path, body, {}), std::make_pair(401L, std::string("missing-or-malformed-signature-headers")));
  EXPECT_EQ(Raw(server.url(), path, body, headers(999, body, now)), std::make_pair(401L, std::string("kiosk-not-accepted")));
  EXPECT_EQ(Raw(server.url(), path, body, headers(kiosk, body + " ", now)),
            std::make_pair(401L, std::string("kiosk-not-accepted")));
  auto other = proto::NewSignKeyPair();
  EXPECT_EQ(Raw(server.url(), path, body, proto::SignRequest(kiosk, other.secret_key, "POST", path, body, now).AsMap()),
            std::make_pair(401L, std::string("kiosk-not-accepted")));
  EXPECT_EQ(Raw(server.url(), path, body, headers(kiosk, body, now - 600)),
            std::make_pair(401L, std::string("stale-timestamp")));
  EXPECT_EQ(Raw(server.url(), path, body, headers(kiosk, body, now + 600)),
            std::make_pair(401L, std::string("stale-timestamp")));
  std::string big(5 * 1024 * 1024, ' ');
  EXPECT_EQ(Raw(server.url(), path, big, headers(kiosk, big, now)).first, 413);
  EXPECT_EQ(Raw(server.url(), path, "{not json", headers(kiosk, "{not json", now)),
            std::make_pair(400L, std::string("malformed-body")));
  // Another kiosk's reference inside a validly signed batch.
  proto::SubmitBatch foreign = batch;
  foreign.items[0].clear.reference = FormatReference({"TS", static_cast<std::uint32_t>(kiosk + 1), 5});
  std::string foreign_body = proto::ToJson(foreign);
  EXPECT_EQ(Raw(server.url(), path, foreign_body, headers(kiosk, foreign_body, now)),
            std::make_pair(400L, std::string("malformed-body")));
  // A tracking code in clear where the hash belongs.
  proto::SubmitBatch clear_code = batch;
  clear_code.items[0].tracking_hash = item.tracking_code;
  std::string clear_code_body = proto::ToJson(clear_code);
  EXPECT_EQ(Raw(server.url(), path, clear_code_body, headers(kiosk, clear_code_body, now)).first, 400);
  EXPECT_EQ(CasesIn(f.db), 0);

  // A good request is stored once; the same signed request again is a replay.
  auto good = headers(kiosk, body, now);
  EXPECT_EQ(Raw(server.url(), path, body, good).first, 200);
  EXPECT_EQ(Raw(server.url(), path, body, good), std::make_pair(409L, std::string("replayed-request")));
  EXPECT_EQ(CasesIn(f.db), 1);
}

TEST(SyncLoopback, StatusByReferenceAndTrackingCodeOnly) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  auto item = MakeItem(f.identity, 1);
  sync::RegisterClient client(f.identity);
  client.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0});

  proto::CaseStatus status = client.Status(item.clear.reference, item.tracking_code);
  EXPECT_EQ(status.reference, item.clear.reference);
  EXPECT_EQ(status.kind, Kind::kComplaint);
  EXPECT_EQ(status.state, CaseState::kReceived);
  // Typed back loosely: lower case, no hyphens.
  std::string loose_code = item.tracking_code;
  std::erase(loose_code, '-');
  for (char& c : loose_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(client.Status(item.clear.reference, loose_code).reference, item.clear.reference);
  // The reference typed loosely too; with one character wrong the register refuses it
  // as malformed (the check character), before it looks for a case or the code.
  std::string loose_ref = item.clear.reference;
  for (char& c : loose_ref) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(client.Status(loose_ref, item.tracking_code).reference, item.clear.reference);
  std::string typo = item.clear.reference;
  typo[typo.size() - 2] = typo[typo.size() - 2] == '7' ? '8' : '7';
  try {
    client.Status(typo, item.tracking_code);
    FAIL() << "a mistyped reference reached a case";
  } catch (const sync::SyncError& e) {
    EXPECT_EQ(e.status, 400);
  }

  std::string wrong = NewTrackingCode();
  try {
    client.Status(item.clear.reference, wrong);
    FAIL() << "a wrong tracking code opened the case";
  } catch (const sync::SyncError& e) {
    EXPECT_EQ(e.status, 404);
  }
  // Someone guessing codes for one reference runs into the limit (20 an hour).
  long last = 0;
  for (int i = 0; i < 25 && last != 429; ++i) {
    try {
      client.Status(item.clear.reference, NewTrackingCode());
    } catch (const sync::SyncError& e) {
      last = e.status;
    }
  }
  EXPECT_EQ(last, 429);
}

TEST(SyncLoopback, HealthAnswersWithoutSignature) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  sync::RegisterClient client(f.identity);
  EXPECT_TRUE(client.Healthy());
  server.Stop();
  EXPECT_FALSE(client.Healthy());
}

}  // namespace
}  // namespace tellus

namespace tellus {
namespace {

TEST(SyncLoopback, ARefusedItemStaysWithItsReasonWhileTheOthersGo) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  std::string store_path = f.dir / "kiosk.db";
  {
    Store store = Store::Open(store_path);
    for (std::uint64_t seq = 1; seq <= 5; ++seq) {
      auto item = MakeItem(f.identity, seq, seq == 3 ? "another-policy" : "seetec");
      store.Enqueue(item.clear, item.sealed, item.tracking_hash);
    }
  }
  sync::SyncClient client(f.identity, store_path, Fast());
  client.Start();
  ASSERT_TRUE(WaitFor([&] { return client.Status().sent_total == 4; }));
  ASSERT_TRUE(WaitFor([&] { return !client.Status().last_error.empty(); }));
  client.Stop();
  EXPECT_NE(client.Status().last_error.find("policy"), std::string::npos) << client.Status().last_error;
  Store store = Store::Open(store_path);
  auto left = store.Pending(10);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].clear.policy_id, "another-policy");
  EXPECT_GE(left[0].attempts, 1);
  EXPECT_NE(left[0].last_error.find("policy"), std::string::npos);
  EXPECT_EQ(CasesIn(f.db), 4);
}

}  // namespace
}  // namespace tellus

namespace tellus {
namespace {

TEST(SyncLoopback, GarbledSignedBodiesGetA4xxAndTheServerStaysUp) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  auto item = MakeItem(f.identity, 1);
  std::string good = proto::ToJson(proto::SubmitBatch{{{item.clear, item.sealed, item.tracking_hash}}, 0});
  std::mt19937 rng(20261122);
  sync::HttpTransport http;
  int refused = 0;
  for (int round = 0; round < 150; ++round) {
    std::string body = good;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = rng() % body.size();
      switch (rng() % 3) {
        case 0: body[at] = static_cast<char>(rng() % 256); break;
        case 1: body.erase(at, 1 + rng() % 8); break;
        default: body.insert(at, std::string(1 + rng() % 3, "{}[]\",:0\\"[rng() % 9])); break;
      }
      if (body.empty()) body = "x";
    }
    const std::string path = round % 3 == 0 ? "/v1/status" : round % 3 == 1 ? "/v1/requests" : "/v1/submissions";
    auto headers = proto::SignRequest(f.identity.kiosk_number, f.identity.kiosk_sign_secret_key, "POST", path, body,
                                      proto::UnixNow())
                       .AsMap();
    sync::HttpResult r = http.Post(server.url() + path, body, headers, {2000, 10000});
    ASSERT_TRUE(r.status == 200 || (r.status >= 400 && r.status < 500)) << "HTTP " << r.status << " for " << path;
    if (r.status != 200) {
      ++refused;
      EXPECT_NE(r.body.find("\"error\""), std::string::npos);
    }
  }
  EXPECT_GT(refused, 100);
  sync::RegisterClient client(f.identity);
  EXPECT_TRUE(client.Healthy());
  EXPECT_LE(CasesIn(f.db), 1);   // at most the one valid item, if a garble left it intact
}

}  // namespace
}  // namespace tellus

namespace tellus {
namespace {

TEST(SyncLoopback, ARevokedKioskIsRefusedOverTheNetworkAndByUsb) {
  RegisterFixture f;
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  auto item = MakeItem(f.identity, 1);
  Store store = Store::Open(":memory:");
  store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  sync::ExportBundle(store, f.identity, f.dir / "bundle.json");

  std::string out;
  ASSERT_EQ(testing::RunRegister({"revoke-kiosk", "--db", f.db, "--number", std::to_string(f.identity.kiosk_number)}, &out),
            0)
      << out;
  EXPECT_NE(testing::RunRegister({"revoke-kiosk", "--db", f.db, "--number", std::to_string(f.identity.kiosk_number)}, &out),
            0);
  EXPECT_NE(out.find("already revoked"), std::string::npos) << out;

  sync::RegisterClient client(f.identity);
  try {
    client.Submit({{{item.clear, item.sealed, item.tracking_hash}}, 0});
    FAIL() << "a revoked kiosk was accepted";
  } catch (const sync::SyncError& e) {
    EXPECT_EQ(e.status, 401);
    EXPECT_EQ(e.error_code, "kiosk-not-accepted");   // the same 401 as an unknown kiosk or a wrong key
  }
  EXPECT_NE(testing::RunRegister({"import", "--db", f.db, f.dir / "bundle.json"}, &out), 0);
  EXPECT_NE(out.find("revoked"), std::string::npos) << out;
  EXPECT_EQ(CasesIn(f.db), 0);
  ASSERT_EQ(testing::RunRegister({"kiosks", "--db", f.db}, &out), 0);
  EXPECT_NE(out.find("REVOKED"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
