#pragma once
// A complaints procedure as data: assets/policies/<id>.toml, loaded with toml++.
// Everything that differs between organisations lives here; nothing else in the
// product knows an organisation by name.
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/duration.h"

namespace tellus {

// Names the file, line and key: "seetec.toml:12: stages[1].respond_within: 'ten days' is not a duration".
struct PolicyError : std::runtime_error { using std::runtime_error::runtime_error; };

// One Easy Read sentence of a policy text with the picture shown beside it.
struct EasyReadSentence {
  std::string text;                                // one short sentence, one idea
  std::string picture{};                           // pictogram id (assets/pictograms/manifest.toml)
  bool operator==(const EasyReadSentence&) const = default;
};

// A text the kiosk shows: the organisation's exact words (kept for the register and for
// the "Standard words" setting) beside their Easy Read version, shown and spoken by default.
struct PolicyText {
  std::string words;                               // the organisation's exact words
  std::vector<EasyReadSentence> easy_read{};       // same meaning in Easy Read; empty: not written yet
  bool empty() const { return words.empty() && easy_read.empty(); }
};

struct NamedItem {
  std::string id;                                  // stable key used in data and reports
  std::string name;                                // as the organisation writes it
  std::string picture{};                           // pictogram id shown beside it; empty: none given
  std::string image{};                             // an image file of the organisation's own (logo, photo),
                                                   // resolved next to the policy file; empty: none
  std::optional<Duration> outcome_within{};        // services: the outcome is due this long after the complaint
                                                   // was made, at every stage (Stepping Stones childcare)
};

// What a yes/no answer tells the journey besides eligibility.
enum class AnswerMark {
  kNone,
  kDeceased,                                       // "the person has died" (Seetec 2.3.5): no permission asked
};

// One single yes/no question, on one screen.
struct YesNoQuestion {
  PolicyText question;                             // e.g. "Did this happen more than 12 months ago?"
  bool blocking_answer = true;                     // the answer that counts against the complaint
  AnswerMark marks = AnswerMark::kNone;            // set when the other (not blocking) answer is given
};

// An eligibility rule asked before a complaint: one or more single questions asked one
// after the other. The procedure cannot take the complaint only when EVERY question gets
// its blocking answer; the first other answer ends the rule and the journey goes on.
// Then the person is told `signpost` instead.
struct EligibilityQuestion {
  std::string id;                                  // "older-than-limit", "on-behalf-no-permission", "colleague"...
  std::vector<YesNoQuestion> questions;            // at least one; asked in order
  PolicyText signpost;                             // what to do instead, never a dead end
  AnswerMark asked_when = AnswerMark::kNone;       // kDeceased: asked only about someone who has died
  std::string staff_note{};                        // shown to staff with a case this rule let through
};

struct Exclusion {
  std::string id;
  PolicyText text;                                 // what is not covered
  PolicyText signpost;                             // where to go instead
};

struct Stage {
  std::string id;                                  // "stage-1"
  std::string name;                                // "Formal complaint"
  std::string handled_by;                          // "Relevant manager of the service"
  bool informal = false;
  std::optional<Duration> acknowledge_within;      // per-stage acknowledgement (escalations)
  std::optional<Duration> respond_within;          // absent where the seed gives no time
  bool respond_own_choice = false;                 // the seed gives no time: the register uses it, the kiosk
                                                   // does not promise it
  std::optional<Duration> request_within;          // how long the person has to ask for this stage
  std::string how_to_request;                      // "in writing to the Chief Executive Officer"
};

// Another place to go: shown at the kiosk (signposting screens, after the last stage, and at
// any stage where the policy allows) and to staff with the case.
struct ExternalBody {
  std::string name;
  PolicyText when;                                 // "after the last stage" / "at any stage"
  PolicyText contact;                              // how to reach them, in the seed's words
  bool at_any_stage = false;                       // the seed lets the person go there at any stage
  std::string picture;                             // pictogram id
  std::string phone;                               // as written in the seed; empty: none given
  std::string address;                             // postal or web address; empty: none given
};

// A phone number or address for staff when someone may be at risk (never shown at the kiosk).
struct SafeguardingContact {
  std::string name;                                // "Local Authority Designated Officer (LADO)"
  std::string phone;
};

// "Is someone being hurt, or in danger?": asked first in a complaint when the policy has it.
// A yes tells the person to speak to staff now and marks the case urgent.
struct Safeguarding {
  PolicyText question;
  PolicyText tell_staff;                           // "Please tell a member of staff now."
  std::vector<std::string> staff_steps;            // what staff do, as the seed lists it
  std::vector<SafeguardingContact> contacts;       // Ofsted, LADO, local authority, police...
};

// What a withdrawal at the kiosk does.
enum class Withdrawal {
  kClose,                                          // the case closes as withdrawn
  kMayContinue,                                    // staff may go on with a serious complaint (Works for Us)
};

struct ComplimentRules {
  bool accepted = true;
  bool anonymous_accepted = true;
  std::optional<Duration> acknowledge_within;
  std::optional<Duration> pass_on_within;
  bool ask_permission_to_share = true;
  PolicyText handling;                             // what happens to a compliment (done screen)
};

struct Policy {
  std::string id;                                  // file stem, "seetec"
  std::string organisation;                        // "Seetec Group"
  std::string reference_prefix;                    // 2-3 letters, printed before references
  Division division = Division::kEnglandAndWales;
  std::vector<NamedItem> services;
  std::vector<NamedItem> categories;

  bool anonymous_complaints = false;
  PolicyText anonymous_explanation;                // what anonymity means here, or why it is refused
  PolicyText anonymous_signpost;                   // when refused: what to do instead

  std::optional<Duration> time_limit;              // complaint must be made within this of the events
  bool on_behalf_needs_permission = false;
  std::vector<EligibilityQuestion> eligibility;    // asked in order before a complaint
  std::vector<Exclusion> exclusions;

  bool comments_accepted = true;                   // "minor issue / misunderstanding"
  PolicyText comments_handling;                    // what happens to a comment (done screen)
  bool comments_keep_name = true;                  // false: a comment never carries a name (Works for Us)
  ComplimentRules compliments;

  std::optional<Duration> acknowledge_within;      // first acknowledgement of a complaint
  std::vector<Stage> stages;                       // in procedure order
  std::vector<ExternalBody> external_bodies;
  std::optional<Duration> retention;               // how long after closure data is kept
  bool retention_own_choice = false;               // the seed is silent: the register purges by it, the
                                                   // kiosk says "only as long as we need to"
  std::string retention_note;                      // where the seed is silent, what we chose and why
  std::optional<Safeguarding> safeguarding;
  // A reply sent by post counts as received this long after it was sent (escalation windows
  // run from receipt); the organisation's own choice where the seed is silent.
  std::optional<Duration> post_received_after;
  Withdrawal withdrawal = Withdrawal::kClose;
  PolicyText withdrawal_note;                      // kMayContinue: shown to the person and to staff

  // Where each key of the file is written, "eligibility[0].questions[1].easy_read[0]" -> 57
  // (check-policy reports "file:line: key: rule: what").
  std::string source;                              // the file it was loaded from
  std::map<std::string, std::size_t> lines;
  std::size_t LineOf(const std::string& key) const;  // 0 when unknown

  const Stage* FindStage(const std::string& id) const;
  const Stage* NextStage(const std::string& id) const;   // nullptr after the last stage
  const NamedItem* FindService(const std::string& id) const;
  // The other places to go that apply now: at any stage, or every one after the last stage.
  std::vector<const ExternalBody*> PlacesToGo(bool after_last_stage) const;
};

// One promised date of a procedure: "acknowledge" or "<stage-id>.respond".
struct NamedDeadline {
  std::string name;
  Date date;
  bool projected = false;                          // counts working days over projected bank holidays
  bool operator==(const NamedDeadline&) const = default;
};
// In procedure order: the acknowledgement (when the policy has a time) then each stage's
// response (when it has one), each as if the case entered that stage on `received`.
// Throws CalendarRangeError, naming the deadline, for a date before the holiday data.
std::vector<NamedDeadline> ProcedureDeadlines(const Policy& policy, Date received, const HolidayCalendar& calendar);

// Loading: every problem in the file is reported, one "file:line: key: what" per line.
Policy LoadPolicyFile(const std::string& path);    // throws PolicyError
Policy LoadPolicyText(const std::string& text, const std::string& source_name);
// Finds "<dir>/<id>.toml", or treats `id_or_path` as a path if it names a file.
Policy LoadPolicy(const std::string& id_or_path, const std::string& policies_dir);

}  // namespace tellus
