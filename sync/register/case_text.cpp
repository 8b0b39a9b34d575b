#include "sync/register/case_text.h"

#include <cstdio>

#include "core/date.h"

namespace tellus::reg {

std::string IncidentText(const IncidentPeriod& when) {
  if (!when.Given()) return "not given";
  if (when.OneDay()) return ToIso(*when.from);
  if (!when.from) return "on or before " + ToIso(*when.to) + " (no exact day)";
  return "between " + ToIso(*when.from) + " and " + ToIso(*when.to) + " (a span they chose, no exact day)";
}

std::string SupportText(const SupportNeeds& s) {
  std::string support;
  if (s.easy_read) support += "Easy Read; ";
  if (s.large_print) support += "large print; ";
  if (!s.language.empty()) support += "language " + s.language + "; ";
  if (s.interpreter) support += "interpreter; ";
  if (s.bsl) support += "BSL; ";
  if (s.advocate) support += "advocate; ";
  if (s.help_to_write) support += "help to write; ";
  return support;
}

std::string HelpText(const PersonalPart& p) {
  if (!p.help.Requested()) return "";
  return std::string(p.help.way == HelpWay::kCallBack ? "phone them back" : "meet them in person") + ", best time " +
         (p.help.best_time == HelpTime::kMorning     ? "morning"
          : p.help.best_time == HelpTime::kAfternoon ? "afternoon"
                                                      : "any time") +
         " (contact by " + ToString(p.person.contact) + ")";
}

std::string LengthText(int ms) {
  const int seconds = (ms + 500) / 1000;
  char text[32];
  std::snprintf(text, sizeof text, "%d:%02d", seconds / 60, seconds % 60);
  return text;
}

}  // namespace tellus::reg
