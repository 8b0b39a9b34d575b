#pragma once
// How a case's answers read to staff, the same on the command line (`case show`) and in
// the staff pages: when it happened as the person said it, their support needs, and how
// they asked for help to tell us.
#include <string>

#include "core/model.h"

namespace tellus::reg {

std::string IncidentText(const IncidentPeriod& when);   // a span stays a span, never shown as one day
std::string SupportText(const SupportNeeds& support);  // "Easy Read; interpreter; " or ""
std::string HelpText(const PersonalPart& personal);    // "phone them back, best time morning (contact by phone)" or ""
std::string LengthText(int ms);                        // "1:05"

}  // namespace tellus::reg
