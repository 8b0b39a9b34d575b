#pragma once
// Case handling by the case's own policy. Deadlines count from the day the person
// pressed Send at the kiosk (the clear part's submitted_at, as a local date), not from
// when the register heard of it; every stage change starts the next stage's clock
// on the day of the change. Every staff action is written to the audit log in the
// same transaction as the change it describes.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/calendar.h"
#include "core/case_lifecycle.h"
#include "core/date.h"
#include "core/policy.h"
#include "sync/protocol/messages.h"
#include "sync/register/storage.h"

namespace tellus::reg {

struct CaseError : std::runtime_error { using std::runtime_error::runtime_error; };

// Policies and holiday calendars, loaded once each and kept.
class PolicyBook {
 public:
  PolicyBook(std::string policies_dir, std::string holidays_dir);
  const Policy& Get(const std::string& id);                 // throws PolicyError (remembered until restart)
  const HolidayCalendar& Calendar(Division division);       // throws HolidayFileError

 private:
  std::string policies_dir_, holidays_dir_;
  std::map<std::string, std::unique_ptr<Policy>> policies_;
  std::map<std::string, std::string> failures_;   // a broken policy is read once, not per item
  std::map<Division, std::unique_ptr<HolidayCalendar>> calendars_;
};

// The register's local calendar date of a clear part's stamp (an ISO 8601 UTC time, or
// a day alone for an anonymous case): deadlines count in the office's days, as the kiosk's
// done screen did ("2026-03-29T23:30:00Z" -> 2026-03-30 in BST). Throws CaseError when
// the text is neither.
Date StampDay(const std::string& stamp);
// A date as staff and the audit log read it, `fallback` when not set ("-", "none").
std::string DayText(const std::optional<Date>& day, const char* fallback);

class CaseWorkflow {
 public:
  // Tests pass a fixed clock.
  CaseWorkflow(RegisterStorage& storage, PolicyBook& policies, std::function<UtcTime()> now = UtcNow);

  // A new case in its first stage with deadlines; a policy or calendar problem leaves the
  // deadlines empty and says why in deadline_note (the case is never refused for it).
  CaseRecord NewCase(const proto::SubmitItem& item, int kiosk, Via via);

  CaseRecord Require(const std::string& reference);        // throws CaseError "no case <ref>"
  void Acknowledge(const std::string& reference, const std::string& actor);
  // `sent_by`: how it went, if staff said. A posted reply counts as received the policy's
  // post_received_after later; windows for the next stage run from receipt.
  void Reply(const std::string& reference, const std::string& text, const std::string& actor,
             std::optional<ReplyChannel> sent_by = std::nullopt);
  void Escalate(const std::string& reference, const std::string& actor);   // throws CaseError when not possible
  void Close(const std::string& reference, Outcome outcome, const std::string& actor);

  // Which of a stage's due dates count working days over bank holidays projected past the
  // published GOV.UK data (core/calendar.h): staff see them marked, since a one-off holiday
  // announced later could move them. A stored date that is not the stage's own count (set
  // another way, or counted before a newer holiday file came) is not marked.
  struct Projection {
    bool acknowledge = false, respond = false;
  };
  Projection ProjectionOf(const CaseRecord& record, const StageRecord& stage);
  // Staff change the plan; each is audited and recomputes the deadlines it touches.
  // A new answer date for the current stage (not before today) and why.
  void Extend(const std::string& reference, Date to, const std::string& reason, const std::string& actor);
  // A closed case opens again at its last stage, with that stage's clock started today.
  void Reopen(const std::string& reference, const std::string& actor);
  // Back to an earlier stage (Seetec's appeal panel, Works for Us' Trustees), clock from today.
  void SendBack(const std::string& reference, const std::string& stage_id, const std::string& actor);
  // The person asked to stop, by the policy: closed as withdrawn; or, where the policy may
  // continue (Works for Us) and staff say so, kept open with `note` in the audit log.
  void Withdraw(const std::string& reference, bool carry_on, const std::string& note, const std::string& actor);

  // The answer date a service's outcome_within fixes from the complaint's date, if any.
  std::optional<Date> OutcomeDue(const Policy& policy, const CaseRecord& record);
  // The current stage's answer date as the person is told it (an extension replaces it).
  static std::optional<Date> AnswerDue(const StageRecord& stage);

  // What the person sees at the kiosk.
  proto::CaseStatus StatusOf(const CaseRecord& record);
  bool IsOverdue(const CaseRecord& record, Date today);
  // A kiosk request (the tracking code already verified). Feedback text is sealed to
  // `register_box_public_key` before it is stored.
  proto::RequestReply HandleRequest(const proto::KioskRequest& request, const CaseRecord& record,
                                    const std::array<unsigned char, 32>& register_box_public_key);

  // Deletes closed cases whose policy retention has passed; returns the references deleted.
  std::vector<std::string> Purge(const std::string& actor);

  Date Today();
  PolicyBook& policies() { return policies_; }

 private:
  struct EscalationWindow {
    bool possible = false;
    std::string next_stage_id, next_stage_name, why_not;
    std::optional<Date> last_day;
  };
  EscalationWindow WindowFor(const CaseRecord& record);
  StageRecord EnterStage(const Policy& policy, const Stage* stage, Kind kind, Date entered_on,
                         std::optional<Date> outcome_due = std::nullopt);
  // The state `action` leaves the case in (core/case_lifecycle.h), or CaseError saying why not.
  static CaseState Move(const CaseRecord& record, CaseAction action);
  void Restart(CaseRecord& record, const Policy& policy, const Stage* stage, CaseAction action,  // reopen, send-back
               const std::string& actor);
  void DoEscalate(CaseRecord& record, const std::string& actor);
  void DoClose(CaseRecord& record, Outcome outcome, const std::string& actor);

  RegisterStorage& storage_;
  PolicyBook& policies_;
  std::function<UtcTime()> now_;
};

}  // namespace tellus::reg
