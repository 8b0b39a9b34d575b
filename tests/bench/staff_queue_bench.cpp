// Staff pages benchmark (a program, not a test): the server time of the queue page
// (GET /staff/, StaffWeb::Handle without a socket) with 10,000 open cases in a real
// SQLite register, for a manager (every case) and a handler (one service), and of the
// reports page over the same cases. Aim: queue <= 50 ms.
// Usage: staff_queue_bench [cases] [runs] [copy the register database here]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "../sync/register_process.h"
#include "sync/register/case_workflow.h"
#include "sync/register/sqlite_staff_store.h"
#include "sync/register/sqlite_storage.h"
#include "sync/register/staff_auth.h"
#include "sync/register/staff_web.h"

using namespace tellus;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
  double median_ms, p95_ms, worst_ms, cpu_median_ms;
  std::size_t bytes;
};

// This thread's CPU time: what the page costs, apart from other programs sharing the cores.
double CpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

Figures Time(reg::StaffWeb& web, const std::string& path, const std::string& cookie, int runs) {
  reg::HttpRequest req;
  req.method = "GET";
  req.path = path;
  req.peer = "127.0.0.1";
  req.headers = {{"Cookie", cookie}};
  std::vector<double> ms, cpu;
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    const double cpu_start = CpuMs();
    reg::HttpResponse res = web.Handle(req);
    cpu.push_back(CpuMs() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (res.status != 200) {
      std::cerr << path << ": status " << res.status << "\n";
      std::exit(1);
    }
    bytes = res.body.size();
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back(), cpu[cpu.size() / 2], bytes};
}

std::string SessionFor(reg::StaffStore& staff, const std::string& name, reg::StaffRole role,
                       const std::string& service) {
  reg::StaffAccount a;
  a.name = name;
  a.role = role;
  a.service = service;
  a.password_hash = reg::HashPassword("a bench password");
  a.created_at = reg::IsoNow();
  staff.AddStaff(a);
  const std::string token = reg::NewToken();
  const std::int64_t now = std::time(nullptr);
  staff.AddSession({reg::TokenHash(token), name, reg::NewToken(), now, now});
  return "tellus_staff=" + token;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 30;
  if (count <= 0 || runs <= 0) {
    std::cerr << "usage: staff_queue_bench [cases > 0] [runs > 0]\n";
    return 2;
  }
  InitSodium();
  const std::string hash = HashSecret("ABCDE-FGHJK");
  testing::RegisterFixture f;
  auto storage = reg::SqliteRegisterStorage::Open(f.db);
  reg::PolicyBook policies(std::string(TELLUS_SOURCE_DIR) + "/assets/policies",
                           std::string(TELLUS_SOURCE_DIR) + "/assets/holidays");
  reg::CaseWorkflow workflow(*storage, policies);
  const Policy seetec = LoadPolicy("seetec", std::string(TELLUS_SOURCE_DIR) + "/assets/policies");
  auto made_at = Clock::now();
  std::vector<reg::CaseRecord> batch;
  for (int i = 1; i <= count; ++i) {
    auto item = testing::MakeItem(f.identity, static_cast<std::uint64_t>(i), "seetec", &hash, reg::IsoNow());
    item.clear.service_id = seetec.services[static_cast<std::size_t>(i) % seetec.services.size()].id;
    item.clear.urgent = i % 97 == 0;
    item.clear.help_to_write = i % 53 == 0;
    batch.push_back(workflow.NewCase({item.clear, item.sealed, item.tracking_hash}, f.identity.kiosk_number, Via::kNetwork));
    if (batch.size() == 500 || i == count) {
      storage->Ingest(batch);
      batch.clear();
    }
  }
  std::printf("staff pages with %d open cases (%zu services), made in %.1f s\n", count, seetec.services.size(),
              std::chrono::duration<double>(Clock::now() - made_at).count());
  auto staff = reg::SqliteStaffStore::Open(f.db);
  const std::string manager = SessionFor(*staff, "mia", reg::StaffRole::kManager, "");
  const std::string handler = SessionFor(*staff, "hal", reg::StaffRole::kHandler, seetec.services[0].id);
  std::mutex storage_mutex;
  reg::RegisterKeys keys = reg::LoadRegisterKeys(reg::KeysPathFor(f.db));
  reg::StaffWeb web(*storage, storage_mutex, workflow, keys, *staff, reg::StaffWebOptions{});
  auto print = [&](const char* what, const Figures& x) {
    std::printf("  %-40s wall median %6.1f ms  p95 %6.1f ms  worst %6.1f ms; CPU median %6.1f ms  (%zu kB)\n", what,
                x.median_ms, x.p95_ms, x.worst_ms, x.cpu_median_ms, x.bytes / 1024);
  };
  {
    reg::CaseFilter open;
    open.open_only = true;
    auto start = Clock::now();
    const std::size_t n = storage->Cases(open).size();
    std::printf("  %-44s %7.1f ms (%zu cases)\n", "of which: reading the open cases (storage)",
                std::chrono::duration<double, std::milli>(Clock::now() - start).count(), n);
  }
  {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      auto start = Clock::now();
      storage->OpenQueue(reg::QueueQuery{});
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-44s median %7.1f ms\n", "of which: the queue query (storage)", ms[ms.size() / 2]);
  }
  double load[1] = {0};
  if (getloadavg(load, 1) == 1) std::printf("  (load average %.1f on %u cores while measuring)\n", load[0], std::thread::hardware_concurrency());
  print("queue, manager (all cases), page 1", Time(web, "/staff/", manager, runs));
  print("queue, handler (one service), page 1", Time(web, "/staff/", handler, runs));
  print("reports, manager (last 365 days)", Time(web, "/staff/reports", manager, std::max(3, runs / 5)));
  std::printf("aim: queue <= 50 ms\n");
  if (argc > 3) std::filesystem::copy_file(f.db, argv[3], std::filesystem::copy_options::overwrite_existing);
  return 0;
}
