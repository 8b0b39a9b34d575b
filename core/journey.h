#pragma once
// [SECTION] The journey state machine: the core decides, the kiosk draws.
// A plain copyable JourneyState; events as a std::variant; Reduce() returns the next
// state and a list of effects for the kiosk to run (speak, commit, check status, wipe).
// No I/O and no clock reads in here: time arrives as Tick events. Which steps exist
// and what comes next is derived from the Policy.
//
//   index: [types] [settings] [state] [events] [effects] [reduce] [queries]
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/case_lifecycle.h"
#include "core/date.h"
#include "core/model.h"
#include "core/policy.h"
#include "core/receipt_slip.h"
#include "core/settings_vocabulary.h"

namespace tellus {

// [SECTION] types -------------------------------------------------------------

enum class JourneyKind { kNone, kCompliment, kComplaint, kComment, kCheck };
// The journey a case of this kind was made by, and back (a check is no case's kind).
JourneyKind JourneyKindOf(Kind kind);
Kind CaseKindOf(JourneyKind kind);                 // kCompliment, kComment; anything else a complaint

// One question per step. Which of these a journey passes through depends on the policy
// and on earlier answers (see NextPlace in journey_steps.cpp).
enum class Step {
  kWelcome,
  kLanguage,         // language chooser (from welcome, one touch away)
  kEligibility,      // complaint: policy.eligibility[index].questions[part], yes / no
  kExclusions,       // complaint: is it about one of policy.exclusions?
  kAnonymous,        // give your name, or stay anonymous
  kAnonymousMeaning, // anonymous accepted: what that means (no direct reply)
  kService,          // which service (policy.services)
  kSubject,          // compliment: who or what, in their words (optional text)
  kPraise,           // compliment: what they did well (quick choices and text)
  kCategories,       // complaint: what went wrong (policy.categories, several)
  kWhatHappened,     // complaint / comment: text
  kWhen,             // today / yesterday / how long ago (spans) / pick the day
  kWhenOlder,        // a span across the time limit: was it more than the limit ago?
  kPickDate,         // a month grid of days, with a month list
  kAffected,         // how it affected you (text)
  kPutRight,         // what would put it right (text)
  kName,             // about you: name
  kContact,          // contact preference
  kContactDetails,   // phone / email / address as chosen
  kOnBehalf,         // are you telling us for someone else?
  kOnBehalfDetails,  // their name and whether they gave permission
  kSupport,          // support needs
  kShare,            // compliment: may we share it
  kReview,           // every answer with Change
  kConsent,          // retention in plain words, then Send
  kDone,             // reference, tracking code, QR, what happens next
  kSignpost,         // the policy's signposting: never a dead end
  kCheckEntry,       // check my complaint: reference + tracking code
  kCheckResult,      // the answer (or "we cannot check right now"), with what the person may ask next
  kCheckConfirm,     // "are you sure?" before asking for the next stage or withdrawing
  kCheckOutcome,     // what the register did with that request
  kAbout,            // about this kiosk: credits and licences (from welcome or help)
  kCheckFeedback,    // optional: how we handled it, in their words, sent to the register
  kRecord,           // "Say it instead": record, listen, record again, keep (a side trip from a text question)
  kHelpToWrite,      // "I want help to tell you": a call-back or a meeting (side trip from a text question)
  kHelpTime,         // ... and the best time for it
  kSafeguarding,     // complaint, first when the policy has it: "Is someone being hurt, or in danger?"
  kTellStaff,        // a yes: "Please tell a member of staff now", then the complaint goes on (urgent)
  kOtherPlaces,      // the policy's other places to go (external bodies), from signpost, done or check
  kEscalateReason,   // check my complaint: why the person wants the next stage (their words)
  kProcess,          // from done: the procedure's stages and their times, and places to go at any stage
};

// Catalog key prefix of a step: "complaint.when" etc. Titles are "<key>.title",
// help "<key>.help".
const char* StepKey(Step step);

// The text field being typed into.
enum class Field {
  kNone,
  kSubject, kPraise, kWhatHappened, kAffected, kPutRight,
  kName, kPhone, kEmail, kAddress, kTheirName, kOtherLanguage,
  kReference, kTrackingCode,
  kFeedback,                                       // check my complaint: how we handled it
  kEscalateReason,                                 // check my complaint: why they ask for the next stage
};
int FieldLimit(Field field);                       // characters (UTF-8 code points)
const char* FieldKey(Field field);                 // catalog key of its label: "field.name"
// The on-screen keyboard a field needs: the language's letters, a number pad (phone),
// Latin letters with @ and endings (email), or capitals and digits (reference, tracking code).
enum class KeyboardKind { kText, kNumber, kEmail, kCode };
KeyboardKind FieldKeyboard(Field field);

// Why the signpost screen is shown.
enum class SignpostReason { kNone, kEligibility, kExclusion, kAnonymousRefused, kTimeLimit, kOnBehalfPermission, kNotAccepted };

// A short message shown (and spoken) on the current screen until the next action.
enum class Notice {
  kNone,
  kTextTooLong,      // typing past the limit is refused, visibly
  kChooseOne,        // Next pressed with nothing chosen
  kNeedText,         // a required text field is empty
  kBadReference,     // check character wrong / not a reference
  kBadTrackingCode,
  kFutureDate,       // a day or month after today touched on the date grid
  kBeforeLimit,      // a day or month before the policy's time limit touched on the date grid
  kCommitFailed,     // "Sorry, this did not save. Please ask a member of staff."
};
const char* NoticeKey(Notice notice);              // "notice.text_too_long"


// The answer to "when did it happen?": one day, or how long ago as a span of days.
enum class WhenChoice {
  kNone,
  kToday, kYesterday,                              // one day
  kThisWeek,                                       // the last 7 days, today included
  kLastWeek,                                       // 7 to 13 days ago
  kTwoToFourWeeks,                                 // 14 days to 1 month ago
  kOneToThreeMonths,                               // 1 to 3 months ago
  kThreeToTwelveMonths,                            // 3 to 12 months ago
  kOverAYear,                                      // more than 12 months ago (open at the start)
  kPickedDay,                                      // a day touched on the month grid
};
// Choose ids and catalog keys "when.choice.<id>": "today", "2-4-weeks", "day"...
const char* ToString(WhenChoice choice);
std::optional<WhenChoice> ParseWhenChoice(const std::string& id);
// What the when screen offers, in order (kPickedDay last: it opens the grid).
const std::vector<WhenChoice>& WhenScreenChoices();

struct LanguageOption {
  std::string tag;                                 // "cy"
  std::string native_name;                         // "Cymraeg"
  bool operator==(const LanguageOption&) const = default;
};

// What a successful commit hands back (core/submit.h fills it).
struct Receipt {
  std::string uuid;
  std::string reference;                           // "SG-4K7Q-298X"
  std::string tracking_code;                       // "7D2K9-QX4MB" (secret; wiped when leaving done)
  Date received{};                                 // the day Send was pressed
  std::optional<Date> acknowledge_by;              // complaint ack / compliment receipt
  std::optional<Date> respond_by;                  // first stage's response
  JourneyKind kind = JourneyKind::kComplaint;
  bool anonymous = false;                          // anonymous: no direct reply, use the codes
  bool operator==(const Receipt&) const = default;
};

// [SECTION] voice: "Say it instead" ------------------------------------------------
// The kiosk records and encodes; the journey decides what the person can do next.
enum class VoicePhase {
  kReady,            // the record screen is open, nothing recorded yet: Start
  kRecording,        // capturing: level meter, Stop
  kFinishing,        // Stop pressed: the kiosk is closing the Opus stream
  kRecorded,         // a take to Listen to, Record again or Keep
  kPlaying,          // Listen: playing the take through the speech output
  kFailed,           // the microphone stopped working: try again, or type instead
};
struct VoiceTake {
  VoicePhase phase = VoicePhase::kReady;
  SpokenQuestion question = SpokenQuestion::kWhatHappened;
  int elapsed_ms = 0;                              // recorded so far (while recording), or the take's length
  int level = 0;                                   // 0..100, the loudness just heard (the level meter)
  AudioBuffer opus;                                // the take (kRecorded, kPlaying): Ogg Opus, in memory only
};
// The spoken answer a text question can take, or nullopt (name, phone... are typed).
std::optional<SpokenQuestion> SpokenQuestionOf(Step step);
Step StepOfQuestion(SpokenQuestion question, JourneyKind kind);

// [SECTION] settings ----------------------------------------------------------

struct JourneySettings {
  std::string language = "en-GB";
  TextSize text_size = TextSize::kStandard;
  ThemeId theme = ThemeId::kStandard;
  bool listen = false;                             // read each screen aloud on entry
  bool standard_wording = false;                   // Standard wording instead of Easy Read
  bool touch_to_hear = false;                      // first touch speaks an item, a second touch chooses it
  ScanMode scanning = ScanMode::kOff;              // switch scanning over the screen's items
  bool operator==(const JourneySettings&) const = default;
};

struct IdleSettings {
  int warn_after_s = 90;                           // no activity for this long -> "Do you need more time?"
  int countdown_s = 30;                            // then wipe; never less than kMinCountdownS
  static constexpr int kMinCountdownS = 20;
};

// [SECTION] state -------------------------------------------------------------

struct Place {
  Step step = Step::kWelcome;
  int index = 0;                                   // eligibility rule index
  int part = 0;                                    // which single question of that rule
  bool operator==(const Place&) const = default;
};

// kNotFound covers a wrong tracking code too (the register gives one answer for both);
// kBusy is the register's "too many look-ups, try again later" (HTTP 429).
enum class CheckStatusKind { kNone, kWaiting, kUnavailable, kFound, kNotFound, kBusy };

// A case as the register describes it to the person holding its receipt (the kiosk
// turns the protocol's CaseStatus into this). Stage names and replies are data, shown as written.
struct CaseView {
  JourneyKind kind = JourneyKind::kComplaint;
  CaseState state = CaseState::kReceived;          // core/case_lifecycle.h
  std::optional<Outcome> outcome;                  // when closed: upheld, withdrawn...
  std::string stage_name;                          // empty for compliments and comments
  std::optional<Date> acknowledge_by;
  std::optional<Date> respond_by;
  std::string latest_reply;                        // what staff wrote for the person
  bool can_escalate = false;
  std::string next_stage_name;
  std::optional<Date> escalate_by;                 // last day to ask; nullopt: no limit given
  bool can_withdraw = false;
  std::optional<Date> extended_to;                 // staff gave a new date for the answer
  std::string extension_reason;                    // why, in staff's words (shown as written)
  bool withdraw_requested = false;                 // asked to stop; the policy lets staff carry on
  bool operator==(const CaseView&) const = default;
};

// What the person asks the register to do from the check screens.
enum class CaseRequest { kNone, kEscalate, kWithdraw, kFeedback };
// What came of it: kRefused when the register would not (too late, already closed).
enum class RequestOutcome { kNone, kWaiting, kDone, kRefused, kUnavailable, kBusy };

// "Print my receipt" on the done and check screens: nothing asked, sent to the printer,
// printed, or the printer did not print it (the screen keeps the receipt either way).
enum class PrintStatus { kNone, kPrinting, kPrinted, kFailed };

struct JourneyState {
  // Lasts across journeys (restored to defaults on an idle wipe).
  JourneySettings settings;
  JourneySettings default_settings;
  IdleSettings idle;
  std::vector<LanguageOption> languages;           // filled by the kiosk at start
  bool printer = false;                            // the kiosk has a receipt printer (its config names one)
  bool voice_available = false;                    // the kiosk has a microphone: "Say it instead" is offered
  int voice_max_s = 180;                           // longest recording an answer may have

  // Where we are.
  JourneyKind kind = JourneyKind::kNone;
  Place place;
  std::vector<Place> history;                      // for Back
  bool returning_to_review = false;                // a Change from review is in progress
  std::optional<Step> review_shown;                // review: one answer shown whole ("See all")
  int list_page = 0;                               // a long list shown a page at a time (0-based)
  bool help_open = false;
  Notice notice = Notice::kNone;
  Field focused = Field::kNone;
  SignpostReason signpost = SignpostReason::kNone;
  int signpost_index = 0;                          // which eligibility question / exclusion

  // Answers. Text lives in `personal` (wiped on every exit path).
  PersonalPart personal;
  std::string service_id;
  std::vector<std::string> categories;             // complaint: policy category ids
  std::vector<std::string> praise_choices;         // compliment quick choices ("kind", "listened"...)
  WhenChoice when_choice = WhenChoice::kNone;
  IncidentPeriod incident;                         // the day or span that answer stands for
  std::chrono::year_month shown_month{};           // the date grid's month
  std::optional<std::chrono::year_month> month_list;  // the grid's month list is open: its last month
  ShareConsent share = ShareConsent::kNotAsked;
  bool anonymous_chosen = false;                   // answered the anonymous question
  bool contact_answered = false;                   // answered the contact question ("none" is an answer)
  std::optional<bool> older_than_limit;            // kWhenOlder answer
  // Per eligibility rule: which of its questions got the answer that cleared it (-1: not yet).
  // Cleared after the first ("long ago, but I found out recently") keeps old dates eligible.
  std::vector<int> eligibility_cleared_at;
  std::optional<bool> safeguarding_answer;         // kSafeguarding answered (nullopt: not asked yet)
  bool urgent = false;                             // yes: someone is being hurt or in danger
  bool other_places_all = false;                   // kOtherPlaces lists every body (else "at any stage" ones)

  // Check my complaint.
  std::string check_reference;
  std::string check_tracking;
  CheckStatusKind check_status = CheckStatusKind::kNone;
  std::optional<CaseView> check_case;              // with kFound (updated by a request's reply)
  CaseRequest check_request = CaseRequest::kNone;  // being confirmed or sent
  RequestOutcome request_outcome = RequestOutcome::kNone;
  std::string check_feedback;                      // typed on kCheckFeedback (wiped with the rest)
  std::string check_reason;                        // typed on kEscalateReason (wiped with the rest)

  // Printed receipt (done and check result screens).
  PrintStatus print_status = PrintStatus::kNone;
  // Say it instead / help to write: the text question the side trip left from, and the take.
  Step aside_from = Step::kWelcome;
  VoiceTake voice;

  // Commit.
  bool committing = false;
  std::optional<Receipt> receipt;

  // Time (from Tick).
  std::int64_t now_ms = 0;                         // monotonic milliseconds
  std::chrono::sys_seconds now_utc{};
  Date today{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{1}};
  std::int64_t last_activity_ms = 0;
  bool idle_warning = false;
  std::int64_t warning_started_ms = 0;
};

// A fresh journey at welcome with these settings as defaults.
JourneyState NewJourney(const JourneySettings& defaults, const IdleSettings& idle,
                        std::vector<LanguageOption> languages = {});

// [SECTION] events ------------------------------------------------------------
// Screens produce most of these; the kiosk app produces Tick, UserActivity and the
// results of effects (CommitSucceeded, CommitFailed, StatusResult).
namespace ev {
struct Choose { std::string id; };                 // a single choice on the current step (see journey_steps.cpp)
struct Toggle { std::string id; };                 // a multi-select choice (categories, praise, support)
struct Next {};                                    // Continue
struct Back {};
struct StartAgain {};
struct Help {};                                    // open / close the help overlay
struct ListenToggle {};
struct Repeat {};                                  // read the screen again
struct WordingToggle {};                           // Easy Read <-> Standard wording
struct OpenLanguages {};
struct SetLanguage { std::string tag; };
struct SetTextSize { TextSize size; };
struct SetTheme { ThemeId theme; };
struct FocusField { Field field; };
struct TypeText { std::string utf8; };             // into the focused field
struct Backspace { int count = 1; };
struct FieldDone {};
struct PickDay { Date day; };                      // date grid: a day touched (answers, or a Notice saying why not)
struct ShowMonth { std::chrono::year_month month; };  // date grid: show this month's days (closes the month list)
struct ShowMonths { std::chrono::year_month last; };  // date grid: list the 13 months up to `last`
struct Change { Step step; };                      // from review: jump, then come back
struct Send {};                                    // commit (review or consent)
struct MoreTime {};                                // "Yes, I need more time"
struct Tick { std::int64_t now_ms = 0; std::chrono::sys_seconds now_utc{}; Date today{}; };
struct UserActivity {};                            // any touch / key / mouse move
struct CommitSucceeded { Receipt receipt; };
struct CommitFailed { std::string message; };      // for the log only; never shown or spoken
struct StatusResult { CheckStatusKind status = CheckStatusKind::kUnavailable; std::optional<CaseView> found; };
struct RequestResult { RequestOutcome outcome = RequestOutcome::kUnavailable; std::optional<CaseView> status; };
struct TouchToHearToggle {};                       // said aloud either way
struct SetScanning { ScanMode scanning = ScanMode::kOff; };  // said aloud
struct OpenAbout {};                               // the About screen (credits), Back returns
struct SeeAll { Step section; };                   // review: show one long answer whole; again (or Back) closes it
struct ListenReply {};                             // check my complaint: read the staff's reply aloud
struct ListPage { int page = 0; };                 // a long list: show this page of it (wraps to 0 past the end)
struct Print {};                                   // "Print my receipt" (done, check result)
struct PrintResult { bool printed = false; };      // the kiosk's printer finished (or failed)
// Say it instead (screens) and what the kiosk's recorder reports back.
struct SayIt {};                                   // on a text question: open the record screen
enum class VoiceAction { kStart, kStop, kListen, kStopListening, kRecordAgain, kKeep };
struct Voice { VoiceAction action; };
struct RecordProgress { int elapsed_ms = 0; int level = 0; };     // while recording, every frame or so
struct RecordingFinished { AudioBuffer opus; int length_ms = 0; };  // after Stop (or the time limit)
struct RecordingFailed { std::string message; };   // for the log only
struct PlaybackEnded {};
struct AskForHelp {};                              // on a text question: "I want help to tell you"
}  // namespace ev

using JourneyEvent = std::variant<
    ev::Choose, ev::Toggle, ev::Next, ev::Back, ev::StartAgain, ev::Help, ev::ListenToggle, ev::Repeat,
    ev::WordingToggle, ev::OpenLanguages, ev::SetLanguage, ev::SetTextSize, ev::SetTheme, ev::FocusField,
    ev::TypeText, ev::Backspace, ev::FieldDone, ev::PickDay, ev::Change, ev::Send, ev::MoreTime, ev::Tick,
    ev::UserActivity, ev::CommitSucceeded, ev::CommitFailed, ev::StatusResult, ev::RequestResult,
    ev::TouchToHearToggle, ev::SetScanning, ev::OpenAbout, ev::SeeAll, ev::ListenReply, ev::ListPage, ev::ShowMonth, ev::ShowMonths,
    ev::Print, ev::PrintResult,
    ev::SayIt, ev::Voice, ev::RecordProgress, ev::RecordingFinished, ev::RecordingFailed, ev::PlaybackEnded,
    ev::AskForHelp>;

// [SECTION] effects -----------------------------------------------------------
namespace fx {
struct SpeakScreen {};                             // read the screen (title, sentences, choices)
struct SpeakKey { std::string key; std::map<std::string, std::string> values; };  // one catalog sentence
struct StopSpeech {};
enum class Sound { kPress, kBack, kError, kDone, kAttention };
struct PlaySound { Sound sound; };
struct LoadLanguage { std::string tag; };          // switch the catalog (and voice)
struct CommitSubmission { std::chrono::sys_seconds submitted_at{}; Date received{}; };  // run core/submit.h, reply CommitSucceeded / CommitFailed
struct CheckStatus { std::string reference; std::string tracking_code; };  // reply StatusResult
// Ask the register to escalate or withdraw (the kiosk gives it a fresh request UUID); reply RequestResult.
struct SendRequest {
  CaseRequest action = CaseRequest::kNone;
  std::string reference;
  std::string tracking_code;
  std::string text;                                // feedback in the person's words (sealed by the register)
};
struct WipeAndRestart {};                          // journey wiped: drop caches of typed text, stop speech
struct SpeakText { std::string text; };            // words that are data (the staff's reply), said as written
// Print this slip off the UI thread in the person's language; reply PrintResult.
struct PrintReceipt { ReceiptSlip slip; std::string language; };
// The kiosk's recorder: capture from the microphone (read-aloud is stopped first), encode, play back.
struct StartRecording { int max_ms = 0; };         // reply RecordProgress..., then RecordingFinished / RecordingFailed
struct StopRecording {};                           // reply RecordingFinished
struct PlayRecording { AudioBuffer opus; };  // through the speech output; reply PlaybackEnded
struct StopPlayback {};
struct DiscardRecording {};                        // drop (and zero) whatever the recorder holds
}  // namespace fx

using JourneyEffect = std::variant<fx::SpeakScreen, fx::SpeakKey, fx::StopSpeech, fx::PlaySound, fx::LoadLanguage,
                                   fx::CommitSubmission, fx::CheckStatus, fx::SendRequest, fx::WipeAndRestart,
                                   fx::SpeakText, fx::PrintReceipt,
                                   fx::StartRecording, fx::StopRecording, fx::PlayRecording,
                                   fx::StopPlayback, fx::DiscardRecording>;

// [SECTION] reduce ------------------------------------------------------------

struct ReduceResult {
  JourneyState state;
  std::vector<JourneyEffect> effects;
};

// Takes the state by rvalue so the caller's moved-from copy can be wiped: a short
// string moved away still holds its letters in its inline buffer.
ReduceResult Reduce(JourneyState&& state, const JourneyEvent& event, const Policy& policy);

// Zeroes every text buffer, then returns a fresh welcome with the default settings.
JourneyState WipeJourney(JourneyState& state);

// [SECTION] queries (used by screens and tests) --------------------------------

int CountCodePoints(const std::string& utf8);
// The text fields the current step offers (the only ones FocusField accepts there).
std::vector<Field> StepFields(const JourneyState& state);
bool FieldMultiline(Field field);
// Compliment quick choices ("kind", "listened"...), catalog keys "praise.choice.<id>".
const std::vector<std::string>& PraiseChoiceIds();
// Support needs offered, catalog keys "support.choice.<id>".
const std::vector<std::string>& SupportChoiceIds();
bool SupportSelected(const SupportNeeds& support, const std::string& id);
std::string* FieldText(JourneyState& state, Field field);
const std::string* FieldText(const JourneyState& state, Field field);
int IdleSecondsLeft(const JourneyState& state);    // countdown while the warning shows
// True while a journey is under way: the kiosk must then send a Tick at least once a
// second (and at the start of every frame); false on an untouched welcome screen.
bool NeedsTimer(const JourneyState& state);
bool CanGoBack(const JourneyState& state);
// Choices offered on the welcome screen, in order ("compliment", "complaint", "comment", "check").
std::vector<std::string> WelcomeChoices(const Policy& policy);
// Review sections for the current journey: each is the step Change jumps to.
std::vector<Step> ReviewSections(const JourneyState& state, const Policy& policy);
// The days a "when" answer stands for, counted back from today (kPickedDay, kNone: not given).
IncidentPeriod WhenChoicePeriod(WhenChoice choice, Date today);
// The first day still inside the policy's time limit (events before it are too old).
std::optional<Date> EarliestEligibleDate(const Policy& policy, Date today);
// The date grid's range: its first month (the time limit's, or kGridYears back) to today's.
constexpr int kGridYears = 6;                      // no limit: 6 years, the usual limit for legal claims
// `limit_waived`: the person said they found out about it recently (Seetec 2.3.2), so an
// older day is still theirs to pick (TimeLimitWaived).
std::chrono::year_month FirstGridMonth(const Policy& policy, Date today, bool limit_waived = false);
// Whether the grid lets a day be picked: not after today, not before the time limit.
Notice DayRefusal(const Policy& policy, Date today, Date day, bool limit_waived = false);  // kNone, kFutureDate or kBeforeLimit
// Months the grid's month list shows when it ends at `last` (13, fewer at the first grid month).
std::vector<std::chrono::year_month> MonthListMonths(const Policy& policy, Date today, std::chrono::year_month last,
                                                    bool limit_waived = false);
// The eligibility questions already cleared the time limit ("it happened long ago, but
// I found out recently"): the dates asked later do not turn the person away.
bool TimeLimitWaived(const JourneyState& state, const Policy& policy);
// The other places to go the kOtherPlaces screen lists now.
std::vector<const ExternalBody*> OtherPlacesNow(const JourneyState& state, const Policy& policy);
// Whether a case at this stage (by name) has come to the procedure's last stage.
bool AtLastStage(const Policy& policy, const std::string& stage_name);
// The single yes/no question asked at `place` (a kEligibility place), or nullptr.
const YesNoQuestion* EligibilityQuestionAt(const Policy& policy, const Place& place);
// Whether a text question has an answer: typed, spoken, or a request for help to tell us.
bool Answered(const JourneyState& state, SpokenQuestion question);
// Read-aloud and focus speech stay quiet while the microphone listens.
bool MicrophoneOpen(const JourneyState& state);
// The submission the journey would commit (clear part without uuid/reference/time).
Submission BuildSubmission(const JourneyState& state, const Policy& policy);

}  // namespace tellus
