// tellus-register migrate: a SQLite register into PostgreSQL (register_migration.h).
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "sync/register/commands.h"
#include "sync/register/pg_connection.h"
#include "sync/register/register_keys.h"
#include "sync/register/register_migration.h"

namespace tellus::reg {

namespace {

void Migrate(const std::string& from, const std::string& to) {
  MigrationResult result = MigrateToPostgres(from, to);
  std::cout << (result.already_there ? "already migrated: " : "migrated ") << from << " -> " << RedactedUrl(to)
            << (result.already_there ? " holds the same data; nothing was written\n" : "\n");
  std::cout << std::left << std::setw(20) << "table" << std::right << std::setw(10) << "rows"
            << "  sha256 (both sides)\n";
  for (const TableCopy& t : result.tables) {
    std::cout << std::left << std::setw(20) << t.table << std::right << std::setw(10) << t.target_rows << "  "
              << t.target_sha256.substr(0, 16) << "  same\n";
  }
  std::error_code ec;
  std::string keys = std::filesystem::absolute(KeysPathFor(from), ec).string();
  std::cout << "keys: " << keys << " stays in its file; give every process serving the new register "
            << kKeysVariable << "=" << keys << "\n";
}

}  // namespace

void AddMigrateCommand(CLI::App& app) {
  auto* migrate = app.add_subcommand("migrate", "Copy a SQLite register into an empty PostgreSQL database, verified");
  static std::string from, to;
  migrate->add_option("--from", from, "The SQLite register file (stop its serve processes first)")->required();
  migrate->add_option("--to", to, "postgresql://user@host:5432/database (created by your DBA, empty)")->required();
  migrate->callback([] { Migrate(from, to); });
}

}  // namespace tellus::reg
