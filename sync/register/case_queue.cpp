// QueueFromCases: the staff queue's order and filters over full case records.
#include <algorithm>
#include <set>

#include "core/model.h"
#include "sync/register/case_workflow.h"
#include "sync/register/storage.h"

namespace tellus::reg {

namespace {

QueueEntry EntryOf(const CaseRecord& c) {
  QueueEntry e;
  e.reference = c.reference;
  e.kind = c.kind;
  e.policy_id = c.policy_id;
  e.service_id = c.service_id;
  e.state = c.state;
  e.submitted_at = c.submitted_at;
  e.deadline_note = c.deadline_note;
  e.urgent = c.urgent;
  e.flagged = !c.flags.empty();
  try {
    e.help_to_write = ClearFromJson(c.clear_json).help_to_write;
  } catch (const std::exception&) {
  }
  if (!c.stages.empty()) {
    const StageRecord& st = c.stages.back();
    e.stage_id = st.stage_id;
    if (!st.acknowledged_at && st.acknowledge_due) {
      e.next_due = st.acknowledge_due;
      e.what_due = DueNext::kAcknowledge;
    }
    const std::optional<Date> answer = CaseWorkflow::AnswerDue(st);
    if (!st.responded_at && answer && (!e.next_due || *answer < *e.next_due)) {
      e.next_due = answer;
      e.what_due = DueNext::kAnswer;
    }
  }
  return e;
}

int Rank(const QueueEntry& e) { return e.urgent ? 0 : e.help_to_write ? 1 : 2; }

}  // namespace

QueuePage QueueFromCases(const std::vector<CaseRecord>& open_cases, const QueueQuery& q) {
  QueuePage page;
  std::set<std::string> policies, services, stages;
  std::set<CaseKind> kinds;
  std::vector<QueueEntry> matching;
  for (const CaseRecord& c : open_cases) {
    if (c.state == CaseState::kClosed) continue;
    if ((!q.scope_policy.empty() && c.policy_id != q.scope_policy) ||
        (!q.scope_service.empty() && c.service_id != q.scope_service)) {
      continue;
    }
    QueueEntry e = EntryOf(c);
    policies.insert(e.policy_id);
    if (!e.service_id.empty()) services.insert(e.service_id);
    kinds.insert(e.kind);
    if (!e.stage_id.empty()) stages.insert(e.stage_id);
    if ((!q.policy.empty() && e.policy_id != q.policy) || (!q.service.empty() && e.service_id != q.service) ||
        (q.kind && e.kind != *q.kind) || (!q.stage.empty() && e.stage_id != q.stage)) {
      continue;
    }
    matching.push_back(std::move(e));
  }
  std::sort(matching.begin(), matching.end(), [](const QueueEntry& a, const QueueEntry& b) {
    if (Rank(a) != Rank(b)) return Rank(a) < Rank(b);
    if (a.next_due.has_value() != b.next_due.has_value()) return a.next_due.has_value();   // no date: last
    if (a.next_due != b.next_due) return *a.next_due < *b.next_due;
    return a.reference < b.reference;
  });
  page.total = matching.size();
  for (std::size_t i = q.offset; i < std::min(matching.size(), q.offset + q.limit); ++i) {
    page.entries.push_back(std::move(matching[i]));
  }
  page.policies.assign(policies.begin(), policies.end());
  page.services.assign(services.begin(), services.end());
  page.stages.assign(stages.begin(), stages.end());
  std::vector<std::string> kind_names;
  for (CaseKind k : kinds) kind_names.push_back(ToString(k));
  std::sort(kind_names.begin(), kind_names.end());   // by name, as SQL sorts them
  for (const std::string& name : kind_names) page.kinds.push_back(ParseKind(name));
  return page;
}

}  // namespace tellus::reg
