#pragma once
// Committing a finished journey: fix a UUID, take the next reference, make a tracking
// code, seal the personal part to the register's key and enqueue it durably. Only
// after this returns may the kiosk show "done".
#include <array>
#include <chrono>
#include <stdexcept>

#include "core/calendar.h"
#include "core/journey.h"
#include "core/kiosk_identity.h"
#include "core/policy.h"
#include "core/store.h"

namespace tellus {

// Who the submission is from and to whom it is sealed.
struct SubmitTarget {
  int kiosk_number = 0;                            // 1 .. 32767, part of the reference
  std::array<unsigned char, 32> register_box_public_key{};
  static SubmitTarget From(const KioskIdentity& identity) {
    return {identity.kiosk_number, identity.register_box_public_key};
  }
};

// The dates the done screen promises, counted from the day Send was pressed:
// complaint -> policy acknowledge_within and the first stage's respond_within;
// compliment -> compliments.acknowledge_within; comment -> the complaint acknowledgement.
// Best effort, never throwing for the calendar: past the published bank holidays the dates
// count projected ones (the best estimate, shown as it is; the register works out its own
// dates from the same rules and its own holiday files), and a date that cannot be counted
// at all (a clock set before the published data) is left empty.
struct PromisedDates {
  std::optional<Date> acknowledge_by;
  std::optional<Date> respond_by;
};
// A stage time marked respond_own_choice is not promised; a service's outcome_within is,
// counted from `received` (the earlier of the two).
PromisedDates ComputePromisedDates(JourneyKind kind, const Policy& policy, const HolidayCalendar& calendar,
                                   Date received, const std::string& service_id = {});

// A random (version 4) UUID from libsodium's CSPRNG: submission and request ids.
std::string NewUuid();

// Commits the journey's submission. `submitted_at` and `received` (the local date of Send)
// come from the caller; an anonymous submission's clear part keeps only `received`. Throws
// StoreError / SealError / std::invalid_argument on failure; nothing is half-written (Enqueue is atomic).
Receipt CommitSubmission(const JourneyState& state, const Policy& policy, const HolidayCalendar& calendar,
                         Store& store, const SubmitTarget& target, std::chrono::sys_seconds submitted_at,
                         Date received);

// Runs CommitSubmission and turns the outcome into the event to feed back to Reduce:
// CommitSucceeded, or CommitFailed carrying the error (for the log; never personal).
JourneyEvent CommitAsEvent(const JourneyState& state, const Policy& policy, const HolidayCalendar& calendar,
                           Store& store, const SubmitTarget& target, const fx::CommitSubmission& effect);

}  // namespace tellus
