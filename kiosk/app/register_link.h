#pragma once
// [SECTION] The kiosk's line to its register. Owns the background outbox sync
// (sync::SyncClient) and runs each status look-up or case request on a worker
// thread, so the UI never waits on the network: Poll() hands back finished
// answers as journey events, once per frame. Without an identity that names a
// register URL nothing runs, and every question is answered "cannot check right now".
#include <atomic>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/journey.h"
#include "core/kiosk_identity.h"
#include "core/store.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/messages.h"

namespace tellus {

// What "Save to USB" did, for the staff menu.
struct UsbSaveResult {
  bool ok = false;
  std::int64_t saved = 0;                          // items written
  std::string path;                                // the bundle file
  std::string error;                               // for the log; never shown to the public
  bool no_stick = false;                           // no folder configured and none found under /media
};

// proto::CaseStatus as the journey shows it (dates parsed; a bad date is left out).
CaseView ToCaseView(const proto::CaseStatus& status);

// The folder "Save to USB" writes to: `configured` if set, else the first writable
// folder under /media/$USER, then /media; empty when there is none.
std::string FindUsbFolder(const std::string& configured);

class RegisterLink {
 public:
  // `identity` without a register_url (or none): sync is not set up. `store_path` is the
  // outbox the sync thread opens for itself (":memory:" cannot be shared: no sync thread).
  RegisterLink(std::optional<KioskIdentity> identity, std::string store_path, sync::SyncOptions options = {});
  ~RegisterLink();                                 // stops the sync thread, abandons calls in flight
  RegisterLink(const RegisterLink&) = delete;
  RegisterLink& operator=(const RegisterLink&) = delete;

  bool configured() const { return configured_; }  // an identity with a register URL
  bool syncing() const { return sync_ != nullptr; }

  void StartSync();                                // no-op when not configured
  void StopSync();
  void SendNow();
  sync::SyncStatus SyncStatus() const;             // waiting is filled by the caller's store

  // Worker calls; each answer comes back from Poll() as ev::StatusResult / ev::RequestResult.
  void AskStatus(const std::string& reference, const std::string& tracking_code);
  void AskRequest(CaseRequest action, const std::string& reference, const std::string& tracking_code,
                  const std::string& text = {});
  // Answers to calls already running are dropped (the person they were for has gone).
  void ForgetPending();
  std::vector<JourneyEvent> Poll();
  bool Pending() const { return !jobs_.empty(); }
  bool AnswerReady() const;                        // Poll() would hand something back now

  // Writes every waiting item to a signed bundle in `folder` (on the caller's thread:
  // a file write, not the network).
  UsbSaveResult SaveToUsb(Store& store, const std::string& folder, const std::string& stamp);

 private:
  struct Job {
    std::uint64_t session = 0;
    std::future<JourneyEvent> answer;
  };
  std::optional<KioskIdentity> identity_;
  bool configured_ = false;
  std::string store_path_;
  sync::SyncOptions options_;
  std::unique_ptr<sync::SyncClient> sync_;
  std::shared_ptr<std::atomic<bool>> abort_ = std::make_shared<std::atomic<bool>>(false);
  std::list<Job> jobs_;
  std::uint64_t session_ = 0;
};

}  // namespace tellus
