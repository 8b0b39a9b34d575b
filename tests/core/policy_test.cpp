// Loading policies: the shipped seed policies and each kind of error in a policy file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include "core/policy.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;
using Unit = Duration::Unit;

const std::string kPolicies = std::string(TELLUS_SOURCE_DIR) + "/assets/policies";

Policy Seed(const std::string& id) { return LoadPolicy(id, kPolicies); }

// A small valid policy; line numbers matter to the error tests below.
constexpr const char* kMinimal =
    "organisation = \"Test Org\"\n"                         // 1
    "reference_prefix = \"TO\"\n"                           // 2
    "division = \"scotland\"\n"                             // 3
    "acknowledge_within = \"3 working days\"\n"             // 4
    "services = [{ id = \"one\", name = \"One\" }]\n"       // 5
    "categories = []\n"                                     // 6
    "[anonymous]\n"                                         // 7
    "complaints = false\n"                                  // 8
    "explanation = \"We need your name.\"\n"                // 9
    "signpost = \"Talk to your worker.\"\n"                 // 10
    "[[stages]]\n"                                          // 11
    "id = \"stage-1\"\n"                                    // 12
    "name = \"First\"\n"                                    // 13
    "handled_by = \"A manager\"\n"                          // 14
    "respond_within = \"20 working days\"\n"                // 15
    "[[stages]]\n"                                          // 16
    "id = \"stage-2\"\n"                                    // 17
    "name = \"Second\"\n"                                   // 18
    "handled_by = \"A director\"\n"                         // 19
    "respond_within = \"28 days\"\n"                        // 20
    "request_within = \"10 working days\"\n";               // 21

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A temporary folder removed at the end of the test.
struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("tellus-policy-" + std::to_string(std::random_device{}()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

std::string ErrorOf(const std::string& text, const std::string& name = "test.toml") {
  try {
    LoadPolicyText(text, name);
  } catch (const PolicyError& e) {
    return e.what();
  }
  return "(no error)";
}

#define EXPECT_CONTAINS(haystack, needle) EXPECT_NE((haystack).find(needle), std::string::npos) << (haystack)

TEST(Policy, LoadsTheMinimalSchema) {
  Policy p = LoadPolicyText(kMinimal, "some/dir/test-org.toml");
  EXPECT_EQ(p.id, "test-org");
  EXPECT_EQ(p.organisation, "Test Org");
  EXPECT_EQ(p.division, Division::kScotland);
  ASSERT_EQ(p.stages.size(), 2u);
  EXPECT_EQ(p.stages[1].respond_within, (Duration{28, Unit::kDays}));
  EXPECT_EQ(p.stages[1].request_within, (Duration{10, Unit::kWorkingDays}));
  EXPECT_FALSE(p.stages[0].acknowledge_within);
  EXPECT_EQ(p.FindStage("stage-2"), &p.stages[1]);
  EXPECT_EQ(p.NextStage("stage-1"), &p.stages[1]);
  EXPECT_EQ(p.NextStage("stage-2"), nullptr);
  EXPECT_EQ(p.FindStage("stage-9"), nullptr);
  EXPECT_TRUE(p.compliments.accepted);  // defaults when [compliments] is absent
}

TEST(PolicyError, UnknownKeyNamesFileLineAndKey) {
  std::string m = ErrorOf(Replace(kMinimal, "respond_within = \"28 days\"", "respond_witin = \"28 days\""));
  EXPECT_CONTAINS(m, "test.toml:20: stages[1].respond_witin: unknown key");
  m = ErrorOf(std::string(kMinimal) + "colour = \"red\"\n");  // after [[stages]]: a key of the last stage
  EXPECT_CONTAINS(m, "test.toml:22: stages[1].colour: unknown key");
  m = ErrorOf(Replace(kMinimal, "explanation =", "explenation ="));
  EXPECT_CONTAINS(m, "test.toml:9: anonymous.explenation: unknown key");
  EXPECT_CONTAINS(m, "test.toml:7: anonymous.explanation: missing");
}

TEST(PolicyEasyRead, EasyReadSentencesAndPicturesSitBesideTheExactWords) {
  Policy p = LoadPolicyText(
      Replace(kMinimal, "signpost = \"Talk to your worker.\"\n",
              "signpost = \"Talk to your worker.\"\n"
              "signpost_easy_read = [\n"
              "  { text = \"Talk to the person who works with you.\", picture = \"staff\" },\n"
              "  { text = \"They can help.\", picture = \"advocate\" },\n"
              "]\n"),
      "test.toml");
  EXPECT_EQ(p.anonymous_signpost.words, "Talk to your worker.");
  ASSERT_EQ(p.anonymous_signpost.easy_read.size(), 2u);
  EXPECT_EQ(p.anonymous_signpost.easy_read[0], (EasyReadSentence{"Talk to the person who works with you.", "staff"}));
  EXPECT_EQ(p.anonymous_signpost.easy_read[1].picture, "advocate");
  EXPECT_EQ(p.LineOf("anonymous.signpost_easy_read[1]"), 13u);
  EXPECT_EQ(p.LineOf("anonymous.signpost"), 10u);
  EXPECT_TRUE(p.anonymous_explanation.easy_read.empty()) << "optional when loading; check-policy asks for it";
}

TEST(PolicyEasyRead, GroupedQuestionsAreSingleQuestionsInOrder) {
  std::string text = std::string(kMinimal) +
                     "[[eligibility]]\n"
                     "id = \"older-than-limit\"\n"
                     "signpost = \"Too late.\"\n"
                     "[[eligibility.questions]]\n"
                     "question = \"Did this happen more than 12 months ago?\"\n"
                     "[[eligibility.questions]]\n"
                     "question = \"Did you know about it more than 12 months ago?\"\n"
                     "blocking_answer = true\n"
                     "[[eligibility]]\n"
                     "id = \"staff\"\n"
                     "question = \"Do you work here?\"\n"
                     "signpost = \"Ask HR.\"\n";
  Policy p = LoadPolicyText(text, "test.toml");
  ASSERT_EQ(p.eligibility.size(), 2u);
  ASSERT_EQ(p.eligibility[0].questions.size(), 2u);
  EXPECT_EQ(p.eligibility[0].questions[1].question.words, "Did you know about it more than 12 months ago?");
  ASSERT_EQ(p.eligibility[1].questions.size(), 1u);
  EXPECT_EQ(p.eligibility[1].questions[0].question.words, "Do you work here?");
  std::string both = Replace(text, "signpost = \"Too late.\"\n", "signpost = \"Too late.\"\nquestion = \"Both?\"\n");
  EXPECT_CONTAINS(ErrorOf(both), "test.toml:25: eligibility[0].question: give either one question here or "
                                 "[[eligibility.questions]], not both");
}

TEST(PolicyPictures, ServicesAndCategoriesNameAPictureOrAnImageNextToThePolicy) {
  TempFolder folder;
  std::ofstream(folder.path / "logo.png") << "not really a png";
  std::string text = Replace(kMinimal, "services = [{ id = \"one\", name = \"One\" }]",
                             "services = [{ id = \"one\", name = \"One\", picture = \"work\", image = \"logo.png\" }]");
  text = Replace(text, "categories = []", "categories = [{ id = \"late\", name = \"Late\", picture = \"hourglass\" }]");
  const std::string file = (folder.path / "org.toml").string();
  std::ofstream(file) << text;
  Policy p = LoadPolicyFile(file);
  EXPECT_EQ(p.services[0].picture, "work");
  EXPECT_EQ(p.services[0].image, (folder.path / "logo.png").string());
  EXPECT_EQ(p.categories[0].picture, "hourglass");
  EXPECT_TRUE(p.categories[0].image.empty());

  fs::remove(folder.path / "logo.png");
  EXPECT_CONTAINS(ErrorOf(text, file), file + ":5: services[0].image: \"logo.png\" not found (looked for " +
                                            (folder.path / "logo.png").string() + ")");
  EXPECT_CONTAINS(ErrorOf(Replace(text, "\"hourglass\"", "\"Hour Glass\""), file),
                  file + ":6: categories[0].picture: \"Hour Glass\" is not a pictogram id");
}

TEST(PolicyError, MissingKeyNamesFileLineAndKey) {
  std::string m = ErrorOf(Replace(kMinimal, "handled_by = \"A director\"\n", ""));
  EXPECT_CONTAINS(m, "test.toml:16: stages[1].handled_by: missing");
  m = ErrorOf(Replace(kMinimal, "organisation = \"Test Org\"\n", ""));
  EXPECT_CONTAINS(m, "test.toml:1: organisation: missing");
  m = ErrorOf(Replace(kMinimal, "signpost = \"Talk to your worker.\"\n", ""));
  EXPECT_CONTAINS(m, "test.toml:7: anonymous.signpost: missing");
}

TEST(PolicyError, BadDurationNamesFileLineAndKey) {
  std::string m = ErrorOf(Replace(kMinimal, "\"28 days\"", "\"twenty days\""));
  EXPECT_CONTAINS(m, "test.toml:20: stages[1].respond_within: \"twenty days\" is not a duration (expected e.g. "
                     "\"20 working days\"");
  m = ErrorOf(Replace(kMinimal, "\"3 working days\"", "\"3 business days\""));
  EXPECT_CONTAINS(m, "test.toml:4: acknowledge_within: \"3 business days\" is not a duration");
}

TEST(PolicyError, WrongTypeNamesFileLineAndKey) {
  std::string m = ErrorOf(Replace(kMinimal, "complaints = false", "complaints = \"no\""));
  EXPECT_CONTAINS(m, "test.toml:8: anonymous.complaints: expected true or false, found a string");
  m = ErrorOf(Replace(kMinimal, "\"20 working days\"", "20"));
  EXPECT_CONTAINS(m, "test.toml:15: stages[0].respond_within: expected a string, found an integer");
  m = ErrorOf(Replace(kMinimal, "categories = []", "categories = \"none\""));
  EXPECT_CONTAINS(m, "test.toml:6: categories: expected an array, found a string");
}

TEST(PolicyError, BadDivisionNamesFileLineAndKey) {
  std::string m = ErrorOf(Replace(kMinimal, "\"scotland\"", "\"wales\""));
  EXPECT_CONTAINS(m, "test.toml:3: division: \"wales\" is not a division");
}

TEST(PolicyError, OtherProblems) {
  EXPECT_CONTAINS(ErrorOf(Replace(kMinimal, "\"TO\"", "\"toolong\"")), "test.toml:2: reference_prefix:");
  EXPECT_CONTAINS(ErrorOf(Replace(kMinimal, "id = \"stage-2\"", "id = \"stage-1\"")),
                  "test.toml:17: stages[1].id: \"stage-1\" is used twice");
  EXPECT_CONTAINS(ErrorOf(Replace(kMinimal, "id = \"stage-2\"", "id = \"Stage 2\"")),
                  "test.toml:17: stages[1].id: \"Stage 2\" is not a plain id");
  EXPECT_CONTAINS(ErrorOf(Replace(kMinimal, "name = \"First\"", "name = \"  \"")),
                  "test.toml:13: stages[0].name: must not be empty");
  EXPECT_CONTAINS(ErrorOf(Replace(kMinimal, "[[stages]]\nid = \"stage-1\"", "[[stages]\nid = \"stage-1\"")),
                  "test.toml:11: not valid TOML");
  EXPECT_CONTAINS(ErrorOf(kMinimal, "Bad Name.toml"), "must be a plain id");
  std::string no_stages = kMinimal;
  no_stages = "stages = []\n" + no_stages.substr(0, no_stages.find("[[stages]]"));
  EXPECT_CONTAINS(ErrorOf(no_stages), "stages: a procedure needs at least one stage");
}

TEST(PolicyError, EveryProblemIsReportedAtOnce) {
  std::string text = Replace(Replace(kMinimal, "\"scotland\"", "\"wales\""), "\"28 days\"", "\"soon\"");
  std::string m = ErrorOf(text);
  EXPECT_CONTAINS(m, "test.toml:3: division");
  EXPECT_CONTAINS(m, "test.toml:20: stages[1].respond_within");
}

TEST(PolicyLookup, ByIdOrPath) {
  EXPECT_EQ(LoadPolicy("seetec", kPolicies).id, "seetec");
  EXPECT_EQ(LoadPolicy(kPolicies + "/next-steps.toml", "/nowhere").id, "next-steps");
  EXPECT_THROW(LoadPolicy("no-such-org", kPolicies), PolicyError);
  EXPECT_THROW(LoadPolicy("../etc/passwd", kPolicies), PolicyError);
  EXPECT_THROW(LoadPolicyFile("/nonexistent/x.toml"), PolicyError);
}

TEST(SeedPolicies, AllLoad) {
  for (const auto& entry : fs::directory_iterator(kPolicies)) {
    if (entry.path().extension() != ".toml") continue;
    EXPECT_NO_THROW(LoadPolicyFile(entry.path().string())) << entry.path();
  }
  for (const char* id : {"steps-to-work", "works-for-us", "stepping-stones", "seetec", "next-steps"}) {
    EXPECT_NO_THROW(Seed(id)) << id;
  }
}

// The figures of each seed procedure (seeds/*.txt and the table in DESIGN.md).
TEST(SeedPolicies, StepsToWork) {
  Policy p = Seed("steps-to-work");
  EXPECT_EQ(p.services.size(), 5u);
  ASSERT_EQ(p.categories.size(), 5u);
  EXPECT_EQ(p.categories[0].name, "Mistakes that have been made");
  EXPECT_EQ(p.acknowledge_within, (Duration{5, Unit::kWorkingDays}));
  ASSERT_EQ(p.stages.size(), 3u);
  EXPECT_EQ(p.stages[0].respond_within, (Duration{10, Unit::kWorkingDays}));
  EXPECT_EQ(p.stages[1].respond_within, (Duration{10, Unit::kWorkingDays}));
  EXPECT_EQ(p.stages[2].respond_within, (Duration{15, Unit::kWorkingDays}));
  EXPECT_EQ(p.stages[2].request_within, (Duration{10, Unit::kWorkingDays}));
  ASSERT_EQ(p.external_bodies.size(), 1u);
  EXPECT_EQ(p.external_bodies[0].name, "Parliamentary and Health Service Ombudsman");
}

TEST(SeedPolicies, WorksForUs) {
  Policy p = Seed("works-for-us");
  ASSERT_EQ(p.eligibility.size(), 2u);
  EXPECT_EQ(p.eligibility[0].id, "staff");
  EXPECT_CONTAINS(p.eligibility[0].signpost.words, "line manager");
  EXPECT_CONTAINS(p.eligibility[0].signpost.words, "grievance");
  EXPECT_CONTAINS(p.eligibility[1].signpost.words, "Chair of the Trustees");
  EXPECT_TRUE(p.comments_accepted);
  ASSERT_EQ(p.stages.size(), 2u);
  EXPECT_EQ(p.stages[0].respond_within, (Duration{28, Unit::kDays}));
  EXPECT_CONTAINS(p.stages[0].handled_by, "Chief Executive");
  EXPECT_GE(p.external_bodies.size(), 5u);
}

TEST(SeedPolicies, SteppingStones) {
  Policy p = Seed("stepping-stones");
  ASSERT_EQ(p.stages.size(), 3u);
  EXPECT_EQ(p.stages[1].acknowledge_within, (Duration{5, Unit::kWorkingDays}));
  EXPECT_EQ(p.stages[1].respond_within, (Duration{28, Unit::kDays}));
  EXPECT_EQ(p.stages[2].request_within, (Duration{10, Unit::kDays}));
  EXPECT_EQ(p.stages[2].acknowledge_within, (Duration{1, Unit::kWeeks}));
  ASSERT_EQ(p.external_bodies.size(), 2u);
  EXPECT_EQ(p.external_bodies[0].when.words, "at any stage");
}

TEST(SeedPolicies, Seetec) {
  Policy p = Seed("seetec");
  EXPECT_EQ(p.services.size(), 4u);
  EXPECT_FALSE(p.anonymous_complaints);
  EXPECT_FALSE(p.anonymous_signpost.empty());
  EXPECT_FALSE(p.anonymous_signpost.easy_read.empty());
  EXPECT_EQ(p.time_limit, (Duration{12, Unit::kMonths}));
  EXPECT_TRUE(p.on_behalf_needs_permission);
  EXPECT_EQ(p.exclusions.size(), 6u);
  for (const Exclusion& e : p.exclusions) {
    EXPECT_FALSE(e.signpost.words.empty()) << e.id;
    EXPECT_FALSE(e.text.easy_read.empty()) << e.id;
    EXPECT_FALSE(e.signpost.easy_read.empty()) << e.id;
  }
  // 2.3.2: too old only when it happened AND was known of more than 12 months ago, asked
  // as two single questions; written permission likewise.
  ASSERT_EQ(p.eligibility.size(), 4u);
  ASSERT_EQ(p.eligibility[0].questions.size(), 2u);
  EXPECT_EQ(p.eligibility[0].questions[0].question.words, "Did this happen more than 12 months ago?");
  EXPECT_EQ(p.eligibility[0].questions[1].question.words, "Did you know about it more than 12 months ago?");
  // 2.3.3 written permission, unless (2.3.5) the person has died.
  ASSERT_EQ(p.eligibility[1].questions.size(), 3u);
  EXPECT_EQ(p.eligibility[1].questions[1].marks, AnswerMark::kDeceased);
  EXPECT_FALSE(p.eligibility[1].questions[1].blocking_answer) << "a death ends the permission rule";
  EXPECT_FALSE(p.eligibility[1].questions[2].blocking_answer) << "no written permission is what blocks";
  // 2.3.5: "immediate family or a nominated person/advocate", asked only then, case by case.
  EXPECT_EQ(p.eligibility[2].asked_when, AnswerMark::kDeceased);
  EXPECT_FALSE(p.eligibility[2].questions[0].blocking_answer);
  EXPECT_NE(p.eligibility[2].staff_note.find("case by case"), std::string::npos);
  // Four services, four different pictures.
  std::set<std::string> pictures;
  for (const NamedItem& service : p.services) pictures.insert(service.picture);
  EXPECT_EQ(pictures.size(), 4u);
  EXPECT_EQ(pictures.count(""), 0u);
  EXPECT_EQ(p.acknowledge_within, (Duration{3, Unit::kWorkingDays}));
  ASSERT_EQ(p.stages.size(), 3u);
  EXPECT_TRUE(p.stages[0].informal);
  for (const Stage& s : p.stages) {
    EXPECT_EQ(s.respond_within, (Duration{20, Unit::kWorkingDays})) << s.id;
    EXPECT_EQ(s.acknowledge_within, (Duration{3, Unit::kWorkingDays})) << s.id;
  }
  EXPECT_EQ(p.stages[1].request_within, (Duration{10, Unit::kWorkingDays}));
  EXPECT_EQ(p.stages[2].request_within, (Duration{10, Unit::kWorkingDays}));
  EXPECT_EQ(p.retention, (Duration{2, Unit::kYears}));
  EXPECT_FALSE(p.compliments.ask_permission_to_share);
}

TEST(SeedPolicies, NextSteps) {
  Policy p = Seed("next-steps");
  EXPECT_TRUE(p.anonymous_complaints);
  EXPECT_CONTAINS(p.anonymous_explanation.words, "cannot tell you directly");
  EXPECT_EQ(p.compliments.pass_on_within, (Duration{24, Unit::kHours}));
  EXPECT_EQ(p.compliments.acknowledge_within, (Duration{5, Unit::kWorkingDays}));
  EXPECT_TRUE(p.compliments.ask_permission_to_share);
  EXPECT_EQ(p.acknowledge_within, (Duration{5, Unit::kWorkingDays}));
  ASSERT_EQ(p.stages.size(), 3u);
  EXPECT_EQ(p.stages[0].respond_within, (Duration{25, Unit::kWorkingDays}));
  EXPECT_EQ(p.stages[1].respond_within, (Duration{28, Unit::kDays}));
  EXPECT_FALSE(p.stages[2].respond_within);
  EXPECT_EQ(p.external_bodies.size(), 2u);
}

}  // namespace
}  // namespace tellus
