#include "sync/register/bundle_import.h"

#include <sstream>
#include <stdexcept>

#include "sync/protocol/bundle.h"
#include "sync/register/admission.h"

namespace tellus::reg {

ImportResult ImportBundle(RegisterStorage& storage, CaseWorkflow& workflow, const std::string& file_text,
                          const std::string& actor, const BoxKeyPair& register_box) {
  std::istringstream in(file_text);
  return ImportBundle(storage, workflow, in, actor, register_box);
}

ImportResult ImportBundle(RegisterStorage& storage, CaseWorkflow& workflow, std::istream& in,
                          const std::string& actor, const BoxKeyPair& register_box) {
  proto::BundleEnvelope bundle = proto::ReadBundleEnvelope(in);   // no document built; the body is not parsed yet
  auto kiosk = storage.FindKiosk(bundle.kiosk);
  if (!kiosk) throw std::runtime_error("bundle: kiosk " + std::to_string(bundle.kiosk) + " is not enrolled here");
  if (kiosk->revoked_at) {
    // Items sealed before the revocation may still be genuine; staff decide, not the importer.
    throw std::runtime_error("bundle: kiosk " + std::to_string(bundle.kiosk) + " was revoked at " + ToIsoUtc(*kiosk->revoked_at) +
                             "; nothing was imported");
  }
  if (!proto::VerifyBundle(bundle, kiosk->sign_public_key)) {
    throw std::runtime_error("bundle: the signature does not match kiosk " + std::to_string(bundle.kiosk) +
                             "'s key (altered, or from another register); nothing was imported");
  }
  proto::SubmitBatch batch = proto::SubmitBatchFromJson(bundle.body, proto::kMaxBundleItems);
  std::string why = CheckAdmission(batch.items, *kiosk);
  if (!why.empty()) throw std::runtime_error("bundle: " + why + "; nothing was imported");
  std::vector<CaseRecord> cases;
  for (const proto::SubmitItem& item : batch.items) cases.push_back(AdmitCase(workflow, item, *kiosk, Via::kUsb, register_box));
  ImportResult result;
  result.kiosk = kiosk->number;
  storage.Transaction([&] {
    if (kiosk->policy.empty()) storage.BindKioskPolicy(kiosk->number, PolicyFor(*kiosk, batch.items));
    if (!storage.RecordBundle(bundle.body_sha256, kiosk->number, static_cast<std::int64_t>(cases.size()), IsoNow())) {
      result.already_imported = true;
      return;
    }
    IngestResult ingest = storage.Ingest(cases);
    result.stored = static_cast<std::int64_t>(ingest.accepted.size());
    result.already_held = static_cast<std::int64_t>(ingest.duplicates.size());
    result.rereferenced = ingest.rereferenced;
    storage.Audit(actor, "import", "",
                  "bundle " + bundle.body_sha256.substr(0, 16) + " from kiosk " + std::to_string(kiosk->number) +
                      ": " + std::to_string(result.stored) + " new, " + std::to_string(result.already_held) +
                      " already held");
  });
  return result;
}

}  // namespace tellus::reg
