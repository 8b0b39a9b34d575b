#include "core/model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace tellus {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

PersonalPart FullPersonal() {
  PersonalPart part;
  part.person.anonymous = false;
  part.person.name = "Zebedee Quartermaine-Plunkett";
  part.person.address = "4 Canal Row, Leeds LS1 1AA";
  part.person.phone = "0113 496 0000";
  part.person.email = "zeb@example.org";
  part.person.contact = ContactPreference::kLetter;
  part.on_behalf.on_behalf = true;
  part.on_behalf.their_name = "Ada \"Nan\" Plunkett";
  part.on_behalf.permission_given = true;
  part.subject = "The front desk";
  part.what_happened = "Nobody answered.\nI waited an hour; then left — très fâché.";
  part.when_text = "last Tuesday";
  part.how_affected = "Missed my appointment";
  part.put_right = "An apology";
  part.praise = "";
  part.support.easy_read = true;
  part.support.large_print = true;
  part.support.language = "pl";
  part.support.interpreter = true;
  part.support.bsl = true;
  part.support.advocate = true;
  part.support.help_to_write = true;
  return part;
}

ClearPart FullClear() {
  ClearPart part;
  part.uuid = "6f1c2a7e-1d2b-4c55-9a0e-2b7c1f3d4e5a";
  part.kind = Kind::kComment;
  part.policy_id = "works-for-us";
  part.service_id = "employment-support";
  part.categories = {"communication", "delay"};
  part.submitted_at = "2026-11-22T10:15:00Z";
  part.incident = IncidentPeriod{ParseIsoDate("2026-11-17"), ParseIsoDate("2026-11-17")};
  part.anonymous = false;
  part.share = ShareConsent::kWithoutName;
  part.reference = "SG-4K7Q-298X";
  part.language = "en-GB";
  return part;
}

TEST(ModelKind, RoundTripsEveryKind) {
  for (Kind kind : {Kind::kCompliment, Kind::kComplaint, Kind::kComment}) {
    EXPECT_EQ(ParseKind(ToString(kind)), kind);
  }
  EXPECT_EQ(ToString(Kind::kCompliment), "compliment");
  EXPECT_EQ(ToString(Kind::kComplaint), "complaint");
  EXPECT_EQ(ToString(Kind::kComment), "comment");
}

TEST(ModelKind, UnknownKindNamesItAndTheChoices) {
  try {
    ParseKind("grumble");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("grumble"));
    EXPECT_THAT(e.what(), HasSubstr("compliment, complaint, comment"));
  }
  EXPECT_THROW(ParseKind("Complaint"), std::invalid_argument);
  EXPECT_THROW(ParseKind(""), std::invalid_argument);
}

TEST(ModelJson, PersonalRoundTripKeepsEveryField) {
  PersonalPart part = FullPersonal();
  EXPECT_EQ(PersonalFromJson(PersonalToJson(part)), part);
  // Each enum value survives too.
  for (ContactPreference c : {ContactPreference::kNone, ContactPreference::kPhone, ContactPreference::kEmail,
                              ContactPreference::kLetter, ContactPreference::kInPerson}) {
    part.person.contact = c;
    EXPECT_EQ(PersonalFromJson(PersonalToJson(part)).person.contact, c);
  }
  PersonalPart empty;
  EXPECT_EQ(PersonalFromJson(PersonalToJson(empty)), empty);
}

TEST(ModelJson, ClearRoundTripKeepsEveryField) {
  ClearPart part = FullClear();
  EXPECT_EQ(ClearFromJson(ClearToJson(part)), part);
  for (ShareConsent s : {ShareConsent::kNotAsked, ShareConsent::kWithName, ShareConsent::kWithoutName,
                         ShareConsent::kNo}) {
    part.share = s;
    EXPECT_EQ(ClearFromJson(ClearToJson(part)).share, s);
  }
  for (Kind k : {Kind::kCompliment, Kind::kComplaint, Kind::kComment}) {
    part.kind = k;
    EXPECT_EQ(ClearFromJson(ClearToJson(part)).kind, k);
  }
  part.categories.clear();
  EXPECT_EQ(ClearFromJson(ClearToJson(part)), part);
}

// A span travels as a span: incident_date (one day only) stays empty, so no reader takes
// "2 to 4 weeks ago" for an exact day; one day keeps incident_date for older readers.
TEST(ModelJson, IncidentSpanTravelsAsASpanNotADay) {
  ClearPart part = FullClear();
  part.incident = IncidentPeriod{ParseIsoDate("2026-10-21"), ParseIsoDate("2026-11-06")};
  nlohmann::json doc = nlohmann::json::parse(ClearToJson(part));
  EXPECT_EQ(doc["incident_date"], "");
  EXPECT_EQ(doc["incident_from"], "2026-10-21");
  EXPECT_EQ(doc["incident_to"], "2026-11-06");
  EXPECT_EQ(ClearFromJson(doc.dump()), part);

  part.incident = IncidentPeriod{std::nullopt, ParseIsoDate("2025-11-19")};  // "more than a year ago"
  doc = nlohmann::json::parse(ClearToJson(part));
  EXPECT_EQ(doc["incident_from"], "");
  EXPECT_EQ(ClearFromJson(doc.dump()), part);

  part.incident = IncidentPeriod{};
  EXPECT_EQ(ClearFromJson(ClearToJson(part)).incident, IncidentPeriod{});

  // An item written before incident_from/incident_to: one day, or nothing.
  doc = nlohmann::json::parse(ClearToJson(FullClear()));
  doc.erase("incident_from");
  doc.erase("incident_to");
  EXPECT_EQ(ClearFromJson(doc.dump()).incident, FullClear().incident);
  doc["incident_date"] = "";
  EXPECT_FALSE(ClearFromJson(doc.dump()).incident.Given());
}

void ExpectClearError(nlohmann::json doc, const std::string& expected);

TEST(ModelJson, IncidentErrorsNameTheKey) {
  nlohmann::json doc = nlohmann::json::parse(ClearToJson(FullClear()));
  auto bad = doc;
  bad["incident_from"] = "last week";
  ExpectClearError(bad, "clear part.incident_from: expected a date");
  auto reversed = doc;
  reversed["incident_date"] = "";
  reversed["incident_from"] = "2026-11-20";
  reversed["incident_to"] = "2026-11-01";
  ExpectClearError(reversed, "clear part.incident_from: after incident_to");
  auto mismatch = doc;
  mismatch["incident_date"] = "2026-11-01";
  ExpectClearError(mismatch, "clear part.incident_date: not the day");
}

TEST(ModelJson, ClearPartCarriesNothingPersonal) {
  nlohmann::json doc = nlohmann::json::parse(ClearToJson(FullClear()));
  for (const char* key : {"name", "address", "phone", "email", "what_happened", "their_name"}) {
    EXPECT_FALSE(doc.contains(key)) << key;
  }
}

TEST(ModelJson, UnknownKeysAreIgnored) {
  nlohmann::json doc = nlohmann::json::parse(ClearToJson(FullClear()));
  doc["added_by_a_newer_kiosk"] = 42;
  EXPECT_EQ(ClearFromJson(doc.dump()), FullClear());
}

TEST(ModelJson, GarbageIsInvalidArgument) {
  EXPECT_THROW(ClearFromJson(""), std::invalid_argument);
  EXPECT_THROW(ClearFromJson("{"), std::invalid_argument);
  EXPECT_THROW(ClearFromJson("[1,2]"), std::invalid_argument);
  EXPECT_THROW(ClearFromJson("null"), std::invalid_argument);
  EXPECT_THROW(PersonalFromJson("not json at all"), std::invalid_argument);
  EXPECT_THROW(PersonalFromJson("\"a string\""), std::invalid_argument);
  EXPECT_THROW(PersonalFromJson("{}"), std::invalid_argument);
}

void ExpectClearError(nlohmann::json doc, const std::string& expected) {
  try {
    ClearFromJson(doc.dump());
    ADD_FAILURE() << "expected std::invalid_argument for " << expected;
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr(expected));
  }
}

TEST(ModelJson, ErrorsNameTheKey) {
  nlohmann::json doc = nlohmann::json::parse(ClearToJson(FullClear()));
  auto without = doc;
  without.erase("policy_id");
  ExpectClearError(without, "clear part.policy_id: missing");
  auto bad_kind = doc;
  bad_kind["kind"] = "grumble";
  ExpectClearError(bad_kind, "clear part.kind: unknown value");
  auto bad_share = doc;
  bad_share["share"] = "maybe";
  ExpectClearError(bad_share, "clear part.share: unknown value");
  auto bad_type = doc;
  bad_type["anonymous"] = "yes";
  ExpectClearError(bad_type, "clear part.anonymous: expected true or false");
  auto bad_categories = doc;
  bad_categories["categories"] = {"ok", 3};
  ExpectClearError(bad_categories, "clear part.categories: expected an array of strings");
}

TEST(ModelJson, PersonalErrorsNeverQuoteValues) {
  nlohmann::json doc = nlohmann::json::parse(PersonalToJson(FullPersonal()));
  doc["person"]["contact"] = "Zebedee Quartermaine-Plunkett";
  try {
    PersonalFromJson(doc.dump());
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("personal part.person.contact"));
    EXPECT_THAT(e.what(), Not(HasSubstr("Zebedee")));
  }
  // A parse error would normally quote the text it last read.
  std::string broken = PersonalToJson(FullPersonal());
  const std::size_t name_at = broken.find("Zebedee");
  ASSERT_NE(name_at, std::string::npos);
  broken.insert(name_at + 7, 1, '\x01');   // one char, not a C string: GCC 12 -O3 saw a -Wrestrict false positive
  try {
    PersonalFromJson(broken);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("not valid JSON"));
    EXPECT_THAT(e.what(), Not(HasSubstr("Zebedee")));
  }
  nlohmann::json nested = nlohmann::json::parse(PersonalToJson(FullPersonal()));
  nested["support"].erase("bsl");
  EXPECT_THROW(PersonalFromJson(nested.dump()), std::invalid_argument);
}

TEST(ModelJson, InvalidUtf8IsReplacedNotFatal) {
  PersonalPart part;
  part.person.name = "Zo\xC3";  // cut in the middle of a two-byte character
  PersonalPart back = PersonalFromJson(PersonalToJson(part));
  EXPECT_EQ(back.person.name, "Zo\xEF\xBF\xBD");  // U+FFFD
  ClearPart clear = FullClear();
  clear.service_id = "caf\xE9";
  EXPECT_EQ(ClearFromJson(ClearToJson(clear)).service_id, "caf\xEF\xBF\xBD");
}

TEST(ModelJson, MutatedDocumentsFailCleanly) {
  // Every truncation and many byte flips of a valid document: a value or invalid_argument, never a crash.
  const std::string personal = PersonalToJson(FullPersonal());
  const std::string clear = ClearToJson(FullClear());
  for (const std::string& doc : {personal, clear}) {
    for (std::size_t cut = 0; cut < doc.size(); ++cut) {
      EXPECT_THROW(PersonalFromJson(doc.substr(0, cut)), std::invalid_argument);
      EXPECT_THROW(ClearFromJson(doc.substr(0, cut)), std::invalid_argument);
    }
    for (std::size_t i = 0; i < doc.size(); ++i) {
      std::string flipped = doc;
      flipped[i] = static_cast<char>(flipped[i] ^ 0x20);
      try {
        (void)PersonalFromJson(flipped);
      } catch (const std::invalid_argument&) {
      }
      try {
        (void)ClearFromJson(flipped);
      } catch (const std::invalid_argument&) {
      }
    }
  }
}

TEST(ModelWipe, ZeroesTheBufferBeforeClearing) {
  std::string text = "Zebedee Quartermaine-Plunkett lives at 4 Canal Row";
  const char* buffer = text.data();
  std::size_t capacity = text.capacity();
  WipeString(text);
  EXPECT_TRUE(text.empty());
  ASSERT_EQ(text.data(), buffer);  // clear() keeps the allocation, so it can be inspected
  for (std::size_t i = 0; i < capacity; ++i) EXPECT_EQ(buffer[i], '\0') << "byte " << i;
}

TEST(ModelWipe, ZeroesShortStringsToo) {
  std::string text = "Zeb";  // small-string buffer inside the object
  const char* buffer = text.data();
  WipeString(text);
  for (std::size_t i = 0; i < text.capacity(); ++i) EXPECT_EQ(buffer[i], '\0');
}

TEST(ModelWipe, WipeClearsEveryPersonalField) {
  PersonalPart part = FullPersonal();
  const char* name_buffer = part.person.name.data();
  std::size_t name_capacity = part.person.name.capacity();
  Wipe(part);
  EXPECT_EQ(part, PersonalPart{});
  for (std::size_t i = 0; i < name_capacity; ++i) EXPECT_EQ(name_buffer[i], '\0');
}

}  // namespace
}  // namespace tellus
