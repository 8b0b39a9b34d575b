// tellus-register staff add|list|disable|reset. Whoever can write the register database
// (and read its key file) is its local administrator: these commands need no sign-in,
// which is how the first admin is made.
#include <unistd.h>

#include <ctime>
#include <iomanip>
#include <iostream>

#include "sync/register/commands.h"
#include "sync/register/audit_actor.h"
#include "sync/register/password_prompt.h"
#include "sync/register/open_storage.h"
#include "sync/register/staff_auth.h"

namespace tellus::reg {

namespace {

struct StaffArgs {
  std::string db, name, role = "handler", policy, service;
};

// A new password, twice from a terminal (once from a pipe), checked for length.
std::string NewPassword(const std::string& name) {
  std::string password = ReadPassword("New password for " + name + ": ");
  if (std::string why = PasswordProblem(password); !why.empty()) throw std::invalid_argument(why);
  if (::isatty(0) && ReadPassword("The same again: ") != password) {
    throw std::invalid_argument("the two passwords differ; nothing was changed");
  }
  return password;
}

// The register (migrated, so the staff tables exist), its staff store and the audit log.
struct Opened {
  explicit Opened(const std::string& db) : storage(OpenRegisterStorage(db)), staff(OpenStaffStore(db)) {}
  std::unique_ptr<RegisterStorage> storage;
  std::unique_ptr<StaffStore> staff;
};

StaffAccount Require(StaffStore& staff, const std::string& name) {
  auto found = staff.FindStaff(name);
  if (!found) throw std::invalid_argument("no staff account named '" + name + "' (see: tellus-register staff list)");
  return *found;
}

void Add(const StaffArgs& a) {
  if (a.name.empty() || a.name.size() > 64 || a.name.find_first_of(" \t\r\n") != std::string::npos) {
    throw std::invalid_argument("--name '" + a.name + "': give 1 to 64 characters without spaces");
  }
  auto role = StaffRoleFromString(a.role);
  if (!role) throw std::invalid_argument("--role '" + a.role + "': expected handler, manager or admin");
  if (*role != StaffRole::kHandler && (!a.policy.empty() || !a.service.empty())) {
    throw std::invalid_argument("--policy and --service narrow a handler's cases; a " + a.role + " sees every case");
  }
  Opened o(a.db);
  if (o.staff->FindStaff(a.name)) throw std::invalid_argument("a staff account named '" + a.name + "' exists already");
  StaffAccount account;
  account.name = a.name;
  account.role = *role;
  account.policy = a.policy;
  account.service = a.service;
  account.password_hash = HashPassword(NewPassword(a.name));
  account.created_at = IsoNow();
  if (!o.staff->AddStaff(account)) throw std::invalid_argument("a staff account named '" + a.name + "' exists already");
  o.storage->Audit(OsUserActor(), "staff-add", "", a.name + " as " + a.role);
  std::cout << "added " << a.name << " (" << a.role << ")\n";
}

void List(const StaffArgs& a) {
  Opened o(a.db);
  std::cout << std::left << std::setw(20) << "name" << std::setw(9) << "role" << std::setw(16) << "policy"
            << std::setw(16) << "service" << "state\n";
  const std::int64_t now = std::time(nullptr);
  for (const StaffAccount& s : o.staff->Staff()) {
    std::string state = s.disabled ? "disabled" : s.locked_until > now ? "locked" : "active";
    std::cout << std::setw(20) << s.name << std::setw(9) << ToString(s.role) << std::setw(16)
              << (s.policy.empty() ? "-" : s.policy) << std::setw(16) << (s.service.empty() ? "-" : s.service) << state
              << "\n";
  }
}

void Disable(const StaffArgs& a) {
  Opened o(a.db);
  StaffAccount account = Require(*o.staff, a.name);
  account.disabled = true;
  o.staff->UpdateStaff(account);
  o.staff->EndSessionsOf(a.name);
  o.storage->Audit(OsUserActor(), "staff-disable", "", a.name);
  std::cout << "disabled " << a.name << "; signed out everywhere\n";
}

void Reset(const StaffArgs& a) {
  Opened o(a.db);
  StaffAccount account = Require(*o.staff, a.name);
  account.password_hash = HashPassword(NewPassword(a.name));
  account.disabled = false;
  account.failed_logins = 0;
  account.locked_until = 0;
  o.staff->UpdateStaff(account);
  o.staff->EndSessionsOf(a.name);
  o.storage->Audit(OsUserActor(), "staff-reset", "", a.name);
  std::cout << "reset " << a.name << ": new password, unlocked and enabled; signed out everywhere\n";
}

}  // namespace

void AddStaffCommands(CLI::App& app) {
  auto* staff = app.add_subcommand("staff", "Staff accounts for the web pages (/staff/) and --as");
  staff->require_subcommand(1);
  static StaffArgs args;
  auto sub = [&](const char* name, const char* help, bool named) {
    auto* cmd = staff->add_subcommand(name, help);
    cmd->add_option("--db", args.db, "Register database")->required();
    if (named) cmd->add_option("--name", args.name, "The person's sign-in name")->required();
    return cmd;
  };
  auto* add = sub("add", "Add an account; the password is read from the terminal (or one line of stdin)", true);
  add->add_option("--role", args.role, "handler | manager | admin")->capture_default_str();
  add->add_option("--policy", args.policy, "A handler sees only this policy's cases");
  add->add_option("--service", args.service, "A handler sees only this service's cases");
  add->callback([] { Add(args); });
  sub("list", "Every account, its role, scope and whether it is locked or disabled", false)->callback([] { List(args); });
  sub("disable", "Turn an account off and sign it out", true)->callback([] { Disable(args); });
  sub("reset", "Give an account a new password, unlock and enable it", true)->callback([] { Reset(args); });
}

}  // namespace tellus::reg
