// Register benchmark (a program, not a test): ingest rate of the real
// `tellus-register serve` over loopback (batched, durable: WAL + synchronous=FULL),
// and the time the kiosk's sync client takes to drain a 10,000-item outbox.
// Aims: >= 2,000 submissions/s; <= 10 s for 10,000 items.
// Usage: register_bench [items] [batch]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "../sync/register_process.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"
#include "sync/register/open_storage.h"

using namespace tellus;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

}  // namespace

int main(int argc, char** argv) {
  const int items = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int batch_size = argc > 2 ? std::atoi(argv[2]) : 200;
  if (items <= 0 || batch_size <= 0 || batch_size > static_cast<int>(proto::kMaxBatchItems)) {
    std::cerr << "usage: register_bench [items > 0] [batch 1..1000]\n";
    return 2;
  }
  InitSodium();
  std::string hash = HashSecret("ABCDE-FGHJK");   // one Argon2id hash reused: hashing is the kiosk's cost at Send

  // 1. Ingest: signed batches straight from memory to the register.
  double ingest_rate = 0;
  {
    testing::RegisterFixture f;
    testing::RegisterProcess server(f.db, {"--submissions-per-kiosk-per-hour", "100000000"});   // one kiosk, a long backlog
    server.Start();
    f.UseServer(server);
    std::vector<proto::SubmitItem> all;
    all.reserve(static_cast<std::size_t>(items));
    for (int i = 1; i <= items; ++i) {
      auto made = testing::MakeItem(f.identity, static_cast<std::uint64_t>(i), "seetec", &hash);
      all.push_back({made.clear, made.sealed, made.tracking_hash});
    }
    sync::RegisterClient client(f.identity);
    auto start = Clock::now();
    std::size_t acknowledged = 0;
    for (std::size_t at = 0; at < all.size(); at += static_cast<std::size_t>(batch_size)) {
      proto::SubmitBatch batch;
      batch.items.assign(all.begin() + static_cast<long>(at),
                         all.begin() + static_cast<long>(std::min(all.size(), at + static_cast<std::size_t>(batch_size))));
      acknowledged += client.Submit(batch).accepted.size();
    }
    double secs = Seconds(start);
    ingest_rate = static_cast<double>(acknowledged) / secs;
    server.Stop();
    std::int64_t stored = reg::OpenRegisterStorage(f.db)->CaseCount();
    std::printf("register ingest: %zu submissions in batches of %d in %.2f s = %.0f submissions/s (stored: %lld)\n",
                acknowledged, batch_size, secs, ingest_rate, static_cast<long long>(stored));
    if (stored != items) {
      std::fprintf(stderr, "FAILED: register holds %lld of %d\n", static_cast<long long>(stored), items);
      return 1;
    }
  }

  // 2. Drain: a full kiosk outbox through the real sync client.
  double drain_secs = 0;
  {
    testing::RegisterFixture f;
    testing::RegisterProcess server(f.db, {"--submissions-per-kiosk-per-hour", "100000000"});   // one kiosk, a long backlog
    server.Start();
    f.UseServer(server);
    std::string store_path = f.dir / "kiosk.db";
    Store store = Store::Open(store_path);
    auto fill = Clock::now();
    for (int i = 1; i <= items; ++i) {
      auto made = testing::MakeItem(f.identity, static_cast<std::uint64_t>(i), "seetec", &hash);
      store.Enqueue(made.clear, made.sealed, made.tracking_hash);
    }
    std::printf("outbox filled: %d durable enqueues in %.2f s (setup, not timed below)\n", items, Seconds(fill));
    sync::SyncOptions options;
    options.batch_size = batch_size;
    sync::SyncClient client(f.identity, store_path, options);
    auto start = Clock::now();
    sync::DrainResult result = client.DrainAll(store);
    drain_secs = Seconds(start);
    server.Stop();
    std::printf("outbox drain: %lld items acknowledged and removed in %.2f s (%.0f items/s)%s\n",
                static_cast<long long>(result.acknowledged), drain_secs, static_cast<double>(result.acknowledged) / drain_secs,
                result.failed ? (" FAILED: " + result.error).c_str() : "");
    if (result.acknowledged != items || store.PendingCount() != 0) {
      std::fprintf(stderr, "FAILED: %lld still waiting\n", static_cast<long long>(store.PendingCount()));
      return 1;
    }
  }
  std::printf("aims: ingest >= 2000/s: %s; drain of %d <= 10 s: %s\n", ingest_rate >= 2000 ? "met" : "NOT met", items,
              drain_secs <= 10 ? "met" : "NOT met");
  return 0;
}
