#pragma once
// What people tell us: compliments, complaints and comments, with every field the
// seed procedures ask for. Split into the part that travels in clear (what the
// register needs for deadlines and reports) and the personal part that is sealed.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace tellus {

enum class Kind { kCompliment, kComplaint, kComment };
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
  bool operator==(const OnBehalf&) const = default;
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
  bool operator==(const PersonalPart&) const = default;
};

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
  bool operator==(const ClearPart&) const = default;
};

struct Submission {
  ClearPart clear;
  PersonalPart personal;
};

// Zeroes every string's storage before clearing it (journey wipe, shared terminal).
void Wipe(PersonalPart& part);
void WipeString(std::string& text);

// JSON forms (nlohmann) used for sealing and for the sync protocol. Readers need every
// field the writers emit, ignore unknown keys, and throw std::invalid_argument naming
// the key (never a value: values may be personal).
std::string PersonalToJson(const PersonalPart& part);
PersonalPart PersonalFromJson(const std::string& json);  // throws std::invalid_argument
std::string ClearToJson(const ClearPart& part);
ClearPart ClearFromJson(const std::string& json);          // throws std::invalid_argument

}  // namespace tellus
