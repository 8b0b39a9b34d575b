// Issue 13 item 9: the kiosk's outbox at rest. The database and its -wal and -shm files
// are readable by the kiosk's user only, and once the register has acknowledged items,
// nothing of them (reference, times, categories, tracking-code hash) stays in any file.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/store.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

struct Dir {
  Dir() {
    std::string pattern = (fs::temp_directory_path() / "tellus-rest-XXXXXX").string();
    EXPECT_NE(mkdtemp(pattern.data()), nullptr);
    path = pattern;
  }
  ~Dir() { fs::remove_all(path); }
  fs::path path;
};

unsigned Mode(const fs::path& p) {
  struct stat st{};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

std::string Bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ClearPart Clear(int i) {
  ClearPart c;
  c.uuid = "00000000-0000-4000-8000-00000000000" + std::to_string(i);
  c.policy_id = "seetec";
  c.categories = {"conduct-marker"};
  c.submitted_at = "2026-11-20T10:11:12Z";
  c.reference = "SG-REF" + std::to_string(i) + "-MARKER";
  return c;
}

TEST(OutboxAtRest, TheDatabaseAndItsWalAndShmAreForTheKioskUserOnly) {
  Dir dir;
  mode_t old = ::umask(022);
  fs::path db = dir.path / "outbox.db";
  {
    Store store = Store::Open(db.string());
    store.Enqueue(Clear(1), std::vector<unsigned char>(60, 1), "$argon2id$HASH-MARKER-1");
    EXPECT_EQ(Mode(db), 0600u);
    EXPECT_EQ(Mode(db.string() + "-wal"), 0600u);
    EXPECT_EQ(Mode(db.string() + "-shm"), 0600u);
  }
  // An outbox made by an older version at 0644 is tightened when it is opened.
  ::chmod(db.c_str(), 0644);
  { Store store = Store::Open(db.string()); store.PendingCount(); }
  EXPECT_EQ(Mode(db), 0600u);
  ::umask(old);
}

TEST(OutboxAtRest, NothingOfAnAcknowledgedItemStaysInAnyFile) {
  Dir dir;
  fs::path db = dir.path / "outbox.db";
  Store store = Store::Open(db.string());
  std::vector<std::string> uuids;
  for (int i = 1; i <= 3; ++i) {
    store.Enqueue(Clear(i), std::vector<unsigned char>(60, static_cast<unsigned char>(i)),
                  "$argon2id$HASH-MARKER-" + std::to_string(i));
    uuids.push_back(Clear(i).uuid);
  }
  ASSERT_EQ(store.MarkSentMany(uuids), 3);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::path file = db.string() + suffix;
    if (!fs::exists(file)) continue;
    std::string bytes = Bytes(file);
    for (const char* marker : {"MARKER", "conduct-marker", "10:11:12", "00000000-0000-4000"}) {
      EXPECT_EQ(bytes.find(marker), std::string::npos) << marker << " is still in outbox.db" << suffix;
    }
  }
  EXPECT_EQ(fs::file_size(db.string() + "-wal"), 0u) << "the WAL is checkpointed and truncated";
}

}  // namespace
}  // namespace tellus
