// Several register processes on one PostgreSQL (issue 14, item 5): 4 `tellus-register
// serve` processes, as behind a load balancer, take 20,000 submissions from 8 kiosks'
// real sync clients (each kiosk's own outbox, drained in batches to whichever process it
// reaches), while a killer sends kill -9 to a random serve process every second or so and
// starts it again. Every submission is stored exactly once, with its stage, under its
// own reference; every outbox empties; then repeated kiosk requests and simultaneous staff
// actions on one case, spread over the processes, are carried out once each.
// ctest: label "concurrency" (ctest -L concurrency runs it alone, with the cluster fixture).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "../sync/nginx_process.h"
#include "../sync/register_process.h"
#include "core/reference.h"
#include "core/seal.h"
#include "core/store.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::RegisterProcess;
using testing::RunRegister;

constexpr int kServers = 4;
constexpr int kKiosks = 8;
constexpr int kItemsPerKiosk = 2500;               // 20,000 in all

// The serve processes and the URLs they answer on now; a killed one comes back on a new port.
class Farm {
 public:
  explicit Farm(const std::string& db) {
    for (int i = 0; i < kServers; ++i) {
      servers_.push_back(std::make_unique<RegisterProcess>(
          db, std::vector<std::string>{"--submissions-per-kiosk-per-hour", "10000000"}));
      servers_.back()->Start();
      urls_.push_back(servers_.back()->url());
    }
  }
  std::string Url(std::size_t i) {
    std::lock_guard lock(mutex_);
    return urls_[i % urls_.size()];
  }
  void KillAndRestart(std::size_t i) {
    std::lock_guard lock(mutex_);
    servers_[i]->Kill();   // SIGKILL: mid-batch, mid-transaction, as a crash would
    servers_[i]->Start();
    urls_[i] = servers_[i]->url();
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<RegisterProcess>> servers_;
  std::vector<std::string> urls_;
};

TEST(PostgresConcurrency, FourServeProcessesEightKiosksAndKillNineStoreEverySubmissionOnce) {
  ASSERT_TRUE(testing::OnPostgres()) << "this test needs the throwaway cluster (TELLUS_TEST_POSTGRES)";
  InitSodium();
  testing::TempDir dir;
  std::string db = testing::NewRegisterDb(dir), out;
  ASSERT_EQ(RunRegister({"init", "--db", db}, &out), 0) << out;
  std::vector<KioskIdentity> kiosks;
  for (int k = 0; k < kKiosks; ++k) {
    std::string path = dir / ("kiosk-" + std::to_string(k) + ".json");
    ASSERT_EQ(RunRegister({"enroll-kiosk", "--db", db, "--name", "Kiosk " + std::to_string(k), "--policy", "seetec",
                           "--out", path},
                          &out),
              0)
        << out;
    kiosks.push_back(LoadKioskIdentity(path));
  }

  // Each kiosk's outbox, filled as Send would, in memory-backed files where there are any:
  // 20,000 durable commits on a busy CI disk would take minutes and prove nothing here.
  testing::TempDir outboxes(std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : dir.path());
  // One Argon2id hash reused: hashing is the kiosk's cost at Send, not the register's.
  auto phase = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    auto now = std::chrono::steady_clock::now();
    std::cout << what << ": " << std::chrono::duration<double>(now - phase).count() << " s" << std::endl;
    phase = now;
  };
  std::string hash = HashSecret(*NormaliseTrackingCode("ABCDE-FGHJK"));
  std::set<std::string> uuids;
  std::map<std::string, std::string> reference_of;   // uuid -> the receipt's reference
  for (int k = 0; k < kKiosks; ++k) {
    Store store = Store::Open(outboxes / ("outbox-" + std::to_string(k) + ".db"));
    for (int i = 1; i <= kItemsPerKiosk; ++i) {
      auto item = testing::MakeItem(kiosks[k], static_cast<std::uint64_t>(i), "seetec", &hash);
      ASSERT_TRUE(store.Enqueue(item.clear, item.sealed, item.tracking_hash));
      uuids.insert(item.clear.uuid);
      reference_of[item.clear.uuid] = item.clear.reference;
    }
  }
  ASSERT_EQ(uuids.size(), static_cast<std::size_t>(kKiosks * kItemsPerKiosk));
  lap("outboxes filled");

  Farm farm(db);
  std::atomic<int> kiosks_done{0};
  std::atomic<int> kills{0}, failed_passes{0};
  std::thread killer([&] {
    std::mt19937 random(std::random_device{}());
    while (kiosks_done.load() < kKiosks) {
      std::this_thread::sleep_for(std::chrono::milliseconds(400 + random() % 800));
      if (kiosks_done.load() >= kKiosks) break;
      farm.KillAndRestart(random() % kServers);
      ++kills;
    }
  });
  std::vector<std::thread> clients;
  for (int k = 0; k < kKiosks; ++k) {
    clients.emplace_back([&, k] {
      std::string path = outboxes / ("outbox-" + std::to_string(k) + ".db");
      Store store = Store::Open(path);
      sync::SyncOptions options;
      options.batch_size = 100;
      for (std::size_t pass = static_cast<std::size_t>(k); store.PendingCount() > 0; ++pass) {
        KioskIdentity id = kiosks[k];
        id.register_url = farm.Url(pass);   // round robin, as a load balancer would
        sync::SyncClient client(id, path, options);
        sync::DrainResult r = client.DrainOnce(store);
        if (r.failed) {
          ++failed_passes;   // the process was killed under it: the kiosk keeps the batch and tries another
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ASSERT_EQ(r.refused, 0) << r.error;
      }
      ++kiosks_done;
    });
  }
  for (auto& c : clients) c.join();
  killer.join();
  lap("sync under kill -9");
  std::cout << "20,000 submissions through " << kServers << " serve processes; " << kills.load()
            << " kill -9; " << failed_passes.load() << " batches retried\n";
  EXPECT_GE(kills.load(), 1) << "the run ended before any process was killed; the test proved less than it says";

  auto storage = reg::OpenRegisterStorage(db);
  ASSERT_EQ(storage->CaseCount(), kKiosks * kItemsPerKiosk);
  std::set<std::string> stored, references;
  for (const reg::CaseRecord& c : storage->Cases({})) {
    EXPECT_TRUE(stored.insert(c.uuid).second) << "stored twice: " << c.uuid;
    EXPECT_TRUE(references.insert(c.reference).second) << c.reference;
    EXPECT_EQ(c.reference, reference_of[c.uuid]) << "stored under another reference";
    ASSERT_EQ(c.stages.size(), 1u) << c.reference;
    EXPECT_EQ(c.stages[0].stage_id, "stage-1") << c.reference;
  }
  EXPECT_EQ(stored, uuids) << "a submission is missing or foreign";
  for (const KioskIdentity& k : kiosks) EXPECT_EQ(storage->HighestSequence(k.kiosk_number), std::uint64_t{kItemsPerKiosk});

  lap("checked");
  // Kiosk requests repeated to every process at once (a retry that crossed a reply): once each.
  std::vector<reg::CaseRecord> some;
  for (const reg::CaseRecord& c : storage->Cases({})) {
    if (c.kiosk == kiosks[0].kiosk_number && some.size() < 8) some.push_back(c);
  }
  std::vector<std::thread> senders;
  std::atomic<int> request_failures{0};
  std::vector<std::string> request_ids;
  for (std::size_t i = 0; i < some.size(); ++i) request_ids.push_back(testing::NewRequestUuid());
  for (int s = 0; s < kServers; ++s) {
    senders.emplace_back([&, s] {
      KioskIdentity id = kiosks[0];
      id.register_url = farm.Url(static_cast<std::size_t>(s));
      sync::RegisterClient client(id);
      for (std::size_t i = 0; i < some.size(); ++i) {
        proto::KioskRequest request;
        request.request_id = request_ids[i];
        request.reference = some[i].reference;
        request.action = proto::RequestAction::kFeedback;
        request.text = "Thank you";
        // The tracking code is shared by every item (one hash above).
        request.tracking_code = "ABCDE-FGHJK";
        try {
          if (!client.Request(request).done) ++request_failures;
        } catch (const std::exception&) {
          ++request_failures;
        }
      }
    });
  }
  for (auto& t : senders) t.join();
  EXPECT_EQ(request_failures.load(), 0);
  for (const reg::CaseRecord& c : some) {
    EXPECT_EQ(storage->Requests(c.uuid).size(), 1u) << c.reference;
    EXPECT_EQ(storage->AuditLog(c.reference).size(), 1u) << c.reference << ": the feedback was audited more than once";
  }

  lap("requests");
  // Two staff acknowledging one case at the same moment: one does it, the other is told.
  for (int round = 0; round < 5; ++round) {
    const std::string& ref = some[static_cast<std::size_t>(round)].reference;
    std::string outs[2];
    int codes[2];
    std::thread a([&] { codes[0] = RunRegister({"case", "ack", ref, "--db", db}, &outs[0]); });
    std::thread b([&] { codes[1] = RunRegister({"case", "ack", ref, "--db", db}, &outs[1]); });
    a.join();
    b.join();
    EXPECT_EQ((codes[0] == 0) + (codes[1] == 0), 1) << outs[0] << outs[1];
    EXPECT_NE((outs[0] + outs[1]).find("already acknowledged"), std::string::npos) << outs[0] << outs[1];
    int acks = 0;
    for (const reg::AuditEntry& e : storage->AuditLog(ref)) acks += e.action == "ack";
    EXPECT_EQ(acks, 1) << ref;
  }
}

// README's "several processes behind a reverse proxy": its nginx configuration with the
// several-process upstream, three serve processes on one PostgreSQL, one killed mid-sync.
TEST(PostgresConcurrency, AKioskSyncsThroughReadmesSeveralProcessUpstreamWhileOneDies) {
  ASSERT_TRUE(testing::OnPostgres()) << "this test needs the throwaway cluster (TELLUS_TEST_POSTGRES)";
  if (std::system("command -v nginx >/dev/null 2>&1") != 0) GTEST_SKIP() << "nginx is not installed (nginx-light)";
  std::string snippet = testing::ReadmeNginx("<!-- nginx-example -->");
  std::string upstream = testing::ReadmeNginx("<!-- nginx-several -->");
  ASSERT_FALSE(snippet.empty() || upstream.empty()) << "README.md lacks an nginx example";
  auto from = snippet.find("upstream tellus_register {"), to = snippet.find("}\n", from);
  ASSERT_NE(to, std::string::npos);
  snippet.replace(from, to + 2 - from, upstream + "\n");

  testing::RegisterFixture f;
  std::vector<std::unique_ptr<RegisterProcess>> servers;
  for (int i = 0; i < 3; ++i) {
    servers.push_back(std::make_unique<RegisterProcess>(f.db, std::vector<std::string>{"--max-connections-per-address", "1000"}));
    servers.back()->LogTo(f.dir / ("serve-" + std::to_string(i) + ".log"));
    int port = servers.back()->Start();
    testing::Replace(snippet, "127.0.0.1:" + std::to_string(8787 + i), "127.0.0.1:" + std::to_string(port));
  }
  std::string key = f.dir / "key.pem", cert = f.dir / "cert.pem";
  std::string make = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
                     "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" + key + "' -out '" + cert +
                     "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0) << "openssl could not make a test certificate";
  int nginx_port = testing::FreePort();
  testing::Replace(snippet, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(nginx_port) + " ssl;");
  testing::Replace(snippet, "/etc/ssl/tellus/register.pem", cert);
  testing::Replace(snippet, "/etc/ssl/tellus/register.key", key);
  std::ofstream(f.dir / "nginx.conf") << testing::NginxConf(f.dir.path(), snippet);
  testing::Nginx nginx;
  ASSERT_TRUE(nginx.Start(f.dir.path(), f.dir / "nginx.conf", nginx_port)) << testing::ReadFile(f.dir / "error.log");

  KioskIdentity via_nginx = f.identity;
  via_nginx.register_url = "https://127.0.0.1:" + std::to_string(nginx_port);
  via_nginx.register_certificate_pem = testing::ReadFile(cert);
  std::string store_path = f.dir / "kiosk.db";
  Store store = Store::Open(store_path);
  for (std::uint64_t seq = 1; seq <= 60; ++seq) {
    auto item = testing::MakeItem(f.identity, seq);
    store.Enqueue(item.clear, item.sealed, item.tracking_hash);
  }
  sync::SyncOptions options;
  options.batch_size = 5;
  sync::SyncClient client(via_nginx, store_path, options);
  int passes = 0;
  while (store.PendingCount() > 0 && passes < 200) {
    if (++passes == 4) servers[1]->Kill();   // mid-sync, as a crash would
    if (client.DrainOnce(store).failed) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(store.PendingCount(), 0) << "after " << passes << " passes";
  EXPECT_EQ(reg::OpenRegisterStorage(f.db)->CaseCount(), 60);
  int serving = 0;
  for (int i = 0; i < 3; ++i) {
    serving += testing::ReadFile(f.dir / ("serve-" + std::to_string(i) + ".log")).find("/v1/submissions -> 200") !=
               std::string::npos;
  }
  EXPECT_GE(serving, 2) << "nginx did not spread the batches over the processes";
}

}  // namespace
}  // namespace tellus
