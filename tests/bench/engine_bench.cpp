// Register engines side by side (a program, not a test): ingest per second of real
// `tellus-register serve` processes over loopback, 8 kiosks sending signed batches at once,
//   1. SQLite (WAL, synchronous=FULL), one serve process (it cannot have more);
//   2. PostgreSQL, one serve process;
//   3. PostgreSQL, 4 serve processes (as behind a load balancer), kiosks spread over them.
// PostgreSQL is a throwaway cluster made by tests/sync/pg_cluster.sh --durable (fsync and
// synchronous_commit on, as in production) on this machine's disk, like the SQLite file.
// Aim (issue 14): PostgreSQL with 4 processes >= 2x SQLite.
// Usage: engine_bench [items per kiosk] [batch]     (defaults 2500 x 8 kiosks = 20,000; 200)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "../sync/register_process.h"
#include "sync/client/register_client.h"
#include "sync/register/open_storage.h"

using namespace tellus;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kKiosks = 8;

struct Run {
  const char* name;
  bool postgres;
  int servers;
};

// One engine: a new register, 8 enrolled kiosks, their items made beforehand (sealing is the
// kiosk's cost), then every kiosk sends at once; the clock runs from the first batch to the last ack.
double Measure(const Run& run, int per_kiosk, int batch_size, const std::string& hash) {
  testing::TempDir dir;
  std::string db = run.postgres ? testing::NewRegisterDb(dir) : dir / "register.db", out;
  if (testing::RunRegister({"init", "--db", db}, &out) != 0) throw std::runtime_error("init: " + out);
  std::vector<KioskIdentity> kiosks;
  for (int k = 0; k < kKiosks; ++k) {
    std::string path = dir / ("kiosk-" + std::to_string(k) + ".json");
    if (testing::RunRegister({"enroll-kiosk", "--db", db, "--name", "k" + std::to_string(k), "--policy", "seetec",
                              "--out", path},
                             &out) != 0) {
      throw std::runtime_error("enroll-kiosk: " + out);
    }
    kiosks.push_back(LoadKioskIdentity(path));
  }
  std::vector<std::vector<proto::SubmitItem>> items(kKiosks);
  for (int k = 0; k < kKiosks; ++k) {
    for (int i = 1; i <= per_kiosk; ++i) {
      auto made = testing::MakeItem(kiosks[k], static_cast<std::uint64_t>(i), "seetec", &hash);
      items[k].push_back({made.clear, made.sealed, made.tracking_hash});
    }
  }
  std::vector<std::unique_ptr<testing::RegisterProcess>> servers;
  for (int s = 0; s < run.servers; ++s) {
    servers.push_back(std::make_unique<testing::RegisterProcess>(
        db, std::vector<std::string>{"--submissions-per-kiosk-per-hour", "100000000"}));
    servers.back()->Start();
  }
  std::atomic<std::int64_t> acknowledged{0};
  std::atomic<bool> failed{false};
  auto start = Clock::now();
  std::vector<std::thread> senders;
  for (int k = 0; k < kKiosks; ++k) {
    senders.emplace_back([&, k] {
      KioskIdentity id = kiosks[k];
      id.register_url = servers[static_cast<std::size_t>(k % run.servers)]->url();
      sync::RegisterClient client(id);
      const auto& mine = items[k];
      for (std::size_t at = 0; at < mine.size(); at += static_cast<std::size_t>(batch_size)) {
        proto::SubmitBatch batch;
        batch.items.assign(mine.begin() + static_cast<long>(at),
                           mine.begin() + static_cast<long>(std::min(mine.size(), at + static_cast<std::size_t>(batch_size))));
        try {
          acknowledged += static_cast<std::int64_t>(client.Submit(batch).accepted.size());
        } catch (const std::exception& e) {
          std::fprintf(stderr, "%s: kiosk %d: %s\n", run.name, k, e.what());
          failed = true;
          return;
        }
      }
    });
  }
  for (auto& t : senders) t.join();
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& s : servers) s->Stop();
  std::int64_t stored = reg::OpenRegisterStorage(db)->CaseCount();
  if (failed || stored != static_cast<std::int64_t>(kKiosks) * per_kiosk) {
    throw std::runtime_error(std::string(run.name) + ": the register holds " + std::to_string(stored) + " of " +
                             std::to_string(kKiosks * per_kiosk));
  }
  return static_cast<double>(acknowledged.load()) / secs;
}

}  // namespace

int main(int argc, char** argv) {
  const int per_kiosk = argc > 1 ? std::atoi(argv[1]) : 2500;
  const int batch_size = argc > 2 ? std::atoi(argv[2]) : 200;
  if (per_kiosk <= 0 || batch_size <= 0 || batch_size > static_cast<int>(proto::kMaxBatchItems)) {
    std::cerr << "usage: engine_bench [items per kiosk > 0] [batch 1..1000]\n";
    return 2;
  }
  InitSodium();
  std::string hash = HashSecret("ABCDE-FGHJK");
  testing::TempDir state;
  std::string script = std::string(TELLUS_SOURCE_DIR) + "/tests/sync/pg_cluster.sh", out;
  if (testing::RunProgram(script, {"start", state.path(), "--durable"}, &out) != 0) {
    std::cerr << "engine_bench: PostgreSQL did not start:\n" << out;
    return 1;
  }
  std::cout << out;
  ::setenv("TELLUS_TEST_POSTGRES", state.path().c_str(), 1);   // NewRegisterDb makes databases there
  const Run runs[] = {{"SQLite, 1 serve process", false, 1},
                      {"PostgreSQL, 1 serve process", true, 1},
                      {"PostgreSQL, 4 serve processes", true, 4}};
  double rates[3] = {0, 0, 0};
  int status = 0;
  try {
    for (int r = 0; r < 3; ++r) {
      rates[r] = Measure(runs[r], per_kiosk, batch_size, hash);
      std::printf("%-32s %8.0f submissions/s  (%d kiosks x %d, batches of %d, %u cores)\n", runs[r].name, rates[r],
                  kKiosks, per_kiosk, batch_size, std::thread::hardware_concurrency());
      std::fflush(stdout);
    }
    std::printf("PostgreSQL with 4 processes / SQLite: %.2fx (aim >= 2x: %s)\n", rates[2] / rates[0],
                rates[2] >= 2 * rates[0] ? "met" : "NOT met");
  } catch (const std::exception& e) {
    std::cerr << "engine_bench: " << e.what() << "\n";
    status = 1;
  }
  testing::RunProgram(script, {"stop", state.path()}, &out);
  return status;
}
