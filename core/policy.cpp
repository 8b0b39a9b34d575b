// Loading a complaints procedure from assets/policies/<id>.toml (core/policy.h).
//
// Schema (every key is listed here; any other key is an error):
//   organisation, reference_prefix, division           required strings
//   acknowledge_within, time_limit, retention          optional durations ("5 working days")
//   on_behalf_needs_permission                          optional bool (false)
//   retention_note                                      optional string
//   retention_own_choice                                optional bool: the seed gives no figure, so the
//                                                       kiosk does not promise it (the register uses it)
//   post_received_after                                 optional duration: a posted reply counts as
//                                                       received this long after it was sent
//   withdrawal ("close" | "may-continue"), withdrawal_note, withdrawal_note_easy_read
//   [safeguarding] question, easy_read, tell_staff, tell_staff_easy_read (required),
//                  staff_steps (array of strings), [[safeguarding.contacts]] name, phone (optional)
//   services = [{id, name, picture, image,              required arrays (may be empty); picture is a
//                outcome_within}]                       (services: outcome due from the complaint's date)
//   categories = [{id, name, picture, image}]           pictogram id, image a picture file of the
//                                                       organisation's own (logo, photo) next to the
//                                                       policy file, which must exist
//   [anonymous]   complaints (bool), explanation, signpost (required when complaints = false),
//                 explanation_easy_read, signpost_easy_read
//   [[eligibility]] id, signpost, signpost_easy_read, and either one question:
//                   question, easy_read, blocking_answer (bool, default true)
//                 or several single questions asked one after the other, which block the
//                 complaint only when every one gets its blocking answer:
//                   [[eligibility.questions]] question, easy_read, blocking_answer, marks
//                 marks = "deceased": the other answer means the person has died (no permission asked);
//                 asked_when = "deceased": the rule is asked only then; staff_note: shown to staff
//   [[exclusions]]  id, text, easy_read, signpost, signpost_easy_read
//   [comments]    accepted (bool), handling, handling_easy_read, keep_name (bool, default true)
//   [compliments] accepted, anonymous_accepted, ask_permission_to_share (bools),
//                 acknowledge_within, pass_on_within (durations), handling, handling_easy_read
//   [[stages]]    id, name, handled_by (required); informal (bool); acknowledge_within,
//                 respond_within, request_within (durations); respond_own_choice (bool); how_to_request
//   [[external_bodies]] name, when (required), when_easy_read; contact, contact_easy_read;
//                 at_any_stage (bool); picture; phone; address
//
// Easy Read: next to each text the kiosk shows (`question`, `text`, `signpost`,
// `explanation`) an array of sentences, each with its own picture:
//   easy_read = [
//     { text = "Did this happen more than 12 months ago?", picture = "calendar" },
//   ]
// The kiosk shows and speaks these; the exact words are kept for the register and for
// the "Standard words" setting. `tellus-register check-policy` holds them to the Easy
// Read rules of the catalogs (easyread/checks.h).
// Every error is collected and reported as "file:line: key: what", one per line.
#include "core/policy.h"
#include "core/toml_names.h"

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>

#include <toml++/toml.h>

namespace tellus {
namespace {

namespace fs = std::filesystem;

bool IsPlainId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::string Trimmed(const std::string& text) {
  const char* space = " \t\r\n";
  std::size_t first = text.find_first_not_of(space);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

// Where errors go: every problem in a file is reported, not just the first.
struct Errors {
  std::string source;
  std::vector<std::string> lines;
  std::map<std::string, std::size_t> where;       // key path -> line, for Policy::lines
  void Add(std::size_t line, const std::string& key, const std::string& what) {
    lines.push_back(source + ":" + std::to_string(line == 0 ? 1 : line) + ": " + (key.empty() ? "" : key + ": ") +
                    what);
  }
};

// One TOML table of the policy, read key by key. Unknown keys are reported when it is
// made; the getters report missing keys and wrong types and return nothing.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, Errors& errors, std::initializer_list<const char*> allowed)
      : table_(table), path_(std::move(path)), errors_(errors) {
    std::string list;
    for (const char* key : allowed) list += std::string(list.empty() ? "" : ", ") + key;
    for (auto&& [key, value] : table_) {
      bool known = false;
      for (const char* a : allowed) known = known || key.str() == a;
      if (!known) {
        errors_.Add(key.source().begin.line, Key(std::string(key.str())), "unknown key (expected one of: " + list + ")");
      }
    }
  }

  std::string Key(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  std::size_t Line() const { return table_.source().begin.line; }
  const toml::node* Node(const std::string& key) const { return table_.get(key); }
  std::size_t LineOf(const std::string& key) const {
    const toml::node* node = table_.get(key);
    return node ? node->source().begin.line : Line();
  }
  void Fail(const std::string& key, const std::string& what) { errors_.Add(LineOf(key), Key(key), what); }

  std::optional<std::string> String(const std::string& key, bool required, const char* hint = nullptr) {
    const toml::node* node = Typed(key, toml::node_type::string, required, hint);
    if (!node) return std::nullopt;
    std::string text = Trimmed(node->as_string()->get());
    if (text.empty()) {
      Fail(key, "must not be empty");
      return std::nullopt;
    }
    return text;
  }
  std::string Text(const std::string& key, bool required, const char* hint = nullptr) {
    return String(key, required, hint).value_or("");
  }

  bool Bool(const std::string& key, bool fallback, bool required = false) {
    const toml::node* node = Typed(key, toml::node_type::boolean, required, "true or false");
    return node ? node->as_boolean()->get() : fallback;
  }

  std::optional<Duration> DurationAt(const std::string& key, bool required = false) {
    const toml::node* node = Typed(key, toml::node_type::string, required, "a duration such as \"20 working days\"");
    if (!node) return std::nullopt;
    const std::string& text = node->as_string()->get();
    try {
      return ParseDuration(text);
    } catch (const std::invalid_argument&) {
      Fail(key, "\"" + text +
                    "\" is not a duration (expected e.g. \"20 working days\", \"28 days\", \"24 hours\", "
                    "\"1 week\", \"12 months\" or \"2 years\")");
      return std::nullopt;
    }
  }

  const toml::table* Table(const std::string& key, bool required) {
    const toml::node* node = Typed(key, toml::node_type::table, required, "a table");
    return node ? node->as_table() : nullptr;
  }

  const toml::array* Array(const std::string& key, bool required, const char* hint) {
    const toml::node* node = Typed(key, toml::node_type::array, required, hint);
    return node ? node->as_array() : nullptr;
  }

 private:
  const toml::node* Typed(const std::string& key, toml::node_type type, bool required, const char* hint) {
    const toml::node* node = table_.get(key);
    if (node) errors_.where[Key(key)] = node->source().begin.line;
    if (!node) {
      if (required) errors_.Add(Line(), Key(key), std::string("missing (required") + (hint ? ": " : "") + (hint ? hint : "") + ")");
      return nullptr;
    }
    if (node->type() != type) {
      std::string expected = type == toml::node_type::string    ? "a string"
                             : type == toml::node_type::boolean ? "true or false"
                             : type == toml::node_type::array   ? "an array"
                                                                : "a table";
      errors_.Add(node->source().begin.line, Key(key), "expected " + expected + ", found " + TomlTypeName(*node));
      return nullptr;
    }
    return node;
  }

  const toml::table& table_;
  std::string path_;
  Errors& errors_;
};

// Each element of an array of tables, with its path "stages[2]"; non-tables are errors.
template <typename Fn>
void ForEachTable(TableReader& parent, const std::string& key, bool required, const char* hint, Errors& errors,
                  Fn&& fn) {
  const toml::array* array = parent.Array(key, required, hint);
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& node = (*array)[i];
    std::string path = parent.Key(key) + "[" + std::to_string(i) + "]";
    errors.where[path] = node.source().begin.line;
    if (!node.is_table()) {
      errors.Add(node.source().begin.line, path, "expected a table, found " + TomlTypeName(node));
      continue;
    }
    fn(*node.as_table(), path);
  }
}

// Ids are keys in stored data and reports: plain and unique within their list.
class IdChecker {
 public:
  std::string Check(TableReader& reader) {
    std::string id = reader.Text("id", true, "a plain id such as \"stage-1\"");
    if (id.empty()) return id;
    if (!IsPlainId(id)) {
      reader.Fail("id", "\"" + id + "\" is not a plain id (lower-case letters, digits and single hyphens)");
    } else if (!seen_.insert(id).second) {
      reader.Fail("id", "\"" + id + "\" is used twice in this list");
    }
    return id;
  }

 private:
  std::set<std::string> seen_;
};

// A pictogram id is a plain id; whether the manifest has it is check-policy's question.
std::string ReadPicture(TableReader& r, const std::string& key) {
  std::string picture = r.Text(key, false);
  if (!picture.empty() && !IsPlainId(picture)) {
    r.Fail(key, "\"" + picture + "\" is not a pictogram id (lower-case letters, digits and single hyphens)");
    return "";
  }
  return picture;
}

std::vector<NamedItem> ReadNamedItems(TableReader& root, const std::string& key, Errors& errors) {
  std::vector<NamedItem> items;
  IdChecker ids;
  const fs::path folder = fs::path(errors.source).parent_path();
  ForEachTable(root, key, true, "an array of { id, name, picture } tables, may be empty", errors,
               [&](const toml::table& table, const std::string& path) {
                 TableReader r(table, path, errors, {"id", "name", "picture", "image", "outcome_within"});
                 NamedItem item;
                 item.outcome_within = r.DurationAt("outcome_within");
                 if (item.outcome_within && key != "services") {
                   r.Fail("outcome_within", "only a service can set an outcome time");
                 }
                 item.id = ids.Check(r);
                 item.name = r.Text("name", true);
                 item.picture = ReadPicture(r, "picture");
                 if (auto image = r.String("image", false, "a picture file next to the policy, e.g. \"logo.png\"")) {
                   fs::path file = folder / *image;
                   std::error_code error;
                   if (fs::is_regular_file(file, error)) {
                     item.image = file.string();
                   } else {
                     r.Fail("image", "\"" + *image + "\" not found (looked for " + file.string() + ")");
                   }
                 }
                 items.push_back(std::move(item));
               });
  return items;
}

std::vector<EasyReadSentence> ReadEasyRead(TableReader& parent, const std::string& key, Errors& errors) {
  std::vector<EasyReadSentence> sentences;
  ForEachTable(parent, key, false, "an array of { text, picture } tables, one per sentence", errors,
               [&](const toml::table& table, const std::string& path) {
                 TableReader r(table, path, errors, {"text", "picture"});
                 EasyReadSentence sentence;
                 sentence.text = r.Text("text", true, "one short Easy Read sentence");
                 sentence.picture = ReadPicture(r, "picture");
                 sentences.push_back(std::move(sentence));
               });
  return sentences;
}

// The organisation's words at `key` and their Easy Read version at `easy_key`.
PolicyText ReadText(TableReader& r, const std::string& key, const std::string& easy_key, bool required,
                    const char* hint, Errors& errors) {
  PolicyText text;
  text.words = r.Text(key, required, hint);
  text.easy_read = ReadEasyRead(r, easy_key, errors);
  if (text.words.empty() && !text.easy_read.empty() && !r.Node(key)) {
    r.Fail(easy_key, "an Easy Read version needs the organisation's own words in '" + key + "' too");
  }
  return text;
}

void ReadAnonymous(TableReader& root, Policy& p, Errors& errors) {
  const toml::table* table = root.Table("anonymous", true);
  if (!table) return;
  TableReader r(*table, "anonymous", errors,
                {"complaints", "explanation", "explanation_easy_read", "signpost", "signpost_easy_read"});
  p.anonymous_complaints = r.Bool("complaints", false, true);
  p.anonymous_explanation = ReadText(r, "explanation", "explanation_easy_read", true,
                                     "what giving no name means here, in plain words", errors);
  p.anonymous_signpost = ReadText(r, "signpost", "signpost_easy_read",
                                  !p.anonymous_complaints && table->contains("complaints"),
                                  "what to do instead when anonymous complaints are not accepted", errors);
}

void ReadCompliments(TableReader& root, Policy& p, Errors& errors) {
  const toml::table* table = root.Table("compliments", false);
  if (!table) return;
  TableReader r(*table, "compliments", errors,
                {"accepted", "anonymous_accepted", "acknowledge_within", "pass_on_within", "ask_permission_to_share",
                 "handling", "handling_easy_read"});
  ComplimentRules& c = p.compliments;
  c.accepted = r.Bool("accepted", true);
  c.anonymous_accepted = r.Bool("anonymous_accepted", true);
  c.acknowledge_within = r.DurationAt("acknowledge_within");
  c.pass_on_within = r.DurationAt("pass_on_within");
  c.ask_permission_to_share = r.Bool("ask_permission_to_share", true);
  c.handling = ReadText(r, "handling", "handling_easy_read", false, nullptr, errors);
}

void ReadComments(TableReader& root, Policy& p, Errors& errors) {
  const toml::table* table = root.Table("comments", false);
  if (!table) return;
  TableReader r(*table, "comments", errors, {"accepted", "handling", "handling_easy_read", "keep_name"});
  p.comments_accepted = r.Bool("accepted", true);
  p.comments_handling = ReadText(r, "handling", "handling_easy_read", false, nullptr, errors);
  p.comments_keep_name = r.Bool("keep_name", true);
}

AnswerMark ReadMark(TableReader& r, const std::string& key) {
  std::string text = r.Text(key, false);
  if (text.empty()) return AnswerMark::kNone;
  if (text == "deceased") return AnswerMark::kDeceased;
  r.Fail(key, "\"" + text + "\" is not known (expected \"deceased\")");
  return AnswerMark::kNone;
}

YesNoQuestion ReadYesNo(TableReader& r, Errors& errors) {
  YesNoQuestion q;
  q.question = ReadText(r, "question", "easy_read", true, "a single yes/no question", errors);
  q.blocking_answer = r.Bool("blocking_answer", true);
  q.marks = ReadMark(r, "marks");
  return q;
}

void ReadEligibility(TableReader& root, Policy& p, Errors& errors) {
  IdChecker ids;
  ForEachTable(root, "eligibility", false, "an array of tables", errors,
               [&](const toml::table& table, const std::string& path) {
                 TableReader r(table, path, errors,
                               {"id", "question", "easy_read", "blocking_answer", "marks", "questions", "signpost",
                                "signpost_easy_read", "asked_when", "staff_note"});
                 EligibilityQuestion rule;
                 rule.id = ids.Check(r);
                 if (table.contains("questions")) {
                   for (const char* single : {"question", "easy_read", "blocking_answer", "marks"}) {
                     if (table.contains(single)) {
                       r.Fail(single, "give either one question here or [[" + path.substr(0, path.find('[')) +
                                          ".questions]], not both");
                     }
                   }
                   ForEachTable(r, "questions", true, "an array of { question, easy_read, blocking_answer } tables",
                                errors, [&](const toml::table& part, const std::string& part_path) {
                                  TableReader q(part, part_path, errors,
                                                {"question", "easy_read", "blocking_answer", "marks"});
                                  rule.questions.push_back(ReadYesNo(q, errors));
                                });
                   if (const toml::node* node = r.Node("questions"); node && node->is_array() &&
                                                                      node->as_array()->empty()) {
                     r.Fail("questions", "needs at least one question");
                   }
                 } else {
                   rule.questions.push_back(ReadYesNo(r, errors));
                 }
                 rule.signpost = ReadText(r, "signpost", "signpost_easy_read", true, "what the person can do instead",
                                          errors);
                 rule.asked_when = ReadMark(r, "asked_when");
                 rule.staff_note = r.Text("staff_note", false);
                 p.eligibility.push_back(std::move(rule));
               });
  // A rule asked only about someone who has died needs a question that can say so.
  bool marks_deceased = false;
  for (const EligibilityQuestion& rule : p.eligibility) {
    for (const YesNoQuestion& q : rule.questions) marks_deceased = marks_deceased || q.marks == AnswerMark::kDeceased;
  }
  for (std::size_t i = 0; i < p.eligibility.size(); ++i) {
    if (p.eligibility[i].asked_when != AnswerMark::kDeceased || marks_deceased) continue;
    const std::string key = "eligibility[" + std::to_string(i) + "].asked_when";
    errors.Add(errors.where[key], key, "\"deceased\" is never answered: no question has marks = \"deceased\"");
  }
  IdChecker exclusion_ids;
  ForEachTable(root, "exclusions", false, "an array of tables", errors,
               [&](const toml::table& table, const std::string& path) {
                 TableReader r(table, path, errors, {"id", "text", "easy_read", "signpost", "signpost_easy_read"});
                 Exclusion e;
                 e.id = exclusion_ids.Check(r);
                 e.text = ReadText(r, "text", "easy_read", true, nullptr, errors);
                 e.signpost = ReadText(r, "signpost", "signpost_easy_read", true, "what the person can do instead",
                                       errors);
                 p.exclusions.push_back(std::move(e));
               });
}

void ReadStages(TableReader& root, Policy& p, Errors& errors) {
  IdChecker ids;
  ForEachTable(root, "stages", true, "an array of [[stages]] tables in procedure order", errors,
               [&](const toml::table& table, const std::string& path) {
                 TableReader r(table, path, errors,
                               {"id", "name", "handled_by", "informal", "acknowledge_within", "respond_within",
                                "respond_own_choice", "request_within", "how_to_request"});
                 Stage s;
                 s.id = ids.Check(r);
                 s.name = r.Text("name", true);
                 s.handled_by = r.Text("handled_by", true, "who handles this stage");
                 s.informal = r.Bool("informal", false);
                 s.acknowledge_within = r.DurationAt("acknowledge_within");
                 s.respond_within = r.DurationAt("respond_within");
                 s.respond_own_choice = r.Bool("respond_own_choice", false);
                 if (s.respond_own_choice && !s.respond_within) {
                   r.Fail("respond_own_choice", "marks respond_within, which is not given");
                 }
                 s.request_within = r.DurationAt("request_within");
                 s.how_to_request = r.Text("how_to_request", false);
                 p.stages.push_back(std::move(s));
               });
  if (const toml::node* node = root.Node("stages"); node && node->is_array() && node->as_array()->empty()) {
    root.Fail("stages", "a procedure needs at least one stage");
  }
  ForEachTable(root, "external_bodies", false, "an array of tables", errors,
               [&](const toml::table& table, const std::string& path) {
                 TableReader r(table, path, errors,
                               {"name", "when", "when_easy_read", "contact", "contact_easy_read", "at_any_stage",
                                "picture", "phone", "address"});
                 ExternalBody b;
                 b.name = r.Text("name", true);
                 b.when = ReadText(r, "when", "when_easy_read", true,
                                   "e.g. \"after the last stage\" or \"at any stage\"", errors);
                 b.contact = ReadText(r, "contact", "contact_easy_read", false, nullptr, errors);
                 b.at_any_stage = r.Bool("at_any_stage", false);
                 b.picture = ReadPicture(r, "picture");
                 b.phone = r.Text("phone", false);
                 b.address = r.Text("address", false);
                 p.external_bodies.push_back(std::move(b));
               });
}

void ReadTopLevel(TableReader& r, Policy& p) {
  p.organisation = r.Text("organisation", true, "the organisation's name");
  if (auto prefix = r.String("reference_prefix", true, "1 to 3 capital letters, e.g. \"SG\"")) {
    bool ok = !prefix->empty() && prefix->size() <= 3;
    for (char c : *prefix) ok = ok && c >= 'A' && c <= 'Z';
    if (ok) {
      p.reference_prefix = *prefix;
    } else {
      r.Fail("reference_prefix", "\"" + *prefix + "\" must be 1 to 3 capital letters A-Z, e.g. \"SG\"");
    }
  }
  if (auto division = r.String("division", true, "\"england-and-wales\", \"scotland\" or \"northern-ireland\"")) {
    try {
      p.division = ParseDivision(*division);
    } catch (const std::invalid_argument& e) {
      r.Fail("division", e.what());
    }
  }
  p.acknowledge_within = r.DurationAt("acknowledge_within");
  p.time_limit = r.DurationAt("time_limit");
  p.on_behalf_needs_permission = r.Bool("on_behalf_needs_permission", false);
  p.retention = r.DurationAt("retention");
  p.retention_own_choice = r.Bool("retention_own_choice", false);
  if (p.retention_own_choice && !p.retention) r.Fail("retention_own_choice", "marks retention, which is not given");
  p.retention_note = r.Text("retention_note", false);
  p.post_received_after = r.DurationAt("post_received_after");
  if (auto withdrawal = r.String("withdrawal", false)) {
    if (*withdrawal == "close") {
      p.withdrawal = Withdrawal::kClose;
    } else if (*withdrawal == "may-continue") {
      p.withdrawal = Withdrawal::kMayContinue;
    } else {
      r.Fail("withdrawal", "\"" + *withdrawal + "\" is not known (expected \"close\" or \"may-continue\")");
    }
  }
}

void ReadWithdrawalNote(TableReader& r, Policy& p, Errors& errors) {
  p.withdrawal_note = ReadText(r, "withdrawal_note", "withdrawal_note_easy_read", p.withdrawal == Withdrawal::kMayContinue,
                               "what a withdrawal means when the case may continue", errors);
}

void ReadSafeguarding(TableReader& root, Policy& p, Errors& errors) {
  const toml::table* table = root.Table("safeguarding", false);
  if (!table) return;
  TableReader r(*table, "safeguarding", errors,
                {"question", "easy_read", "tell_staff", "tell_staff_easy_read", "staff_steps", "contacts"});
  Safeguarding g;
  g.question = ReadText(r, "question", "easy_read", true, "one yes/no question, e.g. \"Is someone being hurt, or in danger?\"", errors);
  g.tell_staff = ReadText(r, "tell_staff", "tell_staff_easy_read", true, "what the person should do now", errors);
  if (const toml::array* steps = r.Array("staff_steps", false, "an array of strings")) {
    for (std::size_t i = 0; i < steps->size(); ++i) {
      const toml::node& step = (*steps)[i];
      if (!step.is_string() || Trimmed(step.as_string()->get()).empty()) {
        errors.Add(step.source().begin.line, "safeguarding.staff_steps[" + std::to_string(i) + "]",
                   "expected a non-empty string");
        continue;
      }
      g.staff_steps.push_back(Trimmed(step.as_string()->get()));
    }
  }
  ForEachTable(r, "contacts", true, "an array of { name, phone } tables: who staff tell", errors,
               [&](const toml::table& contact, const std::string& path) {
                 TableReader c(contact, path, errors, {"name", "phone"});
                 g.contacts.push_back({c.Text("name", true), c.Text("phone", false)});
               });
  p.safeguarding = std::move(g);
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PolicyError(path + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw PolicyError(path + ": cannot be read");
  return text.str();
}

}  // namespace

std::size_t Policy::LineOf(const std::string& key) const {
  auto found = lines.find(key);
  return found == lines.end() ? 0 : found->second;
}

const Stage* Policy::FindStage(const std::string& stage_id) const {
  for (const Stage& s : stages) {
    if (s.id == stage_id) return &s;
  }
  return nullptr;
}

const NamedItem* Policy::FindService(const std::string& service_id) const {
  for (const NamedItem& s : services) {
    if (s.id == service_id) return &s;
  }
  return nullptr;
}

std::vector<const ExternalBody*> Policy::PlacesToGo(bool after_last_stage) const {
  std::vector<const ExternalBody*> out;
  for (const ExternalBody& b : external_bodies) {
    if (after_last_stage || b.at_any_stage) out.push_back(&b);
  }
  return out;
}

const Stage* Policy::NextStage(const std::string& stage_id) const {
  for (std::size_t i = 0; i + 1 < stages.size(); ++i) {
    if (stages[i].id == stage_id) return &stages[i + 1];
  }
  return nullptr;
}

std::vector<NamedDeadline> ProcedureDeadlines(const Policy& policy, Date received, const HolidayCalendar& calendar) {
  std::vector<std::pair<std::string, Duration>> wanted;
  if (policy.acknowledge_within) wanted.emplace_back("acknowledge", *policy.acknowledge_within);
  for (const Stage& stage : policy.stages) {
    if (stage.respond_within) wanted.emplace_back(stage.id + ".respond", *stage.respond_within);
  }
  std::vector<NamedDeadline> out;
  for (const auto& [name, duration] : wanted) {
    try {
      out.push_back({name, AddDuration(received, duration, calendar), RestsOnProjection(received, duration, calendar)});
    } catch (const CalendarRangeError& e) {
      throw CalendarRangeError("cannot compute " + name + " (" + ToString(duration) + " after " + ToIso(received) +
                               "): " + e.what());
    }
  }
  return out;
}

Policy LoadPolicyText(const std::string& text, const std::string& source_name) {
  Errors errors{source_name, {}, {}};
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    errors.Add(e.source().begin.line, "", "not valid TOML: " + std::string(e.description()));
    throw PolicyError(errors.lines.front());
  }
  Policy p;
  // The id is the file's name, so a policy can only ever be found under one id.
  p.id = fs::path(source_name).stem().string();
  if (!IsPlainId(p.id)) {
    errors.Add(1, "", "the file name \"" + p.id +
                          "\" must be a plain id (lower-case letters, digits and hyphens), e.g. seetec.toml");
  }
  TableReader r(root, "", errors,
                {"organisation", "reference_prefix", "division", "acknowledge_within", "time_limit",
                 "on_behalf_needs_permission", "retention", "retention_own_choice", "retention_note",
                 "post_received_after", "withdrawal", "withdrawal_note", "withdrawal_note_easy_read", "safeguarding",
                 "services", "categories", "anonymous", "eligibility", "exclusions", "comments", "compliments",
                 "stages", "external_bodies"});
  ReadTopLevel(r, p);
  ReadWithdrawalNote(r, p, errors);
  ReadSafeguarding(r, p, errors);
  p.services = ReadNamedItems(r, "services", errors);
  p.categories = ReadNamedItems(r, "categories", errors);
  ReadAnonymous(r, p, errors);
  ReadEligibility(r, p, errors);
  ReadComments(r, p, errors);
  ReadCompliments(r, p, errors);
  ReadStages(r, p, errors);
  if (!errors.lines.empty()) {
    std::string message;
    for (const std::string& line : errors.lines) message += (message.empty() ? "" : "\n") + line;
    throw PolicyError(message);
  }
  p.source = source_name;
  p.lines = std::move(errors.where);
  return p;
}

Policy LoadPolicyFile(const std::string& path) { return LoadPolicyText(ReadWholeFile(path), path); }

Policy LoadPolicy(const std::string& id_or_path, const std::string& policies_dir) {
  std::error_code error;
  if (fs::is_regular_file(id_or_path, error)) return LoadPolicyFile(id_or_path);
  if (!IsPlainId(id_or_path)) {
    throw PolicyError("'" + id_or_path + "' is neither a policy file nor a policy id (such as \"seetec\")");
  }
  std::string path = (fs::path(policies_dir) / (id_or_path + ".toml")).string();
  if (!fs::is_regular_file(path, error)) {
    throw PolicyError("no policy '" + id_or_path + "': " + path + " does not exist");
  }
  return LoadPolicyFile(path);
}

}  // namespace tellus
