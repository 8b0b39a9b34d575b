#include "sync/register/report.h"

#include <cstdio>
#include <sstream>

#include "sync/register/case_workflow.h"
#include "sync/register/column_text.h"

namespace tellus::reg {

namespace {

// A deadline is judged once it has passed or was met.
void Judge(OnTime& figure, const std::optional<Date>& due, const std::optional<UtcTime>& done_at, Date today) {
  if (!due) return;
  if (done_at) {
    ++figure.due;
    if (LocalDateOf(*done_at) <= *due) ++figure.on_time;
  } else if (today > *due) {
    ++figure.due;
  }
}

std::string Percent(const OnTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * t.Share());
  return buf;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

Report MakeReport(const std::vector<CaseRecord>& cases, std::optional<Date> from, std::optional<Date> to, Date today) {
  Report r;
  r.from = from;
  r.to = to;
  for (const CaseRecord& c : cases) {
    const std::string day = c.submitted_at.substr(0, 10);   // as the clear part has it (UTC), like `cases --from`
    if ((from && day < ToIso(*from)) || (to && day > ToIso(*to))) continue;
    ++r.total;
    r.counts["kind"][ToString(c.kind)]++;
    r.counts["service"][c.service_id.empty() ? "(none)" : c.service_id]++;
    for (const std::string& cat : c.categories) r.counts["category"][cat]++;
    std::string stage = c.stages.empty() || c.stages.back().stage_id.empty() ? "(none)" : c.stages.back().stage_id;
    r.counts["stage"][stage]++;
    r.counts["outcome"][c.state == CaseState::kClosed ? ColumnText(c.outcome) : "(open)"]++;
    for (const StageRecord& st : c.stages) {
      Judge(r.acknowledged, st.acknowledge_due, st.acknowledged_at, today);
      Judge(r.answered, st.respond_due, st.responded_at, today);
    }
  }
  return r;
}

std::string ReportText(const Report& r) {
  std::ostringstream out;
  out << "Cases submitted " << DayText(r.from, "(any)") << " to " << DayText(r.to, "(any)")
      << ": " << r.total << "\n";
  for (const auto& [group, keys] : r.counts) {
    out << "\nby " << group << "\n";
    for (const auto& [key, n] : keys) out << "  " << key << std::string(key.size() < 28 ? 28 - key.size() : 1, ' ') << n << "\n";
  }
  out << "\nacknowledged on time  " << r.acknowledged.on_time << " of " << r.acknowledged.due << " ("
      << Percent(r.acknowledged) << ")\n";
  out << "answered on time      " << r.answered.on_time << " of " << r.answered.due << " (" << Percent(r.answered)
      << ")\n";
  return out.str();
}

std::string ReportCsv(const Report& r) {
  std::ostringstream out;
  out << "group,key,count\n";
  out << "total,cases," << r.total << "\n";
  for (const auto& [group, keys] : r.counts) {
    for (const auto& [key, n] : keys) out << group << "," << CsvField(key) << "," << n << "\n";
  }
  out << "on_time,acknowledged," << r.acknowledged.on_time << "\n";
  out << "due,acknowledged," << r.acknowledged.due << "\n";
  out << "on_time,answered," << r.answered.on_time << "\n";
  out << "due,answered," << r.answered.due << "\n";
  return out.str();
}

}  // namespace tellus::reg
