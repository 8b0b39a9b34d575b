#pragma once
// A register record from one row's columns, the same for every engine (the SQLite and
// PostgreSQL storages select these columns in this order): each typed field through its
// one column parse (column_text.h). `Row` gives Text(i), Int(i) and Blob(i) of the row.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sync/register/column_text.h"
#include "sync/register/storage.h"

namespace tellus::reg {

inline constexpr const char* kKioskColumns =
    "number, name, policy, sign_public_key, enrolled_at, last_contact, waiting, last_lag_seconds, revoked_at";
inline constexpr const char* kCaseColumns =
    "uuid, reference, kiosk, kind, policy_id, service_id, categories, submitted_at, received_at, anonymous, "
    "clear_json, sealed, tracking_hash, via, state, outcome, closed_at, latest_reply, deadline_note, flags, urgent, "
    "withdraw_requested";
inline constexpr const char* kStageColumns =
    "stage_id, entered_on, acknowledge_due, acknowledged_at, respond_due, responded_at, left_at, extended_to, "
    "extension_reason, reply_sent_by, reply_received_on";

// A JSON list of strings as a column holds it; a damaged one reads as empty.
inline std::vector<std::string> JsonListColumn(const std::string& text) {
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

template <typename Row>
KioskRecord KioskFromColumns(const Row& r) {
  KioskRecord k;
  k.number = static_cast<int>(r.Int(0));
  k.name = r.Text(1);
  k.policy = r.Text(2);
  auto key = r.Blob(3);
  if (key.size() == 32) std::copy(key.begin(), key.end(), k.sign_public_key.begin());
  k.enrolled_at = RequiredTimeColumn(r.Text(4), "kiosks.enrolled_at");
  k.last_contact = TimeColumn(r.Text(5), "kiosks.last_contact");
  k.waiting = r.Int(6);
  k.last_lag_seconds = r.Int(7);
  k.revoked_at = TimeColumn(r.Text(8), "kiosks.revoked_at");
  return k;
}

template <typename Row>
CaseRecord CaseFromColumns(const Row& r) {
  CaseRecord c;
  c.uuid = r.Text(0);
  c.reference = r.Text(1);
  c.kiosk = static_cast<int>(r.Int(2));
  c.kind = EnumColumn(r.Text(3), kKindNames, "cases.kind");
  c.policy_id = r.Text(4);
  c.service_id = r.Text(5);
  c.categories = JsonListColumn(r.Text(6));
  c.submitted_at = r.Text(7);
  c.received_at = r.Text(8);
  c.anonymous = r.Int(9) != 0;
  c.clear_json = r.Text(10);
  c.sealed = r.Blob(11);
  c.tracking_hash = r.Text(12);
  c.via = EnumColumn(r.Text(13), kViaNames, "cases.via");
  c.state = EnumColumn(r.Text(14), kCaseStateNames, "cases.state");
  c.outcome = OptionalEnumColumn(r.Text(15), kOutcomeNames, "cases.outcome");
  c.closed_at = TimeColumn(r.Text(16), "cases.closed_at");
  c.latest_reply = r.Text(17);
  c.deadline_note = r.Text(18);
  c.flags = JsonListColumn(r.Text(19));
  c.urgent = r.Int(20) != 0;
  c.withdraw_requested = TimeColumn(r.Text(21), "cases.withdraw_requested");
  return c;
}

// The kStageColumns, from column `first` of the row on.
template <typename Row>
StageRecord StageFromColumns(const Row& r, int first = 0) {
  StageRecord st;
  st.stage_id = r.Text(first);
  st.entered_on = RequiredDateColumn(r.Text(first + 1), "stages.entered_on");
  st.acknowledge_due = DateColumn(r.Text(first + 2), "stages.acknowledge_due");
  st.acknowledged_at = TimeColumn(r.Text(first + 3), "stages.acknowledged_at");
  st.respond_due = DateColumn(r.Text(first + 4), "stages.respond_due");
  st.responded_at = TimeColumn(r.Text(first + 5), "stages.responded_at");
  st.left_at = TimeColumn(r.Text(first + 6), "stages.left_at");
  st.extended_to = DateColumn(r.Text(first + 7), "stages.extended_to");
  st.extension_reason = r.Text(first + 8);
  st.reply_sent_by = OptionalEnumColumn(r.Text(first + 9), kReplyChannelNames, "stages.reply_sent_by");
  st.reply_received_on = DateColumn(r.Text(first + 10), "stages.reply_received_on");
  return st;
}

}  // namespace tellus::reg
