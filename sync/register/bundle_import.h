#pragma once
// Ingests a USB bundle (sync/protocol/bundle.h): checks the kiosk's signature, then
// stores every item not already held, all in one transaction with the bundle's
// record, so a bundle is ingested exactly once and a half import never happens. Items
// pass the same checks as over the network (admission.h): the kiosk's policy, flags for
// staff, no purged case brought back, a reference clash stored under a new reference.
#include <cstdint>
#include <istream>
#include <string>

#include "core/seal.h"
#include "sync/register/case_workflow.h"
#include "sync/register/storage.h"

namespace tellus::reg {

struct ImportResult {
  bool already_imported = false;
  int kiosk = 0;
  std::int64_t stored = 0;                         // new cases
  std::int64_t already_held = 0;                   // arrived before (network or another bundle), or purged
  std::int64_t rereferenced = 0;                   // stored under a new reference after a clash
};

// Throws std::runtime_error with a plain reason (not a bundle, unknown kiosk, bad signature, bad item).
// The signature is checked before the batch inside is parsed; `register_box` checks
// that each sealed part opens.
ImportResult ImportBundle(RegisterStorage& storage, CaseWorkflow& workflow, std::istream& in,
                          const std::string& actor, const BoxKeyPair& register_box);
ImportResult ImportBundle(RegisterStorage& storage, CaseWorkflow& workflow, const std::string& file_text,
                          const std::string& actor, const BoxKeyPair& register_box);

}  // namespace tellus::reg
