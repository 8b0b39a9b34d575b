// tellus-register: the central register's command-line tool.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "sync/register/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Tell Us central register"};
  app.require_subcommand(1);
  tellus::reg::AddPolicyCommands(app);
  tellus::reg::AddSetupCommands(app);
  tellus::reg::AddServeCommand(app);
  tellus::reg::AddCaseCommands(app);
  tellus::reg::AddStaffCommands(app);
  tellus::reg::AddMigrateCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "tellus-register: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
