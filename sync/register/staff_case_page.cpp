// The case page: a timeline of stages with their deadlines, what the person told us
// (opened with the register key, audited first), their recordings, what the kiosk shows
// them, and the actions, each confirmed before it is done. Actions call CaseWorkflow,
// the same functions as `tellus-register case ...`.
#include <ctime>

#include "core/seal.h"
#include "sync/register/case_text.h"
#include "sync/register/staff_auth.h"
#include "sync/register/staff_web.h"

namespace tellus::reg {

namespace {

using kainjow::mustache::list;
using kainjow::mustache::object;

void Line(list& lines, const char* label, const std::string& value) {
  if (!value.empty()) lines.push_back(object{{"label", label}, {"value", value}});
}

std::string Or(const std::string& text, const std::string& fallback) { return text.empty() ? fallback : text; }

// What each action asks before it is done, and what its button says.
struct ActionWords {
  const char* name;
  const char* question;
  const char* yes;
  const char* done;
};
constexpr ActionWords kActions[] = {
    {"acknowledge", "Record that this case was acknowledged?", "Yes, record the acknowledgement", "Acknowledged."},
    {"reply", "Send this reply? The kiosk shows it to the person when they check their complaint.", "Yes, send the reply",
     "Reply recorded. The kiosk now shows it to the person."},
    {"escalate", "Move this case to the next stage of its procedure? Its clock starts today.", "Yes, escalate",
     "Escalated to the next stage."},
    {"extend", "Give this new answer date? The person is told it with the reason, as written.", "Yes, extend",
     "New answer date recorded."},
    {"send-back", "Send this case back to the earlier stage? Its clock starts today.", "Yes, send it back",
     "Sent back."},
    {"close", "Close this case with this outcome?", "Yes, close the case", "Closed."},
    {"reopen", "Open this closed case again at its last stage? Its clock starts today.", "Yes, reopen",
     "Opened again."},
};

const ActionWords* FindAction(const std::string& name) {
  for (const ActionWords& a : kActions) {
    if (name == a.name) return &a;
  }
  return nullptr;
}

}  // namespace

HttpResponse StaffWeb::CasePage(const HttpRequest& req, const Visitor& v, const std::string& reference,
                                const std::string& error) {
  std::lock_guard lock(storage_mutex_);
  std::optional<CaseRecord> found = storage_.FindCase(reference);
  if (!found) return Refusal(&v, 404, "No such case", "There is no case " + reference + ". Check the reference.");
  const CaseRecord& rec = *found;
  if (!MaySee(v.account, rec.policy_id, rec.service_id)) {
    return Refusal(&v, 403, "Not your case",
                   "Case " + rec.reference + " belongs to another policy or service than yours, so it is not shown. "
                   "Ask a manager if you need it.");
  }
  // Opening personal data is itself an action for the log: written first, so a failed
  // audit write means nothing is shown.
  storage_.Audit(v.account.name, "show", rec.reference, "opened the sealed part (staff pages)");
  Data d;
  d.set("reference", rec.reference);
  d.set("csrf", v.session.csrf);
  d.set("error", Text(error));
  if (const std::string done = req.query_value("done"); const ActionWords* a = FindAction(done)) d.set("done", a->done);
  const Policy* policy = nullptr;
  std::string policy_problem;
  try {
    policy = &workflow_.policies().Get(rec.policy_id);
  } catch (const std::exception& e) {
    policy_problem = e.what();
  }
  list facts;
  Line(facts, "Kind", ToString(rec.kind));
  Line(facts, "Policy", rec.policy_id + (policy ? " (" + policy->organisation + ")" : ""));
  Line(facts, "Service", Or(rec.service_id, "-"));
  std::string categories;
  for (const auto& c : rec.categories) categories += (categories.empty() ? "" : ", ") + c;
  Line(facts, "Categories", Or(categories, "-"));
  Line(facts, "Sent at the kiosk", rec.submitted_at + " (kiosk " + std::to_string(rec.kiosk) + ")");
  Line(facts, "Received", rec.received_at + " via " + ToString(rec.via));
  Line(facts, "State", ToString(rec.state) + (rec.outcome ? " (" + ToString(*rec.outcome) + ")" : ""));
  Line(facts, "Anonymous", rec.anonymous ? "yes" : "no");
  for (const auto& r : rec.receipt_references) Line(facts, "On the receipt", r);
  Line(facts, "Happened", IncidentText(ClearFromJson(rec.clear_json).incident));
  Line(facts, "Asked to withdraw", rec.withdraw_requested ? ToIsoUtc(*rec.withdraw_requested) : "");
  Line(facts, "Policy problem", policy_problem);
  d.set("facts", facts);
  d.set("urgent", rec.urgent);
  list warnings;
  if (!rec.deadline_note.empty()) warnings.push_back(object{{"text", "No deadlines: " + rec.deadline_note}});
  for (const auto& f : rec.flags) warnings.push_back(object{{"text", f}});
  d.set("warnings", warnings);

  list stages;
  const Date today = workflow_.Today();
  for (std::size_t i = 0; i < rec.stages.size(); ++i) {
    const StageRecord& st = rec.stages[i];
    const Stage* def = policy ? policy->FindStage(st.stage_id) : nullptr;
    const CaseWorkflow::Projection projected = workflow_.ProjectionOf(rec, st);
    const std::optional<Date> answer = CaseWorkflow::AnswerDue(st);
    const bool current = i + 1 == rec.stages.size() && rec.state != CaseState::kClosed;
    auto due_words = [&](const std::optional<Date>& due, const std::optional<UtcTime>& done_at) -> std::string {
      if (done_at) return "done " + ToIso(LocalDateOf(*done_at));
      if (!due) return "no date";
      if (current && today > *due) return "OVERDUE";
      return "not yet";
    };
    auto late = [&](const std::optional<Date>& due, const std::optional<UtcTime>& done_at) {
      return current && !done_at && due && today > *due;
    };
    stages.push_back(object{
        {"name", def ? def->name + " (" + st.stage_id + ")" : Or(st.stage_id, "No stages (" + ToString(rec.kind) + ")")},
        {"handled_by", Text(def ? def->handled_by : "")},
        {"entered", ToIso(st.entered_on)},
        {"ack_due", DayText(st.acknowledge_due, "-") + (projected.acknowledge ? " (projected)" : "")},
        {"ack_state", due_words(st.acknowledge_due, st.acknowledged_at)},
        {"ack_late", late(st.acknowledge_due, st.acknowledged_at)},
        {"answer_due", DayText(answer, "-") + (projected.respond && !st.extended_to ? " (projected)" : "")},
        {"answer_state", due_words(answer, st.responded_at)},
        {"answer_late", late(answer, st.responded_at)},
        {"extension", Text(st.extended_to ? "Extended to " + ToIso(*st.extended_to) + ": " + st.extension_reason : "")},
        {"left", Text(st.left_at ? ToIsoUtc(*st.left_at) : "")},
        {"current", current}});
  }
  d.set("stages", stages);

  PersonalPart p = OpenPersonal(rec.sealed, keys_.box);
  list told;
  Line(told, "Name", p.person.name);
  Line(told, "Address", p.person.address);
  Line(told, "Phone", p.person.phone);
  Line(told, "Email", p.person.email);
  Line(told, "Contact by", p.person.contact == ContactPreference::kNone ? "" : ToString(p.person.contact));
  if (p.on_behalf.on_behalf) {
    Line(told, "On behalf of", p.on_behalf.their_name);
    if (!p.on_behalf.deceased) Line(told, "Their permission", p.on_behalf.permission_given ? "given" : "NOT given");
  }
  Line(told, "About", p.subject);
  Line(told, "What happened", p.what_happened);
  Line(told, "When", p.when_text);
  Line(told, "How it affected them", p.how_affected);
  Line(told, "To put it right", p.put_right);
  Line(told, "Praise", p.praise);
  Line(told, "Support needs", SupportText(p.support));
  Line(told, "Help to write", HelpText(p));
  d.set("told", told);
  list recordings;
  for (const Recording& r : p.recordings) {
    recordings.push_back(object{{"question", ToString(r.question)},
                                {"src", "/staff/case/" + rec.reference + "/audio/" + ToString(r.question)},
                                {"length", LengthText(r.length_ms)}});
  }
  d.set("recordings", recordings);
  Wipe(p);
  list requests;
  for (const auto& r : storage_.Requests(rec.uuid)) {
    std::string text = r.sealed_text.empty() ? "" : Open(r.sealed_text, keys_.box);
    requests.push_back(object{{"at", r.at}, {"action", r.action}, {"text", Text(text)}});
    WipeString(text);
  }
  d.set("requests", requests);

  const proto::CaseStatus shown = workflow_.StatusOf(rec);
  list kiosk;
  Line(kiosk, "State", ToString(shown.state));
  Line(kiosk, "Stage", shown.stage_name);
  Line(kiosk, "Acknowledge by", shown.acknowledge_by);
  Line(kiosk, "Answer by", shown.respond_by);
  Line(kiosk, "New answer date", shown.extended_to);
  Line(kiosk, "Why", shown.extension_reason);
  Line(kiosk, "Outcome", shown.outcome ? ToString(*shown.outcome) : "");
  Line(kiosk, "Can ask for", shown.can_escalate ? shown.next_stage_name + (shown.escalate_by.empty() ? "" : " until " + shown.escalate_by) : "");
  d.set("kiosk", kiosk);
  d.set("reply", Text(shown.latest_reply));

  // Which actions the case's state allows (core/case_lifecycle.h's one table).
  auto can = [&](tellus::CaseAction action) { return CanMove(rec.kind, rec.state, action); };
  d.set("can_acknowledge", can(tellus::CaseAction::kAcknowledge) && !rec.stages.empty() && !rec.stages.back().acknowledged_at);
  d.set("can_reply", can(tellus::CaseAction::kReply));
  d.set("can_escalate", can(tellus::CaseAction::kEscalate));
  d.set("can_extend", can(tellus::CaseAction::kExtend) && rec.kind == CaseKind::kComplaint);
  d.set("can_close", can(tellus::CaseAction::kClose));
  d.set("can_reopen", can(tellus::CaseAction::kReopen));
  list earlier;
  if (policy && !rec.stages.empty()) {
    for (const Stage& s : policy->stages) {
      if (s.id == rec.stages.back().stage_id) break;
      earlier.push_back(object{{"id", s.id}, {"name", s.name}});
    }
  }
  d.set("earlier", earlier);
  d.set("can_send_back", can(tellus::CaseAction::kSendBack) && !earlier.empty());
  list outcomes;
  for (const std::string& o : NamesOf(kOutcomeNames)) outcomes.push_back(object{{"value", o}});
  d.set("outcomes", outcomes);
  list sent_by;
  for (const std::string& c : NamesOf(kReplyChannelNames)) sent_by.push_back(object{{"value", c}});
  d.set("sent_by", sent_by);
  d.set("today", ToIso(today));

  list audit;
  for (const auto& a : storage_.AuditLog(rec.reference)) {
    audit.push_back(object{{"at", a.at}, {"actor", a.actor}, {"action", a.action}, {"detail", a.detail}});
  }
  d.set("audit", audit);
  return Page(&v, "Case " + rec.reference, "case", d, error.empty() ? 200 : 409);
}

HttpResponse StaffWeb::CaseAudio(const HttpRequest&, const Visitor& v, const std::string& reference,
                                 const std::string& question) {
  std::lock_guard lock(storage_mutex_);
  std::optional<CaseRecord> rec = storage_.FindCase(reference);
  if (!rec) return Refusal(&v, 404, "No such case", "There is no case " + reference + ".");
  if (!MaySee(v.account, rec->policy_id, rec->service_id)) {
    return Refusal(&v, 403, "Not your case", "Case " + rec->reference + " belongs to another policy or service.");
  }
  PersonalPart p = OpenPersonal(rec->sealed, keys_.box);
  HttpResponse res;
  bool found = false;
  for (const Recording& r : p.recordings) {
    if (ToString(r.question) != question) continue;
    const std::vector<unsigned char>& audio = r.opus.bytes();
    res.set_content(std::string(audio.begin(), audio.end()), "audio/ogg");
    found = true;
  }
  Wipe(p);
  if (!found) return Refusal(&v, 404, "No such recording", "Case " + rec->reference + " has no recording for this answer.");
  // Hearing what someone said is opening personal data: it goes in the log with who.
  storage_.Audit(v.account.name, "audio", rec->reference, "played " + question + " (staff pages)");
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  return res;
}

HttpResponse StaffWeb::CaseAction(const HttpRequest& req, const Visitor& v, const std::string& reference,
                                  const std::string& action) {
  const ActionWords* words = FindAction(action);
  if (!words) return Refusal(&v, 404, "No such action", "Cases have no action '" + action + "'.");
  const FormFields form = ParseForm(req.body);
  {
    std::lock_guard lock(storage_mutex_);
    std::optional<CaseRecord> rec = storage_.FindCase(reference);
    if (!rec) return Refusal(&v, 404, "No such case", "There is no case " + reference + ".");
    if (!MaySee(v.account, rec->policy_id, rec->service_id)) {
      return Refusal(&v, 403, "Not your case", "Case " + rec->reference + " belongs to another policy or service.");
    }
  }
  const std::string back = "/staff/case/" + reference;
  if (FieldOf(form, "confirm") != "yes") {
    return Confirm(v, "Confirm: " + std::string(words->name) + " " + reference, words->question, back + "/" + action,
                   form, words->yes, back);
  }
  const std::string& who = v.account.name;
  try {
    std::lock_guard lock(storage_mutex_);
    if (action == "acknowledge") workflow_.Acknowledge(reference, who);
    if (action == "reply") {
      const std::string text = FieldOf(form, "text");
      if (text.find_first_not_of(" \r\n\t") == std::string::npos) throw CaseError("the reply is empty: write it first");
      const std::string sent_by = FieldOf(form, "sent_by");
      std::optional<ReplyChannel> channel;
      if (!sent_by.empty()) {
        channel = ParseReplyChannel(sent_by);
        if (!channel) throw CaseError(NotOneOf("how the reply went", sent_by, kReplyChannelNames));
      }
      workflow_.Reply(reference, text, who, channel);
    }
    if (action == "escalate") workflow_.Escalate(reference, who);
    if (action == "extend") {
      Date to{};
      try {
        to = ParseIsoDate(FieldOf(form, "to"));
      } catch (const std::invalid_argument&) {
        throw CaseError("the new answer date '" + FieldOf(form, "to") + "' is not a date (YYYY-MM-DD)");
      }
      workflow_.Extend(reference, to, FieldOf(form, "reason"), who);
    }
    if (action == "send-back") workflow_.SendBack(reference, FieldOf(form, "to"), who);
    if (action == "close") {
      const std::optional<Outcome> outcome = ParseOutcome(FieldOf(form, "outcome"));
      if (!outcome) throw CaseError("choose an outcome before closing (" + ChoicesOf(kOutcomeNames) + ")");
      workflow_.Close(reference, *outcome, who);
    }
    if (action == "reopen") workflow_.Reopen(reference, who);
  } catch (const std::exception& e) {
    // Nothing changed: the page says why, and the form keeps what was written (the confirm page's fields).
    return CasePage(req, v, reference, std::string("Nothing was changed: ") + e.what());
  }
  return Redirect(back + "?done=" + action);
}

}  // namespace tellus::reg
