#pragma once
// What people tell us: compliments, complaints and comments, with every field the
// seed procedures ask for. Split into the part that travels in clear (what the
// register needs for deadlines and reports) and the personal part that is sealed.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enum_names.h"

namespace tellus {

enum class Kind { kCompliment, kComplaint, kComment };
// The names are the sealed, wire and SQL format (core/enum_names.h).
inline constexpr EnumNames<Kind, 3> kKindNames{{
    {Kind::kCompliment, "compliment"},
    {Kind::kComplaint, "complaint"},
    {Kind::kComment, "comment"},
}};
std::string ToString(Kind kind);                   // "compliment" | "complaint" | "comment"
Kind ParseKind(const std::string& text);           // throws std::invalid_argument

enum class ContactPreference { kNone, kPhone, kEmail, kLetter, kInPerson };
enum class ShareConsent { kNotAsked, kWithName, kWithoutName, kNo };
std::string ToString(ContactPreference contact);  // "none" | "phone" | "email" | "letter" | "in_person"
std::string ToString(ShareConsent share);         // "not_asked" | "with_name" | "without_name" | "no"

struct SupportNeeds {
  bool easy_read = false;
  bool large_print = false;
  std::string language;                            // another language, empty when none
  bool interpreter = false;
  bool bsl = false;
  bool advocate = false;
  bool help_to_write = false;
  bool operator==(const SupportNeeds&) const = default;
};

struct Person {
  bool anonymous = true;
  std::string name;
  std::string address;
  std::string phone;
  std::string email;
  ContactPreference contact = ContactPreference::kNone;
  bool operator==(const Person&) const = default;
};

struct OnBehalf {
  bool on_behalf = false;
  std::string their_name;
  bool permission_given = false;
  bool deceased = false;                           // the person has died (Seetec 2.3.5): family or advocate
  bool operator==(const OnBehalf&) const = default;
};

// A spoken answer: Ogg Opus (16 kHz mono, speech bit rate), held in memory until Send,
// then sealed with the rest of the personal part. Never stored or sent in clear.
enum class SpokenQuestion { kSubject, kPraise, kWhatHappened, kHowAffected, kPutRight };
// Audio bytes held once however often the journey state is copied (the progress strip
// copies it every frame): copies share one buffer, zeroed when the last holder lets go.
class AudioBuffer {
 public:
  AudioBuffer() = default;
  explicit AudioBuffer(std::vector<unsigned char> bytes);
  const std::vector<unsigned char>& bytes() const;  // empty when none
  bool empty() const { return bytes().empty(); }
  std::size_t size() const { return bytes().size(); }
  void Reset() { data_.reset(); }                  // this holder lets go
  bool operator==(const AudioBuffer& other) const { return bytes() == other.bytes(); }

 private:
  std::shared_ptr<const std::vector<unsigned char>> data_;
};
std::string ToString(SpokenQuestion question);     // "subject" | "praise" | "what_happened" | "how_affected" | "put_right"
struct Recording {
  SpokenQuestion question = SpokenQuestion::kWhatHappened;
  AudioBuffer opus;                                // a whole Ogg Opus stream
  int length_ms = 0;                               // the decoded length
  bool operator==(const Recording&) const = default;
};

// "I want help to tell you": someone phones the person back, or meets them, to write it with them.
enum class HelpWay { kNone, kCallBack, kMeeting };
enum class HelpTime { kAnyTime, kMorning, kAfternoon };
std::string ToString(HelpWay way);                 // "none" | "call_back" | "meeting"
std::string ToString(HelpTime time);               // "any_time" | "morning" | "afternoon"
struct HelpRequest {
  HelpWay way = HelpWay::kNone;
  HelpTime best_time = HelpTime::kAnyTime;
  bool Requested() const { return way != HelpWay::kNone; }
  bool operator==(const HelpRequest&) const = default;
};

// Sealed before it is stored: only the register's private key opens it.
struct PersonalPart {
  Person person;
  OnBehalf on_behalf;
  std::string subject;                             // the service or person, in their words
  std::string what_happened;
  std::string when_text;                           // "last Tuesday" if they gave no date
  std::string how_affected;
  std::string put_right;
  std::string praise;                              // compliment: what they did well
  SupportNeeds support;
  std::vector<Recording> recordings;               // at most one per question
  HelpRequest help;
  bool operator==(const PersonalPart&) const = default;
};
// The recording kept for `question`, or null.
const Recording* FindRecording(const PersonalPart& part, SpokenQuestion question);

// When it happened, as exactly as the person said it: one day (from == to), a span of
// days they chose instead of a date ("2 to 4 weeks ago"), a span open at the start
// ("more than a year ago": no `from`), or not given (neither).
struct IncidentPeriod {
  std::optional<Date> from;                        // the first day it can have been
  std::optional<Date> to;                          // the last day it can have been
  bool Given() const { return from || to; }
  bool OneDay() const { return from && to && *from == *to; }
  bool operator==(const IncidentPeriod&) const = default;
};

// Travels in clear: enough to run deadlines and reports, nothing about a person.
struct ClearPart {
  std::string uuid;                                // fixed at Send; the idempotency key
  Kind kind = Kind::kComplaint;
  std::string policy_id;
  std::string service_id;
  std::vector<std::string> categories;
  std::string submitted_at;                        // ISO 8601 UTC, when Send was pressed; anonymous: the local day only
  IncidentPeriod incident;                         // JSON: incident_date (one day), incident_from/incident_to
  bool anonymous = true;
  ShareConsent share = ShareConsent::kNotAsked;
  std::string reference;                           // public, e.g. "SG-4K7Q-298X"
  std::string language;                            // the kiosk language used, "en-GB"
  // The person asked for help to tell us (a call-back or meeting): staff list these first.
  // Says nothing about who; JSON "help_to_write", absent from older kiosks (false).
  bool help_to_write = false;
  bool urgent = false;                             // "someone is being hurt or in danger" (safeguarding)
  bool operator==(const ClearPart&) const = default;
};

struct Submission {
  ClearPart clear;
  PersonalPart personal;
};

// Zeroes every string's (and recording's) storage before clearing it (journey wipe, shared terminal).
void Wipe(PersonalPart& part);
void WipeBytes(std::vector<unsigned char>& bytes);
void WipeString(std::string& text);

// JSON forms (nlohmann) used for sealing and for the sync protocol. Readers need every
// field the writers emit, ignore unknown keys, and throw std::invalid_argument naming
// the key (never a value: values may be personal).
std::string PersonalToJson(const PersonalPart& part);
PersonalPart PersonalFromJson(const std::string& json);  // throws std::invalid_argument
std::string ClearToJson(const ClearPart& part);
ClearPart ClearFromJson(const std::string& json);          // throws std::invalid_argument

}  // namespace tellus
