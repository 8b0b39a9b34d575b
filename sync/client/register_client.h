#pragma once
// Signed calls from a kiosk to its register (one thread at a time per object).
// Every reply is checked against the register's signing key from the identity
// file before it is believed: an acknowledgement nobody signed removes nothing.
#include <atomic>
#include <stdexcept>
#include <string>

#include "core/kiosk_identity.h"
#include "sync/client/http_transport.h"
#include "sync/protocol/messages.h"

namespace tellus::sync {

struct SyncError : std::runtime_error {
  SyncError(const std::string& message, long http_status, std::string code)
      : std::runtime_error(message), status(http_status), error_code(std::move(code)) {}
  long status = 0;                                 // 0: the register was not reached
  std::string error_code;                          // the register's "error" field, when it gave one
  // The items themselves were refused (malformed, conflicting): retrying them unchanged will not help.
  bool ItemsRefused() const { return status == 400 || (status == 409 && error_code == "conflict"); }
};

class RegisterClient {
 public:
  RegisterClient(KioskIdentity identity, HttpTimeouts timeouts = {}, const std::atomic<bool>* abort = nullptr);

  proto::SubmitAck Submit(const proto::SubmitBatch& batch);            // throws SyncError
  proto::CaseStatus Status(const std::string& reference, const std::string& tracking_code);
  proto::RequestReply Request(const proto::KioskRequest& request);
  bool Healthy();                                  // GET /v1/health answered "ok"

  const KioskIdentity& identity() const { return identity_; }

 private:
  std::string SignedPost(const std::string& path, const std::string& body);
  KioskIdentity identity_;
  HttpTimeouts timeouts_;
  HttpTransport http_;
};

}  // namespace tellus::sync
