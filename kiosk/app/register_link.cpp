#include "kiosk/app/register_link.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "core/date.h"
#include "core/submit.h"
#include "sync/client/register_client.h"

namespace tellus {

namespace {

// Look-ups at a kiosk screen: a person is waiting, so give up sooner than the outbox does.
constexpr sync::HttpTimeouts kInteractiveTimeouts{4000, 12000};

std::optional<Date> DateOrNothing(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  try {
    return ParseIsoDate(iso);
  } catch (const std::exception&) {
    return std::nullopt;                           // a date we cannot read is better left unsaid
  }
}

CheckStatusKind StatusKindFor(const sync::SyncError& e) {
  if (e.status == 404) return CheckStatusKind::kNotFound;   // no such case, or the wrong code: one answer
  if (e.status == 429) return CheckStatusKind::kBusy;
  return CheckStatusKind::kUnavailable;
}

bool WritableFolder(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) && ::access(dir.c_str(), W_OK | X_OK) == 0;
}

}  // namespace

CaseView ToCaseView(const proto::CaseStatus& s) {
  CaseView v;
  v.kind = JourneyKindOf(s.kind);
  v.state = s.state;
  v.outcome = s.outcome;
  v.stage_name = s.stage_name;
  v.acknowledge_by = DateOrNothing(s.acknowledge_by);
  v.respond_by = DateOrNothing(s.respond_by);
  v.latest_reply = s.latest_reply;
  v.can_escalate = s.can_escalate;
  v.next_stage_name = s.next_stage_name;
  v.escalate_by = DateOrNothing(s.escalate_by);
  v.can_withdraw = s.can_withdraw;
  v.extended_to = DateOrNothing(s.extended_to);
  v.extension_reason = s.extension_reason;
  v.withdraw_requested = s.withdraw_requested;
  return v;
}

std::string FindUsbFolder(const std::string& configured) {
  namespace fs = std::filesystem;
  if (!configured.empty()) return WritableFolder(configured) ? configured : std::string();
  std::vector<fs::path> roots;
  if (const char* user = std::getenv("USER"); user && *user) roots.push_back(fs::path("/media") / user);
  roots.push_back("/media");
  for (const fs::path& root : roots) {
    std::error_code ec;
    std::vector<fs::path> found;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) found.push_back(it->path());
    std::sort(found.begin(), found.end());
    for (const fs::path& dir : found) {
      if (roots.size() > 1 && dir == roots.front()) continue;   // /media/$USER is a root, not a stick
      if (WritableFolder(dir)) return dir.string();
    }
  }
  return {};
}

RegisterLink::RegisterLink(std::optional<KioskIdentity> identity, std::string store_path, sync::SyncOptions options)
    : identity_(std::move(identity)), store_path_(std::move(store_path)), options_(options) {
  configured_ = identity_ && !identity_->register_url.empty();
}

RegisterLink::~RegisterLink() {
  abort_->store(true);                             // transfers in flight give up now
  StopSync();
  for (Job& job : jobs_) job.answer.wait();
}

void RegisterLink::StartSync() {
  if (!configured_ || sync_ || store_path_.empty() || store_path_ == ":memory:") return;
  sync_ = std::make_unique<sync::SyncClient>(*identity_, store_path_, options_);
  sync_->Start();
}

void RegisterLink::StopSync() {
  if (!sync_) return;
  sync_->Stop();
  sync_.reset();
}

void RegisterLink::SendNow() {
  if (sync_) sync_->SendNow();
}

sync::SyncStatus RegisterLink::SyncStatus() const { return sync_ ? sync_->Status() : sync::SyncStatus{}; }

void RegisterLink::AskStatus(const std::string& reference, const std::string& tracking_code) {
  if (!configured_) {
    jobs_.push_back({session_, std::async(std::launch::deferred, [] {
                       return JourneyEvent{ev::StatusResult{CheckStatusKind::kUnavailable, std::nullopt}};
                     })});
    return;
  }
  jobs_.push_back({session_, std::async(std::launch::async, [identity = *identity_, abort = abort_, reference,
                                                             tracking_code]() mutable {
                     ev::StatusResult result;
                     try {
                       sync::RegisterClient client(std::move(identity), kInteractiveTimeouts, abort.get());
                       result.found = ToCaseView(client.Status(reference, tracking_code));
                       result.status = CheckStatusKind::kFound;
                     } catch (const sync::SyncError& e) {
                       result.status = StatusKindFor(e);
                       if (result.status == CheckStatusKind::kUnavailable && !abort->load())
                         std::cerr << "tellus-kiosk: status check: " << e.what() << "\n";
                     } catch (const std::exception& e) {
                       result.status = CheckStatusKind::kUnavailable;
                       std::cerr << "tellus-kiosk: status check: " << e.what() << "\n";
                     }
                     return JourneyEvent{result};
                   })});
}

void RegisterLink::AskRequest(CaseRequest action, const std::string& reference, const std::string& tracking_code,
                              const std::string& text) {
  if (!configured_ || action == CaseRequest::kNone) {
    jobs_.push_back({session_, std::async(std::launch::deferred, [] {
                       return JourneyEvent{ev::RequestResult{RequestOutcome::kUnavailable, std::nullopt}};
                     })});
    return;
  }
  proto::KioskRequest request;
  request.request_id = NewUuid();             // fixed now: a repeat of this call is idempotent
  request.reference = reference;
  request.tracking_code = tracking_code;
  request.action = action == CaseRequest::kEscalate   ? proto::RequestAction::kEscalate
                   : action == CaseRequest::kWithdraw ? proto::RequestAction::kWithdraw
                                                      : proto::RequestAction::kFeedback;
  request.text = text;
  jobs_.push_back({session_, std::async(std::launch::async, [identity = *identity_, abort = abort_, request]() mutable {
                     ev::RequestResult result;
                     try {
                       sync::RegisterClient client(std::move(identity), kInteractiveTimeouts, abort.get());
                       proto::RequestReply reply = client.Request(request);
                       result.outcome = reply.done ? RequestOutcome::kDone : RequestOutcome::kRefused;
                       result.status = ToCaseView(reply.status);
                     } catch (const sync::SyncError& e) {
                       result.outcome = e.status == 429                       ? RequestOutcome::kBusy
                                        : e.status >= 400 && e.status < 500 ? RequestOutcome::kRefused
                                                                            : RequestOutcome::kUnavailable;
                       if (!abort->load()) std::cerr << "tellus-kiosk: case request: " << e.what() << "\n";
                     } catch (const std::exception& e) {
                       result.outcome = RequestOutcome::kUnavailable;
                       std::cerr << "tellus-kiosk: case request: " << e.what() << "\n";
                     }
                     return JourneyEvent{result};
                   })});
}

void RegisterLink::ForgetPending() { ++session_; }

bool RegisterLink::AnswerReady() const {
  for (const Job& job : jobs_)
    if (job.answer.wait_for(std::chrono::seconds(0)) != std::future_status::timeout) return true;
  return false;
}

std::vector<JourneyEvent> RegisterLink::Poll() {
  std::vector<JourneyEvent> out;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->answer.wait_for(std::chrono::seconds(0)) == std::future_status::timeout) {
      ++it;
      continue;
    }
    JourneyEvent event = it->answer.get();         // deferred jobs run here, on the UI thread, without I/O
    if (it->session == session_) out.push_back(std::move(event));
    it = jobs_.erase(it);
  }
  return out;
}

UsbSaveResult RegisterLink::SaveToUsb(Store& store, const std::string& folder, const std::string& stamp) {
  UsbSaveResult r;
  if (!identity_) {
    r.error = "this kiosk has no identity file; enrol it with tellus-register enroll-kiosk";
    return r;
  }
  if (folder.empty()) {
    r.no_stick = true;
    r.error = "no USB stick found";
    return r;
  }
  r.path = (std::filesystem::path(folder) / ("tellus-kiosk" + std::to_string(identity_->kiosk_number) + "-" + stamp +
                                             ".json"))
               .string();
  try {
    r.saved = sync::ExportBundle(store, *identity_, r.path);
    r.ok = true;
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

}  // namespace tellus
