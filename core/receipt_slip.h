#pragma once
// [SECTION] What a printed receipt says. The core decides the slip's content from the
// journey (the done screen's receipt, or the case found by "check my complaint"); the
// kiosk lays it out and prints it (kiosk/print). Sentences are catalog keys with the
// real dates the screen shows, so the slip and the screen never disagree.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace tellus {

struct JourneyState;
struct Policy;
struct PolicyText;

// A text of the policy's own that the slip and the done screen show, named rather than
// copied so each shows it in the person's language (core/policy_language.h).
enum class PolicyWords { kNone, kComplimentHandling, kCommentHandling };
const PolicyText& PolicyWordsIn(const Policy& policy, PolicyWords which);   // which != kNone

// One Easy Read sentence of the slip: a catalog key, and the date or stage name for its
// {date} / {stage} when it has one; or the policy's own text (what happens to a compliment
// or a comment), shown in its Easy Read sentences with their pictures.
struct SlipSentence {
  std::string key;                                 // "done.respond"; empty for a policy text
  std::optional<Date> date;                        // fills {date}
  std::string stage;                               // fills {stage} (the policy's stage name, as written)
  PolicyWords policy_words = PolicyWords::kNone;   // not kNone: this policy text, not a catalog sentence
  std::string picture{};                           // the policy text's picture where its sentences name none
  bool operator==(const SlipSentence&) const = default;
};

struct ReceiptSlip {
  std::string organisation;                        // the policy's organisation name
  std::string reference;                           // "SG-4K7Q-298X", grouped as on screen
  std::string tracking_code;                       // secret; wiped with the journey and after printing
  std::optional<Date> received;                    // the day Send was pressed (done screen only)
  std::vector<SlipSentence> next;                  // what happens next, with the real dates
  std::vector<SlipSentence> check_back;            // how to check back
  bool operator==(const ReceiptSlip&) const = default;
};

struct Receipt;
struct CaseView;
// What happens next after Send: the done screen draws these and the slip prints them
// (receipt kind, anonymous or not, the acknowledge and respond dates, and what the policy
// says happens to a compliment or a comment).
std::vector<SlipSentence> ReceiptNextSteps(const Receipt& receipt, const Policy& policy);
// Where a found case is and by when, as the check screen says it under its timeline
// (state, then the dates that still lie ahead); the stage line is the slip's own.
std::vector<SlipSentence> CaseNextSteps(const CaseView& view);

// The slip for the current screen: kDone with a receipt, or kCheckResult with a case
// found; nullopt anywhere else.
std::optional<ReceiptSlip> SlipFor(const JourneyState& state, const Policy& policy);
// Zeroes the codes (the slip is held by the print worker until it has printed).
void WipeSlip(ReceiptSlip& slip);

}  // namespace tellus
