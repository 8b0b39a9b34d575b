#include "sync/register/admission.h"

#include <algorithm>

#include "core/date.h"
#include "core/reference.h"

namespace tellus::reg {

namespace {

constexpr std::size_t kMaxIdBytes = 64;
constexpr std::size_t kMaxCategories = 32;
constexpr std::int64_t kSkewSeconds = 300;

bool PlainId(const std::string& id) {
  return !id.empty() && id.size() <= kMaxIdBytes &&
         id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

bool PlainLanguage(const std::string& tag) {
  return tag.size() <= 35 &&
         tag.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

std::string CheckFields(const ClearPart& clear) {
  if (!PlainId(clear.policy_id)) return "clear.policy_id is not a plain name of up to 64 letters, digits and hyphens";
  if (!clear.service_id.empty() && !PlainId(clear.service_id)) {
    return "clear.service_id is not a plain name of up to 64 letters, digits and hyphens";
  }
  if (clear.categories.size() > kMaxCategories) return "clear.categories has more than 32 entries";
  for (const std::string& c : clear.categories) {
    if (!PlainId(c)) return "clear.categories holds an entry that is not a plain name of up to 64 characters";
  }
  if (!PlainLanguage(clear.language)) return "clear.language is not a language tag";
  bool date_only = clear.submitted_at.size() == 10;
  bool ok = !date_only && ParseIsoUtc(clear.submitted_at).has_value();
  if (date_only) {
    try {
      ParseIsoDate(clear.submitted_at);
      ok = true;
    } catch (const std::invalid_argument&) {
    }
  }
  if (!ok) return "clear.submitted_at is not an ISO 8601 UTC time or date";
  return "";
}

// Unix seconds of a time, or of the start of a date (UTC); nullopt when neither.
std::optional<std::int64_t> Seconds(const std::string& text) {
  auto when = ParseIsoUtc(text.size() == 10 ? text + "T00:00:00Z" : text);
  if (!when) return std::nullopt;
  return static_cast<std::int64_t>(when->time_since_epoch().count());
}

template <class Items>
bool Names(const Items& items, const std::string& id) {
  return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
}

}  // namespace

std::string PolicyFor(const KioskRecord& kiosk, const std::vector<proto::SubmitItem>& items) {
  if (!kiosk.policy.empty() || items.empty()) return kiosk.policy;
  return items.front().clear.policy_id;
}

std::string CheckAdmission(const std::vector<proto::SubmitItem>& items, const KioskRecord& kiosk) {
  std::string policy = PolicyFor(kiosk, items);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string why = proto::CheckItem(items[i], kiosk.number);
    if (why.empty()) why = CheckFields(items[i].clear);
    if (why.empty() && items[i].clear.policy_id != policy) {
      why = kiosk.policy.empty() ? "clear.policy_id differs from the policy this kiosk first used (" + policy + ")"
                                 : "clear.policy_id differs from the policy this kiosk was enrolled with (" + policy + ")";
    }
    if (!why.empty()) return "items[" + std::to_string(i) + "]: " + why;
  }
  return "";
}

CaseRecord AdmitCase(CaseWorkflow& workflow, const proto::SubmitItem& item, const KioskRecord& kiosk,
                     Via via, const BoxKeyPair& register_box) {
  std::string now = IsoNow();
  std::vector<std::string> flags;
  const ClearPart& clear = item.clear;
  // An anonymous case's flags name the day only, like the case itself.
  std::string shown = clear.anonymous ? clear.submitted_at.substr(0, 10) : clear.submitted_at;
  auto sent = Seconds(clear.submitted_at), arrived = Seconds(now), enrolled = Seconds(ToIsoUtc(kiosk.enrolled_at));
  bool future = sent && arrived && *sent > *arrived + kSkewSeconds + (clear.submitted_at.size() == 10 ? 86400 : 0);
  CaseRecord c;
  if (future) {
    // Never let a kiosk's clock push the deadlines out: they count from the day it arrived.
    proto::SubmitItem counted = item;
    counted.clear.submitted_at = now;
    c = workflow.NewCase(counted, kiosk.number, via);
    c.submitted_at = clear.submitted_at;
    c.clear_json = ClearToJson(clear);
    flags.push_back("sent at " + shown + ", in the future by the register's clock; deadlines count from " +
                    ToIso(c.stages.front().entered_on) + ", the day it arrived");
  } else {
    c = workflow.NewCase(item, kiosk.number, via);
  }
  if (sent && enrolled && *sent + kSkewSeconds < *enrolled - (clear.submitted_at.size() == 10 ? 86400 : 0)) {
    flags.push_back("sent at " + shown + ", before this kiosk was enrolled (" + ToIsoUtc(kiosk.enrolled_at) +
                    "); check the kiosk's clock");
  }
  try {
    const Policy& policy = workflow.policies().Get(clear.policy_id);
    if (!clear.service_id.empty() && !Names(policy.services, clear.service_id)) {
      flags.push_back("service '" + clear.service_id + "' is not in policy " + clear.policy_id);
    }
    for (const std::string& category : clear.categories) {
      if (!Names(policy.categories, category)) {
        flags.push_back("category '" + category + "' is not in policy " + clear.policy_id);
      }
    }
    auto ref = ParseReference(clear.reference);
    if (ref && ref->prefix != policy.reference_prefix) {
      flags.push_back("reference prefix '" + ref->prefix + "' is not policy " + clear.policy_id + "'s '" +
                      policy.reference_prefix + "'");
    }
  } catch (const std::exception&) {
    // An unknown or broken policy: deadline_note already tells staff.
  }
  try {
    PersonalPart personal = OpenPersonal(item.sealed, register_box);
    Wipe(personal);
  } catch (const std::exception& e) {
    flags.push_back(std::string("the sealed part cannot be opened with the register's key (") + e.what() + ")");
  }
  if (c.anonymous) {
    // The day is enough for deadlines and reports; a time could be matched to CCTV or a visitor book.
    ClearPart day = clear;
    day.submitted_at = ToIso(StampDay(clear.submitted_at));
    c.submitted_at = day.submitted_at;
    c.clear_json = ClearToJson(day);
    c.received_at = ToIso(StampDay(c.received_at));
  }
  c.flags.insert(c.flags.end(), flags.begin(), flags.end());
  return c;
}

proto::SubmitAck StoreBatch(RegisterStorage& storage, CaseWorkflow& workflow, KioskRecord& kiosk,
                            const proto::SubmitBatch& batch, Via via, const BoxKeyPair& register_box) {
  proto::SubmitAck ack;
  storage.Transaction([&] {
    if (kiosk.policy.empty()) kiosk.policy = storage.BindKioskPolicy(kiosk.number, PolicyFor(kiosk, batch.items));
    std::vector<CaseRecord> cases;
    cases.reserve(batch.items.size());
    std::optional<std::int64_t> lag;
    std::optional<std::int64_t> now = Seconds(IsoNow());
    for (const proto::SubmitItem& item : batch.items) {
      cases.push_back(AdmitCase(workflow, item, kiosk, via, register_box));
      // Lag from times only: an anonymous item's day says too little.
      auto sent = item.clear.submitted_at.size() > 10 ? Seconds(item.clear.submitted_at) : std::nullopt;
      if (sent && now) lag = std::max(lag.value_or(0), *now - *sent);
    }
    IngestResult result = storage.Ingest(cases);
    ack.accepted = std::move(result.accepted);
    ack.duplicates = std::move(result.duplicates);
    ack.next_sequence = storage.HighestSequence(kiosk.number) + 1;
    std::int64_t left = std::max<std::int64_t>(0, batch.waiting - static_cast<std::int64_t>(batch.items.size()));
    storage.NoteKioskContact(kiosk.number, UtcNow(), left, ack.accepted.empty() ? std::nullopt : lag);
  });
  return ack;
}

}  // namespace tellus::reg
