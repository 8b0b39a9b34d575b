#pragma once
// The register's HTTP API (/v1, see sync/protocol/messages.h): one named handler per
// endpoint, each taking a plain HttpRequest and returning an HttpResponse (http_message.h),
// so they run without a socket in tests; the transport is HttpServer (http_server.h,
// libmicrohttpd). Plain HTTP only on an address that resolves to loopback alone;
// anything else needs a certificate and key. With a storage that several processes share
// (PostgreSQL) the replay cache and rate limits live in it (shared_request_state.h);
// otherwise in this process's memory.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "sync/protocol/replay_cache.h"
#include "sync/protocol/signing.h"
#include "sync/register/case_workflow.h"
#include "sync/register/http_message.h"
#include "sync/register/http_server.h"
#include "sync/register/rate_limiter.h"
#include "sync/register/receipt_gate.h"
#include "sync/register/staff_web.h"
#include "sync/register/register_keys.h"
#include "sync/register/storage.h"

namespace tellus::reg {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8470;                                 // 0: any free port
  std::string cert_file, key_file;                 // TLS; required off loopback
  int failed_lookups_per_kiosk_per_minute = 60;   // wrong tracking codes (receipt_gate.h); right ones always open
  int failed_lookups_per_reference_per_hour = 20;
  int submissions_per_kiosk_per_hour = 600;        // items; past it 429, and the kiosk keeps them and retries
  bool log = true;                                 // one line per request on stderr
  HttpLimits limits{.max_body_bytes = proto::kMaxBodyBytes};   // connections, time and body size (http_server.h)
};

// Parses "ADDR:PORT" ("127.0.0.1:0", "[::1]:8470"); throws std::invalid_argument naming the text.
std::pair<std::string, int> ParseListen(const std::string& text);

// The log line for one request: time, method, path, status, kiosk header; the path and the
// header escaped (log_text.h), never a body, a reference or a code.
std::string LogLine(const std::string& time, const HttpRequest& req, const HttpResponse& res);

class RegisterServer {
 public:
  RegisterServer(RegisterStorage& storage, const RegisterKeys& keys, PolicyBook& policies, ServerOptions options);
  ~RegisterServer();
  int Bind();                                      // starts serving and returns the port; throws std::runtime_error
  void Run();                                      // waits until Stop()
  void Stop();
  // Serves the staff pages (staff_web.h) under /staff/ on the same listener; call before Bind.
  void EnableStaffPages(StaffStore& staff, StaffWebOptions options);

  // The API without a socket: routes by method and path (404, 405) to the handlers below.
  HttpResponse Handle(const HttpRequest& req);
  HttpResponse Health(const HttpRequest& req);     // GET  /v1/health
  HttpResponse Submit(const HttpRequest& req);     // POST /v1/submissions
  HttpResponse Status(const HttpRequest& req);     // POST /v1/status
  HttpResponse Requests(const HttpRequest& req);   // POST /v1/requests

 private:
  std::optional<KioskRecord> Authenticate(const HttpRequest& req, HttpResponse& res);
  void SignReply(const HttpRequest& req, HttpResponse& res);
  std::optional<CaseRecord> FindCase(const KioskRecord& kiosk, const std::string& reference, const std::string& code,
                                     HttpResponse& res);
  RegisterStorage& storage_;
  const RegisterKeys& keys_;
  ServerOptions options_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<RateLimits> Limits(const std::string& name, int limit, std::int64_t window_seconds);
  bool Fresh(int kiosk, const std::string& nonce, std::int64_t now);   // the replay cache: false for a replay
  std::mutex storage_mutex_;                       // one database connection, many server threads
  CaseWorkflow workflow_;
  proto::ReplayCache replays_;                     // unless the storage shares request state (PostgreSQL)
  ReceiptGate receipts_;
  std::unique_ptr<RateLimits> submissions_;
  std::unique_ptr<StaffWeb> staff_web_;
  std::mutex run_mutex_;
  std::condition_variable run_wake_;
  bool stop_ = false;
};

}  // namespace tellus::reg
