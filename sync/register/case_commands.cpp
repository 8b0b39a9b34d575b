// tellus-register cases, case show|audio|ack|reply|escalate|close, kiosks, report, purge, import.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "core/model.h"
#include "core/seal.h"
#include "sync/register/audit_actor.h"
#include "sync/register/bundle_import.h"
#include "sync/register/case_routes.h"
#include "sync/register/case_text.h"
#include "sync/register/case_workflow.h"
#include "sync/register/commands.h"
#include "sync/register/password_prompt.h"
#include "sync/register/staff_auth.h"
#include "sync/register/kiosk_health.h"
#include "sync/register/register_keys.h"
#include "sync/register/report.h"
#include "sync/register/open_storage.h"
#include "sync/register/terminal_text.h"

namespace tellus::reg {

namespace {

struct Common {
  std::string db;
  std::string as;                                  // --as NAME: a staff account, verified by its password
  std::string policies = std::string(TELLUS_ASSETS_DIR) + "/policies";
  std::string holidays = std::string(TELLUS_ASSETS_DIR) + "/holidays";
};

void AddCommon(CLI::App* cmd, Common& c) {
  cmd->add_option("--db", c.db, "Register database")->required();
  cmd->add_option("--policies", c.policies, "Folder of policy files")->capture_default_str();
  cmd->add_option("--holidays", c.holidays, "Folder of bank-holiday files")->capture_default_str();
  cmd->add_option("--as", c.as,
                  "Act as this staff account (its password is asked for; its role applies and the audit log names "
                  "it). Without it the operating-system user is named, as the register's local administrator");
}

// Everything a staff command needs, opened once. With --as, the staff account signs in
// with its password (staff_auth.h: the same lock-out as the staff pages), must hold
// `needs`, and, as a handler, may only touch `reference` if it is one of their cases.
// Without --as, whoever can open the database and its key file is the register's local
// administrator, named in the audit log by their operating-system user.
struct Session {
  explicit Session(const Common& c, const std::string& reference = "", StaffRole needs = StaffRole::kHandler)
      : storage(OpenRegisterStorage(c.db)),
        policies(c.policies, c.holidays),
        workflow(*storage, policies),
        actor(OsUserActor()) {
    if (c.as.empty()) return;
    auto staff = OpenStaffStore(c.db);
    const SignInResult signed_in =
        SignIn(*staff, c.as, ReadPassword("Password for " + c.as + ": "), UtcNow().time_since_epoch().count());
    if (signed_in.verdict != SignInVerdict::kOk) {
      storage->Audit(c.as, "sign-in-refused", "", "command line, as " + OsUserActor());
      throw std::runtime_error(SignInMessage(signed_in));
    }
    account = signed_in.account;
    actor = account->name;
    if (static_cast<int>(account->role) < static_cast<int>(needs)) {
      throw std::runtime_error(account->name + " is a " + ToString(account->role) + "; this command needs a " +
                               ToString(needs) + " (see: tellus-register staff list)");
    }
    if (!reference.empty()) {
      const std::optional<CaseRecord> found = storage->FindCase(reference);
      if (found && !MaySee(*account, found->policy_id, found->service_id)) {
        throw std::runtime_error(account->name + " handles " + (account->policy.empty() ? "any policy" : account->policy) +
                                 (account->service.empty() ? "" : ", service " + account->service) + "; case " +
                                 reference + " is not one of theirs");
      }
    }
  }
  // Whether the signed-in account (if any) may see this case.
  bool Sees(const CaseRecord& record) const {
    return !account || MaySee(*account, record.policy_id, record.service_id);
  }
  std::unique_ptr<RegisterStorage> storage;
  PolicyBook policies;
  CaseWorkflow workflow;
  std::string actor;
  std::optional<StaffAccount> account;             // with --as
};

std::string Or(const std::string& text, const char* fallback) { return text.empty() ? fallback : TerminalSafe(text); }
// Anything that came from a kiosk, made safe for the terminal (terminal_text.h).
std::string Safe(const std::string& text) { return TerminalSafe(text); }

// A date given on the command line (YYYY-MM-DD), or an error naming the option.
Date DateOption(const std::string& text, const std::string& option) {
  try {
    return ParseIsoDate(text);
  } catch (const std::invalid_argument&) {
    throw CaseError(option + " '" + text + "' is not a date (YYYY-MM-DD)");
  }
}

void ListCases(const Common& c, bool overdue, const std::string& stage, std::optional<Kind> kind, bool all,
               bool urgent) {
  Session s(c);
  CaseFilter filter;
  filter.urgent_only = urgent;                     // urgent cases come first either way
  filter.stage = stage;
  filter.kind = kind;
  filter.open_only = !all;
  const Date today = s.workflow.Today();
  std::cout << std::left << std::setw(16) << "reference" << std::setw(11) << "kind" << std::setw(16) << "policy"
            << std::setw(12) << "stage" << std::setw(13) << "state" << std::setw(12) << "sent" << std::setw(12)
            << "ack by" << std::setw(12) << "answer by" << "flags\n";
  int shown = 0;
  // Urgent cases first (someone may be in danger), then people who asked for help to tell
  // us (someone has to phone or meet them), then the rest in the storage's order.
  std::vector<CaseRecord> records = s.storage->Cases(filter);
  std::erase_if(records, [&](const CaseRecord& rec) { return !s.Sees(rec); });   // --as a handler: their cases
  auto rank = [](const CaseRecord& rec) { return rec.urgent ? 0 : ClearFromJson(rec.clear_json).help_to_write ? 1 : 2; };
  std::stable_sort(records.begin(), records.end(),
                   [&](const CaseRecord& a, const CaseRecord& b) { return rank(a) < rank(b); });
  for (const CaseRecord& rec : records) {
    bool late = s.workflow.IsOverdue(rec, today);
    if (overdue && !late) continue;
    const StageRecord& st = rec.stages.back();
    std::string flags = rec.urgent ? "URGENT" : "";
    if (ClearFromJson(rec.clear_json).help_to_write) flags += flags.empty() ? "HELP-TO-WRITE" : " HELP-TO-WRITE";
    if (late) flags += flags.empty() ? "OVERDUE" : " OVERDUE";
    if (!rec.deadline_note.empty()) flags += flags.empty() ? "NO-DEADLINE" : " NO-DEADLINE";
    if (rec.via == Via::kUsb) flags += flags.empty() ? "usb" : " usb";
    const CaseWorkflow::Projection projected = s.workflow.ProjectionOf(rec, st);
    if ((projected.acknowledge && !st.acknowledged_at) || (projected.respond && !st.responded_at)) {
      flags += flags.empty() ? "PROJECTED" : " PROJECTED";
    }
    if (!rec.flags.empty()) flags += flags.empty() ? "FLAGGED" : " FLAGGED";   // `case show` says why
    std::cout << std::setw(16) << Safe(rec.reference) << std::setw(11) << ToString(rec.kind) << std::setw(16)
              << Safe(rec.policy_id) << std::setw(12) << Or(st.stage_id, "-") << std::setw(13) << ToString(rec.state)
              << std::setw(12) << Safe(rec.submitted_at.substr(0, 10)) << std::setw(12)
              << (st.acknowledged_at ? "done" : DayText(st.acknowledge_due, "-")) << std::setw(12)
              << (st.responded_at ? "done" : DayText(st.respond_due, "-")) << flags << "\n";
    ++shown;
  }
  std::cout << shown << " case(s)\n";
}

void ShowCase(const Common& c, const std::string& reference) {
  Session s(c, reference);
  CaseRecord rec = s.workflow.Require(reference);
  RegisterKeys keys = LoadRegisterKeys(KeysPathFor(c.db));
  // Opening personal data is itself an action for the log: written first, so a failed
  // audit write means nothing is shown.
  s.storage->Audit(s.actor, "show", rec.reference, "opened the sealed part");
  std::cout << "reference     " << Safe(rec.reference) << "\nkind          " << ToString(rec.kind) << "\npolicy        "
            << Safe(rec.policy_id) << "\nservice       " << Or(rec.service_id, "-") << "\ncategories    ";
  for (const auto& cat : rec.categories) std::cout << Safe(cat) << " ";
  std::cout << "\nsent at kiosk " << Safe(rec.submitted_at) << " (kiosk " << rec.kiosk << ")\nreceived      "
            << Safe(rec.received_at) << " via " << ToString(rec.via) << "\nanonymous     " << (rec.anonymous ? "yes" : "no")
            << "\nstate         " << ToString(rec.state) << (rec.outcome ? " (" + ToString(*rec.outcome) + ")" : "") << "\n";
  for (const auto& r : rec.receipt_references) std::cout << "on receipt    " << Safe(r) << "\n";
  std::cout << "happened      " << IncidentText(ClearFromJson(rec.clear_json).incident) << "\n";
  if (!rec.deadline_note.empty()) std::cout << "NO DEADLINES: " << Safe(rec.deadline_note) << "\n";
  for (const auto& flag : rec.flags) std::cout << "FLAGGED: " << Safe(flag) << "\n";
  const Policy* policy = nullptr;
  try {
    policy = &s.policies.Get(rec.policy_id);
  } catch (const std::exception& e) {
    std::cout << "policy        cannot be read: " << e.what() << "\n";
  }
  if (policy) PrintSafeguarding(std::cout, rec, *policy);
  if (policy) PrintRoutes(std::cout, rec, *policy, s.workflow);
  std::cout << "\nstages\n";
  bool any_projected = false;
  for (const StageRecord& st : rec.stages) {
    const CaseWorkflow::Projection projected = s.workflow.ProjectionOf(rec, st);
    any_projected = any_projected || projected.acknowledge || projected.respond;
    std::cout << "  " << std::left << std::setw(12) << Or(st.stage_id, "-") << "from " << ToIso(st.entered_on)
              << "  ack by " << DayText(st.acknowledge_due, "-") << (projected.acknowledge ? " (projected)" : "")
              << (st.acknowledged_at ? " (done " + ToIsoUtc(*st.acknowledged_at).substr(0, 10) + ")" : "")
              << "  answer by " << DayText(s.workflow.AnswerDue(st), "-")
              << (projected.respond && !st.extended_to ? " (projected)" : "")
              << (st.responded_at ? " (done " + ToIsoUtc(*st.responded_at).substr(0, 10) + ")" : "") << "\n";
  }
  if (any_projected) {
    std::cout << "  (projected): counts bank holidays after the published GOV.UK data, projected by the standing "
                 "rules; a one-off holiday announced later could move it (see `deadlines`)\n";
  }
  PersonalPart p = OpenPersonal(rec.sealed, keys.box);
  std::cout << "\nwhat they told us (opened with the register key)\n";
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty()) std::cout << "  " << std::left << std::setw(18) << label << Safe(value) << "\n";
  };
  line("name", p.person.name);
  line("address", p.person.address);
  line("phone", p.person.phone);
  line("email", p.person.email);
  line("contact by", p.person.contact == ContactPreference::kNone ? "" : ToString(p.person.contact));
  if (p.on_behalf.on_behalf) {
    line("on behalf of", p.on_behalf.their_name);
    if (!p.on_behalf.deceased) line("permission", p.on_behalf.permission_given ? "given" : "NOT given");
  }
  if (policy) PrintEligibilityNotes(std::cout, p, *policy);
  line("about", p.subject);
  line("what happened", p.what_happened);
  line("when", p.when_text);
  line("how it affected", p.how_affected);
  line("to put it right", p.put_right);
  line("praise", p.praise);
  line("support needs", SupportText(p.support));
  if (p.help.Requested()) std::cout << "  " << std::left << std::setw(18) << "HELP TO WRITE" << HelpText(p) << "\n";
  if (!p.recordings.empty()) {
    std::cout << "\nspoken answers (write them out with: tellus-register case audio " << rec.reference << " --out DIR)\n";
    for (const Recording& r : p.recordings) {
      std::cout << "  " << std::left << std::setw(18) << ToString(r.question) << LengthText(r.length_ms) << "  ("
                << r.opus.size() / 1024 << " KiB Ogg Opus)\n";
    }
  }
  Wipe(p);
  if (!rec.latest_reply.empty()) std::cout << "\nlatest reply to the person\n  " << Safe(rec.latest_reply) << "\n";
  auto requests = s.storage->Requests(rec.uuid);
  if (!requests.empty()) std::cout << "\nrequests from the kiosk\n";
  for (const auto& r : requests) {
    std::string text = r.sealed_text.empty() ? "" : Open(r.sealed_text, keys.box);
    std::cout << "  " << Safe(r.at) << "  " << Safe(r.action) << (text.empty() ? "" : ": " + Safe(text)) << "\n";
    WipeString(text);
  }
  std::cout << "\naudit\n";
  for (const auto& a : s.storage->AuditLog(rec.reference)) {
    std::cout << "  " << Safe(a.at) << "  " << Safe(a.actor) << "  " << Safe(a.action)
              << (a.detail.empty() ? "" : "  " + Safe(a.detail)) << "\n";
  }
}

// Writes the opened recordings as <REF>-<question>.opus, readable by the owner only; audited.
void WriteAudio(const Common& c, const std::string& reference, const std::string& out_dir) {
  Session s(c, reference);
  CaseRecord rec = s.workflow.Require(reference);
  RegisterKeys keys = LoadRegisterKeys(KeysPathFor(c.db));
  PersonalPart p = OpenPersonal(rec.sealed, keys.box);
  if (p.recordings.empty()) {
    Wipe(p);
    std::cout << rec.reference << " has no spoken answers\n";
    return;
  }
  std::filesystem::create_directories(out_dir);
  std::string written;
  for (const Recording& r : p.recordings) {
    const std::filesystem::path path = std::filesystem::path(out_dir) / (rec.reference + "-" + ToString(r.question) + ".opus");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const std::vector<unsigned char>& audio = r.opus.bytes();
    const bool ok = fd >= 0 && ::write(fd, audio.data(), audio.size()) == static_cast<ssize_t>(audio.size()) &&
                    ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!ok) {
      Wipe(p);
      throw std::runtime_error(path.string() + ": cannot write the recording (is the folder writable?)");
    }
    std::cout << path.string() << "  " << ToString(r.question) << "  " << LengthText(r.length_ms) << "\n";
    written += (written.empty() ? "" : ", ") + ToString(r.question);
  }
  Wipe(p);
  // Hearing what someone said is opening personal data: it goes in the log with who and where.
  s.storage->Audit(s.actor, "audio", rec.reference, "wrote " + written + " to " + out_dir);
}

void ListKiosks(const Common& c) {
  Session s(c, "", StaffRole::kManager);
  std::cout << std::left << std::setw(7) << "kiosk" << std::setw(24) << "name" << std::setw(16) << "policy"
            << std::setw(22) << "last contact" << std::setw(9) << "waiting" << std::setw(10) << "lag" << "flags\n";
  const UtcTime now = UtcNow();
  for (const KioskRecord& k : s.storage->Kiosks()) {
    const KioskHealth health = HealthOf(k, now);
    std::cout << std::setw(7) << k.number << std::setw(24) << Safe(k.name) << std::setw(16) << Or(k.policy, "-")
              << std::setw(22) << (k.last_contact ? ToIsoUtc(*k.last_contact) : "never") << std::setw(9) << k.waiting
              << std::setw(10) << health.lag << health.flag << "\n";
  }
}

}  // namespace

void AddCaseCommands(CLI::App& app) {
  static Common common;

  auto* cases = app.add_subcommand("cases", "List cases (open ones unless --all)");
  AddCommon(cases, common);
  static bool overdue = false, all = false, urgent = false;
  static std::string stage, kind;
  cases->add_flag("--overdue", overdue, "Only cases past an acknowledgement or answer deadline");
  cases->add_option("--stage", stage, "Only cases at this stage id");
  cases->add_option("--kind", kind, "compliment | complaint | comment")
      ->check(CLI::IsMember(NamesOf(kKindNames)));
  cases->add_flag("--all", all, "Include closed cases");
  cases->add_flag("--urgent", urgent, "Only urgent cases (someone may be hurt or in danger); they are listed first anyway");
  cases->callback([] {
    ListCases(common, overdue, stage, kind.empty() ? std::nullopt : std::optional<Kind>(ParseKind(kind)), all, urgent);
  });

  auto* kase = app.add_subcommand("case", "Handle one case");
  kase->require_subcommand(1);
  static std::string reference, text, outcome;
  auto add = [&](const char* name, const char* help) {
    auto* sub = kase->add_subcommand(name, help);
    AddCommon(sub, common);
    sub->add_option("REF", reference, "Case reference")->required();
    return sub;
  };
  add("show", "Show a case, opening its sealed part with the register key")->callback([] { ShowCase(common, reference); });
  static std::string audio_dir;
  add("audio", "Write the case's spoken answers as .opus files (opened with the register key; audited)")
      ->callback([] { WriteAudio(common, reference, audio_dir); })
      ->add_option("--out", audio_dir, "Folder to write them to")
      ->required();
  add("ack", "Record that the case was acknowledged")->callback([] {
    Session s(common, reference);
    s.workflow.Acknowledge(reference, s.actor);
    std::cout << "acknowledged " << reference << "\n";
  });
  auto* reply = add("reply", "Record the answer; the text is what the kiosk shows the person");
  reply->add_option("--text", text, "The reply, in plain words")->required();
  static std::string sent_by;
  reply->add_option("--sent-by", sent_by, "How the written reply went: post | email | in-person | phone "
                                          "(a posted reply counts as received later, per policy)")
      ->check(CLI::IsMember(NamesOf(kReplyChannelNames)));
  reply->callback([] {
    Session s(common, reference);
    s.workflow.Reply(reference, text, s.actor, ParseReplyChannel(sent_by));   // nullopt when not given
    std::cout << "replied to " << reference << "\n";
  });

  // Staff change the plan (each audited; deadlines recomputed).
  static std::string extend_to, reason, note;
  auto* extend = add("extend", "Give a new answer date for the current stage, with the reason the person is told");
  extend->add_option("--to", extend_to, "The new date, YYYY-MM-DD")->required();
  extend->add_option("--reason", reason, "Why, in plain words (shown at the kiosk)")->required();
  extend->callback([] {
    Session s(common, reference);
    s.workflow.Extend(reference, DateOption(extend_to, "--to"), reason, s.actor);
    std::cout << reference << ": answer by " << extend_to << "\n";
  });
  add("reopen", "Open a closed case again at its last stage (its clock starts today)")->callback([] {
    Session s(common, reference);
    s.workflow.Reopen(reference, s.actor);
    const StageRecord& st = s.workflow.Require(reference).stages.back();
    std::cout << reference << " is open again at " << Or(st.stage_id, "-") << "; answer by "
              << DayText(st.respond_due, "-") << "\n";
  });
  static std::string back_to;
  auto* send_back = add("send-back", "Send the case back to an earlier stage (its clock starts today)");
  send_back->add_option("--to", back_to, "The stage id, e.g. stage-2")->required();
  send_back->callback([] {
    Session s(common, reference);
    s.workflow.SendBack(reference, back_to, s.actor);
    const StageRecord& st = s.workflow.Require(reference).stages.back();
    std::cout << reference << " is back at " << st.stage_id << "; answer by " << DayText(st.respond_due, "-") << "\n";
  });
  static bool carry_on = false;
  auto* withdraw = add("withdraw", "The person asked to stop: close as withdrawn, or carry on where the policy allows");
  withdraw->add_flag("--continue", carry_on, "Keep looking into it (only where the policy may continue)");
  withdraw->add_option("--note", note, "Why it continues (with --continue)");
  withdraw->callback([] {
    Session s(common, reference);
    s.workflow.Withdraw(reference, carry_on, note, s.actor);
    std::cout << reference << (carry_on ? ": withdrawal noted; the case continues\n" : ": closed (withdrawn)\n");
  });
  add("escalate", "Move the case to the next stage of its procedure")->callback([] {
    Session s(common, reference);
    s.workflow.Escalate(reference, s.actor);
    CaseRecord rec = s.workflow.Require(reference);
    const StageRecord& st = rec.stages.back();
    std::cout << rec.reference << " is now at " << st.stage_id << "; acknowledge by "
              << DayText(st.acknowledge_due, "-") << ", answer by " << DayText(st.respond_due, "-") << "\n";
  });
  auto* close = add("close", "Close the case with an outcome");
  close->add_option("--outcome", outcome, "upheld | partly-upheld | not-upheld | resolved-informally | withdrawn | not-eligible")
      ->required()
      ->check(CLI::IsMember(NamesOf(kOutcomeNames)));
  close->callback([] {
    const std::optional<Outcome> ending = ParseOutcome(outcome);
    if (!ending) throw CaseError(NotOneOf("--outcome", outcome, kOutcomeNames));
    Session s(common, reference);
    s.workflow.Close(reference, *ending, s.actor);
    std::cout << "closed " << reference << " (" << outcome << ")\n";
  });

  auto* kiosks = app.add_subcommand("kiosks", "Each kiosk's last contact, waiting count and sync lag");
  AddCommon(kiosks, common);
  kiosks->callback([] { ListKiosks(common); });

  auto* report = app.add_subcommand("report", "Counts and on-time figures for cases sent between two dates");
  AddCommon(report, common);
  static std::string from, to;
  static bool csv = false;
  report->add_option("--from", from, "First day, YYYY-MM-DD")->required();
  report->add_option("--to", to, "Last day, YYYY-MM-DD")->required();
  report->add_flag("--csv", csv, "CSV for a spreadsheet");
  report->callback([] {
    const Date first = DateOption(from, "report:"), last = DateOption(to, "report:");
    Session s(common, "", StaffRole::kManager);
    CaseFilter all;
    Report r = MakeReport(s.storage->Cases(all), first, last, s.workflow.Today());
    std::cout << (csv ? ReportCsv(r) : ReportText(r));
  });

  auto* purge = app.add_subcommand("purge", "Delete closed cases whose policy retention has passed");
  AddCommon(purge, common);
  purge->callback([] {
    Session s(common, "", StaffRole::kAdmin);
    auto gone = s.workflow.Purge(s.actor);
    for (const auto& ref : gone) std::cout << "purged " << ref << "\n";
    std::cout << gone.size() << " case(s) purged\n";
  });

  auto* import = app.add_subcommand("import", "Ingest a bundle file saved to USB at a kiosk (exactly once)");
  AddCommon(import, common);
  static std::string file;
  import->add_option("FILE", file, "Bundle file")->required();
  import->callback([] {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file + ": cannot open");
    Session s(common, "", StaffRole::kManager);
    ImportResult r = ImportBundle(*s.storage, s.workflow, in, s.actor,   // read as it streams, never whole
                                  LoadRegisterKeys(KeysPathFor(common.db)).box);
    if (r.already_imported) {
      std::cout << file << ": this bundle was imported before; nothing new stored\n";
    } else {
      std::cout << file << ": kiosk " << r.kiosk << ", " << r.stored << " new case(s), " << r.already_held
                << " already held\n";
      if (r.rereferenced > 0) {
        std::cout << r.rereferenced << " case(s) stored under a new reference (the receipt's was taken; "
                  << "`cases` flags them)\n";
      }
    }
  });
}

}  // namespace tellus::reg
