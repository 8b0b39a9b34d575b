#pragma once
// Opening a case with its receipt (reference + tracking code), for status and requests
// from a kiosk. A right code always opens its case: only wrong guesses are counted, per
// reference and per kiosk, so a stranger guessing can never lock the person who holds
// the code out of their case. Past either budget a wrong guess is answered "slow down"
// (429) instead of "no match" (404); every guess, right or wrong, costs one Argon2id
// verification, so with 50-bit codes guessing stays hopeless (README, "Security").
// A reference the register had to store under a new one (a clash) opens through the
// case that names it as its receipt's reference. Thread-safe.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sync/register/rate_limiter.h"
#include "sync/register/storage.h"

namespace tellus::reg {

enum class ReceiptVerdict { kOpened, kMalformed, kNoMatch, kSlowDown };

struct ReceiptResult {
  ReceiptVerdict verdict = ReceiptVerdict::kNoMatch;
  std::optional<CaseRecord> record;                // when kOpened
};

class ReceiptGate {
 public:
  ReceiptGate(int failures_per_kiosk_per_minute, int failures_per_reference_per_hour)
      : per_kiosk_(std::make_unique<RateLimiter>(failures_per_kiosk_per_minute, 60)),
        per_reference_(std::make_unique<RateLimiter>(failures_per_reference_per_hour, 3600)) {}
  // Windows kept elsewhere (shared_request_state.h): a minute per kiosk, an hour per reference.
  ReceiptGate(std::unique_ptr<RateLimits> per_kiosk, std::unique_ptr<RateLimits> per_reference)
      : per_kiosk_(std::move(per_kiosk)), per_reference_(std::move(per_reference)) {}
  // `cases_for` returns the cases a formatted reference may name (its own, and one stored
  // under a new reference after a clash); the caller holds its storage lock inside it.
  ReceiptResult Open(int kiosk, const std::string& reference, const std::string& tracking_code, std::int64_t now,
                     const std::function<std::vector<CaseRecord>(const std::string&)>& cases_for);

 private:
  std::unique_ptr<RateLimits> per_kiosk_;
  std::unique_ptr<RateLimits> per_reference_;
};

}  // namespace tellus::reg
