#include "sync/protocol/messages.h"

#include <nlohmann/json.hpp>

#include <cctype>

#include "core/reference.h"
#include "core/seal.h"

namespace tellus::proto {

using nlohmann::json;

namespace {

std::string Dump(const json& doc) { return doc.dump(-1, ' ', false, json::error_handler_t::replace); }

json Parse(const std::string& text, const char* what) {
  try {
    json doc = json::parse(text);
    if (!doc.is_object()) throw ProtocolError(std::string(what) + ": not a JSON object");
    return doc;
  } catch (const json::exception&) {
    throw ProtocolError(std::string(what) + ": not valid JSON");
  }
}

const json& Field(const json& doc, const char* key, const char* what) {
  auto it = doc.find(key);
  if (it == doc.end()) throw ProtocolError(std::string(what) + ": missing key '" + key + "'");
  return *it;
}

std::string Str(const json& doc, const char* key, const char* what) {
  const json& v = Field(doc, key, what);
  if (!v.is_string()) throw ProtocolError(std::string(what) + ": '" + key + "' must be a string");
  return v.get<std::string>();
}

std::string OptStr(const json& doc, const char* key, const char* what) {
  return doc.contains(key) ? Str(doc, key, what) : std::string();
}

bool Bool(const json& doc, const char* key, const char* what) {
  const json& v = Field(doc, key, what);
  if (!v.is_boolean()) throw ProtocolError(std::string(what) + ": '" + key + "' must be true or false");
  return v.get<bool>();
}

std::vector<std::string> Strs(const json& doc, const char* key, const char* what) {
  const json& v = Field(doc, key, what);
  if (!v.is_array()) throw ProtocolError(std::string(what) + ": '" + key + "' must be a list");
  std::vector<std::string> out;
  for (const json& e : v) {
    if (!e.is_string()) throw ProtocolError(std::string(what) + ": '" + key + "' must hold strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

json ItemObject(const SubmitItem& item) {
  return {{"clear", json::parse(ClearToJson(item.clear))},
          {"sealed", ToBase64(item.sealed)},
          {"tracking_hash", item.tracking_hash}};
}

SubmitItem ItemFrom(const json& doc, const char* what) {
  if (!doc.is_object()) throw ProtocolError(std::string(what) + ": item is not an object");
  SubmitItem item;
  const json& clear = Field(doc, "clear", what);
  if (!clear.is_object()) throw ProtocolError(std::string(what) + ": 'clear' must be an object");
  try {
    item.clear = ClearFromJson(clear.dump());
  } catch (const std::invalid_argument& e) {
    throw ProtocolError(std::string(what) + ": " + e.what());
  }
  try {
    item.sealed = FromBase64(Str(doc, "sealed", what));
  } catch (const SealError&) {
    throw ProtocolError(std::string(what) + ": 'sealed' is not base64");
  }
  item.tracking_hash = Str(doc, "tracking_hash", what);
  return item;
}

json StatusObject(const CaseStatus& s) {
  return {{"reference", s.reference},       {"kind", ToString(s.kind)},
          {"state", ToString(s.state)},               {"stage_id", s.stage_id},
          {"stage_name", s.stage_name},     {"acknowledge_by", s.acknowledge_by},
          {"respond_by", s.respond_by},     {"latest_reply", s.latest_reply},
          {"outcome", s.outcome ? ToString(*s.outcome) : ""},           {"can_escalate", s.can_escalate},
          {"next_stage_name", s.next_stage_name}, {"escalate_by", s.escalate_by},
          {"can_withdraw", s.can_withdraw}, {"extended_to", s.extended_to},
          {"extension_reason", s.extension_reason}, {"withdraw_requested", s.withdraw_requested}};
}

// One of an enum's names (core/case_lifecycle.h); the message names the key and the
// names that would do, not the value.
template <typename Enum, std::size_t N>
Enum Named(const json& doc, const char* key, const EnumNames<Enum, N>& names, const char* what) {
  if (std::optional<Enum> value = ValueOf(names, Str(doc, key, what))) return *value;
  throw ProtocolError(std::string(what) + ": '" + key + "' is not one of " + ChoicesOf(names));
}

CaseStatus StatusFrom(const json& doc, const char* what) {
  if (!doc.is_object()) throw ProtocolError(std::string(what) + ": not an object");
  CaseStatus s;
  s.reference = Str(doc, "reference", what);
  s.kind = Named(doc, "kind", kKindNames, what);
  s.state = Named(doc, "state", kCaseStateNames, what);
  s.stage_id = Str(doc, "stage_id", what);
  s.stage_name = Str(doc, "stage_name", what);
  s.acknowledge_by = Str(doc, "acknowledge_by", what);
  s.respond_by = Str(doc, "respond_by", what);
  s.latest_reply = Str(doc, "latest_reply", what);
  if (const std::string outcome = Str(doc, "outcome", what); !outcome.empty()) {
    s.outcome = Named(doc, "outcome", kOutcomeNames, what);
  }
  s.can_escalate = Bool(doc, "can_escalate", what);
  s.next_stage_name = Str(doc, "next_stage_name", what);
  s.escalate_by = Str(doc, "escalate_by", what);
  s.can_withdraw = Bool(doc, "can_withdraw", what);
  // Added later: a register that does not send them has no extensions.
  s.extended_to = OptStr(doc, "extended_to", what);
  s.extension_reason = OptStr(doc, "extension_reason", what);
  s.withdraw_requested = doc.contains("withdraw_requested") && Bool(doc, "withdraw_requested", what);
  return s;
}

bool LooksLikeUuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (text[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace

std::string ToString(RequestAction action) {
  switch (action) {
    case RequestAction::kEscalate: return "escalate";
    case RequestAction::kWithdraw: return "withdraw";
    case RequestAction::kFeedback: return "feedback";
  }
  return "feedback";
}

RequestAction ParseRequestAction(const std::string& text) {
  if (text == "escalate") return RequestAction::kEscalate;
  if (text == "withdraw") return RequestAction::kWithdraw;
  if (text == "feedback") return RequestAction::kFeedback;
  throw ProtocolError("request: 'action' must be escalate, withdraw or feedback");
}

std::string ToJson(const SubmitItem& item) { return Dump(ItemObject(item)); }

std::string ToJson(const SubmitBatch& batch) {
  json items = json::array();
  for (const SubmitItem& item : batch.items) items.push_back(ItemObject(item));
  return Dump({{"items", items}, {"waiting", batch.waiting}});
}

std::string ToJson(const SubmitAck& ack) {
  json doc = {{"accepted", ack.accepted}, {"duplicates", ack.duplicates}};
  if (ack.next_sequence > 0) doc["next_sequence"] = ack.next_sequence;
  return Dump(doc);
}

std::string ToJson(const StatusQuery& q) {
  return Dump({{"reference", q.reference}, {"tracking_code", q.tracking_code}});
}

std::string ToJson(const KioskRequest& r) {
  return Dump({{"request_id", r.request_id},
               {"reference", r.reference},
               {"tracking_code", r.tracking_code},
               {"action", ToString(r.action)},
               {"text", r.text}});
}

std::string ToJson(const CaseStatus& status) { return Dump(StatusObject(status)); }

std::string ToJson(const RequestReply& reply) {
  return Dump({{"done", reply.done}, {"reason", reply.reason}, {"status", StatusObject(reply.status)}});
}

std::string ErrorJson(const std::string& code, const std::string& detail) {
  return Dump({{"error", code}, {"detail", detail}});
}

SubmitItem SubmitItemFromJson(const std::string& text) { return ItemFrom(Parse(text, "item"), "item"); }

SubmitBatch SubmitBatchFromJson(const std::string& text, std::size_t max_items) {
  const char* what = "submission batch";
  json doc = Parse(text, what);
  const json& items = Field(doc, "items", what);
  if (!items.is_array()) throw ProtocolError("submission batch: 'items' must be a list");
  if (items.size() > max_items) {
    throw ProtocolError("submission batch: more than " + std::to_string(max_items) + " items");
  }
  SubmitBatch batch;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string where = "submission batch: items[" + std::to_string(i) + "]";
    batch.items.push_back(ItemFrom(items[i], where.c_str()));
  }
  if (doc.contains("waiting")) {
    if (!doc["waiting"].is_number_integer()) throw ProtocolError("submission batch: 'waiting' must be an integer");
    batch.waiting = doc["waiting"].get<std::int64_t>();
  }
  return batch;
}

SubmitAck SubmitAckFromJson(const std::string& text) {
  json doc = Parse(text, "acknowledgement");
  SubmitAck ack{Strs(doc, "accepted", "acknowledgement"), Strs(doc, "duplicates", "acknowledgement"), 0};
  auto next = doc.find("next_sequence");   // optional: registers before issue 13 do not send it
  if (next != doc.end()) {
    if (!next->is_number_unsigned() || next->get<std::uint64_t>() > kMaxSequence + 1) {
      throw ProtocolError("acknowledgement: 'next_sequence' must be a whole number of at most 2^45");
    }
    ack.next_sequence = next->get<std::uint64_t>();
  }
  return ack;
}

StatusQuery StatusQueryFromJson(const std::string& text) {
  json doc = Parse(text, "status query");
  return {Str(doc, "reference", "status query"), Str(doc, "tracking_code", "status query")};
}

KioskRequest KioskRequestFromJson(const std::string& text) {
  const char* what = "request";
  json doc = Parse(text, what);
  KioskRequest r;
  r.request_id = Str(doc, "request_id", what);
  if (!LooksLikeUuid(r.request_id)) throw ProtocolError("request: 'request_id' must be a UUID");
  r.reference = Str(doc, "reference", what);
  r.tracking_code = Str(doc, "tracking_code", what);
  r.action = ParseRequestAction(Str(doc, "action", what));
  r.text = OptStr(doc, "text", what);
  if (r.text.size() > kMaxTextBytes) throw ProtocolError("request: 'text' is too long");
  return r;
}

CaseStatus CaseStatusFromJson(const std::string& text) { return StatusFrom(Parse(text, "status"), "status"); }

RequestReply RequestReplyFromJson(const std::string& text) {
  json doc = Parse(text, "request reply");
  RequestReply reply;
  reply.done = Bool(doc, "done", "request reply");
  reply.reason = Str(doc, "reason", "request reply");
  reply.status = StatusFrom(Field(doc, "status", "request reply"), "request reply: status");
  return reply;
}

std::string CheckItem(const SubmitItem& item, int sender_kiosk) {
  if (!LooksLikeUuid(item.clear.uuid)) return "clear.uuid is not a UUID";
  auto ref = ParseReference(item.clear.reference);
  if (!ref) return "clear.reference is not a valid reference";
  if (static_cast<int>(ref->kiosk) != sender_kiosk) return "clear.reference belongs to another kiosk";
  if (item.clear.policy_id.empty()) return "clear.policy_id is empty";
  if (item.clear.submitted_at.size() < 10) return "clear.submitted_at is not a date and time";
  // crypto_box_SEALBYTES is 48; a sealed JSON object is never shorter than that plus "{}".
  if (item.sealed.size() < 50) return "sealed part is too short";
  if (item.tracking_hash.rfind("$argon2id$", 0) != 0 || item.tracking_hash.size() > 256) {
    return "tracking_hash is not an Argon2id hash";
  }
  return "";
}

}  // namespace tellus::proto
