#include "sync/register/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace tellus::reg {

namespace {

void Quiet(void*, const PGresult*) {}   // NOTICEs ("relation already exists, skipping") are not for staff

}  // namespace

bool IsPostgresUrl(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string RedactedUrl(const std::string& url) {
  std::string out = url;
  auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    auto at = out.find('@', scheme + 3);
    auto slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (std::size_t at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
    auto end = out.find('&', at);
    out.replace(at + 9, (end == std::string::npos ? out.size() : end) - at - 9, "***");
  }
  return out;
}

PgResult::~PgResult() { PQclear(result_); }

int PgResult::rows() const { return PQntuples(result_); }

std::int64_t PgResult::affected() const {
  const char* n = PQcmdTuples(result_);
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

bool PgResult::Null(int row, int col) const { return PQgetisnull(result_, row, col) != 0; }

std::string PgResult::Text(int row, int col) const {
  return std::string(PQgetvalue(result_, row, col), static_cast<std::size_t>(PQgetlength(result_, row, col)));
}

std::int64_t PgResult::Int(int row, int col) const { return std::strtoll(PQgetvalue(result_, row, col), nullptr, 10); }

std::vector<unsigned char> PgResult::Bytes(int row, int col) const {
  if (Null(row, col)) return {};
  std::size_t size = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, col)), &size);
  if (!raw) throw StorageError("register database: a bytea value could not be decoded");
  std::vector<unsigned char> out(raw, raw + size);
  PQfreemem(raw);
  return out;
}

std::unique_ptr<PgConnection> PgConnection::Connect(const std::string& url) {
  std::string name = RedactedUrl(url);
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) throw PgError(name + ": out of memory", "");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    PQfinish(conn);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw PgError(name + ": cannot connect: " + why, "");
  }
  PQsetNoticeReceiver(conn, Quiet, nullptr);
  std::unique_ptr<PgConnection> connection(new PgConnection(conn, name));
  // Text is compared and sorted byte by byte ("C"), as SQLite does: the same order in every listing.
  connection->Run("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
  return connection;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::Fail(PGresult* result, const std::string& what) {
  std::string state;
  std::string why = PQerrorMessage(conn_);
  if (result) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
    if (const char* m = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) why = m;
    PQclear(result);
  }
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  throw PgError(name_ + ": " + what + (why.empty() ? "" : ": " + why), state);
}

void PgConnection::Revive() {
  if (PQstatus(conn_) == CONNECTION_OK) return;
  PQreset(conn_);
  prepared_.clear();   // statements die with their session
  if (PQstatus(conn_) != CONNECTION_OK) Fail(nullptr, "the database connection was lost and could not be made again");
  Run("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
}

void PgConnection::Run(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail(r, "statement failed");
  PQclear(r);
}

PgResult PgConnection::Query(const std::string& sql) {
  if (!in_transaction_) Revive();
  PGresult* r = PQexec(conn_, sql.c_str());
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail(r, "statement failed");
  return PgResult(r);
}

void PgConnection::Begin() {
  Revive();
  Run("BEGIN");
  in_transaction_ = true;
}

void PgConnection::Commit() {
  in_transaction_ = false;
  Run("COMMIT");
}

void PgConnection::Rollback() {
  in_transaction_ = false;
  PQclear(PQexec(conn_, "ROLLBACK"));
}

PgResult PgConnection::Exec(const std::string& sql, const std::vector<PgParam>& params) {
  if (!in_transaction_) Revive();
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) Fail(r, "statement could not be prepared");
    PQclear(r);
    it = prepared_.emplace(sql, name).first;
  }
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  values.reserve(params.size());
  for (const PgParam& p : params) {
    values.push_back(p.null ? nullptr : p.value.data());
    lengths.push_back(static_cast<int>(p.value.size()));
    formats.push_back(p.binary ? 1 : 0);
  }
  PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                               lengths.data(), formats.data(), 0);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail(r, "statement failed");
  return PgResult(r);
}

}  // namespace tellus::reg
