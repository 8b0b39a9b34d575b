// The printed receipt's content, from the journey: the same sentences and dates as the
// done and check screens (kiosk/screens/done_screen.cpp, check_result_screen.cpp).
#include "core/receipt_slip.h"

#include "core/journey.h"
#include "core/model.h"

namespace tellus {

namespace {

void Add(std::vector<SlipSentence>& out, const char* key, std::optional<Date> date = std::nullopt) {
  out.push_back(SlipSentence{key, date, {}});
}

std::vector<SlipSentence> CheckBack() {
  std::vector<SlipSentence> how;
  Add(how, "slip.check_come_back");
  Add(how, "slip.check_touch");
  Add(how, "slip.check_type");
  return how;
}

}  // namespace

std::vector<SlipSentence> ReceiptNextSteps(const Receipt& r) {
  std::vector<SlipSentence> next;
  switch (r.kind) {
    case JourneyKind::kComplaint:
      if (r.anonymous) {
        Add(next, "done.anonymous_no_reply");
        if (auto date = r.respond_by ? r.respond_by : r.acknowledge_by) Add(next, "done.anonymous_check", date);
      } else {
        if (r.acknowledge_by) Add(next, "done.ack", r.acknowledge_by);
        if (r.respond_by) Add(next, "done.respond", r.respond_by);
      }
      break;
    case JourneyKind::kCompliment:
      Add(next, "done.compliment_pass_on");
      if (!r.anonymous && r.acknowledge_by) Add(next, "done.compliment_ack", r.acknowledge_by);
      break;
    default:
      Add(next, "done.comment_read");
      if (!r.anonymous && r.acknowledge_by) Add(next, "done.ack", r.acknowledge_by);
      break;
  }
  return next;
}

std::vector<SlipSentence> CaseNextSteps(const CaseView& v) {
  std::vector<SlipSentence> next;
  const bool open = v.state != CaseState::kClosed && v.state != CaseState::kAnswered;
  if (open && v.extended_to) {
    // Staff gave a new date (the check screen adds their reason, as they wrote it).
    Add(next, "check_result.extended");
    Add(next, "check_result.extended_by", v.extended_to);
  } else if (v.state == CaseState::kClosed) {
    Add(next, v.outcome == Outcome::kWithdrawn ? "check_result.state_withdrawn" : "check_result.state_closed");
  } else if (v.state == CaseState::kAnswered) {
    Add(next, "check_result.state_answered");
  } else if (v.state == CaseState::kAcknowledged) {
    Add(next, "check_result.state_acknowledged");
  } else {
    Add(next, "check_result.state_received");
    if (v.acknowledge_by) Add(next, "check_result.acknowledge_by", v.acknowledge_by);
  }
  if (open && !v.extended_to && v.respond_by) Add(next, "check_result.respond_by", v.respond_by);
  if (v.withdraw_requested) Add(next, "check_result.withdraw_asked");
  if (v.can_escalate && v.escalate_by) Add(next, "check_result.escalate_until", v.escalate_by);
  return next;
}

std::optional<ReceiptSlip> SlipFor(const JourneyState& s, const Policy& policy) {
  ReceiptSlip slip;
  slip.organisation = policy.organisation;
  if (s.place.step == Step::kDone && s.receipt) {
    slip.reference = s.receipt->reference;
    slip.tracking_code = s.receipt->tracking_code;
    slip.received = s.receipt->received;
    slip.next = ReceiptNextSteps(*s.receipt);
  } else if (s.place.step == Step::kCheckResult && s.check_status == CheckStatusKind::kFound && s.check_case) {
    slip.reference = s.check_reference;
    slip.tracking_code = s.check_tracking;
    const CaseView& v = *s.check_case;
    if (!v.stage_name.empty()) slip.next.push_back(SlipSentence{"check_result.stage", std::nullopt, v.stage_name});
    for (SlipSentence& line : CaseNextSteps(v)) slip.next.push_back(std::move(line));
  } else {
    return std::nullopt;
  }
  slip.check_back = CheckBack();
  return slip;
}

void WipeSlip(ReceiptSlip& slip) {
  WipeString(slip.tracking_code);
  WipeString(slip.reference);
}

}  // namespace tellus
