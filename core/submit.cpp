// Committing a journey: UUID, reference, tracking code, sealing and the durable enqueue.
#include "core/submit.h"

#include <sodium.h>

#include <cstdio>
#include <ctime>

#include "core/reference.h"
#include "core/seal.h"

namespace tellus {

// RFC 4122 version 4 from libsodium's CSPRNG.
std::string NewUuid() {
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return out;
}

namespace {

// Best effort: a date the calendar cannot count (a kiosk clock set before the published
// holiday data) is left out rather than stopping the save; the register works out its own.
std::optional<Date> DateAfter(Date received, const std::optional<Duration>& within, const HolidayCalendar& calendar) {
  if (!within) return std::nullopt;
  try {
    return AddDuration(received, *within, calendar);
  } catch (const CalendarRangeError&) {
    return std::nullopt;
  }
}

}  // namespace

PromisedDates ComputePromisedDates(JourneyKind kind, const Policy& policy, const HolidayCalendar& calendar,
                                   Date received, const std::string& service_id) {
  PromisedDates dates;
  switch (kind) {
    case JourneyKind::kCompliment:
      dates.acknowledge_by = DateAfter(received, policy.compliments.acknowledge_within, calendar);
      break;
    case JourneyKind::kComplaint:
      dates.acknowledge_by = DateAfter(received, policy.acknowledge_within, calendar);
      // A time the seed does not give is not promised; a service's outcome time from the
      // complaint's date is (Stepping Stones childcare), and the earlier of the two holds.
      if (!policy.stages.empty() && !policy.stages.front().respond_own_choice) {
        dates.respond_by = DateAfter(received, policy.stages.front().respond_within, calendar);
      }
      if (const NamedItem* service = policy.FindService(service_id); service && service->outcome_within) {
        if (std::optional<Date> outcome = DateAfter(received, service->outcome_within, calendar);
            outcome && (!dates.respond_by || *outcome < *dates.respond_by)) {
          dates.respond_by = outcome;
        }
      }
      break;
    case JourneyKind::kComment:
      dates.acknowledge_by = DateAfter(received, policy.acknowledge_within, calendar);
      break;
    default:
      break;
  }
  return dates;
}

Receipt CommitSubmission(const JourneyState& state, const Policy& policy, const HolidayCalendar& calendar,
                         Store& store, const SubmitTarget& target, std::chrono::sys_seconds submitted_at,
                         Date received) {
  if (state.kind != JourneyKind::kCompliment && state.kind != JourneyKind::kComplaint &&
      state.kind != JourneyKind::kComment) {
    throw std::invalid_argument("CommitSubmission: the journey is not a compliment, complaint or comment");
  }
  InitSodium();
  // The dates never stop a save: the calendar projects past the published holidays, and a
  // date it cannot count is left off the done screen (ComputePromisedDates).
  PromisedDates dates = ComputePromisedDates(state.kind, policy, calendar, received, state.service_id);

  Submission submission = BuildSubmission(state, policy);
  submission.clear.uuid = NewUuid();
  // An anonymous submission keeps only the office's day: a time to the second and the kiosk
  // number could be matched to CCTV or a visitor book. Deadlines count in days anyway.
  submission.clear.submitted_at = submission.clear.anonymous ? ToIso(received) : ToIsoUtc(submitted_at);

  Reference reference{policy.reference_prefix, static_cast<std::uint32_t>(target.kiosk_number), 0};
  if (target.kiosk_number < 1 || target.kiosk_number > static_cast<int>(kMaxKiosk)) {
    throw std::invalid_argument("CommitSubmission: kiosk number " + std::to_string(target.kiosk_number) +
                                " is outside 1..32767");
  }
  reference.sequence = store.NextSequence();
  submission.clear.reference = FormatReference(reference);

  std::string tracking = NewTrackingCode();
  std::vector<unsigned char> sealed = SealPersonal(submission.personal, target.register_box_public_key);
  Wipe(submission.personal);
  store.Enqueue(submission.clear, sealed, HashSecret(*NormaliseTrackingCode(tracking)));

  Receipt receipt;
  receipt.uuid = submission.clear.uuid;
  receipt.reference = submission.clear.reference;
  receipt.tracking_code = std::move(tracking);
  receipt.received = received;
  receipt.acknowledge_by = dates.acknowledge_by;
  receipt.respond_by = dates.respond_by;
  receipt.kind = state.kind;
  receipt.anonymous = submission.clear.anonymous;
  return receipt;
}

JourneyEvent CommitAsEvent(const JourneyState& state, const Policy& policy, const HolidayCalendar& calendar,
                           Store& store, const SubmitTarget& target, const fx::CommitSubmission& effect) {
  try {
    return ev::CommitSucceeded{
        CommitSubmission(state, policy, calendar, store, target, effect.submitted_at, effect.received)};
  } catch (const std::exception& error) {
    // Store, seal and calendar errors name files and keys, never what the person wrote.
    return ev::CommitFailed{error.what()};
  }
}

}  // namespace tellus
