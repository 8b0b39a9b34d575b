// The queue: every open case the visitor may see, urgent and help-to-write first, then by
// the next date something is due; overdue and due-this-week said in words and colour;
// filters by stage, kind, service and policy; a page of cases at a time.
#include <algorithm>
#include <set>

#include "core/date.h"
#include "core/model.h"
#include "sync/register/staff_auth.h"
#include "sync/register/staff_web.h"

namespace tellus::reg {

namespace {

using kainjow::mustache::list;
using kainjow::mustache::object;

struct Row {
  const CaseRecord* record;
  int rank;                                        // 0 urgent, 1 help to write, 2 the rest
  bool help;
  std::string next_due;                            // the earliest unmet due date of the current stage
  std::string what_due;                            // "acknowledge" | "answer"
};

Row RowOf(const CaseRecord& c) {
  Row row{&c, 2, false, "", ""};
  try {
    row.help = ClearFromJson(c.clear_json).help_to_write;
  } catch (const std::exception&) {
  }
  row.rank = c.urgent ? 0 : row.help ? 1 : 2;
  if (!c.stages.empty()) {
    const StageRecord& st = c.stages.back();
    if (st.acknowledged_at.empty() && !st.acknowledge_due.empty()) {
      row.next_due = st.acknowledge_due;
      row.what_due = "acknowledge";
    }
    const std::string answer = CaseWorkflow::AnswerDue(st);
    if (st.responded_at.empty() && !answer.empty() && (row.next_due.empty() || answer < row.next_due)) {
      row.next_due = answer;
      row.what_due = "answer";
    }
  }
  return row;
}

list Options(const std::set<std::string>& values, const std::string& chosen) {
  list out;
  for (const std::string& v : values) out.push_back(object{{"value", v}, {"selected", v == chosen}});
  return out;
}

}  // namespace

HttpResponse StaffWeb::Queue(const HttpRequest& req, const Visitor& v) {
  const std::string stage = req.query_value("stage"), kind = req.query_value("kind");
  const std::string service = req.query_value("service"), policy = req.query_value("policy");
  std::size_t page = 1;
  try {
    page = std::max<std::size_t>(1, std::stoul(req.query_value("page").empty() ? "1" : req.query_value("page")));
  } catch (const std::exception&) {
  }
  std::vector<CaseRecord> cases;
  std::string today;
  {
    std::lock_guard lock(storage_mutex_);
    CaseFilter open;
    open.open_only = true;
    cases = storage_.Cases(open);
    today = workflow_.Today();
  }
  const std::string week_end = ToIso(AddDays(ParseIsoDate(today), 7));
  std::set<std::string> stages, kinds, services, policies;
  std::vector<Row> rows;
  rows.reserve(cases.size());
  for (const CaseRecord& c : cases) {
    if (!MaySee(v.account, c.policy_id, c.service_id)) continue;
    const std::string stage_id = c.stages.empty() ? "" : c.stages.back().stage_id;
    if (!stage_id.empty()) stages.insert(stage_id);
    kinds.insert(c.kind);
    if (!c.service_id.empty()) services.insert(c.service_id);
    policies.insert(c.policy_id);
    if ((!stage.empty() && stage_id != stage) || (!kind.empty() && c.kind != kind) ||
        (!service.empty() && c.service_id != service) || (!policy.empty() && c.policy_id != policy)) {
      continue;
    }
    rows.push_back(RowOf(c));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.next_due.empty() != b.next_due.empty()) return b.next_due.empty();   // no date: last
    return a.next_due < b.next_due;
  });
  const std::size_t size = options_.queue_page_size;
  const std::size_t pages = std::max<std::size_t>(1, (rows.size() + size - 1) / size);
  page = std::min(page, pages);
  list shown;
  for (std::size_t i = (page - 1) * size; i < std::min(rows.size(), page * size); ++i) {
    const Row& r = rows[i];
    const CaseRecord& c = *r.record;
    std::string status = "on-time", words = "On time";
    if (r.next_due.empty()) {
      status = "none";
      words = c.deadline_note.empty() ? "Nothing due" : "No deadline: check the case";
    } else if (today > r.next_due) {
      status = "overdue";
      words = "Overdue";
    } else if (r.next_due <= week_end) {
      status = "soon";
      words = "Due this week";
    }
    shown.push_back(object{{"reference", c.reference},
                           {"kind", c.kind},
                           {"policy", c.policy_id},
                           {"service", c.service_id.empty() ? "-" : c.service_id},
                           {"stage", c.stages.empty() || c.stages.back().stage_id.empty() ? "-" : c.stages.back().stage_id},
                           {"state", c.state},
                           {"sent", c.submitted_at.substr(0, 10)},
                           {"next_due", r.next_due.empty() ? "-" : r.next_due},
                           {"what_due", Text(r.what_due)},
                           {"status", status},
                           {"status_words", words},
                           {"urgent", c.urgent},
                           {"help", r.help},
                           {"flagged", !c.flags.empty()}});
  }
  Data d;
  d.set("cases", shown);
  d.set("count", std::to_string(rows.size()));
  d.set("any", !rows.empty());
  d.set("stages", Options(stages, stage));
  d.set("kinds", Options(kinds, kind));
  d.set("services", Options(services, service));
  d.set("policies", Options(policies, policy));
  d.set("scope", v.account.role == StaffRole::kHandler && (!v.account.policy.empty() || !v.account.service.empty())
                     ? "Cases of " + (v.account.policy.empty() ? std::string("any policy") : v.account.policy) +
                           (v.account.service.empty() ? "" : ", service " + v.account.service)
                     : std::string("All open cases"));
  std::string filters = "stage=" + UrlEncode(stage) + "&kind=" + UrlEncode(kind) + "&service=" + UrlEncode(service) +
                        "&policy=" + UrlEncode(policy);
  d.set("page", std::to_string(page));
  d.set("pages", std::to_string(pages));
  d.set("paged", pages > 1);
  if (page > 1) d.set("previous", "/staff/?" + filters + "&page=" + std::to_string(page - 1));
  if (page < pages) d.set("next", "/staff/?" + filters + "&page=" + std::to_string(page + 1));
  return Page(&v, "Queue", "queue", d);
}

}  // namespace tellus::reg
