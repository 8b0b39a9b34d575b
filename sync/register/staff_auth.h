#pragma once
// Signing staff in, for the web pages and for `tellus-register ... --as NAME` alike:
// Argon2id password hashes (libsodium crypto_pwhash_str), a lock-out that grows with
// repeated wrong passwords, and random session and CSRF tokens. Time comes in as unix
// seconds, so tests need no clock.
#include <cstdint>
#include <string>

#include "sync/register/staff_store.h"

namespace tellus::reg {

inline constexpr int kWrongPasswordsBeforeLock = 5;           // the fifth wrong one locks
inline constexpr std::int64_t kFirstLockSeconds = 15 * 60;    // then doubles with each further wrong one
inline constexpr std::int64_t kLongestLockSeconds = 24 * 3600;
inline constexpr std::size_t kShortestPassword = 10;

std::string HashPassword(const std::string& password);        // Argon2id; throws std::runtime_error (out of memory)
// Empty when usable; otherwise why not, in plain words.
std::string PasswordProblem(const std::string& password);

enum class SignInVerdict { kOk, kWrong, kLocked, kDisabled };
struct SignInResult {
  SignInVerdict verdict = SignInVerdict::kWrong;
  StaffAccount account;                            // kOk: the account signed in
  std::int64_t locked_until = 0;                   // kLocked: until when (unix seconds)
};
// Checks a name and password; counts a wrong password against the account, locking it
// for kFirstLockSeconds at the fifth and twice as long at each wrong one after; a right
// password clears the count. A locked account refuses even the right password. An unknown
// name costs the same hashing work as a known one and answers kWrong.
SignInResult SignIn(StaffStore& store, const std::string& name, const std::string& password, std::int64_t now);
// The plain sentence for a refused sign-in (never says whether the name exists, unless locked).
std::string SignInMessage(const SignInResult& result);

std::string NewToken();                            // 32 random bytes, base64url (no padding)
std::string TokenHash(const std::string& token);   // hex BLAKE2b-256: what the store keeps of a session token
bool SameToken(const std::string& a, const std::string& b);   // constant time for equal lengths

// Who may see a case: a handler only cases of their policy and service (each if set).
bool MaySee(const StaffAccount& who, const std::string& policy_id, const std::string& service_id);

}  // namespace tellus::reg
