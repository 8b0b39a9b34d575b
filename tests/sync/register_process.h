#pragma once
// Test helper: runs the real tellus-register binary. Makes a register in a temp
// folder, enrols kiosks, starts `serve --listen 127.0.0.1:0`, reads the chosen
// port from its stdout (with a timeout: a test never hangs), and stops it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/kiosk_identity.h"
#include "core/model.h"
#include "core/policy.h"
#include "core/reference.h"
#include "core/seal.h"
#include "core/store.h"

namespace tellus::testing {

inline std::string RegisterBinary() { return std::string(TELLUS_BINARY_DIR) + "/sync/tellus-register"; }

// Single-quotes an argument for /bin/sh.
inline std::string ShellQuote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs a program to completion; returns its exit code. With `errors`, stderr is kept
// apart in it; without, stderr is mixed into `output`.
inline int RunProgram(const std::string& binary, const std::vector<std::string>& args, std::string* output,
                      std::string* errors = nullptr) {
  std::string command = ShellQuote(binary);
  for (const auto& a : args) {
    command += ' ';                                // appended apart: GCC 12 -Wrestrict misreads " " + string
    command += ShellQuote(a);
  }
  std::string err_path;
  if (errors) {
    char pattern[] = "/tmp/tellus-stderr-XXXXXX";
    int fd = ::mkstemp(pattern);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    ::close(fd);
    err_path = pattern;
    command += " 2>" + ShellQuote(err_path);
  } else {
    command += " 2>&1";
  }
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed");
  std::string text;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  int status = ::pclose(pipe);
  if (output) *output = text;
  if (errors) {
    errors->clear();
    if (FILE* f = std::fopen(err_path.c_str(), "r")) {
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) errors->append(buf, n);
      std::fclose(f);
    }
    std::remove(err_path.c_str());
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A fresh random UUID (v4), as the kiosk gives each request.
inline std::string NewRequestUuid() {
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  std::string h = hex;
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-8" + h.substr(17, 3) + "-" + h.substr(20, 12);
}

// Runs tellus-register to completion; returns its exit code, stdout+stderr in `output`.
inline int RunRegister(const std::vector<std::string>& args, std::string* output = nullptr) {
  return RunProgram(RegisterBinary(), args, output);
}

class TempDir {
 public:
  // `parent`: where to make it (default the system's temporary folder).
  explicit TempDir(const std::string& parent = std::filesystem::temp_directory_path().string()) {
    std::string pattern = parent + "/tellus-sync-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    for (auto& cleanup : cleanups_) cleanup();
    std::filesystem::remove_all(path_);
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }
  void OnCleanup(std::function<void()> cleanup) { cleanups_.push_back(std::move(cleanup)); }   // before removal

 private:
  std::string path_;
  std::vector<std::function<void()>> cleanups_;
};

// The register suite runs twice (tests/CMakeLists.txt): on SQLite files, and again with
// TELLUS_TEST_POSTGRES naming the state folder of a throwaway PostgreSQL cluster
// (tests/sync/pg_cluster.sh, started by a ctest fixture) and a fresh database per register.
inline std::string PostgresTestState() {
  const char* state = std::getenv("TELLUS_TEST_POSTGRES");
  return state ? state : "";
}
inline bool OnPostgres() { return !PostgresTestState().empty(); }

// A line the cluster script wrote (url, psql); throws when it is missing: never a silent SQLite run.
inline std::string PostgresTestFile(const std::string& name) {
  std::string path = PostgresTestState() + "/" + name, line;
  FILE* f = std::fopen(path.c_str(), "r");
  if (!f) throw std::runtime_error("TELLUS_TEST_POSTGRES is set but " + path + " is missing: the throwaway cluster did not start (see postgres_cluster_start's log)");
  char buf[512];
  if (std::fgets(buf, sizeof buf, f)) line = buf;
  std::fclose(f);
  while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
  return line;
}

// Runs SQL on the throwaway cluster's maintenance database (or `database`), with psql.
inline std::string PostgresSql(const std::string& sql, const std::string& database = "postgres") {
  std::string url = PostgresTestFile("url");
  url = url.substr(0, url.rfind('/') + 1) + database;
  std::string out;
  std::vector<std::string> args = {"-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql};
  if (RunProgram(PostgresTestFile("psql"), args, &out) != 0) throw std::runtime_error("psql: " + sql + ": " + out);
  return out;
}

// A new register's --db: on SQLite the file `dir/name`; on PostgreSQL a fresh database,
// dropped with `dir`, whose keys file is `dir/name.keys` (TELLUS_REGISTER_KEYS, inherited
// by every tellus-register the test runs from now on).
inline std::string NewRegisterDb(TempDir& dir, const std::string& name = "register.db") {
  if (!OnPostgres()) return dir / name;
  unsigned char raw[8];
  randombytes_buf(raw, sizeof raw);
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  std::string database = std::string("tellus_") + hex;
  PostgresSql("CREATE DATABASE " + database);
  dir.OnCleanup([database] {
    try {
      PostgresSql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (const std::exception&) {
      // the cluster goes at the end of the run anyway
    }
  });
  ::setenv("TELLUS_REGISTER_KEYS", (dir / (name + ".keys")).c_str(), 1);
  std::string url = PostgresTestFile("url");
  return url.substr(0, url.rfind('/') + 1) + database;
}

class RegisterProcess {
 public:
  explicit RegisterProcess(std::string db, std::vector<std::string> extra_args = {})
      : db_(std::move(db)), extra_(std::move(extra_args)) {}
  ~RegisterProcess() { Stop(); }

  // Starts serving; port 0 picks a free one. Returns the port, or throws after 10 s.
  int Start(int port = 0, const std::string& host = "127.0.0.1") {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    std::string listen = host + ":" + std::to_string(port);
    std::vector<std::string> args = {binary_name_, "serve", "--db", db_, "--listen", listen};
    args.insert(args.end(), extra_.begin(), extra_.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string binary = RegisterBinary();
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      int errors = log_file_.empty() ? ::open("/dev/null", O_WRONLY)
                                     : ::open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      ::dup2(errors, 2);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (line.find('\n') == std::string::npos) {
      pollfd fd{out[0], POLLIN, 0};
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || ::poll(&fd, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[64];
      ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    if (line.find('\n') == std::string::npos) {
      Kill();
      throw std::runtime_error("tellus-register serve did not print its port");
    }
    port_ = std::stoi(line);
    return port_;
  }

  void Stop() {   // SIGTERM, then SIGKILL after 5 s
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    Kill();
  }

  void Kill() {   // as a crash would
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  void LogTo(std::string path) { log_file_ = std::move(path); }   // stderr (the request log) to a file
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  std::string db_;
  std::vector<std::string> extra_;
  std::string binary_name_ = "tellus-register";
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_file_;
};

// A register in a temp folder with one enrolled kiosk (policy `policy`).
struct RegisterFixture {
  explicit RegisterFixture(const std::string& policy = "seetec") {
    db = NewRegisterDb(dir);
    std::string out;
    if (RunRegister({"init", "--db", db}, &out) != 0) throw std::runtime_error("init failed: " + out);
    identity_path = dir / "kiosk.json";
    if (RunRegister({"enroll-kiosk", "--db", db, "--name", "Test kiosk", "--policy", policy, "--out", identity_path},
                    &out) != 0) {
      throw std::runtime_error("enroll-kiosk failed: " + out);
    }
    identity = LoadKioskIdentity(identity_path);
  }
  // Points the identity at the running server.
  void UseServer(const RegisterProcess& server) { identity.register_url = server.url(); }

  TempDir dir;
  std::string db, identity_path;
  KioskIdentity identity;
};

// One outbox item made as the kiosk would: sealed personal part, hashed tracking code.
struct MadeItem {
  ClearPart clear;
  std::vector<unsigned char> sealed;
  std::string tracking_code;
  std::string tracking_hash;
};

inline MadeItem MakeItem(const KioskIdentity& id, std::uint64_t sequence, const std::string& policy = "seetec",
                         const std::string* shared_hash = nullptr, const std::string& submitted_at = "") {
  MadeItem item;
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  raw[6] = (raw[6] & 0x0f) | 0x40;
  raw[8] = (raw[8] & 0x3f) | 0x80;
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  std::string h = hex;
  item.clear.uuid = h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
                    h.substr(20, 12);
  item.clear.kind = Kind::kComplaint;
  item.clear.policy_id = policy;
  item.clear.service_id = "restart";
  item.clear.categories = {"staff"};
  std::string prefix = "TS";
  // A seed policy: its own prefix, first service and category, as its kiosk would send
  // (read once per policy: tests make tens of thousands of items).
  static std::mutex mutex;
  static std::map<std::string, std::optional<Policy>> seeds;
  std::optional<Policy> seed;
  {
    std::lock_guard lock(mutex);
    auto found = seeds.find(policy);
    if (found == seeds.end()) {
      std::optional<Policy> loaded;
      try {
        loaded = LoadPolicy(policy, std::string(TELLUS_SOURCE_DIR) + "/assets/policies");
      } catch (const std::exception&) {
      }
      found = seeds.emplace(policy, std::move(loaded)).first;
    }
    seed = found->second;
  }
  if (seed) {
    prefix = seed->reference_prefix;
    item.clear.service_id = seed->services.empty() ? "" : seed->services.front().id;
    item.clear.categories = {seed->categories.empty() ? "staff" : seed->categories.front().id};
  }
  item.clear.submitted_at = submitted_at.empty() ? "2026-11-23T10:00:00Z" : submitted_at;
  item.clear.anonymous = true;
  item.clear.reference = FormatReference({prefix, static_cast<std::uint32_t>(id.kiosk_number), sequence});
  item.clear.language = "en-GB";
  PersonalPart personal;
  personal.what_happened = "Secret words number " + std::to_string(sequence);
  item.sealed = SealPersonal(personal, id.register_box_public_key);
  item.tracking_code = NewTrackingCode();
  item.tracking_hash = shared_hash ? *shared_hash : HashSecret(*NormaliseTrackingCode(item.tracking_code));
  return item;
}

}  // namespace tellus::testing
