#pragma once
// The register's HTTP API (/v1, see sync/protocol/messages.h) on cpp-httplib.
// Plain HTTP only on a loopback address; anything else needs a certificate and key.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "sync/protocol/replay_cache.h"
#include "sync/register/case_workflow.h"
#include "sync/register/rate_limiter.h"
#include "sync/register/receipt_gate.h"
#include "sync/register/register_keys.h"
#include "sync/register/storage.h"

namespace httplib {
class Server;
}

namespace tellus::reg {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8470;                                 // 0: any free port
  std::string cert_file, key_file;                 // TLS; required off loopback
  int failed_lookups_per_kiosk_per_minute = 60;   // wrong tracking codes (receipt_gate.h); right ones always open
  int failed_lookups_per_reference_per_hour = 20;
  int submissions_per_kiosk_per_hour = 600;        // items; past it 429, and the kiosk keeps them and retries
  bool log = true;                                 // one line per request on stderr
};

bool IsLoopback(const std::string& host);
// Parses "ADDR:PORT" ("127.0.0.1:0", "[::1]:8470"); throws std::invalid_argument naming the text.
std::pair<std::string, int> ParseListen(const std::string& text);

class RegisterServer {
 public:
  RegisterServer(RegisterStorage& storage, const RegisterKeys& keys, PolicyBook& policies, ServerOptions options);
  ~RegisterServer();
  int Bind();                                      // binds and returns the port; throws std::runtime_error
  void Run();                                      // serves until Stop()
  void Stop();

 private:
  void Routes();
  RegisterStorage& storage_;
  const RegisterKeys& keys_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::mutex storage_mutex_;                       // one SQLite connection, many server threads
  CaseWorkflow workflow_;
  proto::ReplayCache replays_;
  ReceiptGate receipts_;
  RateLimiter submissions_;
};

}  // namespace tellus::reg
