#include "core/model.h"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "core/enum_names.h"

namespace tellus {
namespace {

using nlohmann::json;

// Enum <-> text tables: the names are the sealed and the wire format, so they
// never change once shipped.
constexpr std::array<std::pair<ContactPreference, std::string_view>, 5> kContactNames{{
    {ContactPreference::kNone, "none"},
    {ContactPreference::kPhone, "phone"},
    {ContactPreference::kEmail, "email"},
    {ContactPreference::kLetter, "letter"},
    {ContactPreference::kInPerson, "in_person"},
}};
constexpr std::array<std::pair<ShareConsent, std::string_view>, 4> kShareNames{{
    {ShareConsent::kNotAsked, "not_asked"},
    {ShareConsent::kWithName, "with_name"},
    {ShareConsent::kWithoutName, "without_name"},
    {ShareConsent::kNo, "no"},
}};

constexpr std::array<std::pair<SpokenQuestion, std::string_view>, 5> kQuestionNames{{
    {SpokenQuestion::kSubject, "subject"},
    {SpokenQuestion::kPraise, "praise"},
    {SpokenQuestion::kWhatHappened, "what_happened"},
    {SpokenQuestion::kHowAffected, "how_affected"},
    {SpokenQuestion::kPutRight, "put_right"},
}};
constexpr std::array<std::pair<HelpWay, std::string_view>, 3> kHelpWayNames{{
    {HelpWay::kNone, "none"},
    {HelpWay::kCallBack, "call_back"},
    {HelpWay::kMeeting, "meeting"},
}};
constexpr std::array<std::pair<HelpTime, std::string_view>, 3> kHelpTimeNames{{
    {HelpTime::kAnyTime, "any_time"},
    {HelpTime::kMorning, "morning"},
    {HelpTime::kAfternoon, "afternoon"},
}};

// Reads JSON documents strictly: every field the writer emits must be present
// with the right type; unknown keys are ignored so a newer writer can add some.
// Error messages name the document and key, never a value (values may be personal).
class Reader {
 public:
  Reader(const json& object, std::string where) : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) Fail("", "expected a JSON object");
  }

  const json& Get(const char* key) const {
    auto it = object_.find(key);
    if (it == object_.end()) Fail(key, "missing");
    return *it;
  }
  bool Has(const char* key) const { return object_.contains(key); }
  std::string String(const char* key) const {
    const json& value = Get(key);
    if (!value.is_string()) Fail(key, "expected a string");
    return value.get<std::string>();
  }
  bool Bool(const char* key) const {
    const json& value = Get(key);
    if (!value.is_boolean()) Fail(key, "expected true or false");
    return value.get<bool>();
  }
  std::vector<std::string> Strings(const char* key) const {
    const json& value = Get(key);
    if (!value.is_array()) Fail(key, "expected an array of strings");
    std::vector<std::string> out;
    for (const json& item : value) {
      if (!item.is_string()) Fail(key, "expected an array of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  // "YYYY-MM-DD", or nullopt for "".
  std::optional<Date> OptionalDate(const char* key) const {
    const std::string text = String(key);
    if (text.empty()) return std::nullopt;
    try {
      return ParseIsoDate(text);
    } catch (const std::invalid_argument&) {
      Fail(key, "expected a date (YYYY-MM-DD) or empty");
    }
  }
  int Int(const char* key) const {
    const json& value = Get(key);
    if (!value.is_number_integer()) Fail(key, "expected a whole number");
    return value.get<int>();
  }
  Reader Object(const char* key) const { return Reader(Get(key), Path(key)); }
  Reader Item(const char* key, std::size_t index) const {
    return Reader(Get(key).at(index), Path(key) + "[" + std::to_string(index) + "]");
  }
  std::size_t ArraySize(const char* key) const {
    const json& value = Get(key);
    if (!value.is_array()) Fail(key, "expected an array");
    return value.size();
  }
  // Standard base64; the bytes are wiped by the caller's owner (Wipe).
  std::vector<unsigned char> Bytes(const char* key) const {
    const json& value = Get(key);
    if (!value.is_string()) Fail(key, "expected base64 text");
    const std::string& text = value.get_ref<const std::string&>();
    std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
    std::size_t length = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
      Fail(key, "not valid base64");
    }
    out.resize(length);
    return out;
  }

  template <typename Enum, std::size_t N>
  Enum Choice(const char* key, const std::array<std::pair<Enum, std::string_view>, N>& table) const {
    std::string text = String(key);
    for (const auto& [e, name] : table) {
      if (name == text) return e;
    }
    Fail(key, "unknown value (expected one of: " + ChoicesOf(table) + ")");
  }

 private:
  std::string Path(const char* key) const { return where_ + (key[0] ? std::string(".") + key : ""); }
  [[noreturn]] void Fail(const char* key, const std::string& what) const {
    throw std::invalid_argument(Path(key) + ": " + what);
  }

  const json& object_;
  std::string where_;
};

// Invalid UTF-8 (say, text cut mid-character) becomes U+FFFD instead of throwing:
// losing one character beats losing a submission at the moment of sending.
std::string Dump(const json& doc) { return doc.dump(-1, ' ', false, json::error_handler_t::replace); }

json ParseDocument(const std::string& text, const char* what) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.what() quotes the text it last read, which may be personal: give the offset only.
    throw std::invalid_argument(std::string(what) + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
  }
}

}  // namespace

std::string ToString(Kind kind) { return NameOf(kKindNames, kind); }

Kind ParseKind(const std::string& text) {
  if (std::optional<Kind> kind = ValueOf(kKindNames, text)) return *kind;
  throw std::invalid_argument("unknown kind \"" + text + "\" (expected one of: " + ChoicesOf(kKindNames) + ")");
}

std::string ToString(ContactPreference contact) { return NameOf(kContactNames, contact); }
std::string ToString(SpokenQuestion question) { return NameOf(kQuestionNames, question); }
std::string ToString(HelpWay way) { return NameOf(kHelpWayNames, way); }
std::string ToString(HelpTime time) { return NameOf(kHelpTimeNames, time); }

const Recording* FindRecording(const PersonalPart& part, SpokenQuestion question) {
  for (const Recording& r : part.recordings)
    if (r.question == question) return &r;
  return nullptr;
}

AudioBuffer::AudioBuffer(std::vector<unsigned char> bytes)
    : data_(new std::vector<unsigned char>(std::move(bytes)), [](const std::vector<unsigned char>* held) {
        auto* owned = const_cast<std::vector<unsigned char>*>(held);
        WipeBytes(*owned);
        delete owned;
      }) {}

const std::vector<unsigned char>& AudioBuffer::bytes() const {
  static const std::vector<unsigned char> kNone;
  return data_ ? *data_ : kNone;
}

void WipeBytes(std::vector<unsigned char>& bytes) {
  if (bytes.capacity() > 0) sodium_memzero(bytes.data(), bytes.capacity());
  bytes.clear();
}
std::string ToString(ShareConsent share) { return NameOf(kShareNames, share); }

void WipeString(std::string& text) {
  // Zero the whole buffer, not just size(): earlier, longer contents may linger past it.
  if (text.capacity() > 0) sodium_memzero(text.data(), text.capacity());
  text.clear();
}

void Wipe(PersonalPart& part) {
  for (std::string* text : {&part.person.name, &part.person.address, &part.person.phone, &part.person.email,
                            &part.on_behalf.their_name, &part.subject, &part.what_happened, &part.when_text,
                            &part.how_affected, &part.put_right, &part.praise, &part.support.language}) {
    WipeString(*text);
  }
  // Reset the rest field by field: assigning fresh structs could free the zeroed buffers.
  part.person.anonymous = Person{}.anonymous;
  part.person.contact = Person{}.contact;
  part.on_behalf.on_behalf = false;
  part.on_behalf.permission_given = false;
  part.on_behalf.deceased = false;
  part.support.easy_read = part.support.large_print = part.support.interpreter = false;
  part.support.bsl = part.support.advocate = part.support.help_to_write = false;
  for (Recording& r : part.recordings) r.opus.Reset();   // zeroed when its last holder lets go
  part.recordings.clear();
  part.help = HelpRequest{};
}

std::string PersonalToJson(const PersonalPart& part) {
  const Person& p = part.person;
  const SupportNeeds& s = part.support;
  json doc = {
      {"person",
       {{"anonymous", p.anonymous},
        {"name", p.name},
        {"address", p.address},
        {"phone", p.phone},
        {"email", p.email},
        {"contact", ToString(p.contact)}}},
      {"on_behalf",
       {{"on_behalf", part.on_behalf.on_behalf},
        {"their_name", part.on_behalf.their_name},
        {"permission_given", part.on_behalf.permission_given},
        {"deceased", part.on_behalf.deceased}}},
      {"subject", part.subject},
      {"what_happened", part.what_happened},
      {"when_text", part.when_text},
      {"how_affected", part.how_affected},
      {"put_right", part.put_right},
      {"praise", part.praise},
      {"support",
       {{"easy_read", s.easy_read},
        {"large_print", s.large_print},
        {"language", s.language},
        {"interpreter", s.interpreter},
        {"bsl", s.bsl},
        {"advocate", s.advocate},
        {"help_to_write", s.help_to_write}}},
      {"help", {{"way", ToString(part.help.way)}, {"best_time", ToString(part.help.best_time)}}},
  };
  json recordings = json::array();
  for (const Recording& r : part.recordings) {
    const std::vector<unsigned char>& audio = r.opus.bytes();
    std::string opus(sodium_base64_encoded_len(audio.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(opus.data(), opus.size(), audio.data(), audio.size(), sodium_base64_VARIANT_ORIGINAL);
    opus.resize(opus.size() - 1);
    recordings.push_back({{"question", ToString(r.question)}, {"length_ms", r.length_ms}, {"opus", std::move(opus)}});
  }
  doc["recordings"] = std::move(recordings);
  std::string text = Dump(doc);
  // The JSON tree's copies of the audio are zeroed before it frees them (the caller wipes `text`).
  for (json& r : doc["recordings"]) WipeString(r["opus"].get_ref<std::string&>());
  return text;
}

PersonalPart PersonalFromJson(const std::string& text) {
  const json doc = ParseDocument(text, "personal part");
  Reader root(doc, "personal part");
  PersonalPart part;
  Reader person = root.Object("person");
  part.person.anonymous = person.Bool("anonymous");
  part.person.name = person.String("name");
  part.person.address = person.String("address");
  part.person.phone = person.String("phone");
  part.person.email = person.String("email");
  part.person.contact = person.Choice("contact", kContactNames);
  Reader behalf = root.Object("on_behalf");
  part.on_behalf.on_behalf = behalf.Bool("on_behalf");
  part.on_behalf.their_name = behalf.String("their_name");
  part.on_behalf.permission_given = behalf.Bool("permission_given");
  part.on_behalf.deceased = behalf.Has("deceased") && behalf.Bool("deceased");   // absent from older kiosks
  part.subject = root.String("subject");
  part.what_happened = root.String("what_happened");
  part.when_text = root.String("when_text");
  part.how_affected = root.String("how_affected");
  part.put_right = root.String("put_right");
  part.praise = root.String("praise");
  Reader support = root.Object("support");
  part.support.easy_read = support.Bool("easy_read");
  part.support.large_print = support.Bool("large_print");
  part.support.language = support.String("language");
  part.support.interpreter = support.Bool("interpreter");
  part.support.bsl = support.Bool("bsl");
  part.support.advocate = support.Bool("advocate");
  part.support.help_to_write = support.Bool("help_to_write");
  // Kiosks before spoken answers and help requests wrote neither.
  if (root.Has("help")) {
    Reader help = root.Object("help");
    part.help.way = help.Choice("way", kHelpWayNames);
    part.help.best_time = help.Choice("best_time", kHelpTimeNames);
  }
  if (root.Has("recordings")) {
    for (std::size_t i = 0, n = root.ArraySize("recordings"); i < n; ++i) {
      Reader item = root.Item("recordings", i);
      Recording r;
      r.question = item.Choice("question", kQuestionNames);
      r.length_ms = item.Int("length_ms");
      r.opus = AudioBuffer(item.Bytes("opus"));
      part.recordings.push_back(std::move(r));
    }
  }
  return part;
}

std::string ClearToJson(const ClearPart& part) {
  json doc = {
      {"uuid", part.uuid},
      {"kind", ToString(part.kind)},
      {"policy_id", part.policy_id},
      {"service_id", part.service_id},
      {"categories", part.categories},
      {"submitted_at", part.submitted_at},
      // incident_date keeps its first meaning (one day, else empty) for readers that know only it.
      {"incident_date", part.incident.OneDay() ? ToIso(*part.incident.from) : ""},
      {"incident_from", part.incident.from ? ToIso(*part.incident.from) : ""},
      {"incident_to", part.incident.to ? ToIso(*part.incident.to) : ""},
      {"anonymous", part.anonymous},
      {"share", ToString(part.share)},
      {"reference", part.reference},
      {"language", part.language},
      {"help_to_write", part.help_to_write},
      {"urgent", part.urgent},
  };
  return Dump(doc);
}

ClearPart ClearFromJson(const std::string& text) {
  const json doc = ParseDocument(text, "clear part");
  Reader root(doc, "clear part");
  ClearPart part;
  part.uuid = root.String("uuid");
  part.kind = root.Choice("kind", kKindNames);
  part.policy_id = root.String("policy_id");
  part.service_id = root.String("service_id");
  part.categories = root.Strings("categories");
  part.submitted_at = root.String("submitted_at");
  // Writers before incident_from/incident_to sent one day or nothing in incident_date.
  const std::optional<Date> day = root.OptionalDate("incident_date");
  if (root.Has("incident_from") || root.Has("incident_to")) {
    part.incident.from = root.OptionalDate("incident_from");
    part.incident.to = root.OptionalDate("incident_to");
  } else {
    part.incident = IncidentPeriod{day, day};
  }
  if (part.incident.from && part.incident.to && *part.incident.from > *part.incident.to) {
    throw std::invalid_argument("clear part.incident_from: after incident_to");
  }
  if (day && !(part.incident.OneDay() && *part.incident.from == *day)) {
    throw std::invalid_argument("clear part.incident_date: not the day incident_from/incident_to give");
  }
  part.anonymous = root.Bool("anonymous");
  part.share = root.Choice("share", kShareNames);
  part.reference = root.String("reference");
  part.language = root.String("language");
  part.help_to_write = root.Has("help_to_write") && root.Bool("help_to_write");
  part.urgent = root.Has("urgent") && root.Bool("urgent");   // absent from older kiosks: not urgent
  return part;
}

}  // namespace tellus
