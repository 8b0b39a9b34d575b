#pragma once
// The JSON shapes of the register API (/v1). Parsers throw ProtocolError whose
// message names the key at fault, never a value (values may be personal).
//
//   POST /v1/submissions  SubmitBatch -> SubmitAck            (signed by the kiosk)
//   POST /v1/status       StatusQuery -> CaseStatus           (signed; POST keeps the code out of URLs)
//   POST /v1/requests     KioskRequest -> RequestReply        (signed; escalate | withdraw | feedback)
//   GET  /v1/health       -> {"status":"ok","api":1,"time":...} (unsigned)
//   any 4xx/5xx           -> {"error":"<code>","detail":"<plain words>"}
//
// The tracking code never travels to the register at submission time: the kiosk
// sends HashSecret(NormaliseTrackingCode(code)) (Argon2id, made on the kiosk,
// kept in the outbox) and the register stores that string as it is. Status and
// requests carry the code a person typed; the register verifies it against the hash.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case_lifecycle.h"
#include "core/model.h"

namespace tellus::proto {

struct ProtocolError : std::runtime_error { using std::runtime_error::runtime_error; };

inline constexpr int kApiVersion = 1;
inline constexpr std::size_t kMaxBatchItems = 1000;
inline constexpr std::size_t kMaxBundleItems = 100000;
inline constexpr std::size_t kMaxTextBytes = 8000;       // reply / feedback text

struct SubmitItem {
  ClearPart clear;
  std::vector<unsigned char> sealed;                     // crypto_box_seal of the personal part
  std::string tracking_hash;                             // "$argon2id$..."
};

struct SubmitBatch {
  std::vector<SubmitItem> items;
  std::int64_t waiting = 0;                              // the kiosk's outbox count when it sent this
};

struct RejectedItem {
  std::string uuid;
  std::string reason;
};

struct SubmitAck {
  std::vector<std::string> accepted;                     // stored now
  std::vector<std::string> duplicates;                   // already held: acknowledged, not stored again
  // The lowest reference sequence this kiosk has not used at the register (0: not told). A
  // kiosk whose outbox was recreated raises its own sequence to at least this.
  std::uint64_t next_sequence = 0;
};

struct StatusQuery {
  std::string reference;
  std::string tracking_code;
};

enum class RequestAction { kEscalate, kWithdraw, kFeedback };
std::string ToString(RequestAction action);
RequestAction ParseRequestAction(const std::string& text);   // throws ProtocolError

struct KioskRequest {
  std::string request_id;                                // UUID fixed by the kiosk; repeats are idempotent
  std::string reference;
  std::string tracking_code;
  RequestAction action = RequestAction::kFeedback;
  std::string text;                                      // feedback or reason, may be empty
};

// What a person sees at the kiosk about their case. Dates are YYYY-MM-DD.
struct CaseStatus {
  std::string reference;
  Kind kind = Kind::kComplaint;                          // core/case_lifecycle.h: the names on the wire
  CaseState state = CaseState::kReceived;
  std::string stage_id;                                  // empty for compliments and comments
  std::string stage_name;
  std::string acknowledge_by;
  std::string respond_by;
  std::string latest_reply;                              // what staff wrote for the person
  std::optional<Outcome> outcome;                        // when closed ("" on the wire otherwise)
  bool can_escalate = false;
  std::string next_stage_name;
  std::string escalate_by;                               // last day to ask, empty when unlimited
  bool can_withdraw = false;
  std::string extended_to;                               // staff gave a new date for the answer (YYYY-MM-DD)
  std::string extension_reason;                          // why, in staff's words
  bool withdraw_requested = false;                       // asked to stop; the policy lets staff carry on
};

struct RequestReply {
  bool done = false;                                     // false: refused, see `reason`
  std::string reason;
  CaseStatus status;
};

std::string ToJson(const SubmitItem& item);
std::string ToJson(const SubmitBatch& batch);
std::string ToJson(const SubmitAck& ack);
std::string ToJson(const StatusQuery& query);
std::string ToJson(const KioskRequest& request);
std::string ToJson(const CaseStatus& status);
std::string ToJson(const RequestReply& reply);
std::string ErrorJson(const std::string& code, const std::string& detail);

SubmitItem SubmitItemFromJson(const std::string& json);
// max_items: kMaxBatchItems for a POST; bundles from a USB stick may carry more.
SubmitBatch SubmitBatchFromJson(const std::string& json, std::size_t max_items = kMaxBatchItems);
SubmitAck SubmitAckFromJson(const std::string& json);
StatusQuery StatusQueryFromJson(const std::string& json);
KioskRequest KioskRequestFromJson(const std::string& json);
CaseStatus CaseStatusFromJson(const std::string& json);
RequestReply RequestReplyFromJson(const std::string& json);

// Structural checks shared by the register and the USB import: uuid shape, reference
// check character and kiosk number, sealed size, hash format. Returns an empty string when
// fine, else the reason.
std::string CheckItem(const SubmitItem& item, int sender_kiosk);

}  // namespace tellus::proto
