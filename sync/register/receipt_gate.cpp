#include "sync/register/receipt_gate.h"

#include "core/reference.h"
#include "core/seal.h"

namespace tellus::reg {

ReceiptResult ReceiptGate::Open(int kiosk, const std::string& reference, const std::string& tracking_code,
                                std::int64_t now,
                                const std::function<std::vector<CaseRecord>(const std::string&)>& cases_for) {
  ReceiptResult result;
  auto ref = ParseReference(reference);
  auto code = NormaliseTrackingCode(tracking_code);
  if (!ref || !code) {
    result.verdict = ReceiptVerdict::kMalformed;
    return result;
  }
  std::string formatted = FormatReference(*ref);
  std::vector<CaseRecord> candidates = cases_for(formatted);
  for (CaseRecord& c : candidates) {
    if (VerifySecret(c.tracking_hash, *code)) {
      result.verdict = ReceiptVerdict::kOpened;
      result.record = std::move(c);
      return result;
    }
  }
  if (candidates.empty()) {
    // As slow as a wrong code: whether a reference exists is not told by the time taken.
    static const std::string kNoCase = HashSecret("0000000000");
    VerifySecret(kNoCase, *code);
  }
  std::string kiosk_key = "kiosk:" + std::to_string(kiosk), ref_key = "ref:" + formatted;
  bool over = per_kiosk_->Exceeded(kiosk_key, now) || per_reference_->Exceeded(ref_key, now);
  per_kiosk_->Count(kiosk_key, now);
  per_reference_->Count(ref_key, now);
  result.verdict = over ? ReceiptVerdict::kSlowDown : ReceiptVerdict::kNoMatch;
  return result;
}

}  // namespace tellus::reg
