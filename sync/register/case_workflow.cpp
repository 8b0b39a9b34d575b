#include "sync/register/case_workflow.h"

#include <algorithm>

#include "core/date.h"
#include "core/model.h"
#include "core/reference.h"
#include "core/seal.h"

namespace tellus::reg {

PolicyBook::PolicyBook(std::string policies_dir, std::string holidays_dir)
    : policies_dir_(std::move(policies_dir)), holidays_dir_(std::move(holidays_dir)) {}

const Policy& PolicyBook::Get(const std::string& id) {
  auto it = policies_.find(id);
  if (it != policies_.end()) return *it->second;
  if (auto failed = failures_.find(id); failed != failures_.end()) throw PolicyError(failed->second);
  // Only plain ids: a clear part must not make the register read arbitrary paths.
  if (id.empty() || id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos) {
    throw PolicyError("policy id '" + id + "' is not a plain name");
  }
  try {
    return *policies_.emplace(id, std::make_unique<Policy>(LoadPolicy(id, policies_dir_))).first->second;
  } catch (const std::exception& e) {
    failures_[id] = e.what();
    throw;
  }
}

const HolidayCalendar& PolicyBook::Calendar(Division division) {
  auto it = calendars_.find(division);
  if (it == calendars_.end()) {
    it = calendars_
             .emplace(division, std::make_unique<HolidayCalendar>(HolidayCalendar::FromFolder(holidays_dir_, division)))
             .first;
  }
  return *it->second;
}

std::string LocalDateOf(const std::string& iso_utc) {
  const std::optional<std::chrono::sys_seconds> when =
      iso_utc.size() < 19 ? std::nullopt : ParseIsoUtc(iso_utc);
  if (!when) return iso_utc.substr(0, 10);
  return ToIso(tellus::LocalDateOf(*when));  // the instant's local day (core/date.h)
}

bool IsOutcome(const std::string& text) {
  return std::find(std::begin(kOutcomes), std::end(kOutcomes), text) != std::end(kOutcomes);
}

CaseWorkflow::CaseWorkflow(RegisterStorage& storage, PolicyBook& policies, std::function<std::string()> now)
    : storage_(storage), policies_(policies), now_(std::move(now)) {}

std::string CaseWorkflow::Today() { return LocalDateOf(now_()); }

namespace {

struct StageDurations {
  std::optional<Duration> acknowledge, respond;
};

// What a stage's dates count: a compliment's acknowledgement and passing on, a comment's
// acknowledgement, a complaint stage's acknowledgement and answer. The first stage uses the
// policy's acknowledgement (what the kiosk promised on its done screen), falling back to the
// stage's own; later stages use their own.
StageDurations DurationsOf(const Policy& policy, const Stage* stage, Kind kind) {
  if (kind == Kind::kCompliment) return {policy.compliments.acknowledge_within, policy.compliments.pass_on_within};
  if (kind == Kind::kComment) return {policy.acknowledge_within, std::nullopt};
  if (!stage) return {};
  bool first = !policy.stages.empty() && &policy.stages.front() == stage;
  return {first && policy.acknowledge_within ? policy.acknowledge_within : stage->acknowledge_within,
          stage->respond_within};
}

}  // namespace

StageRecord CaseWorkflow::EnterStage(const Policy& policy, const Stage* stage, Kind kind,
                                     const std::string& entered_on) {
  StageRecord st;
  st.entered_on = entered_on;
  if (stage && kind != Kind::kCompliment && kind != Kind::kComment) st.stage_id = stage->id;
  const StageDurations within = DurationsOf(policy, stage, kind);
  const HolidayCalendar& calendar = policies_.Calendar(policy.division);
  Date from = ParseIsoDate(entered_on);
  if (within.acknowledge) st.acknowledge_due = ToIso(AddDuration(from, *within.acknowledge, calendar));
  if (within.respond) st.respond_due = ToIso(AddDuration(from, *within.respond, calendar));
  return st;
}

CaseWorkflow::Projection CaseWorkflow::ProjectionOf(const CaseRecord& record, const StageRecord& stage) {
  try {
    const Policy& policy = policies_.Get(record.policy_id);
    const Stage* in = stage.stage_id.empty() ? nullptr : policy.FindStage(stage.stage_id);
    const StageDurations within = DurationsOf(policy, in, ParseKind(record.kind));
    const HolidayCalendar& calendar = policies_.Calendar(policy.division);
    const Date from = ParseIsoDate(stage.entered_on);
    // Only a date that is still the stage's own count (not one set another way) is marked.
    auto rests = [&](const std::optional<Duration>& d, const std::string& due) {
      return d && due == ToIso(AddDuration(from, *d, calendar)) && RestsOnProjection(from, *d, calendar);
    };
    return {rests(within.acknowledge, stage.acknowledge_due), rests(within.respond, stage.respond_due)};
  } catch (const std::exception&) {
    return {};                                     // no policy or calendar: no dates to mark (deadline_note says why)
  }
}

CaseRecord CaseWorkflow::NewCase(const proto::SubmitItem& item, int kiosk, const std::string& via) {
  CaseRecord c;
  c.uuid = item.clear.uuid;
  c.reference = item.clear.reference;
  c.kiosk = kiosk;
  c.kind = ToString(item.clear.kind);
  c.policy_id = item.clear.policy_id;
  c.service_id = item.clear.service_id;
  c.categories = item.clear.categories;
  c.submitted_at = item.clear.submitted_at;
  c.received_at = now_();
  c.anonymous = item.clear.anonymous;
  c.clear_json = ClearToJson(item.clear);
  c.sealed = item.sealed;
  c.tracking_hash = item.tracking_hash;
  c.via = via;
  c.state = "received";
  std::string entered_on = LocalDateOf(item.clear.submitted_at);
  try {
    const Policy& policy = policies_.Get(c.policy_id);
    const Stage* first = policy.stages.empty() ? nullptr : &policy.stages.front();
    c.stages.push_back(EnterStage(policy, first, item.clear.kind, entered_on));
  } catch (const std::exception& e) {
    // Keep the case: losing a complaint is worse than a missing deadline. Staff see why.
    c.deadline_note = e.what();
    StageRecord st;
    st.entered_on = entered_on;
    c.stages.push_back(st);
  }
  return c;
}

CaseRecord CaseWorkflow::Require(const std::string& reference) {
  auto ref = ParseReference(reference);
  std::string key = ref ? FormatReference(*ref) : reference;
  auto found = storage_.FindCase(key);
  if (!found) throw CaseError("no case with reference " + reference);
  return *found;
}

void CaseWorkflow::Acknowledge(const std::string& reference, const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    if (c.state == "closed") throw CaseError(c.reference + " is closed");
    StageRecord& st = c.stages.back();
    if (!st.acknowledged_at.empty()) throw CaseError(c.reference + " was already acknowledged at " + st.acknowledged_at);
    st.acknowledged_at = now_();
    if (c.state == "received") c.state = "acknowledged";
    storage_.UpdateCase(c);
    storage_.Audit(actor, "ack", c.reference, st.stage_id);
  });
}

void CaseWorkflow::Reply(const std::string& reference, const std::string& text, const std::string& actor) {
  if (text.empty()) throw CaseError("a reply needs some text");
  if (text.size() > proto::kMaxTextBytes) throw CaseError("a reply is limited to 8000 bytes");
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    if (c.state == "closed") throw CaseError(c.reference + " is closed");
    StageRecord& st = c.stages.back();
    std::string now = now_();
    if (st.acknowledged_at.empty()) st.acknowledged_at = now;   // a reply acknowledges too
    st.responded_at = now;
    c.latest_reply = text;
    c.state = "answered";
    storage_.UpdateCase(c);
    storage_.Audit(actor, "reply", c.reference, st.stage_id);
  });
}

CaseWorkflow::EscalationWindow CaseWorkflow::WindowFor(const CaseRecord& c) {
  EscalationWindow w;
  if (c.state == "closed") {
    w.why_not = "the case is closed";
    return w;
  }
  if (c.kind != "complaint") {
    w.why_not = "only complaints have stages";
    return w;
  }
  const Policy* policy = nullptr;
  try {
    policy = &policies_.Get(c.policy_id);
  } catch (const std::exception& e) {
    w.why_not = e.what();
    return w;
  }
  const StageRecord& st = c.stages.back();
  const Stage* next = policy->NextStage(st.stage_id);
  if (!next) {
    w.why_not = "this is the last stage of the procedure";
    return w;
  }
  w.next_stage_id = next->id;
  w.next_stage_name = next->name;
  std::string today = Today();
  if (!st.responded_at.empty()) {
    // The person has a window after the answer, where the policy gives one.
    if (next->request_within) {
      try {
        w.last_day = ToIso(AddDuration(ParseIsoDate(LocalDateOf(st.responded_at)), *next->request_within,
                                       policies_.Calendar(policy->division)));
      } catch (const std::exception& e) {
        w.why_not = e.what();
        return w;
      }
      if (today > w.last_day) {
        w.why_not = "the time to ask for " + next->name + " ended on " + w.last_day;
        return w;
      }
    }
    w.possible = true;
  } else if (!st.respond_due.empty() && today > st.respond_due) {
    w.possible = true;   // no answer in time: the person may take it further
  } else {
    w.why_not = "the answer at this stage is not due yet";
  }
  return w;
}

void CaseWorkflow::DoEscalate(CaseRecord& c, const std::string& actor) {
  const Policy& policy = policies_.Get(c.policy_id);
  const Stage* next = policy.NextStage(c.stages.back().stage_id);
  if (!next) throw CaseError(c.reference + " is at the last stage of its procedure");
  std::string now = now_();
  c.stages.back().left_at = now;
  c.stages.push_back(EnterStage(policy, next, Kind::kComplaint, LocalDateOf(now)));
  c.state = "received";
  storage_.UpdateCase(c);
  storage_.Audit(actor, "escalate", c.reference, next->id);
}

void CaseWorkflow::Escalate(const std::string& reference, const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    if (c.state == "closed") throw CaseError(c.reference + " is closed");
    if (c.kind != "complaint") throw CaseError(c.reference + " is a " + c.kind + ": only complaints have stages");
    DoEscalate(c, actor);   // staff may escalate at any time; the window binds requests from the kiosk
  });
}

void CaseWorkflow::DoClose(CaseRecord& c, const std::string& outcome, const std::string& actor) {
  std::string now = now_();
  c.state = "closed";
  c.outcome = outcome;
  c.closed_at = now;
  if (c.stages.back().left_at.empty()) c.stages.back().left_at = now;
  storage_.UpdateCase(c);
  storage_.Audit(actor, "close", c.reference, outcome);
}

void CaseWorkflow::Close(const std::string& reference, const std::string& outcome, const std::string& actor) {
  if (!IsOutcome(outcome)) throw CaseError("unknown outcome '" + outcome + "'");
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    if (c.state == "closed") throw CaseError(c.reference + " is already closed (" + c.outcome + ")");
    DoClose(c, outcome, actor);
  });
}

proto::CaseStatus CaseWorkflow::StatusOf(const CaseRecord& c) {
  proto::CaseStatus s;
  s.reference = c.reference;
  s.kind = c.kind;
  s.state = c.state;
  s.outcome = c.outcome;
  s.latest_reply = c.latest_reply;
  const StageRecord& st = c.stages.back();
  s.stage_id = st.stage_id;
  s.acknowledge_by = st.acknowledge_due;
  s.respond_by = st.respond_due;
  if (!st.stage_id.empty()) {
    try {
      const Stage* stage = policies_.Get(c.policy_id).FindStage(st.stage_id);
      if (stage) s.stage_name = stage->name;
    } catch (const std::exception&) {
      s.stage_name = st.stage_id;
    }
  }
  EscalationWindow w = WindowFor(c);
  s.can_escalate = w.possible;
  s.next_stage_name = w.next_stage_name;
  s.escalate_by = w.possible ? w.last_day : "";
  s.can_withdraw = c.state != "closed" && c.kind == "complaint";
  return s;
}

bool CaseWorkflow::IsOverdue(const CaseRecord& c, const std::string& today) {
  if (c.state == "closed" || c.stages.empty()) return false;
  const StageRecord& st = c.stages.back();
  if (st.acknowledged_at.empty() && !st.acknowledge_due.empty() && today > st.acknowledge_due) return true;
  return st.responded_at.empty() && !st.respond_due.empty() && today > st.respond_due;
}

proto::RequestReply CaseWorkflow::HandleRequest(const proto::KioskRequest& request, const CaseRecord& record,
                                                const std::array<unsigned char, 32>& register_box_public_key) {
  proto::RequestReply reply;
  storage_.Transaction([&] {
    CaseRecord c = Require(record.reference);
    std::vector<unsigned char> sealed_text;
    if (!request.text.empty()) sealed_text = Seal(request.text, register_box_public_key);
    if (!storage_.RecordRequest(request.request_id, c.uuid, proto::ToString(request.action), sealed_text, now_())) {
      reply.done = true;   // the kiosk repeated a request we already carried out
      reply.reason = "already done";
      reply.status = StatusOf(c);
      return;
    }
    switch (request.action) {
      case proto::RequestAction::kFeedback:
        storage_.Audit("kiosk", "feedback", c.reference, "");
        reply.done = true;
        break;
      case proto::RequestAction::kWithdraw:
        if (c.state == "closed") {
          reply.reason = "the case is already closed";
        } else {
          DoClose(c, "withdrawn", "kiosk");
          reply.done = true;
        }
        break;
      case proto::RequestAction::kEscalate: {
        EscalationWindow w = WindowFor(c);
        if (!w.possible) {
          reply.reason = w.why_not;
        } else {
          DoEscalate(c, "kiosk");
          reply.done = true;
        }
        break;
      }
    }
    reply.status = StatusOf(c);
  });
  return reply;
}

std::vector<std::string> CaseWorkflow::Purge(const std::string& actor) {
  std::vector<std::string> purged;
  std::string today = Today();
  storage_.Transaction([&] {
    CaseFilter all;
    for (const CaseRecord& c : storage_.Cases(all)) {
      if (c.state != "closed" || c.closed_at.empty()) continue;
      try {
        const Policy& policy = policies_.Get(c.policy_id);
        if (!policy.retention) continue;   // silent policy: keep, staff decide
        Date until = AddDuration(ParseIsoDate(LocalDateOf(c.closed_at)), *policy.retention,
                                 policies_.Calendar(policy.division));
        if (today <= ToIso(until)) continue;
      } catch (const std::exception&) {
        continue;   // never delete on a guess
      }
      storage_.DeleteCase(c.uuid);
      storage_.Audit(actor, "purge", c.reference, "retention passed");
      purged.push_back(c.reference);
    }
  });
  return purged;
}

}  // namespace tellus::reg
