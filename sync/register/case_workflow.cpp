#include "sync/register/case_workflow.h"

#include <algorithm>

#include "core/date.h"
#include "core/model.h"
#include "core/reference.h"
#include "core/seal.h"

namespace tellus::reg {

namespace {
std::string Or(const std::string& text, const char* fallback) { return text.empty() ? fallback : text; }
std::string OutcomeText(const std::optional<Outcome>& outcome) { return outcome ? ToString(*outcome) : ""; }
}  // namespace

std::string DayText(const std::optional<Date>& day, const char* fallback) { return day ? ToIso(*day) : fallback; }

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

Date StampDay(const std::string& stamp) {
  const std::optional<UtcTime> when = stamp.size() < 19 ? std::nullopt : ParseIsoUtc(stamp);
  if (when) return LocalDateOf(*when);             // the instant's local day (core/date.h)
  try {
    return ParseIsoDate(std::string_view(stamp).substr(0, 10));   // an anonymous case's day
  } catch (const std::exception&) {
    throw CaseError("'" + stamp + "' is not a date and time");
  }
}

CaseWorkflow::CaseWorkflow(RegisterStorage& storage, PolicyBook& policies, std::function<UtcTime()> now)
    : storage_(storage), policies_(policies), now_(std::move(now)) {}

Date CaseWorkflow::Today() { return LocalDateOf(now_()); }

CaseState CaseWorkflow::Move(const CaseRecord& c, CaseAction action) {
  if (std::optional<CaseState> to = StateAfter(c.kind, c.state, action)) return *to;
  if (action == CaseAction::kReopen) throw CaseError(c.reference + " is not closed");
  if (c.state == CaseState::kClosed && action != CaseAction::kSendBack) {
    const bool ending = action == CaseAction::kClose || action == CaseAction::kWithdraw;
    throw CaseError(c.reference + (ending ? " is already closed (" + OutcomeText(c.outcome) + ")" : " is closed"));
  }
  throw CaseError(c.reference + " is a " + ToString(c.kind) + ": only complaints have stages");
}

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

StageRecord CaseWorkflow::EnterStage(const Policy& policy, const Stage* stage, Kind kind, Date entered_on,
                                     std::optional<Date> outcome_due) {
  StageRecord st;
  st.entered_on = entered_on;
  if (stage && kind != Kind::kCompliment && kind != Kind::kComment) st.stage_id = stage->id;
  const StageDurations within = DurationsOf(policy, stage, kind);
  const HolidayCalendar& calendar = policies_.Calendar(policy.division);
  if (within.acknowledge) st.acknowledge_due = AddDuration(entered_on, *within.acknowledge, calendar);
  if (within.respond) st.respond_due = AddDuration(entered_on, *within.respond, calendar);
  // An outcome due from the complaint's date holds at every stage: a new stage never moves it later.
  if (outcome_due && (!st.respond_due || *outcome_due < *st.respond_due)) st.respond_due = outcome_due;
  return st;
}

CaseWorkflow::Projection CaseWorkflow::ProjectionOf(const CaseRecord& record, const StageRecord& stage) {
  try {
    const Policy& policy = policies_.Get(record.policy_id);
    const Stage* in = stage.stage_id.empty() ? nullptr : policy.FindStage(stage.stage_id);
    const StageDurations within = DurationsOf(policy, in, record.kind);
    const HolidayCalendar& calendar = policies_.Calendar(policy.division);
    const Date from = stage.entered_on;
    // Only a date that is still the stage's own count (not one set another way) is marked.
    auto rests = [&](const std::optional<Duration>& d, const std::optional<Date>& due) {
      return d && due == AddDuration(from, *d, calendar) && RestsOnProjection(from, *d, calendar);
    };
    return {rests(within.acknowledge, stage.acknowledge_due), rests(within.respond, stage.respond_due)};
  } catch (const std::exception&) {
    return {};                                     // no policy or calendar: no dates to mark (deadline_note says why)
  }
}

std::optional<Date> CaseWorkflow::OutcomeDue(const Policy& policy, const CaseRecord& c) {
  if (c.kind != Kind::kComplaint) return std::nullopt;
  const NamedItem* service = policy.FindService(c.service_id);
  if (!service || !service->outcome_within) return std::nullopt;
  return AddDuration(StampDay(c.submitted_at), *service->outcome_within, policies_.Calendar(policy.division));
}

std::optional<Date> CaseWorkflow::AnswerDue(const StageRecord& st) {
  return st.extended_to ? st.extended_to : st.respond_due;
}

CaseRecord CaseWorkflow::NewCase(const proto::SubmitItem& item, int kiosk, Via via) {
  CaseRecord c;
  c.uuid = item.clear.uuid;
  c.reference = item.clear.reference;
  c.kiosk = kiosk;
  c.kind = item.clear.kind;
  c.policy_id = item.clear.policy_id;
  c.service_id = item.clear.service_id;
  c.categories = item.clear.categories;
  c.submitted_at = item.clear.submitted_at;
  c.received_at = ToIsoUtc(now_());
  c.anonymous = item.clear.anonymous;
  c.clear_json = ClearToJson(item.clear);
  c.sealed = item.sealed;
  c.tracking_hash = item.tracking_hash;
  c.via = via;
  c.state = CaseState::kReceived;
  c.urgent = item.clear.urgent && item.clear.kind == Kind::kComplaint;
  Date entered_on = Today();
  try {
    entered_on = StampDay(item.clear.submitted_at);
    const Policy& policy = policies_.Get(c.policy_id);
    const Stage* first = policy.stages.empty() ? nullptr : &policy.stages.front();
    c.stages.push_back(EnterStage(policy, first, item.clear.kind, entered_on, OutcomeDue(policy, c)));
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
    const CaseState next = Move(c, CaseAction::kAcknowledge);
    StageRecord& st = c.stages.back();
    if (st.acknowledged_at) throw CaseError(c.reference + " was already acknowledged at " + ToIsoUtc(*st.acknowledged_at));
    st.acknowledged_at = now_();
    c.state = next;
    storage_.UpdateCase(c);
    storage_.Audit(actor, "ack", c.reference, st.stage_id);
  });
}

void CaseWorkflow::Reply(const std::string& reference, const std::string& text, const std::string& actor,
                         std::optional<ReplyChannel> sent_by) {
  if (text.empty()) throw CaseError("a reply needs some text");
  if (text.size() > proto::kMaxTextBytes) throw CaseError("a reply is limited to 8000 bytes");
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    c.state = Move(c, CaseAction::kReply);
    StageRecord& st = c.stages.back();
    const UtcTime now = now_();
    if (!st.acknowledged_at) st.acknowledged_at = now;   // a reply acknowledges too
    st.responded_at = now;
    st.reply_sent_by = sent_by;
    st.reply_received_on = LocalDateOf(now);
    if (sent_by == ReplyChannel::kPost) {
      // "within 10 working days of receiving the response": a letter arrives later than it leaves.
      try {
        const Policy& policy = policies_.Get(c.policy_id);
        if (policy.post_received_after) {
          st.reply_received_on = AddDuration(*st.reply_received_on, *policy.post_received_after,
                                             policies_.Calendar(policy.division));
        }
      } catch (const PolicyError&) {
        // no policy: the day it was sent stands
      }
    }
    c.latest_reply = text;
    storage_.UpdateCase(c);
    storage_.Audit(actor, "reply", c.reference,
                   st.stage_id + (!sent_by ? "" : "; sent by " + ToString(*sent_by) + ", counts as received " +
                                                      DayText(st.reply_received_on, "")));
  });
}

void CaseWorkflow::Extend(const std::string& reference, Date day, const std::string& reason,
                          const std::string& actor) {
  if (reason.empty()) throw CaseError("an extension needs a reason (--reason): the person is told it");
  if (reason.size() > proto::kMaxTextBytes) throw CaseError("a reason is limited to 8000 bytes");
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    c.state = Move(c, CaseAction::kExtend);
    if (day < Today()) throw CaseError("--to " + ToIso(day) + " is in the past");
    StageRecord& st = c.stages.back();
    const std::optional<Date> before = AnswerDue(st);
    st.extended_to = day;
    st.extension_reason = reason;
    storage_.UpdateCase(c);
    storage_.Audit(actor, "extend", c.reference,
                   Or(st.stage_id, "-") + ": answer by " + ToIso(day) + " (was " + DayText(before, "none") + "): " + reason);
  });
}

void CaseWorkflow::Restart(CaseRecord& c, const Policy& policy, const Stage* stage, CaseAction action,
                           const std::string& actor) {
  const UtcTime now = now_();
  if (!c.stages.back().left_at) c.stages.back().left_at = now;
  c.stages.push_back(EnterStage(policy, stage, c.kind, LocalDateOf(now), OutcomeDue(policy, c)));
  c.state = Move(c, action);
  c.outcome.reset();
  c.closed_at.reset();
  c.withdraw_requested.reset();
  storage_.UpdateCase(c);
  const StageRecord& st = c.stages.back();
  storage_.Audit(actor, action == CaseAction::kReopen ? "reopen" : "send-back", c.reference,
                 Or(st.stage_id, "-") + ": ack by " + DayText(st.acknowledge_due, "-") + ", answer by " +
                     DayText(st.respond_due, "-"));
}

void CaseWorkflow::Reopen(const std::string& reference, const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    Move(c, CaseAction::kReopen);
    const Policy& policy = policies_.Get(c.policy_id);
    Restart(c, policy, policy.FindStage(c.stages.back().stage_id), CaseAction::kReopen, actor);
  });
}

void CaseWorkflow::SendBack(const std::string& reference, const std::string& stage_id, const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    Move(c, CaseAction::kSendBack);
    const Policy& policy = policies_.Get(c.policy_id);
    const Stage* to = policy.FindStage(stage_id);
    if (!to) {
      std::string ids;
      for (const Stage& s : policy.stages) ids += (ids.empty() ? "" : ", ") + s.id;
      throw CaseError("policy " + policy.id + " has no stage '" + stage_id + "' (its stages: " + ids + ")");
    }
    const Stage* now_at = policy.FindStage(c.stages.back().stage_id);
    if (!now_at || to >= now_at) {
      throw CaseError(c.reference + " is at " + c.stages.back().stage_id + "; send-back goes to an earlier stage");
    }
    Restart(c, policy, to, CaseAction::kSendBack, actor);
  });
}

void CaseWorkflow::Withdraw(const std::string& reference, bool carry_on, const std::string& note,
                            const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    Move(c, CaseAction::kWithdraw);
    if (!carry_on) return DoClose(c, Outcome::kWithdrawn, actor);
    const Policy& policy = policies_.Get(c.policy_id);
    if (policy.withdrawal != Withdrawal::kMayContinue) {
      throw CaseError("policy " + policy.id + " closes a withdrawn complaint; it cannot be continued");
    }
    if (note.empty()) throw CaseError("carrying on after a withdrawal needs a --note saying why");
    c.withdraw_requested = now_();
    storage_.UpdateCase(c);
    storage_.Audit(actor, "withdraw-continued", c.reference, note);
  });
}

CaseWorkflow::EscalationWindow CaseWorkflow::WindowFor(const CaseRecord& c) {
  EscalationWindow w;
  if (!CanMove(c.kind, c.state, CaseAction::kEscalate)) {
    w.why_not = c.state == CaseState::kClosed ? "the case is closed" : "only complaints have stages";
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
  // The window runs from when the person received the answer (a posted one arrives later).
  const std::optional<Date> due = AnswerDue(st);
  w.next_stage_id = next->id;
  w.next_stage_name = next->name;
  const Date today = Today();
  if (st.responded_at) {
    const Date answered_on = st.reply_received_on ? *st.reply_received_on : LocalDateOf(*st.responded_at);
    // The person has a window after the answer, where the policy gives one.
    if (next->request_within) {
      try {
        w.last_day = AddDuration(answered_on, *next->request_within, policies_.Calendar(policy->division));
      } catch (const std::exception& e) {
        w.why_not = e.what();
        return w;
      }
      if (today > *w.last_day) {
        w.why_not = "the time to ask for " + next->name + " ended on " + ToIso(*w.last_day);
        return w;
      }
    }
    w.possible = true;
  } else if (due && today > *due) {
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
  const UtcTime now = now_();
  c.state = Move(c, CaseAction::kEscalate);
  c.stages.back().left_at = now;
  c.stages.push_back(EnterStage(policy, next, Kind::kComplaint, LocalDateOf(now), OutcomeDue(policy, c)));
  storage_.UpdateCase(c);
  storage_.Audit(actor, "escalate", c.reference, next->id);
}

void CaseWorkflow::Escalate(const std::string& reference, const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
    Move(c, CaseAction::kEscalate);
    DoEscalate(c, actor);   // staff may escalate at any time; the window binds requests from the kiosk
  });
}

void CaseWorkflow::DoClose(CaseRecord& c, Outcome outcome, const std::string& actor) {
  const UtcTime now = now_();
  c.state = Move(c, outcome == Outcome::kWithdrawn ? CaseAction::kWithdraw : CaseAction::kClose);
  c.outcome = outcome;
  c.closed_at = now;
  if (!c.stages.back().left_at) c.stages.back().left_at = now;
  storage_.UpdateCase(c);
  storage_.Audit(actor, "close", c.reference, ToString(outcome));
}

void CaseWorkflow::Close(const std::string& reference, Outcome outcome, const std::string& actor) {
  storage_.Transaction([&] {
    CaseRecord c = Require(reference);
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
  s.acknowledge_by = DayText(st.acknowledge_due, "");
  s.respond_by = DayText(st.respond_due, "");
  s.extended_to = DayText(st.extended_to, "");
  s.extension_reason = st.extension_reason;
  s.withdraw_requested = c.withdraw_requested.has_value();
  if (!st.stage_id.empty()) {
    try {
      const Policy& policy = policies_.Get(c.policy_id);
      const Stage* stage = policy.FindStage(st.stage_id);
      if (stage) s.stage_name = stage->name;
      // A time the seed does not give is the register's own; the person is not promised it
      // (unless it is the outcome date the seed does give, or staff gave a new one).
      if (stage && stage->respond_own_choice && OutcomeDue(policy, c) != st.respond_due) {
        s.respond_by.clear();
      }
    } catch (const std::exception&) {
      s.stage_name = st.stage_id;
    }
  }
  if (st.extended_to) s.respond_by = ToIso(*st.extended_to);
  EscalationWindow w = WindowFor(c);
  s.can_escalate = w.possible;
  s.next_stage_name = w.next_stage_name;
  s.escalate_by = w.possible ? DayText(w.last_day, "") : "";
  s.can_withdraw = c.kind == Kind::kComplaint && CanMove(c.kind, c.state, CaseAction::kWithdraw) && !c.withdraw_requested;
  return s;
}

bool CaseWorkflow::IsOverdue(const CaseRecord& c, Date today) {
  if (c.state == CaseState::kClosed || c.stages.empty()) return false;
  const StageRecord& st = c.stages.back();
  if (!st.acknowledged_at && st.acknowledge_due && today > *st.acknowledge_due) return true;
  const std::optional<Date> due = AnswerDue(st);
  return !st.responded_at && due && today > *due;
}

proto::RequestReply CaseWorkflow::HandleRequest(const proto::KioskRequest& request, const CaseRecord& record,
                                                const std::array<unsigned char, 32>& register_box_public_key) {
  proto::RequestReply reply;
  storage_.Transaction([&] {
    CaseRecord c = Require(record.reference);
    std::vector<unsigned char> sealed_text;
    if (!request.text.empty()) sealed_text = Seal(request.text, register_box_public_key);
    if (!storage_.RecordRequest(request.request_id, c.uuid, proto::ToString(request.action), sealed_text,
                                ToIsoUtc(now_()))) {
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
        if (!CanMove(c.kind, c.state, CaseAction::kWithdraw)) {
          reply.reason = "the case is already closed";
        } else if (policies_.Get(c.policy_id).withdrawal == Withdrawal::kMayContinue) {
          // "reserves the right to continue to investigate serious complaints": staff decide.
          if (!c.withdraw_requested) c.withdraw_requested = now_();
          storage_.UpdateCase(c);
          storage_.Audit("kiosk", "withdraw-request", c.reference, "the policy may continue: staff decide");
          reply.done = true;
        } else {
          DoClose(c, Outcome::kWithdrawn, "kiosk");
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
  const Date today = Today();
  storage_.Transaction([&] {
    CaseFilter all;
    for (const CaseRecord& c : storage_.Cases(all)) {
      if (c.state != CaseState::kClosed || !c.closed_at) continue;
      try {
        const Policy& policy = policies_.Get(c.policy_id);
        if (!policy.retention) continue;   // silent policy: keep, staff decide
        Date until = AddDuration(LocalDateOf(*c.closed_at), *policy.retention, policies_.Calendar(policy.division));
        if (today <= until) continue;
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
