// tellus-fault-kit: the fault suite's (fault_suite.py) way to make outbox items as a kiosk
// does (sealed to the register, tracking code hashed), many at a time: one Argon2 hash is
// shared by every item, since the suite never looks a case up by its code.
//   tellus-fault-kit fill IDENTITY OUTBOX FIRST COUNT   enqueue sequences FIRST..FIRST+COUNT-1
#include <cstdio>
#include <string>

#include "core/kiosk_identity.h"
#include "core/seal.h"
#include "core/store.h"
#include "register_process.h"

int main(int argc, char** argv) {
  using namespace tellus;
  if (argc != 6 || std::string(argv[1]) != "fill") {
    std::fprintf(stderr, "usage: tellus-fault-kit fill IDENTITY OUTBOX FIRST COUNT\n");
    return 2;
  }
  try {
    KioskIdentity id = LoadKioskIdentity(argv[2]);
    Store store = Store::Open(argv[3]);
    const std::uint64_t first = std::stoull(argv[4]);
    const std::uint64_t count = std::stoull(argv[5]);
    const std::string hash = HashSecret(*NormaliseTrackingCode(NewTrackingCode()));
    for (std::uint64_t seq = first; seq < first + count; ++seq) {
      testing::MadeItem item = testing::MakeItem(id, seq, "seetec", &hash);
      store.Enqueue(item.clear, item.sealed, item.tracking_hash);
    }
    std::printf("%llu\n", static_cast<unsigned long long>(count));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tellus-fault-kit: %s\n", e.what());
    return 1;
  }
  return 0;
}
