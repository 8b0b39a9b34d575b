#include "sync/register/server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>

#include "core/date.h"
#include "core/reference.h"
#include "core/seal.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"
#include "sync/register/admission.h"

namespace tellus::reg {

namespace {

constexpr const char* kJson = "application/json";

void Fail(httplib::Response& res, int status, const std::string& code, const std::string& detail) {
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

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
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

RegisterServer::RegisterServer(RegisterStorage& storage, const RegisterKeys& keys, PolicyBook& policies,
                               ServerOptions options)
    : storage_(storage),
      keys_(keys),
      options_(std::move(options)),
      workflow_(storage, policies),
      replays_(2 * proto::kMaxClockSkewSeconds),
      receipts_(options_.failed_lookups_per_kiosk_per_minute, options_.failed_lookups_per_reference_per_hour),
      submissions_(options_.submissions_per_kiosk_per_hour, 3600) {
  if (!IsLoopback(options_.host) && (options_.cert_file.empty() || options_.key_file.empty())) {
    throw std::invalid_argument("listening on " + options_.host +
                                " needs TLS: give --cert and --key (plain HTTP is only allowed on loopback)");
  }
  if (!options_.cert_file.empty() || !options_.key_file.empty()) {
    if (options_.cert_file.empty() || options_.key_file.empty()) {
      throw std::invalid_argument("--cert and --key go together");
    }
    auto ssl = std::make_unique<httplib::SSLServer>(options_.cert_file.c_str(), options_.key_file.c_str());
    if (!ssl->is_valid()) {
      throw std::runtime_error("cannot use certificate " + options_.cert_file + " with key " + options_.key_file);
    }
    http_ = std::move(ssl);
  } else {
    http_ = std::make_unique<httplib::Server>();
  }
  http_->set_payload_max_length(proto::kMaxBodyBytes);
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);
  http_->set_keep_alive_timeout(2);   // kiosks send batches back to back; a short idle keeps Stop quick
  Routes();
}

RegisterServer::~RegisterServer() = default;

int RegisterServer::Bind() {
  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.host);
  } else if (!http_->bind_to_port(options_.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                             " (address in use or not available)");
  }
  return port;
}

void RegisterServer::Run() { http_->listen_after_bind(); }

void RegisterServer::Stop() { http_->stop(); }

void RegisterServer::Routes() {
  // Fills in a JSON reason for errors httplib raises itself (413, 404, 400).
  http_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      std::string detail = res.status == 413 ? "the body is larger than 4 MB" : "see the HTTP status";
      res.set_content(proto::ErrorJson(StatusCode(res.status), detail), kJson);
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  if (options_.log) {
    // One line per request: never a body, never a reference or code (the body holds them).
    http_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::string kiosk = req.get_header_value(proto::kHeaderKiosk);
      std::fprintf(stderr, "%s %s %s -> %d%s\n", IsoNow().c_str(), req.method.c_str(), req.path.c_str(), res.status,
                   kiosk.empty() ? "" : (" (kiosk " + kiosk.substr(0, 6) + ")").c_str());
    });
  }
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Fail(res, 500, "server-error", "the register could not handle this request; nothing was stored");
  });

  http_->Get("/v1/health", [this](const httplib::Request&, httplib::Response& res) {
    std::int64_t cases = 0;
    {
      std::lock_guard lock(storage_mutex_);
      cases = storage_.CaseCount();
    }
    res.set_content(nlohmann::json{{"status", "ok"}, {"api", proto::kApiVersion}, {"time", IsoNow()}, {"cases", cases}}
                        .dump(),
                    kJson);
  });

  // Checks signature headers; on failure writes the 4xx and returns nullopt.
  auto authenticate = [this](const httplib::Request& req, httplib::Response& res) -> std::optional<KioskRecord> {
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
    if (!kiosk) {
      Fail(res, 401, proto::ToString(proto::Verdict::kUnknownKiosk),
           "kiosk " + h.kiosk + " is not enrolled at this register");
      return std::nullopt;
    }
    if (!kiosk->revoked_at.empty()) {
      Fail(res, 401, "revoked-kiosk", "kiosk " + h.kiosk + " was revoked at " + kiosk->revoked_at);
      return std::nullopt;
    }
    std::int64_t now = proto::UnixNow();
    proto::Verdict verdict = proto::VerifyRequest(h, kiosk->sign_public_key, req.method, req.path, req.body, now);
    if (verdict == proto::Verdict::kOk && !replays_.Remember(*number, h.nonce, now)) verdict = proto::Verdict::kReplay;
    if (verdict != proto::Verdict::kOk) {
      static const std::map<proto::Verdict, std::pair<int, std::string>> kWhy = {
          {proto::Verdict::kMissingHeaders, {400, "the signature headers are missing or malformed"}},
          {proto::Verdict::kBadSignature, {401, "the signature does not match this kiosk's key and request"}},
          {proto::Verdict::kStale, {401, "the timestamp is more than 5 minutes from the register's clock"}},
          {proto::Verdict::kReplay, {409, "this signed request was already received"}}};
      const auto& [status, detail] = kWhy.at(verdict);
      Fail(res, status, proto::ToString(verdict), detail);
      return std::nullopt;
    }
    return kiosk;
  };
  auto sign_reply = [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header(proto::kHeaderReplySignature,
                   proto::SignReply(keys_.sign.secret_key, req.get_header_value(proto::kHeaderNonce), res.body));
  };

  http_->Post("/v1/submissions", [=, this](const httplib::Request& req, httplib::Response& res) {
    auto kiosk = authenticate(req, res);
    if (!kiosk) return;
    proto::SubmitBatch batch;
    try {
      batch = proto::SubmitBatchFromJson(req.body);
      std::string why = CheckAdmission(batch.items, *kiosk);
      if (!why.empty()) throw proto::ProtocolError(why);
    } catch (const proto::ProtocolError& e) {
      Fail(res, 400, "malformed-body", std::string(e.what()) + "; nothing was stored");
      sign_reply(req, res);
      return;
    }
    if (!submissions_.AllowN("kiosk:" + std::to_string(kiosk->number),
                             static_cast<std::int64_t>(batch.items.size()), proto::UnixNow())) {
      res.set_header("Retry-After", "600");
      Fail(res, 429, "too-many-requests",
           "this kiosk sent more than " + std::to_string(options_.submissions_per_kiosk_per_hour) +
               " items in the last hour; nothing of this batch was stored; the kiosk keeps them and tries later");
      sign_reply(req, res);
      return;
    }
    proto::SubmitAck ack;
    try {
      std::lock_guard lock(storage_mutex_);
      ack = StoreBatch(storage_, workflow_, *kiosk, batch, "network", keys_.box);
    } catch (const StorageError& e) {
      // Disk full, database busy: not the items' fault. The kiosk keeps them and retries the batch.
      res.set_header("Retry-After", "30");
      Fail(res, 503, "storage-unavailable", std::string(e.what()) + "; nothing was stored; try again later");
      sign_reply(req, res);
      return;
    }
    res.set_content(proto::ToJson(ack), kJson);
    sign_reply(req, res);
  });

  // Finds the case for a reference + tracking code, or writes the 4xx/429 and returns nullopt.
  auto find_case = [this](const KioskRecord& kiosk, const std::string& reference, const std::string& code,
                          httplib::Response& res) -> std::optional<CaseRecord> {
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
  };

  http_->Post("/v1/status", [=, this](const httplib::Request& req, httplib::Response& res) {
    auto kiosk = authenticate(req, res);
    if (!kiosk) return;
    try {
      proto::StatusQuery q = proto::StatusQueryFromJson(req.body);
      if (auto found = find_case(*kiosk, q.reference, q.tracking_code, res)) {
        std::lock_guard lock(storage_mutex_);
        res.set_content(proto::ToJson(workflow_.StatusOf(*found)), kJson);
      }
    } catch (const proto::ProtocolError& e) {
      Fail(res, 400, "malformed-body", e.what());
    }
    sign_reply(req, res);
  });

  http_->Post("/v1/requests", [=, this](const httplib::Request& req, httplib::Response& res) {
    auto kiosk = authenticate(req, res);
    if (!kiosk) return;
    try {
      proto::KioskRequest r = proto::KioskRequestFromJson(req.body);
      if (auto found = find_case(*kiosk, r.reference, r.tracking_code, res)) {
        std::lock_guard lock(storage_mutex_);
        proto::RequestReply reply = workflow_.HandleRequest(r, *found, keys_.box.public_key);
        res.set_content(proto::ToJson(reply), kJson);
      }
    } catch (const proto::ProtocolError& e) {
      Fail(res, 400, "malformed-body", e.what());
    }
    sign_reply(req, res);
  });
}

}  // namespace tellus::reg
