#include "sync/register/case_routes.h"

namespace tellus::reg {

namespace {
std::string Or(const std::string& text, const char* fallback) { return text.empty() ? fallback : text; }
}  // namespace

void PrintSafeguarding(std::ostream& out, const CaseRecord& c, const Policy& policy) {
  if (!c.urgent) return;
  out << "\nURGENT: the person said someone is being hurt, or in danger\n";
  if (!policy.safeguarding) {
    out << "  the policy lists no safeguarding steps; follow your organisation's safeguarding procedure\n";
    return;
  }
  for (const std::string& step : policy.safeguarding->staff_steps) out << "  - " << step << "\n";
  for (const SafeguardingContact& contact : policy.safeguarding->contacts) {
    out << "  " << contact.name << ": " << Or(contact.phone, "no number in the procedure") << "\n";
  }
}

void PrintRoutes(std::ostream& out, const CaseRecord& c, const Policy& policy, CaseWorkflow& workflow) {
  const StageRecord& st = c.stages.back();
  const Stage* stage = policy.FindStage(st.stage_id);
  out << "\nwhere it goes\n";
  if (stage) {
    out << "  handled by    " << stage->handled_by << "\n";
    if (stage->respond_own_choice) {
      out << "  answer time   " << ToString(*stage->respond_within)
          << " is our own choice (the procedure gives none): the kiosk does not promise it\n";
    }
  }
  if (auto outcome = workflow.OutcomeDue(policy, c)) {
    out << "  outcome due   " << ToIso(*outcome) << " (from the date the complaint was made, at every stage)\n";
  }
  if (st.extended_to) {
    out << "  extended to   " << ToIso(*st.extended_to) << " (was " << DayText(st.respond_due, "none")
        << "): " << st.extension_reason << "\n";
  }
  if (st.reply_sent_by) {
    out << "  reply sent by " << ToString(*st.reply_sent_by) << ", counts as received "
        << DayText(st.reply_received_on, "") << "\n";
  }
  if (c.withdraw_requested) {
    out << "  WITHDRAWAL asked for at " << ToIsoUtc(*c.withdraw_requested) << ": " << policy.withdrawal_note.words
        << " (close it with --outcome withdrawn, or carry on)\n";
  }
  const Stage* next = policy.NextStage(st.stage_id);
  if (next && CanMove(c.kind, c.state, CaseAction::kEscalate)) {
    proto::CaseStatus status = workflow.StatusOf(c);
    out << "  next stage    " << next->name << " (" << next->handled_by << ")";
    if (status.can_escalate) out << (status.escalate_by.empty() ? "; the person may ask now" : "; the person may ask until " + status.escalate_by);
    out << "\n";
    if (!next->how_to_request.empty()) out << "  how to ask    " << next->how_to_request << "\n";
  }
  const bool last = c.kind == Kind::kComplaint && !next && stage;
  const auto places = policy.PlacesToGo(last);
  if (!places.empty()) out << (last ? "  other places (after the last stage):\n" : "  other places (at any stage):\n");
  for (const ExternalBody* body : places) {
    out << "    " << body->name << " (" << body->when.words << ")";
    if (!body->phone.empty()) out << ", phone " << body->phone;
    if (!body->address.empty()) out << ", " << body->address;
    if (!body->contact.words.empty()) out << ". " << body->contact.words;
    out << "\n";
  }
}

void PrintEligibilityNotes(std::ostream& out, const PersonalPart& personal, const Policy& policy) {
  if (!personal.on_behalf.deceased) return;
  out << "  about someone who has died; the person telling us is their close family or chosen to speak for them\n";
  for (const EligibilityQuestion& rule : policy.eligibility) {
    if (rule.asked_when == AnswerMark::kDeceased && !rule.staff_note.empty()) out << "  " << rule.staff_note << "\n";
  }
}

}  // namespace tellus::reg
