// Reports for managers: volumes by month, service and category, outcomes, and the share
// acknowledged and answered on time (report.h, as `tellus-register report`), with charts
// drawn as SVG here and the same figures as CSV.
#include <cstdio>
#include <optional>

#include "core/date.h"
#include "sync/register/report.h"
#include "sync/register/staff_web.h"
#include "sync/register/svg_chart.h"

namespace tellus::reg {

namespace {

using kainjow::mustache::list;
using kainjow::mustache::object;

bool IsDate(const std::string& text) {
  try {
    return text.size() == 10 && ToIso(ParseIsoDate(text)) == text;
  } catch (const std::exception&) {
    return false;
  }
}

std::string PercentText(const OnTime& t) {
  char text[64];
  std::snprintf(text, sizeof text, "%d of %d (%.0f%%)", t.on_time, t.due, 100.0 * t.Share());
  return text;
}

// The report for the request's from/to (default: the last 365 days), or an error for a bad date.
std::optional<Report> ReportFor(const HttpRequest& req, RegisterStorage& storage, CaseWorkflow& workflow,
                                std::string& from, std::string& to, std::string& error) {
  const Date today = workflow.Today();
  from = req.query_value("from");
  to = req.query_value("to");
  if (from.empty()) from = ToIso(AddDays(today, -365));
  if (to.empty()) to = ToIso(today);
  for (const std::string* d : {&from, &to}) {
    if (!IsDate(*d)) {
      error = "'" + *d + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-04-01.";
      return std::nullopt;
    }
  }
  CaseFilter all;
  return MakeReport(storage.Cases(all), ParseIsoDate(from), ParseIsoDate(to), today);
}

}  // namespace

HttpResponse StaffWeb::Reports(const HttpRequest& req, const Visitor& v) {
  std::string from, to, error;
  std::optional<Report> report;
  {
    std::lock_guard lock(storage_mutex_);
    report = ReportFor(req, storage_, workflow_, from, to, error);
  }
  Data d;
  d.set("from", from);
  d.set("to", to);
  d.set("error", Text(error));
  if (report) {
    d.set("total", std::to_string(report->total));
    d.set("csv", "/staff/reports.csv?from=" + UrlEncode(from) + "&to=" + UrlEncode(to));
    d.set("acknowledged", PercentText(report->acknowledged));
    d.set("answered", PercentText(report->answered));
    d.set("on_time_chart",
          BarChartSvg("on-time", "Per cent on time",
                      {{"Acknowledged on time (%)", static_cast<int>(100.0 * report->acknowledged.Share() + 0.5)},
                       {"Answered on time (%)", static_cast<int>(100.0 * report->answered.Share() + 0.5)}}));
    list charts;
    const std::pair<const char*, const char*> kGroups[] = {{"month", "Cases by month sent"},
                                                           {"service", "Cases by service"},
                                                           {"category", "Cases by category"},
                                                           {"kind", "Cases by kind"},
                                                           {"outcome", "Outcomes"},
                                                           {"stage", "Current stage"}};
    for (const auto& [group, title] : kGroups) {
      auto it = report->counts.find(group);
      if (it == report->counts.end()) continue;
      std::vector<std::pair<std::string, int>> bars(it->second.begin(), it->second.end());
      charts.push_back(object{{"title", title}, {"svg", BarChartSvg(group, title, bars)}});
    }
    d.set("charts", charts);
    d.set("any", report->total > 0);
  }
  return Page(&v, "Reports", "reports", d, error.empty() ? 200 : 400);
}

HttpResponse StaffWeb::ReportsCsv(const HttpRequest& req, const Visitor& v) {
  std::string from, to, error;
  std::optional<Report> report;
  {
    std::lock_guard lock(storage_mutex_);
    report = ReportFor(req, storage_, workflow_, from, to, error);
    if (report) storage_.Audit(v.account.name, "report-csv", "", from + " to " + to + " (staff pages)");
  }
  if (!report) return Refusal(&v, 400, "No report", error);
  HttpResponse res;
  res.set_content(ReportCsv(*report), "text/csv; charset=utf-8");
  res.set_header("Content-Disposition", "attachment; filename=\"tellus-report-" + from + "-to-" + to + ".csv\"");
  res.set_header("Cache-Control", "no-store");
  return res;
}

}  // namespace tellus::reg
