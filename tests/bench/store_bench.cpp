// Store benchmark (a program, not a test): what a kiosk pays at "Send" — seal the
// personal part, hash the tracking code, take a sequence number, commit durably —
// and what the uploader pays to read and clear the outbox. Run it on the kiosk's
// own disk: fsync cost is a property of the device.
//   store_bench [DIRECTORY] [COUNT]      (default: the temp directory, 300)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/reference.h"
#include "core/seal.h"
#include "core/store.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename Step>
void Time(const char* what, int count, Step step) {
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    auto start = Clock::now();
    step(i);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) { return micros[static_cast<std::size_t>(q * (micros.size() - 1))]; };
  std::printf("%-34s n=%6d  p50 %10.1f us  p99 %10.1f us  max %10.1f us\n", what, count, at(0.5), at(0.99),
              micros.back());
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace tellus;
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path();
  int count = argc > 2 ? std::atoi(argv[2]) : 300;
  if (count < 10) count = 10;
  fs::path path = dir / "tellus-store-bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);

  try {
    Store store = Store::Open(path.string());
    BoxKeyPair keys = NewBoxKeyPair();
    PersonalPart part;
    part.person.anonymous = false;
    part.person.name = "Zebedee Quartermaine-Plunkett";
    part.what_happened = std::string(2000, 'x');  // a long account
    std::vector<unsigned char> sealed = SealPersonal(part, keys.public_key);

    Time("SealPersonal (2 KB story)", count, [&](int) { SealPersonal(part, keys.public_key); });
    Time("OpenPersonal (2 KB story)", count, [&](int) { OpenPersonal(sealed, keys); });
    Time("HashSecret (Argon2id interactive)", 5, [&](int) { HashSecret("7D2K9-QX4MB"); });
    Time("NextSequence (durable)", count, [&](int) { store.NextSequence(); });
    Time("Enqueue (durable)", count, [&](int i) {
      ClearPart clear;
      clear.uuid = "bench-" + std::to_string(i);
      clear.reference = FormatReference({"SG", 1, static_cast<std::uint64_t>(i + 1)});
      store.Enqueue(clear, sealed, "$argon2id$placeholder");
    });
    Time("Pending(50)", count, [&](int) { store.Pending(50); });
    Time("RecordAttempt (durable)", count, [&](int i) { store.RecordAttempt("bench-" + std::to_string(i), "x"); });
    Time("MarkSent (durable)", count, [&](int i) { store.MarkSent("bench-" + std::to_string(i)); });
    Time("FormatReference + ParseReference", 10000, [&](int i) {
      ParseReference(FormatReference({"SG", 77, static_cast<std::uint64_t>(i + 1)}));
    });
    Time("NewTrackingCode", 10000, [&](int) { NewTrackingCode(); });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_bench: %s\n", e.what());
    return 1;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return 0;
}
