// The queue: every open case the visitor may see, urgent and help-to-write first, then by
// the next date something is due (RegisterStorage::OpenQueue); overdue and due-this-week
// said in words and colour; filters by stage, kind, service and policy; a page at a time.
#include <algorithm>

#include "core/date.h"
#include "sync/register/case_workflow.h"
#include "sync/register/staff_web.h"

namespace tellus::reg {

namespace {

using kainjow::mustache::list;
using kainjow::mustache::object;

list Options(const std::vector<std::string>& values, const std::string& chosen) {
  list out;
  for (const std::string& v : values) out.push_back(object{{"value", v}, {"selected", v == chosen}});
  return out;
}

}  // namespace

HttpResponse StaffWeb::Queue(const HttpRequest& req, const Visitor& v) {
  QueueQuery q;
  if (v.account.role == StaffRole::kHandler) {
    q.scope_policy = v.account.policy;
    q.scope_service = v.account.service;
  }
  q.stage = req.query_value("stage");
  std::string notice;
  if (const std::string kind = req.query_value("kind"); !kind.empty()) {
    q.kind = ValueOf(kKindNames, kind);
    if (!q.kind) notice = NotOneOf("Kind", kind, kKindNames) + "; showing every kind.";
  }
  q.service = req.query_value("service");
  q.policy = req.query_value("policy");
  std::size_t page = 1;
  try {
    if (!req.query_value("page").empty()) page = std::max<std::size_t>(1, std::stoul(req.query_value("page")));
  } catch (const std::exception&) {
  }
  q.limit = options_.queue_page_size;
  q.offset = (page - 1) * q.limit;
  QueuePage found;
  Date today{};
  {
    std::lock_guard lock(storage_mutex_);
    found = storage_.OpenQueue(q);
    today = workflow_.Today();
  }
  const std::size_t pages = std::max<std::size_t>(1, (found.total + q.limit - 1) / q.limit);
  const Date week_end = AddDays(today, 7);
  list shown;
  for (const QueueEntry& e : found.entries) {
    std::string status = "on-time", words = "On time";
    if (!e.next_due) {
      status = "none";
      words = e.deadline_note.empty() ? "Nothing due" : "No deadline: check the case";
    } else if (today > *e.next_due) {
      status = "overdue";
      words = "Overdue";
    } else if (*e.next_due <= week_end) {
      status = "soon";
      words = "Due this week";
    }
    const char* what_due = e.what_due == DueNext::kAcknowledge ? "acknowledge"
                           : e.what_due == DueNext::kAnswer    ? "answer"
                                                               : "";
    shown.push_back(object{{"reference", e.reference},
                           {"kind", ToString(e.kind)},
                           {"policy", e.policy_id},
                           {"service", e.service_id.empty() ? "-" : e.service_id},
                           {"stage", e.stage_id.empty() ? "-" : e.stage_id},
                           {"state", ToString(e.state)},
                           {"sent", e.submitted_at.substr(0, 10)},
                           {"next_due", DayText(e.next_due, "-")},
                           {"what_due", Text(what_due)},
                           {"status", status},
                           {"status_words", words},
                           {"urgent", e.urgent},
                           {"help", e.help_to_write},
                           {"flagged", e.flagged}});
  }
  Data d;
  d.set("cases", shown);
  d.set("count", std::to_string(found.total));
  d.set("any", !found.entries.empty());
  d.set("stages", Options(found.stages, q.stage));
  std::vector<std::string> kinds;
  for (CaseKind k : found.kinds) kinds.push_back(ToString(k));
  d.set("kinds", Options(kinds, q.kind ? ToString(*q.kind) : ""));
  d.set("notice", Text(notice));
  d.set("services", Options(found.services, q.service));
  d.set("policies", Options(found.policies, q.policy));
  d.set("scope", !q.scope_policy.empty() || !q.scope_service.empty()
                     ? "Cases of " + (q.scope_policy.empty() ? std::string("any policy") : q.scope_policy) +
                           (q.scope_service.empty() ? "" : ", service " + q.scope_service)
                     : std::string("All open cases"));
  const std::string filters = "stage=" + UrlEncode(q.stage) + "&kind=" + UrlEncode(q.kind ? ToString(*q.kind) : "") +
                              "&service=" + UrlEncode(q.service) + "&policy=" + UrlEncode(q.policy);
  d.set("page", std::to_string(page));
  d.set("pages", std::to_string(pages));
  d.set("paged", pages > 1);
  if (page > 1) d.set("previous", "/staff/?" + filters + "&page=" + std::to_string(std::min(page, pages + 1) - 1));
  if (page < pages) d.set("next", "/staff/?" + filters + "&page=" + std::to_string(page + 1));
  return Page(&v, "Queue", "queue", d);
}

}  // namespace tellus::reg
