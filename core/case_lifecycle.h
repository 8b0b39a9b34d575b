#pragma once
// A case's life at the register, as types: its state, how it ended, how a reply went
// and how it arrived, and the one table of which staff or kiosk action may move a case
// from which state. The register (sync/register) and the kiosk's check screens share
// these; text appears only at the edges (JSON, SQL, CLI), through the one Parse and the
// one ToString of each type here (core/enum_names.h). Kinds are core/model.h's Kind.
#include <optional>
#include <string>
#include <string_view>

#include "core/enum_names.h"
#include "core/model.h"

namespace tellus {

using CaseKind = Kind;                             // compliment | complaint | comment (core/model.h)

// Where a case stands. Withdrawal is an outcome (a case closed as withdrawn), not a state.
enum class CaseState { kReceived, kAcknowledged, kAnswered, kClosed };
inline constexpr EnumNames<CaseState, 4> kCaseStateNames{{
    {CaseState::kReceived, "received"},
    {CaseState::kAcknowledged, "acknowledged"},
    {CaseState::kAnswered, "answered"},
    {CaseState::kClosed, "closed"},
}};

// How a closed case ended.
enum class Outcome { kUpheld, kPartlyUpheld, kNotUpheld, kResolvedInformally, kWithdrawn, kNotEligible };
inline constexpr EnumNames<Outcome, 6> kOutcomeNames{{
    {Outcome::kUpheld, "upheld"},
    {Outcome::kPartlyUpheld, "partly-upheld"},
    {Outcome::kNotUpheld, "not-upheld"},
    {Outcome::kResolvedInformally, "resolved-informally"},
    {Outcome::kWithdrawn, "withdrawn"},
    {Outcome::kNotEligible, "not-eligible"},
}};

// How staff sent a written reply (a posted one counts as received later, by the policy).
enum class ReplyChannel { kPost, kEmail, kInPerson, kPhone };
inline constexpr EnumNames<ReplyChannel, 4> kReplyChannelNames{{
    {ReplyChannel::kPost, "post"},
    {ReplyChannel::kEmail, "email"},
    {ReplyChannel::kInPerson, "in-person"},
    {ReplyChannel::kPhone, "phone"},
}};

// How a case reached the register.
enum class Via { kNetwork, kUsb };
inline constexpr EnumNames<Via, 2> kViaNames{{
    {Via::kNetwork, "network"},
    {Via::kUsb, "usb"},
}};

std::string ToString(CaseState state);
std::string ToString(Outcome outcome);
std::string ToString(ReplyChannel channel);
std::string ToString(Via via);
// nullopt when the text is not one of the names: the caller says where it came from,
// and NotOneOf below which names would do.
std::optional<CaseState> ParseCaseState(std::string_view text);
std::optional<Outcome> ParseOutcome(std::string_view text);
std::optional<ReplyChannel> ParseReplyChannel(std::string_view text);
std::optional<Via> ParseVia(std::string_view text);

// "<what> 'text' is not one of a, b, c": the message for a value no Parse above accepts.
template <typename Enum, std::size_t N>
std::string NotOneOf(std::string_view what, std::string_view text, const EnumNames<Enum, N>& names) {
  return std::string(what) + " '" + std::string(text) + "' is not one of " + ChoicesOf(names);
}

// What staff (or a kiosk, for the person) do to a case.
enum class CaseAction {
  kAcknowledge,   // received -> acknowledged (acknowledged and answered stay)
  kReply,         // -> answered
  kExtend,        // a new answer date; the state stays
  kEscalate,      // complaints only: the next stage, received again
  kSendBack,      // complaints only: an earlier stage, received again (a closed case too)
  kWithdraw,      // closed as withdrawn (or, where the policy may continue, noted and kept open)
  kClose,         // closed with an outcome
  kReopen,        // a closed case only: its last stage again, received
};

// The one transition table: the state an action leaves a case of this kind in, or
// nullopt when the action is not possible from `from` (closed, not closed, not a complaint).
std::optional<CaseState> StateAfter(CaseKind kind, CaseState from, CaseAction action);
inline bool CanMove(CaseKind kind, CaseState from, CaseAction action) {
  return StateAfter(kind, from, action).has_value();
}

}  // namespace tellus
