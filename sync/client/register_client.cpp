#include "sync/client/register_client.h"

#include <nlohmann/json.hpp>

#include "sync/protocol/signing.h"

namespace tellus::sync {

RegisterClient::RegisterClient(KioskIdentity identity, HttpTimeouts timeouts, const std::atomic<bool>* abort)
    : identity_(std::move(identity)), timeouts_(timeouts), http_(abort) {
  http_.TrustOnly(identity_.register_certificate_pem);
  while (!identity_.register_url.empty() && identity_.register_url.back() == '/') identity_.register_url.pop_back();
}

std::string RegisterClient::SignedPost(const std::string& path, const std::string& body) {
  proto::SignedHeaders signed_headers =
      proto::SignRequest(identity_.kiosk_number, identity_.kiosk_sign_secret_key, "POST", path, body, proto::UnixNow());
  HttpResult result = http_.Post(identity_.register_url + path, body, signed_headers.AsMap(), timeouts_);
  if (result.status == 0) {
    throw SyncError("register not reached at " + identity_.register_url + ": " + result.error, 0, "");
  }
  auto sig = result.headers.find("x-tellus-reply-signature");
  bool signed_by_register = sig != result.headers.end() &&
                            proto::VerifyReply(identity_.register_sign_public_key, signed_headers.nonce, result.body,
                                               sig->second);
  if (result.status != 200) {
    std::string code, detail;
    try {
      auto doc = nlohmann::json::parse(result.body);
      code = doc.value("error", "");
      detail = doc.value("detail", "");
    } catch (const nlohmann::json::exception&) {
      detail = "no reason given";
    }
    throw SyncError("register refused " + path + " (HTTP " + std::to_string(result.status) + " " + code + "): " + detail,
                    result.status, code);
  }
  if (!signed_by_register) {
    throw SyncError("the reply to " + path + " is not signed by this kiosk's register; ignored", 0, "bad-reply-signature");
  }
  return result.body;
}

proto::SubmitAck RegisterClient::Submit(const proto::SubmitBatch& batch) {
  std::string reply = SignedPost("/v1/submissions", proto::ToJson(batch));
  try {
    return proto::SubmitAckFromJson(reply);
  } catch (const proto::ProtocolError& e) {
    throw SyncError(std::string("register reply: ") + e.what(), 0, "bad-reply");
  }
}

proto::CaseStatus RegisterClient::Status(const std::string& reference, const std::string& tracking_code) {
  std::string reply = SignedPost("/v1/status", proto::ToJson(proto::StatusQuery{reference, tracking_code}));
  try {
    return proto::CaseStatusFromJson(reply);
  } catch (const proto::ProtocolError& e) {
    throw SyncError(std::string("register reply: ") + e.what(), 0, "bad-reply");
  }
}

proto::RequestReply RegisterClient::Request(const proto::KioskRequest& request) {
  std::string reply = SignedPost("/v1/requests", proto::ToJson(request));
  try {
    return proto::RequestReplyFromJson(reply);
  } catch (const proto::ProtocolError& e) {
    throw SyncError(std::string("register reply: ") + e.what(), 0, "bad-reply");
  }
}

bool RegisterClient::Healthy() {
  HttpResult result = http_.Get(identity_.register_url + "/v1/health", timeouts_);
  if (result.status != 200) return false;
  try {
    return nlohmann::json::parse(result.body).value("status", "") == "ok";
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

}  // namespace tellus::sync
