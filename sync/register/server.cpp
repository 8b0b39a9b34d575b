#include "sync/register/server.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/date.h"
#include "core/reference.h"
#include "core/seal.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"
#include "sync/register/address_policy.h"
#include "sync/register/admission.h"
#include "sync/register/log_text.h"
#include "sync/register/shared_request_state.h"

namespace tellus::reg {

namespace {

constexpr const char* kJson = "application/json";

void Fail(HttpResponse& res, int status, const std::string& code, const std::string& detail) {
  res.status = status;
  res.set_content(proto::ErrorJson(code, detail), kJson);
}

std::string StatusCode(int status) {
  switch (status) {
    case 400: return "bad-request";
    case 404: return "not-found";
    case 405: return "method-not-allowed";
    case 413: return "body-too-large";
    case 429: return "too-many-requests";
    case 503: return "storage-unavailable";
    default: return status >= 500 ? "server-error" : "refused";
  }
}

std::string ReadPem(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().find("-----BEGIN") == std::string::npos) {
    throw std::invalid_argument(std::string(what) + " " + path + ": cannot read a PEM file there");
  }
  return text.str();
}

}  // namespace

std::string LogLine(const std::string& time, const HttpRequest& req, const HttpResponse& res) {
  std::string kiosk = req.get_header_value(proto::kHeaderKiosk);
  return time + " " + EscapeForLog(req.method, 16) + " " + EscapeForLog(req.path) + " -> " +
         std::to_string(res.status) + (kiosk.empty() ? "" : " (kiosk " + EscapeForLog(kiosk, 6) + ")") + "\n";
}

std::pair<std::string, int> ParseListen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    throw std::invalid_argument("--listen '" + text + "': expected ADDR:PORT, e.g. 127.0.0.1:8470");
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string port_text = text.substr(colon + 1);
  if (port_text.find_first_not_of("0123456789") != std::string::npos || port_text.size() > 5 ||
      std::stoi(port_text) > 65535) {
    throw std::invalid_argument("--listen '" + text + "': port must be a number from 0 to 65535");
  }
  return {host, std::stoi(port_text)};
}


std::unique_ptr<RateLimits> RegisterServer::Limits(const std::string& name, int limit, std::int64_t window_seconds) {
  if (storage_.SharesRequestState()) {
    return std::make_unique<SharedRateLimits>(storage_, storage_mutex_, name, limit, window_seconds);
  }
  return std::make_unique<RateLimiter>(limit, window_seconds);
}

bool RegisterServer::Fresh(int kiosk, const std::string& nonce, std::int64_t now) {
  if (!storage_.SharesRequestState()) return replays_.Remember(kiosk, nonce, now);
  std::lock_guard lock(storage_mutex_);
  return storage_.RememberNonce(kiosk, nonce, now, now - 2 * proto::kMaxClockSkewSeconds);
}

RegisterServer::RegisterServer(RegisterStorage& storage, const RegisterKeys& keys, PolicyBook& policies,
                               ServerOptions options)
    : storage_(storage),
      keys_(keys),
      options_(std::move(options)),
      workflow_(storage, policies),
      replays_(2 * proto::kMaxClockSkewSeconds),
      receipts_(Limits("failed-lookup-kiosk:", options_.failed_lookups_per_kiosk_per_minute, 60),
                Limits("failed-lookup-ref:", options_.failed_lookups_per_reference_per_hour, 3600)),
      submissions_(Limits("submitted:", options_.submissions_per_kiosk_per_hour, 3600)) {
  if (options_.cert_file.empty() != options_.key_file.empty()) {
    throw std::invalid_argument("--cert and --key go together");
  }
  if (options_.cert_file.empty() && !ResolvesToLoopbackOnly(options_.host)) {
    throw std::invalid_argument("listening on " + options_.host +
                                " needs TLS: give --cert and --key (plain HTTP is only allowed on an address that "
                                "resolves to loopback alone)");
  }
  HttpServerOptions http;
  http.host = options_.host;
  http.port = options_.port;
  http.limits = options_.limits;
  if (!options_.cert_file.empty()) {
    http.cert_pem = ReadPem(options_.cert_file, "--cert");
    http.key_pem = ReadPem(options_.key_file, "--key");
  }
  HttpCallbacks callbacks;
  callbacks.handle = [this](const HttpRequest& req) { return Handle(req); };
  callbacks.refuse = [](int status, const std::string& detail) {
    HttpResponse res;
    Fail(res, status, StatusCode(status), detail);
    return res;
  };
  if (options_.log) {
    // One line per request: never a body, never a reference or code (the body holds them).
    callbacks.log = [](const HttpRequest& req, const HttpResponse& res) {
      std::fputs(LogLine(IsoNow(), req, res).c_str(), stderr);
    };
  }
  http_ = std::make_unique<HttpServer>(std::move(http), std::move(callbacks));
}

RegisterServer::~RegisterServer() { http_->Stop(); }

int RegisterServer::Bind() { return http_->Start(); }

void RegisterServer::Run() {
  std::unique_lock lock(run_mutex_);
  run_wake_.wait(lock, [this] { return stop_; });
  lock.unlock();
  http_->Stop();
}

void RegisterServer::Stop() {
  {
    std::lock_guard lock(run_mutex_);
    stop_ = true;
  }
  run_wake_.notify_all();
}

void RegisterServer::EnableStaffPages(StaffStore& staff, StaffWebOptions options) {
  options.tls = !options_.cert_file.empty();
  staff_web_ = std::make_unique<StaffWeb>(storage_, storage_mutex_, workflow_, keys_, staff, std::move(options));
}

HttpResponse RegisterServer::Handle(const HttpRequest& req) {
  if (staff_web_ && (req.path == "/staff" || req.path.rfind("/staff/", 0) == 0)) return staff_web_->Handle(req);
  struct Route {
    const char* method;
    const char* path;
    HttpResponse (RegisterServer::*handler)(const HttpRequest&);
  };
  static constexpr Route kRoutes[] = {{"GET", "/v1/health", &RegisterServer::Health},
                                      {"POST", "/v1/submissions", &RegisterServer::Submit},
                                      {"POST", "/v1/status", &RegisterServer::Status},
                                      {"POST", "/v1/requests", &RegisterServer::Requests}};
  bool path_known = false;
  HttpResponse res;
  for (const Route& route : kRoutes) {
    if (req.path != route.path) continue;
    path_known = true;
    if (req.method != route.method) continue;
    try {
      return (this->*route.handler)(req);
    } catch (const StorageError& e) {
      // The database is unreachable or failed (a restart, a fail-over): not the request's fault.
      res.set_header("Retry-After", "30");
      Fail(res, 503, "storage-unavailable", std::string(e.what()) + "; nothing was stored; try again later");
      return res;
    }
  }
  if (path_known) {
    Fail(res, 405, StatusCode(405), "this path does not take " + EscapeForLog(req.method, 16));
  } else {
    Fail(res, 404, StatusCode(404), "no such path in the register API");
  }
  return res;
}

HttpResponse RegisterServer::Health(const HttpRequest&) {
  HttpResponse res;
  std::int64_t cases = 0;
  {
    std::lock_guard lock(storage_mutex_);
    cases = storage_.CaseCount();
  }
  res.set_content(nlohmann::json{{"status", "ok"}, {"api", proto::kApiVersion}, {"time", IsoNow()}, {"cases", cases}}
                      .dump(),
                  kJson);
  return res;
}

// Checks signature headers; on failure writes the 4xx and returns nullopt. An unknown kiosk,
// a revoked one and an enrolled one with the wrong key get the same 401 after the same work
// (a signature check against a stand-in key when there is no real one).
std::optional<KioskRecord> RegisterServer::Authenticate(const HttpRequest& req, HttpResponse& res) {
  proto::ReceivedHeaders h{req.get_header_value(proto::kHeaderKiosk), req.get_header_value(proto::kHeaderTimestamp),
                           req.get_header_value(proto::kHeaderNonce), req.get_header_value(proto::kHeaderSignature)};
  auto number = proto::ParseKioskNumber(h.kiosk);
  if (!number) {
    Fail(res, 401, proto::ToString(proto::Verdict::kMissingHeaders), "the request is not signed by a kiosk");
    return std::nullopt;
  }
  std::optional<KioskRecord> kiosk;
  {
    std::lock_guard lock(storage_mutex_);
    kiosk = storage_.FindKiosk(*number);
  }
  static const proto::PublicKey kStandIn = proto::NewSignKeyPair().public_key;
  const bool usable = kiosk && !kiosk->revoked_at;
  std::int64_t now = proto::UnixNow();
  proto::Verdict verdict =
      proto::VerifyRequest(h, usable ? kiosk->sign_public_key : kStandIn, req.method, req.path, req.body, now);
  if (!usable && verdict == proto::Verdict::kOk) verdict = proto::Verdict::kBadSignature;   // revoked, yet signed
  if (verdict == proto::Verdict::kOk && !Fresh(*number, h.nonce, now)) verdict = proto::Verdict::kReplay;
  if (verdict != proto::Verdict::kOk) {
    static const std::map<proto::Verdict, std::pair<int, std::string>> kWhy = {
        {proto::Verdict::kMissingHeaders, {400, "the signature headers are missing or malformed"}},
        {proto::Verdict::kBadSignature,
         {401, "this register does not accept this kiosk's signature: the kiosk is not enrolled here, was revoked, or "
               "signs with another key (see `tellus-register kiosks`)"}},
        {proto::Verdict::kStale, {401, "the timestamp is more than 5 minutes from the register's clock"}},
        {proto::Verdict::kReplay, {409, "this signed request was already received"}}};
    const auto& [status, detail] = kWhy.at(verdict);
    Fail(res, status, verdict == proto::Verdict::kBadSignature ? "kiosk-not-accepted" : proto::ToString(verdict),
         detail);
    return std::nullopt;
  }
  return kiosk;
}

void RegisterServer::SignReply(const HttpRequest& req, HttpResponse& res) {
  res.set_header(proto::kHeaderReplySignature,
                 proto::SignReply(keys_.sign.secret_key, req.get_header_value(proto::kHeaderNonce), res.body));
}

HttpResponse RegisterServer::Submit(const HttpRequest& req) {
  HttpResponse res;
  auto kiosk = Authenticate(req, res);
  if (!kiosk) return res;
  proto::SubmitBatch batch;
  try {
    batch = proto::SubmitBatchFromJson(req.body);
    std::string why = CheckAdmission(batch.items, *kiosk);
    if (!why.empty()) throw proto::ProtocolError(why);
  } catch (const proto::ProtocolError& e) {
    Fail(res, 400, "malformed-body", std::string(e.what()) + "; nothing was stored");
    SignReply(req, res);
    return res;
  }
  if (!submissions_->AllowN("kiosk:" + std::to_string(kiosk->number), static_cast<std::int64_t>(batch.items.size()),
                           proto::UnixNow())) {
    res.set_header("Retry-After", "600");
    Fail(res, 429, "too-many-requests",
         "this kiosk sent more than " + std::to_string(options_.submissions_per_kiosk_per_hour) +
             " items in the last hour; nothing of this batch was stored; the kiosk keeps them and tries later");
    SignReply(req, res);
    return res;
  }
  proto::SubmitAck ack;
  try {
    std::lock_guard lock(storage_mutex_);
    ack = StoreBatch(storage_, workflow_, *kiosk, batch, Via::kNetwork, keys_.box);
  } catch (const StorageError& e) {
    // Disk full, database busy: not the items' fault. The kiosk keeps them and retries the batch.
    res.set_header("Retry-After", "30");
    Fail(res, 503, "storage-unavailable", std::string(e.what()) + "; nothing was stored; try again later");
    SignReply(req, res);
    return res;
  }
  res.set_content(proto::ToJson(ack), kJson);
  SignReply(req, res);
  return res;
}

// Finds the case for a reference + tracking code, or writes the 4xx/429 and returns nullopt.
// A right code always opens its case; only wrong guesses are counted (receipt_gate.h), and
// "no such case" takes as long as "wrong code".
std::optional<CaseRecord> RegisterServer::FindCase(const KioskRecord& kiosk, const std::string& reference,
                                                   const std::string& code, HttpResponse& res) {
  ReceiptResult found = receipts_.Open(kiosk.number, reference, code, proto::UnixNow(), [this](const std::string& ref) {
    std::lock_guard lock(storage_mutex_);
    return storage_.FindCasesForReceipt(ref);
  });
  switch (found.verdict) {
    case ReceiptVerdict::kOpened: return found.record;
    case ReceiptVerdict::kMalformed:
      Fail(res, 400, "malformed-body", "the reference or tracking code is not in the right form");
      break;
    case ReceiptVerdict::kSlowDown:
      Fail(res, 429, "too-many-requests", "too many wrong tracking codes; try again later");
      break;
    case ReceiptVerdict::kNoMatch:
      // Same answer for "no such case" and "wrong code": a reference alone reveals nothing.
      Fail(res, 404, "not-found", "no case matches this reference and tracking code");
      break;
  }
  return std::nullopt;
}

HttpResponse RegisterServer::Status(const HttpRequest& req) {
  HttpResponse res;
  auto kiosk = Authenticate(req, res);
  if (!kiosk) return res;
  try {
    proto::StatusQuery q = proto::StatusQueryFromJson(req.body);
    if (auto found = FindCase(*kiosk, q.reference, q.tracking_code, res)) {
      std::lock_guard lock(storage_mutex_);
      res.set_content(proto::ToJson(workflow_.StatusOf(*found)), kJson);
    }
  } catch (const proto::ProtocolError& e) {
    Fail(res, 400, "malformed-body", e.what());
  }
  SignReply(req, res);
  return res;
}

HttpResponse RegisterServer::Requests(const HttpRequest& req) {
  HttpResponse res;
  auto kiosk = Authenticate(req, res);
  if (!kiosk) return res;
  try {
    proto::KioskRequest r = proto::KioskRequestFromJson(req.body);
    if (auto found = FindCase(*kiosk, r.reference, r.tracking_code, res)) {
      std::lock_guard lock(storage_mutex_);
      proto::RequestReply reply = workflow_.HandleRequest(r, *found, keys_.box.public_key);
      res.set_content(proto::ToJson(reply), kJson);
    }
  } catch (const proto::ProtocolError& e) {
    Fail(res, 400, "malformed-body", e.what());
  }
  SignReply(req, res);
  return res;
}

}  // namespace tellus::reg
