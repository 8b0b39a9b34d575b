#pragma once
// Ingests a USB bundle (sync/protocol/bundle.h): checks the kiosk's signature, then
// stores every item not already held, all in one transaction with the bundle's
// record, so a bundle is ingested exactly once and a half import never happens.
#include <cstdint>
#include <istream>
#include <string>

#include "sync/register/case_workflow.h"
#include "sync/register/storage.h"

namespace tellus::reg {

struct ImportResult {
  bool already_imported = false;
  int kiosk = 0;
  std::int64_t stored = 0;                         // new cases
  std::int64_t already_held = 0;                   // arrived before (network or another bundle)
};

// Throws std::runtime_error with a plain reason (not a bundle, unknown kiosk, bad signature, bad item).
// The signature is checked before the batch inside is parsed.
ImportResult ImportBundle(RegisterStorage& storage, CaseWorkflow& workflow, std::istream& in,
                          const std::string& actor);
ImportResult ImportBundle(RegisterStorage& storage, CaseWorkflow& workflow, const std::string& file_text,
                          const std::string& actor);

}  // namespace tellus::reg
