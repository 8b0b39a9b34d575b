#pragma once
// Figures for trustees: counts by kind, service, category, current stage and
// outcome, and the share of acknowledgements and answers made on time. A stage
// counts towards "on time" once its deadline has passed or it was met; one still
// inside its deadline and not yet done counts in neither figure.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sync/register/storage.h"

namespace tellus::reg {

struct OnTime {
  int due = 0;                                     // deadlines met, missed, or passed unmet
  int on_time = 0;
  double Share() const { return due == 0 ? 1.0 : static_cast<double>(on_time) / due; }
};

struct Report {
  std::optional<Date> from, to;                    // nullopt: unbounded
  int total = 0;
  std::map<std::string, std::map<std::string, int>> counts;   // group -> key -> count
  OnTime acknowledged;
  OnTime answered;
};

Report MakeReport(const std::vector<CaseRecord>& cases, std::optional<Date> from, std::optional<Date> to, Date today);
std::string ReportText(const Report& report);
std::string ReportCsv(const Report& report);        // group,key,count rows, then the on-time rows

}  // namespace tellus::reg
