// A policy's words in another language (core/policy_language.h).
#include "core/policy_language.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <toml++/toml.h>

#include "core/toml_names.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;

void VisitText(const std::string& key, const std::string& easy_key, PolicyText& text, const ShownTextVisitor& visit) {
  if (text.empty()) return;
  visit(key, text.words);
  for (std::size_t i = 0; i < text.easy_read.size(); ++i)
    visit(easy_key + "[" + std::to_string(i) + "]", text.easy_read[i].text);
}

// The keys a translation file gives reserved meanings to, outside the policy's texts.
bool IsFileSetting(const std::string& key) { return key == "needs_review"; }

// Every string of the file under its flattened key, with its line; other values are problems.
void Flatten(const toml::node& node, const std::string& key, std::map<std::string, std::pair<std::string, std::size_t>>& out,
             const std::function<void(std::size_t, const std::string&, const std::string&)>& fail) {
  const std::size_t line = node.source().begin.line;
  if (const toml::table* table = node.as_table()) {
    for (auto&& [name, value] : *table) {
      const std::string at = key.empty() ? std::string(name.str()) : key + "." + std::string(name.str());
      if (key.empty() && IsFileSetting(at)) continue;
      Flatten(value, at, out, fail);
    }
  } else if (const toml::array* array = node.as_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) Flatten((*array)[i], key + "[" + std::to_string(i) + "]", out, fail);
  } else if (const auto* text = node.as_string()) {
    out[key] = {text->get(), line};
  } else {
    fail(line, key, "expected a string, found " + TomlTypeName(node));
  }
}

std::string Quoted(const std::string& text) {
  const std::size_t most = 60;
  return "\"" + (text.size() > most ? text.substr(0, most) + "..." : text) + "\"";
}

}  // namespace

void VisitShownTexts(Policy& p, const ShownTextVisitor& visit) {
  for (NamedItem& item : p.services) visit("services." + item.id, item.name);
  for (NamedItem& item : p.categories) visit("categories." + item.id, item.name);
  VisitText("anonymous.explanation", "anonymous.explanation_easy_read", p.anonymous_explanation, visit);
  VisitText("anonymous.signpost", "anonymous.signpost_easy_read", p.anonymous_signpost, visit);
  for (std::size_t r = 0; r < p.eligibility.size(); ++r) {
    EligibilityQuestion& rule = p.eligibility[r];
    const std::string key = "eligibility." + rule.id;
    // A translation writes the questions as the policy does: one on the rule, or a list.
    const bool listed =
        rule.questions.size() != 1 || p.LineOf("eligibility[" + std::to_string(r) + "].questions") != 0;
    for (std::size_t q = 0; q < rule.questions.size(); ++q) {
      const std::string at = listed ? key + ".questions[" + std::to_string(q) + "]" : key;
      VisitText(at + ".question", at + ".easy_read", rule.questions[q].question, visit);
    }
    VisitText(key + ".signpost", key + ".signpost_easy_read", rule.signpost, visit);
  }
  for (Exclusion& e : p.exclusions) {
    const std::string key = "exclusions." + e.id;
    VisitText(key + ".text", key + ".easy_read", e.text, visit);
    VisitText(key + ".signpost", key + ".signpost_easy_read", e.signpost, visit);
  }
  for (Stage& s : p.stages) visit("stages." + s.id + ".name", s.name);
  for (std::size_t i = 0; i < p.external_bodies.size(); ++i) {
    ExternalBody& b = p.external_bodies[i];           // phone and address stay as written
    const std::string key = "external_bodies[" + std::to_string(i) + "]";
    visit(key + ".name", b.name);
    VisitText(key + ".when", key + ".when_easy_read", b.when, visit);
    VisitText(key + ".contact", key + ".contact_easy_read", b.contact, visit);
  }
  if (p.safeguarding) {                                // its staff steps and contacts are for staff only
    VisitText("safeguarding.question", "safeguarding.easy_read", p.safeguarding->question, visit);
    VisitText("safeguarding.tell_staff", "safeguarding.tell_staff_easy_read", p.safeguarding->tell_staff, visit);
  }
  VisitText("comments.handling", "comments.handling_easy_read", p.comments_handling, visit);
  VisitText("compliments.handling", "compliments.handling_easy_read", p.compliments.handling, visit);
  VisitText("withdrawal_note", "withdrawal_note_easy_read", p.withdrawal_note, visit);
}

std::vector<std::pair<std::string, std::string>> ShownTexts(const Policy& policy) {
  Policy copy = policy;
  std::vector<std::pair<std::string, std::string>> out;
  VisitShownTexts(copy, [&](const std::string& key, std::string& text) { out.emplace_back(key, text); });
  return out;
}

std::size_t StageIndexNamed(const Policy& written, const std::string& name) {
  for (std::size_t i = 0; i < written.stages.size(); ++i)
    if (written.stages[i].name == name) return i;
  return std::string::npos;
}

std::string ShownStageName(const Policy& written, const Policy& shown, const std::string& name) {
  const std::size_t at = StageIndexNamed(written, name);
  return at < shown.stages.size() ? shown.stages[at].name : name;
}

std::string Describe(const TranslationProblem& p) {
  return p.file + ":" + std::to_string(p.line == 0 ? 1 : p.line) + ": " + p.language + ": " +
         (p.key.empty() ? "" : p.key + ": ") + p.what;
}

std::size_t PolicyInLanguage::LineOf(const std::string& key) const {
  auto found = lines.find(key);
  return found == lines.end() ? 1 : found->second;
}

std::string PolicyTranslationPath(const Policy& policy, const std::string& language) {
  return (fs::path(policy.source).parent_path() / policy.id / (language + ".toml")).string();
}

std::vector<std::string> PolicyTranslationTags(const Policy& policy) {
  std::vector<std::string> tags;
  std::error_code error;
  const fs::path folder = fs::path(policy.source).parent_path() / policy.id;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".toml") tags.push_back(it->path().stem().string());
  }
  std::sort(tags.begin(), tags.end());
  return tags;
}

PolicyInLanguage PolicyForLanguage(const Policy& english, const std::string& language) {
  PolicyInLanguage out{english, language, "", false, {}, {}};
  if (language == kPolicySourceLanguage) return out;
  out.file = PolicyTranslationPath(english, language);
  auto fail = [&](std::size_t line, const std::string& key, const std::string& what) {
    out.problems.push_back({language, out.file, line, key, what});
  };
  std::error_code error;
  if (english.source.empty() || !fs::is_regular_file(out.file, error)) {
    const auto texts = ShownTexts(english);
    fail(1, "", "no translation file: the " + std::to_string(texts.size()) + " texts of " +
                    fs::path(english.source).filename().string() + " a person sees need one, starting with " +
                    (texts.empty() ? std::string("none") : texts.front().first));
    return out;
  }
  toml::table root;
  try {
    root = toml::parse_file(out.file);
  } catch (const toml::parse_error& e) {
    fail(e.source().begin.line, "", "not valid TOML: " + std::string(e.description()));
    return out;
  }
  if (const toml::node* review = root.get("needs_review")) {
    if (const auto* flag = review->as_boolean()) out.needs_review = flag->get();
    else fail(review->source().begin.line, "needs_review", "expected true or false, found " + TomlTypeName(*review));
  }
  std::map<std::string, std::pair<std::string, std::size_t>> given;
  Flatten(root, "", given, fail);
  for (const auto& [key, value] : given) out.lines[key] = value.second;
  VisitShownTexts(out.policy, [&](const std::string& key, std::string& text) {
    auto found = given.find(key);
    if (found == given.end()) {
      fail(1, key, "missing (" + std::string(kPolicySourceLanguage) + ": " + Quoted(text) + ")");
      return;
    }
    std::string words = found->second.first;
    const char* space = " \t\r\n";
    if (words.find_first_not_of(space) == std::string::npos) {
      fail(found->second.second, key, "must not be empty");
    } else {
      text = words.substr(words.find_first_not_of(space), words.find_last_not_of(space) - words.find_first_not_of(space) + 1);
    }
    given.erase(found);
  });
  for (const auto& [key, value] : given) {
    fail(value.second, key, "unknown key: " + fs::path(english.source).filename().string() +
                                " shows no text there (check the id and the number of sentences)");
  }
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const TranslationProblem& a, const TranslationProblem& b) { return a.line < b.line; });
  return out;
}

}  // namespace tellus
