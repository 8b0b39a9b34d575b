// tellus-register check-policy and deadlines: the policy and calendar code of core/, from a shell.
// check-policy also holds each policy's Easy Read texts to the catalogs' rules (easyread/checks.h).
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/policy.h"
#include "core/policy_language.h"
#include "easyread/catalog.h"
#include "easyread/checks.h"
#include "sync/register/commands.h"

namespace tellus::reg {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string assets = TELLUS_ASSETS_DIR;          // pictograms/manifest.toml
  std::string easyread = TELLUS_EASYREAD_DIR;      // hard and joining words, lang/en-GB
};

struct DeadlineOptions {
  std::string policy;
  std::string received;
  std::string assets = TELLUS_ASSETS_DIR;
};

// Loads each file and checks its Easy Read texts; prints "ok <id>" or each problem as
// "file:line: key: what" (loading) or "file:line: key: rule: what" (Easy Read); a non-zero
// exit if any file is bad.
void CheckPolicies(const CheckOptions& options) {
  EasyReadRules rules;
  Catalog english;
  try {
    rules = EasyReadRules::LoadFrom(options.assets, options.easyread);
    english = Catalog::LoadLanguage(options.easyread + "/lang", "en-GB");
  } catch (const CatalogError& e) {
    throw std::runtime_error(std::string("check-policy: the Easy Read rules cannot be read: ") + e.what());
  }
  // Every catalog language needs the policy's words too (core/policy_language.h).
  std::map<std::string, Catalog> languages;
  const std::string lang_root = options.easyread + "/lang";
  try {
    for (const std::string& tag : Catalog::AvailableTags(lang_root))
      if (tag != kPolicySourceLanguage) languages.emplace(tag, Catalog::LoadLanguage(lang_root, tag));
  } catch (const CatalogError& e) {
    throw std::runtime_error(std::string("check-policy: a catalog cannot be read: ") + e.what());
  }
  int bad = 0;
  for (const std::string& file : options.files) {
    try {
      Policy policy = LoadPolicyFile(file);
      std::vector<CheckProblem> problems = CheckPolicy(policy, rules, english);
      std::vector<std::string> unreviewed;
      for (const auto& [tag, catalog] : languages) {
        const PolicyInLanguage translated = PolicyForLanguage(policy, tag);
        std::vector<CheckProblem> more = CheckPolicyLanguage(translated, rules, catalog);
        problems.insert(problems.end(), more.begin(), more.end());
        if (translated.needs_review) unreviewed.push_back(tag);
      }
      for (const std::string& tag : PolicyTranslationTags(policy)) {
        if (!languages.count(tag) && tag != kPolicySourceLanguage)
          problems.push_back({tag, "(file)", "unknown-language",
                              "no catalog easyread/lang/" + tag + " for this translation: the kiosk cannot offer it",
                              PolicyTranslationPath(policy, tag), 1});
      }
      for (const CheckProblem& problem : problems) std::cerr << Describe(problem) << "\n";
      if (problems.empty()) {
        std::cout << "ok " << policy.id;
        if (!unreviewed.empty()) {
          std::cout << " (words not yet checked by a native speaker:";
          for (const std::string& tag : unreviewed) std::cout << " " << tag;
          std::cout << ")";
        }
        std::cout << "\n";
      } else {
        ++bad;
      }
    } catch (const PolicyError& e) {
      std::cerr << e.what() << "\n";
      ++bad;
    }
  }
  std::cout.flush();
  if (bad > 0) {
    std::cerr << bad << " of " << options.files.size() << " policy file" << (options.files.size() == 1 ? "" : "s")
              << " failed the check\n";
    throw CLI::RuntimeError(1);
  }
}

// Says which bank holidays a "(projected)" date counted: the published data ends at
// calendar.last_published(), and the days after come from the standing rules.
std::string ProjectionNote(const HolidayCalendar& calendar, Date from, Date to) {
  std::string note = "(projected): GOV.UK's " + ToString(calendar.division()) + " bank holidays end on " +
                     ToIso(calendar.last_published()) +
                     "; later ones are projected by the standing rules, and a one-off holiday announced later "
                     "could move these dates (add the newer GOV.UK file to assets/holidays).";
  std::string listed;
  for (const BankHoliday& h : calendar.HolidaysBetween(from, to)) {
    if (h.projected) listed += "  " + ToIso(h.date) + " " + h.title + (h.substitute ? " (substitute day)" : "") + "\n";
  }
  return note + (listed.empty() ? " No projected holiday falls in these days.\n" : " Projected holidays counted:\n" + listed);
}

// Deadlines of a case received on one date, in procedure order, each stage as if the case
// entered it on that date. Nothing is printed unless every date can be computed.
void PrintDeadlines(const DeadlineOptions& options) {
  Date received;
  try {
    received = ParseIsoDate(options.received);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(std::string("deadlines: --received: ") + e.what());
  }
  Policy policy = LoadPolicy(options.policy, options.assets + "/policies");
  HolidayCalendar calendar = HolidayCalendar::FromFolder(options.assets + "/holidays", policy.division);
  std::vector<NamedDeadline> deadlines;
  try {
    deadlines = ProcedureDeadlines(policy, received, calendar);
  } catch (const CalendarRangeError& e) {
    throw std::runtime_error(std::string("deadlines: ") + e.what());
  }
  std::string out;
  std::optional<Date> furthest;                    // of the dates resting on projected holidays
  for (const NamedDeadline& d : deadlines) {
    out += d.name + " " + ToIso(d.date) + (d.projected ? " (projected)" : "") + "\n";
    if (d.projected && (!furthest || DaysBetween(*furthest, d.date) > 0)) furthest = d.date;
  }
  if (furthest) out += ProjectionNote(calendar, AddDays(received, 1), *furthest);
  std::cout << out << std::flush;
}

}  // namespace

void AddPolicyCommands(CLI::App& app) {
  auto check_options = std::make_shared<CheckOptions>();
  CLI::App* check = app.add_subcommand("check-policy", "Check policy files; prints \"ok <id>\" for each good one");
  check->add_option("files", check_options->files, "Policy TOML files")->required();
  check->add_option("--assets", check_options->assets, "Assets folder (pictograms/manifest.toml)")->capture_default_str();
  check->add_option("--easyread", check_options->easyread, "Easy Read folder (hard words, lang/en-GB)")
      ->capture_default_str();
  check->callback([check_options] { CheckPolicies(*check_options); });

  auto deadline_options = std::make_shared<DeadlineOptions>();
  CLI::App* deadlines =
      app.add_subcommand("deadlines", "Print the acknowledgement and each stage's response date for a received date");
  deadlines->add_option("--policy", deadline_options->policy, "Policy id (assets/policies/<id>.toml) or file")
      ->required();
  deadlines->add_option("--received", deadline_options->received, "Date received, YYYY-MM-DD")->required();
  deadlines->add_option("--assets", deadline_options->assets, "Assets folder (policies/ and holidays/)")
      ->capture_default_str();
  deadlines->callback([deadline_options] { PrintDeadlines(*deadline_options); });
}

}  // namespace tellus::reg
