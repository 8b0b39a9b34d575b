#pragma once
// Each group of tellus-register subcommands registers itself on the CLI11 app.
// main.cpp only calls these; each lives in its own file.
#include <CLI/CLI.hpp>

namespace tellus::reg {

// check-policy, deadlines (sync/register/policy_commands.cpp)
void AddPolicyCommands(CLI::App& app);
// init, enroll-kiosk, revoke-kiosk (sync/register/setup_commands.cpp)
void AddSetupCommands(CLI::App& app);
// serve (sync/register/serve_command.cpp)
void AddServeCommand(CLI::App& app);
// cases, case show|audio|ack|reply|escalate|close, kiosks, report, purge, import (sync/register/case_commands.cpp)
void AddCaseCommands(CLI::App& app);
// staff add|list|disable|reset (sync/register/staff_commands.cpp)
void AddStaffCommands(CLI::App& app);
// migrate (sync/register/migrate_command.cpp)
void AddMigrateCommand(CLI::App& app);

}  // namespace tellus::reg
