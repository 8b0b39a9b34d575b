#pragma once
// One libpq connection for the register's PostgreSQL engine (postgres_storage.h).
// Statements are parameterised only: each SQL text is prepared once per connection and
// then executed with its parameters; results come back as text (bytea as bytes). Every
// failure throws PgError naming the database (never its password) and carrying
// PostgreSQL's SQLSTATE, so a lost race (40001, 40P01) is told from a broken database.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sync/register/storage.h"

struct pg_conn;
struct pg_result;

namespace tellus::reg {

struct PgError : StorageError {
  PgError(const std::string& what, std::string state) : StorageError(what), sqlstate(std::move(state)) {}
  std::string sqlstate;                            // e.g. "23505"; empty when the connection itself failed
  bool Retryable() const { return sqlstate == "40001" || sqlstate == "40P01"; }   // serialization, deadlock
};

// True for "postgresql://..." and "postgres://..." (libpq's URI forms).
bool IsPostgresUrl(const std::string& db);
// The URL with any password replaced by "***": for messages and output.
std::string RedactedUrl(const std::string& url);

// A statement parameter: text, a 64-bit integer, bytes (sent binary) or NULL.
struct PgParam {
  PgParam(const std::string& text) : value(text) {}                        // NOLINT: implicit by design
  PgParam(const char* text) : value(text) {}                               // NOLINT
  PgParam(std::int64_t number) : value(std::to_string(number)) {}          // NOLINT
  PgParam(int number) : value(std::to_string(number)) {}                   // NOLINT
  PgParam(const std::vector<unsigned char>& bytes) : value(bytes.begin(), bytes.end()), binary(true) {}   // NOLINT
  static PgParam Null() {
    PgParam p("");
    p.null = true;
    return p;
  }
  std::string value;
  bool binary = false;
  bool null = false;
};

class PgResult {
 public:
  explicit PgResult(pg_result* result) : result_(result) {}
  ~PgResult();
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  int rows() const;
  std::int64_t affected() const;                   // rows an INSERT/UPDATE/DELETE touched
  bool Null(int row, int col) const;
  std::string Text(int row, int col) const;
  std::int64_t Int(int row, int col) const;
  std::vector<unsigned char> Bytes(int row, int col) const;   // a bytea column

 private:
  pg_result* result_;
};

class PgConnection {
 public:
  // Throws PgError naming the redacted URL when the server cannot be reached or refuses.
  static std::unique_ptr<PgConnection> Connect(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  PgResult Exec(const std::string& sql, const std::vector<PgParam>& params = {});   // prepared once, by its text
  void Run(const std::string& sql);                // no parameters; may hold several statements (schema, BEGIN)
  PgResult Query(const std::string& sql);          // no parameters, not prepared (DECLARE, FETCH)
  // A transaction on this connection. Outside one, a statement first reconnects when the
  // server went away (a restart, a fail-over); inside one, a lost connection is an error.
  void Begin();
  void Commit();
  void Rollback();                                 // never throws: the transaction is gone either way
  const std::string& name() const { return name_; }

 private:
  PgConnection(pg_conn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  [[noreturn]] void Fail(pg_result* result, const std::string& what);
  void Revive();
  bool in_transaction_ = false;
  pg_conn* conn_;
  std::string name_;
  std::map<std::string, std::string> prepared_;    // SQL text -> statement name
};

}  // namespace tellus::reg
