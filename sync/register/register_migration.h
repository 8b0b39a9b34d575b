#pragma once
// Moving a SQLite register to PostgreSQL (tellus-register migrate): every table is copied
// as it is (cases, stages, receipt references, requests, audit, kiosks, tombstones,
// bundles), in one PostgreSQL transaction, and verified before it commits: the row count
// and a SHA-256 over every value of every row, in key order, must match on both sides.
// The register's keys stay in their file (they are never put in a database).
// The source is read in one snapshot; stop its serve processes first so nothing arrives
// meanwhile. A target that already holds rows is refused, unless it holds exactly the
// same data (a migration run twice): then nothing is written.
#include <cstdint>
#include <string>
#include <vector>

namespace tellus::reg {

struct TableCopy {
  std::string table;
  std::int64_t source_rows = 0, target_rows = 0;
  std::string source_sha256, target_sha256;        // hex
};

struct MigrationResult {
  bool already_there = false;                      // the target held the same data; nothing written
  std::vector<TableCopy> tables;
};

// Throws StorageError (a source that is not a register, a target with other data, a
// mismatch after copying: then nothing is committed) naming what and where.
MigrationResult MigrateToPostgres(const std::string& sqlite_path, const std::string& postgres_url);

// Counts and checksums of one register, whichever engine (for tests and for `migrate`'s report).
std::vector<TableCopy> RegisterChecksums(const std::string& db);

}  // namespace tellus::reg
