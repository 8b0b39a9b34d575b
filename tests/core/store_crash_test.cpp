// A writer killed with SIGKILL mid-stream loses nothing it acknowledged: each
// Enqueue that returned is in the store when it is opened again.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "core/store.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

std::string Uuid(std::uint32_t i) { return "crash-" + std::to_string(i); }

// Child: enqueue rows from `first` on, and after each Enqueue returns write how many
// rows are now acknowledged to the pipe. Never returns.
[[noreturn]] void Writer(const std::string& path, std::uint32_t first, int ack_fd) {
  try {
    Store store = Store::Open(path);
    for (std::uint32_t i = first;; ++i) {
      ClearPart clear;
      clear.uuid = Uuid(i);
      clear.policy_id = "seetec";
      clear.submitted_at = "2026-11-22T10:15:00Z";
      store.Enqueue(clear, std::vector<unsigned char>(200, static_cast<unsigned char>(i)), "hash");
      std::uint32_t acknowledged = i + 1;
      if (write(ack_fd, &acknowledged, sizeof acknowledged) != sizeof acknowledged) _exit(3);
    }
  } catch (...) {
    _exit(2);
  }
}

// Reads acknowledgements until `until` have arrived, kills the writer after a random
// short delay, then drains the pipe; returns the highest acknowledged count.
std::uint32_t KillAfter(pid_t child, int ack_fd, std::uint32_t until, std::mt19937& rng) {
  std::uint32_t acknowledged = 0;
  std::uint32_t value = 0;
  bool killed = false;
  for (;;) {
    ssize_t got = read(ack_fd, &value, sizeof value);
    if (got == 0) break;  // every write end closed: the child is gone
    if (got < 0 && errno == EINTR) continue;
    if (got != sizeof value) {
      ADD_FAILURE() << "short read from the writer's pipe";
      break;
    }
    acknowledged = value;
    if (!killed && acknowledged >= until) {
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
      kill(child, SIGKILL);
      killed = true;
    }
  }
  if (!killed) kill(child, SIGKILL);  // never leave a writer behind
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer should die by SIGKILL, status " << status;
  return acknowledged;
}

TEST(StoreCrash, KilledWriterLosesNoAcknowledgedRow) {
  std::string pattern = (fs::temp_directory_path() / "tellus-crash-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path dir = pattern;
  const std::string path = (dir / "outbox.db").string();
  { Store::Open(path); }  // created before the first kill, so every round starts from a valid file

  std::mt19937 rng(std::random_device{}());
  std::uint32_t acknowledged = 0;
  for (int round = 0; round < 3; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      Writer(path, acknowledged, fds[1]);
    }
    close(fds[1]);
    std::uint32_t before = acknowledged;
    acknowledged = KillAfter(child, fds[0], before + 30 + rng() % 30, rng);
    close(fds[0]);
    ASSERT_GT(acknowledged, before) << "round " << round;

    Store store = Store::Open(path);
    std::set<std::string> present;
    for (const OutboxItem& item : store.Pending(1 << 20)) present.insert(item.clear.uuid);
    for (std::uint32_t i = 0; i < acknowledged; ++i) {
      ASSERT_TRUE(present.count(Uuid(i))) << "acknowledged row " << i << " lost in round " << round;
    }
    // At most the one row whose acknowledgement the kill cut off may also be there.
    EXPECT_LE(present.size(), acknowledged + 1u);
    if (present.size() == acknowledged + 1u) {
      EXPECT_TRUE(present.count(Uuid(acknowledged)));
      acknowledged += 1;  // committed, so the next writer starts after it
    }
    EXPECT_EQ(store.PendingCount(), static_cast<std::int64_t>(present.size()));
  }
  fs::remove_all(dir);
}

// Killed at any moment from creating the file onwards (mid-migration included), the
// store opens again, fully migrated, with every acknowledged row.
TEST(StoreCrash, KilledDuringCreationStillOpens) {
  std::string pattern = (fs::temp_directory_path() / "tellus-crash-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path dir = pattern;
  std::mt19937 rng(std::random_device{}());
  for (int round = 0; round < 8; ++round) {
    const std::string path = (dir / ("outbox-" + std::to_string(round) + ".db")).string();
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      Writer(path, 0, fds[1]);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 8000));
    kill(child, SIGKILL);
    std::uint32_t acknowledged = 0;
    std::uint32_t value = 0;
    while (read(fds[0], &value, sizeof value) == sizeof value) acknowledged = value;
    close(fds[0]);
    waitpid(child, nullptr, 0);

    Store store = Store::Open(path);
    EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
    EXPECT_GE(store.PendingCount(), static_cast<std::int64_t>(acknowledged)) << "round " << round;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tellus
