#pragma once
// Staff accounts and their signed-in sessions, behind an interface a second engine
// (PostgreSQL, say) can implement beside RegisterStorage. SqliteStaffStore
// (sqlite_staff_store.h) keeps them in the register's own database file, in tables the
// register's schema migrations make. Passwords are kept only as Argon2id hashes
// (staff_auth.h); sessions only as hashes of their cookie tokens. Implementations need
// not be thread-safe; the staff pages serialise calls.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tellus::reg {

// What a signed-in person may do. Each role includes the one before it:
// a handler works the cases of their policy (and service, if set); a manager sees every
// case, the reports, the audit log and the kiosks; an admin also manages kiosks, staff
// and the purge.
enum class StaffRole { kHandler, kManager, kAdmin };
std::string ToString(StaffRole role);                         // "handler" | "manager" | "admin"
std::optional<StaffRole> StaffRoleFromString(const std::string& text);

struct StaffAccount {
  std::string name;                                // unique; the audit log's actor
  StaffRole role = StaffRole::kHandler;
  std::string policy;                              // handler: only this policy's cases (empty: any)
  std::string service;                             // handler: only this service's cases (empty: any)
  std::string password_hash;                       // crypto_pwhash_str (Argon2id)
  bool disabled = false;
  int failed_logins = 0;                           // wrong passwords since the last right one
  std::int64_t locked_until = 0;                   // unix seconds; 0: not locked
  std::string created_at;                          // ISO 8601 UTC
};

struct StaffSession {
  std::string token_hash;                          // hex BLAKE2b of the cookie token
  std::string name;                                // whose
  std::string csrf;                                // the token every form of this session carries
  std::int64_t created = 0;                        // unix seconds
  std::int64_t last_seen = 0;                      // unix seconds; idle past the limit: signed out
};

struct StaffStoreError : std::runtime_error { using std::runtime_error::runtime_error; };

class StaffStore {
 public:
  virtual ~StaffStore() = default;
  virtual bool AddStaff(const StaffAccount& account) = 0;             // false: the name is taken
  virtual std::optional<StaffAccount> FindStaff(const std::string& name) = 0;
  virtual std::vector<StaffAccount> Staff() = 0;                      // by name
  virtual void UpdateStaff(const StaffAccount& account) = 0;          // by name: every field but created_at

  virtual void AddSession(const StaffSession& session) = 0;
  virtual std::optional<StaffSession> FindSession(const std::string& token_hash) = 0;
  virtual void TouchSession(const std::string& token_hash, std::int64_t last_seen) = 0;
  virtual void EndSession(const std::string& token_hash) = 0;
  virtual void EndSessionsOf(const std::string& name) = 0;            // disabled or password reset
};

}  // namespace tellus::reg
