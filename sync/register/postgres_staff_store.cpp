#include "sync/register/postgres_staff_store.h"

namespace tellus::reg {

namespace {

constexpr const char* kStaffColumns =
    "name, role, policy, service, password_hash, disabled, failed_logins, locked_until, created_at";

StaffAccount AccountFrom(const PgResult& r, int row) {
  StaffAccount a;
  a.name = r.Text(row, 0);
  a.role = StaffRoleFromString(r.Text(row, 1)).value_or(StaffRole::kHandler);   // the CHECK keeps it one of three
  a.policy = r.Text(row, 2);
  a.service = r.Text(row, 3);
  a.password_hash = r.Text(row, 4);
  a.disabled = r.Int(row, 5) != 0;
  a.failed_logins = static_cast<int>(r.Int(row, 6));
  a.locked_until = r.Int(row, 7);
  a.created_at = r.Text(row, 8);
  return a;
}

}  // namespace

std::unique_ptr<PostgresStaffStore> PostgresStaffStore::Open(const std::string& url) {
  std::unique_ptr<PgConnection> db = PgConnection::Connect(url);
  if (db->Exec("SELECT to_regclass('staff') IS NOT NULL").Text(0, 0).starts_with("f")) {
    throw StaffStoreError(db->name() + ": this register has no staff tables (open it with this version of "
                          "tellus-register first, which migrates it)");
  }
  return std::unique_ptr<PostgresStaffStore>(new PostgresStaffStore(std::move(db)));
}

bool PostgresStaffStore::AddStaff(const StaffAccount& a) {
  return db_->Exec("INSERT INTO staff(name, role, policy, service, password_hash, disabled, failed_logins, "
                   "locked_until, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (name) DO NOTHING",
                   {a.name, ToString(a.role), a.policy, a.service, a.password_hash, a.disabled ? 1 : 0,
                    a.failed_logins, a.locked_until, a.created_at})
             .affected() == 1;
}

std::optional<StaffAccount> PostgresStaffStore::FindStaff(const std::string& name) {
  PgResult r = db_->Exec(std::string("SELECT ") + kStaffColumns + " FROM staff WHERE name = $1", {name});
  if (r.rows() == 0) return std::nullopt;
  return AccountFrom(r, 0);
}

std::vector<StaffAccount> PostgresStaffStore::Staff() {
  PgResult r = db_->Exec(std::string("SELECT ") + kStaffColumns + " FROM staff ORDER BY name");
  std::vector<StaffAccount> all;
  for (int i = 0; i < r.rows(); ++i) all.push_back(AccountFrom(r, i));
  return all;
}

void PostgresStaffStore::UpdateStaff(const StaffAccount& a) {
  const std::int64_t changed =
      db_->Exec("UPDATE staff SET role=$1, policy=$2, service=$3, password_hash=$4, disabled=$5, failed_logins=$6, "
                "locked_until=$7 WHERE name=$8",
                {ToString(a.role), a.policy, a.service, a.password_hash, a.disabled ? 1 : 0, a.failed_logins,
                 a.locked_until, a.name})
          .affected();
  if (changed != 1) throw StaffStoreError("no staff account named " + a.name);
}

void PostgresStaffStore::AddSession(const StaffSession& s) {
  db_->Exec("INSERT INTO staff_sessions(token_hash, name, csrf, created, last_seen) VALUES ($1,$2,$3,$4,$5)",
            {s.token_hash, s.name, s.csrf, s.created, s.last_seen});
}

std::optional<StaffSession> PostgresStaffStore::FindSession(const std::string& token_hash) {
  PgResult r = db_->Exec("SELECT token_hash, name, csrf, created, last_seen FROM staff_sessions WHERE token_hash = $1",
                         {token_hash});
  if (r.rows() == 0) return std::nullopt;
  return StaffSession{r.Text(0, 0), r.Text(0, 1), r.Text(0, 2), r.Int(0, 3), r.Int(0, 4)};
}

void PostgresStaffStore::TouchSession(const std::string& token_hash, std::int64_t last_seen) {
  db_->Exec("UPDATE staff_sessions SET last_seen = $1 WHERE token_hash = $2", {last_seen, token_hash});
}

void PostgresStaffStore::EndSession(const std::string& token_hash) {
  db_->Exec("DELETE FROM staff_sessions WHERE token_hash = $1", {token_hash});
}

void PostgresStaffStore::EndSessionsOf(const std::string& name) {
  db_->Exec("DELETE FROM staff_sessions WHERE name = $1", {name});
}

}  // namespace tellus::reg
