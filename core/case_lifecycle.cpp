#include "core/case_lifecycle.h"

namespace tellus {

std::string ToString(CaseState state) { return NameOf(kCaseStateNames, state); }
std::string ToString(Outcome outcome) { return NameOf(kOutcomeNames, outcome); }
std::string ToString(ReplyChannel channel) { return NameOf(kReplyChannelNames, channel); }
std::string ToString(Via via) { return NameOf(kViaNames, via); }

std::optional<CaseState> ParseCaseState(std::string_view text) { return ValueOf(kCaseStateNames, text); }
std::optional<Outcome> ParseOutcome(std::string_view text) { return ValueOf(kOutcomeNames, text); }
std::optional<ReplyChannel> ParseReplyChannel(std::string_view text) { return ValueOf(kReplyChannelNames, text); }
std::optional<Via> ParseVia(std::string_view text) { return ValueOf(kViaNames, text); }

std::optional<CaseState> StateAfter(CaseKind kind, CaseState from, CaseAction action) {
  const bool closed = from == CaseState::kClosed;
  const bool staged = kind == Kind::kComplaint;    // only complaints go through a procedure's stages
  switch (action) {
    case CaseAction::kAcknowledge:
      if (closed) return std::nullopt;
      return from == CaseState::kReceived ? CaseState::kAcknowledged : from;
    case CaseAction::kReply:
      if (closed) return std::nullopt;
      return CaseState::kAnswered;
    case CaseAction::kExtend:
      if (closed) return std::nullopt;
      return from;
    case CaseAction::kEscalate:
      if (closed || !staged) return std::nullopt;
      return CaseState::kReceived;
    case CaseAction::kSendBack:
      if (!staged) return std::nullopt;
      return CaseState::kReceived;
    case CaseAction::kWithdraw:
    case CaseAction::kClose:
      if (closed) return std::nullopt;
      return CaseState::kClosed;
    case CaseAction::kReopen:
      if (!closed) return std::nullopt;
      return CaseState::kReceived;
  }
  return std::nullopt;
}

}  // namespace tellus
