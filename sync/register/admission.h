#pragma once
// What a kiosk may store at the register, checked the same way for a network batch and a
// USB bundle (issue 13 items 5, 6 and 15).
//  - Refused (nothing of the batch or bundle is stored; the reason names the item): the
//    structural checks of proto::CheckItem; ids that are not plain names or are too long; a
//    policy other than the kiosk's (a kiosk enrolled without --policy is bound by the first
//    one it uses).
//  - Stored and flagged for staff (losing a complaint is worse than a doubtful field): a
//    service, category or reference prefix outside the policy; a send time before the
//    kiosk's enrolment or in the future beyond clock skew (the deadlines then count from
//    the day it arrived); a sealed part the register's key cannot open.
//  - An anonymous case keeps only the day it was sent and received, never the time.
#include <string>
#include <vector>

#include "core/seal.h"
#include "sync/protocol/messages.h"
#include "sync/register/case_workflow.h"
#include "sync/register/storage.h"

namespace tellus::reg {

// The policy the kiosk's items must use: its enrolled one, or for a kiosk enrolled without
// one the first item's (bound with BindKioskPolicy once the batch is accepted).
std::string PolicyFor(const KioskRecord& kiosk, const std::vector<proto::SubmitItem>& items);
// Empty when every item may be stored, else "items[i]: why".
std::string CheckAdmission(const std::vector<proto::SubmitItem>& items, const KioskRecord& kiosk);
// The case as it is stored (see above).
CaseRecord AdmitCase(CaseWorkflow& workflow, const proto::SubmitItem& item, const KioskRecord& kiosk,
                     Via via, const BoxKeyPair& register_box);
// Stores a batch that passed CheckAdmission, in one transaction: binds an unbound kiosk's
// policy, admits each item, ingests, notes the kiosk's contact, waiting count and lag. The
// acknowledgement carries the kiosk's next free sequence. Throws StorageError.
proto::SubmitAck StoreBatch(RegisterStorage& storage, CaseWorkflow& workflow, KioskRecord& kiosk,
                            const proto::SubmitBatch& batch, Via via, const BoxKeyPair& register_box);

}  // namespace tellus::reg
