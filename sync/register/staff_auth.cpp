#include "sync/register/staff_auth.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>
#include <vector>

namespace tellus::reg {

namespace {

void NeedSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string TimeText(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%H:%M UTC on %Y-%m-%d", &tm);
  return text;
}

}  // namespace

std::string HashPassword(const std::string& password) {
  NeedSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("not enough memory to hash the password");
  }
  return hash;
}

std::string PasswordProblem(const std::string& password) {
  if (password.size() < kShortestPassword) {
    return "the password is shorter than " + std::to_string(kShortestPassword) + " characters";
  }
  if (password.find('\n') != std::string::npos || password.find('\0') != std::string::npos) {
    return "the password holds a line break or a NUL character";
  }
  return "";
}

SignInResult SignIn(StaffStore& store, const std::string& name, const std::string& password, std::int64_t now) {
  NeedSodium();
  SignInResult result;
  std::optional<StaffAccount> found = store.FindStaff(name);
  if (!found) {
    static const std::string kStandIn = HashPassword("a stand-in that matches nothing");
    [[maybe_unused]] const int same_work = crypto_pwhash_str_verify(kStandIn.c_str(), password.data(), password.size());
    return result;
  }
  StaffAccount& account = *found;
  if (account.locked_until > now) {
    result.verdict = SignInVerdict::kLocked;
    result.locked_until = account.locked_until;
    return result;
  }
  const bool right = crypto_pwhash_str_verify(account.password_hash.c_str(), password.data(), password.size()) == 0;
  if (!right) {
    ++account.failed_logins;
    if (account.failed_logins >= kWrongPasswordsBeforeLock) {
      const int doublings = std::min(account.failed_logins - kWrongPasswordsBeforeLock, 16);
      account.locked_until = now + std::min(kFirstLockSeconds << doublings, kLongestLockSeconds);
    }
    store.UpdateStaff(account);
    if (account.locked_until > now) {
      result.verdict = SignInVerdict::kLocked;
      result.locked_until = account.locked_until;
    }
    return result;
  }
  if (account.disabled) {
    result.verdict = SignInVerdict::kDisabled;
    return result;
  }
  if (account.failed_logins != 0 || account.locked_until != 0) {
    account.failed_logins = 0;
    account.locked_until = 0;
    store.UpdateStaff(account);
  }
  result.verdict = SignInVerdict::kOk;
  result.account = account;
  return result;
}

std::string SignInMessage(const SignInResult& result) {
  switch (result.verdict) {
    case SignInVerdict::kOk: return "";
    case SignInVerdict::kWrong: return "The name or the password is wrong. Check them and try again.";
    case SignInVerdict::kLocked:
      return "This account is locked after too many wrong passwords, until " + TimeText(result.locked_until) +
             ". An admin can unlock it now with: tellus-register staff reset --name NAME";
    case SignInVerdict::kDisabled:
      return "This account is disabled. Ask an admin (tellus-register staff reset turns it back on).";
  }
  return "";
}

std::string NewToken() {
  NeedSodium();
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::string TokenHash(const std::string& token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool SameToken(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool MaySee(const StaffAccount& who, const std::string& policy_id, const std::string& service_id) {
  if (who.role != StaffRole::kHandler) return true;
  return (who.policy.empty() || who.policy == policy_id) && (who.service.empty() || who.service == service_id);
}

}  // namespace tellus::reg
