// tellus-register check-policy and deadlines, run as the real binary.
#include <gtest/gtest.h>

#include "register_process.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using tellus::testing::TempDir;

const std::string kSource = TELLUS_SOURCE_DIR;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs tellus-register with the arguments; stdout and stderr captured separately.
Result RunCli(const std::vector<std::string>& args) {
  Result r;
  r.code = tellus::testing::RunProgram(tellus::testing::RegisterBinary(), args, &r.out, &r.err);
  return r;
}

void WriteFile(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

std::string Seed(const std::string& id) { return kSource + "/assets/policies/" + id + ".toml"; }

// A seed policy file's text, to edit into a broken one.
std::string SeedText(const std::string& id) {
  std::ifstream seed(Seed(id));
  std::stringstream text;
  text << seed.rdbuf();
  return text.str();
}

TEST(CheckPolicyCli, EverySeedPolicyIsOk) {
  Result r = RunCli({"check-policy", Seed("steps-to-work"), Seed("works-for-us"), Seed("stepping-stones"), Seed("seetec"),
                  Seed("next-steps")});
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string review = " (words not yet checked by a native speaker: cy es fr lt pl pt ro uk)\n";
  EXPECT_EQ(r.out, "ok steps-to-work" + review + "ok works-for-us" + review + "ok stepping-stones" + review + "ok seetec" +
                       review + "ok next-steps" + review);
  EXPECT_EQ(r.err, "");
}

// The policy's words in every catalog language (core/policy_language.h): a gap fails the
// check, named by file, line, language and key.
TEST(CheckPolicyCli, AMissingTranslationIsNamedByLanguageFileAndKey) {
  TempDir dir;
  fs::copy_file(Seed("seetec"), dir / "seetec.toml");
  fs::copy(kSource + "/assets/policies/seetec", dir / "seetec", fs::copy_options::recursive);
  const std::string polish = dir / "seetec/pl.toml";
  std::ifstream in(polish);
  std::stringstream text;
  text << in.rdbuf();
  std::string words = text.str();
  const std::string line = "question = \"Czy pracujesz dla Seetec?\"\n";
  ASSERT_NE(words.find(line), std::string::npos);
  words.erase(words.find(line), line.size());
  in.close();
  WriteFile(polish, words);
  WriteFile(dir / "seetec/de.toml", "needs_review = true\n");

  Result r = RunCli({"check-policy", dir / "seetec.toml"});
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(polish + ":1: eligibility.colleague.questions[0].question: missing-translation: missing (en-GB: "
                                "\"Do you work for Seetec?\")"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(dir / "seetec/de.toml:1: (file): unknown-language: no catalog easyread/lang/de"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 of 1 policy file failed the check"), std::string::npos) << r.err;
}

TEST(CheckPolicyCli, BadFileIsNamedWithLineAndKeyAndFails) {
  TempDir dir;
  std::string policy = SeedText("seetec");
  std::string from = "respond_within = \"20 working days\"";
  std::size_t at = policy.rfind(from);
  ASSERT_NE(at, std::string::npos);
  policy.replace(at, from.size(), "respond_within = \"twenty days\"");
  int line = 1 + static_cast<int>(std::count(policy.begin(), policy.begin() + static_cast<long>(at), '\n'));
  std::string bad = dir / "seetec-broken.toml";
  WriteFile(bad, policy);

  Result r = RunCli({"check-policy", Seed("next-steps"), bad});
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.out, "ok next-steps (words not yet checked by a native speaker: cy es fr lt pl pt ro uk)\n");
  std::string expected = "seetec-broken.toml:" + std::to_string(line) +
                         ": stages[2].respond_within: \"twenty days\" is not a duration";
  EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;

  Result missing = RunCli({"check-policy", dir / "absent.toml"});
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("absent.toml"), std::string::npos) << missing.err;
}

// The Easy Read rules of the catalogs hold for a policy's Easy Read texts too.
TEST(CheckPolicyCli, TwentyWordQuestionIsRejectedWithFileLineAndRule) {
  const std::string fixture = kSource + "/tests/fixtures/policies/long-question.toml";
  Result r = RunCli({"check-policy", fixture});
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(fixture + ":18: eligibility[0].easy_read[0]: sentence-length: 20 words (at most 15)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 of 1 policy file failed the check"), std::string::npos) << r.err;
}

TEST(CheckPolicyCli, EasyReadFaultsAreNamedByRule) {
  TempDir dir;
  std::string policy = SeedText("next-steps");
  auto replace = [&](const std::string& from, const std::string& to) {
    std::size_t at = policy.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    policy.replace(at, from.size(), to);
  };
  replace("{ text = \"We cannot ask you for more details.\", picture = \"ask\" }",
          "{ text = \"We will investigate it.\", picture = \"question\" }");
  replace("{ text = \"You do not have to give your name.\", picture = \"name\" }",
          "{ text = \"You do not have to give your name, and we will still listen.\", picture = \"no-such-picture\" }");
  replace("{ id = \"support\", name = \"The support I get\", picture = \"advocate\" }",
          "{ id = \"support\", name = \"The support I get\" }");
  WriteFile(dir / "next-steps.toml", policy);
  Result r = RunCli({"check-policy", dir / "next-steps.toml"});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("anonymous.explanation_easy_read[3]: hard-word: 'investigate'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("anonymous.explanation_easy_read[0]: joined-ideas: \", and\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("anonymous.explanation_easy_read[0]: unknown-pictogram: 'no-such-picture'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("categories[0]: missing-pictogram"), std::string::npos) << r.err;
}

// The promise fields (other places to go, safeguarding, own-choice figures, withdrawal,
// Seetec 2.3.5) are checked like the rest: file:line: key: what.
TEST(CheckPolicyCli, PromiseFieldsAreNamedWithFileLineAndKey) {
  TempDir dir;
  std::string policy = SeedText("stepping-stones");
  auto line_of = [&](const std::string& part) {
    std::size_t at = policy.find(part);
    EXPECT_NE(at, std::string::npos) << part;
    return std::to_string(1 + std::count(policy.begin(), policy.begin() + static_cast<long>(at), '\n'));
  };
  auto replace = [&](const std::string& from, const std::string& to) {
    std::size_t at = policy.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    policy.replace(at, from.size(), to);
  };
  replace("retention_own_choice = true", "retention_own_choice = \"yes\"");
  replace("post_received_after = \"2 working days\"", "post_received_after = \"by return\"\nwithdrawal = \"maybe\"");
  replace("picture = \"school\"", "picture = \"no-such-picture\"");
  replace("{ text = \"You can go to them at any time.\", picture = \"calendar\" }",
          "{ text = \"You can investigate it with them at any time.\", picture = \"calendar\" }");
  replace("tell_staff = \"Please tell a member of staff now.", "tell_staf = \"Please tell a member of staff now.");
  replace("name = \"Ofsted\"\nphone = \"0300 123 1231\"", "phone = \"0300 123 1231\"");
  const std::string own = line_of("retention_own_choice"), post = line_of("post_received_after"),
                    withdrawal = line_of("withdrawal = "), staf = line_of("tell_staf ="),
                    safeguarding = line_of("[safeguarding]");
  WriteFile(dir / "stepping-stones.toml", policy);
  const std::string file = dir / "stepping-stones.toml";
  Result r = RunCli({"check-policy", file});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find(file + ":" + own + ": retention_own_choice: expected true or false, found a string"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file + ":" + post + ": post_received_after: \"by return\" is not a duration"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file + ":" + withdrawal + ": withdrawal: \"maybe\" is not known"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":" + staf + ": safeguarding.tell_staf: unknown key"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":" + safeguarding + ": safeguarding.tell_staff: missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("safeguarding.contacts[0].name: missing"), std::string::npos) << r.err;

  // Loading errors first; the Easy Read rules once it loads.
  policy = SeedText("stepping-stones");
  replace("picture = \"school\"", "picture = \"no-such-picture\"");
  replace("{ text = \"You can go to them at any time.\", picture = \"calendar\" }",
          "{ text = \"You can investigate it with them at any time.\", picture = \"calendar\" }");
  replace("tell_staff_easy_read = [\n  { text = \"Please tell a member of staff now.\", picture = \"staff\" },\n", "tell_staff_easy_read = [\n");
  replace("handling_easy_read = [{ text = \"We give your thank you to the people it is about.\", picture = \"heart\" }]\n", "");
  WriteFile(file, policy);
  r = RunCli({"check-policy", file});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("external_bodies[1].picture: unknown-pictogram: 'no-such-picture'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("external_bodies[0].when_easy_read[0]: hard-word: 'investigate'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("compliments.handling: missing-easy-read"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("tell_staff_easy_read: missing"), std::string::npos) << "still two sentences left";

  // Seetec 2.3.5: a rule asked about someone who has died needs a question that says so.
  policy = SeedText("seetec");
  const std::string asked = line_of("asked_when = \"deceased\"");
  replace("marks = \"deceased\"\n", "");
  WriteFile(dir / "seetec.toml", policy);
  r = RunCli({"check-policy", dir / "seetec.toml"});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("seetec.toml:" + std::to_string(std::stoi(asked) - 1) + ": eligibility[2].asked_when: \"deceased\" is never answered"),
            std::string::npos)
      << r.err;
}

// The same hand-worked dates as tests/core/deadlines_test.cpp, through the binary: received
// Wednesday 23 December 2026 (Christmas Friday, Boxing Day Saturday -> Monday 28, New Year Friday).
TEST(DeadlinesCli, EverySeedPolicyOverChristmas2026) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"steps-to-work",
       "acknowledge 2027-01-04\nstage-1.respond 2027-01-11\nstage-2.respond 2027-01-11\nstage-3.respond 2027-01-18\n"},
      {"works-for-us", "acknowledge 2026-12-24\nfirst-review.respond 2027-01-20\nsecond-review.respond 2027-01-20\n"},
      {"stepping-stones", "acknowledge 2027-01-04\nstage-1.respond 2027-01-12\nstage-2.respond 2027-01-20\n"},
      {"seetec",
       "acknowledge 2026-12-30\nstage-1.respond 2027-01-25\nstage-2.respond 2027-01-25\nstage-3.respond 2027-01-25\n"},
      {"next-steps", "acknowledge 2027-01-04\nresponse.respond 2027-02-01\nsecond-response.respond 2027-01-20\n"},
  };
  for (const auto& [id, expected] : cases) {
    Result r = RunCli({"deadlines", "--policy", id, "--received", "2026-12-23"});
    EXPECT_EQ(r.code, 0) << id << ": " << r.err;
    EXPECT_EQ(r.out, expected) << id;
  }
}

// Easter 2027 (Good Friday 26 March, Easter Monday 29 March, Early May Monday 3 May), by file path.
TEST(DeadlinesCli, EverySeedPolicyOverEaster2027ByPath) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"steps-to-work",
       "acknowledge 2027-04-05\nstage-1.respond 2027-04-12\nstage-2.respond 2027-04-12\nstage-3.respond 2027-04-19\n"},
      {"works-for-us", "acknowledge 2027-03-30\nfirst-review.respond 2027-04-22\nsecond-review.respond 2027-04-22\n"},
      {"stepping-stones", "acknowledge 2027-04-05\nstage-1.respond 2027-04-14\nstage-2.respond 2027-04-22\n"},
      {"seetec",
       "acknowledge 2027-04-01\nstage-1.respond 2027-04-26\nstage-2.respond 2027-04-26\nstage-3.respond 2027-04-26\n"},
      {"next-steps", "acknowledge 2027-04-05\nresponse.respond 2027-05-04\nsecond-response.respond 2027-04-22\n"},
  };
  for (const auto& [id, expected] : cases) {
    Result r = RunCli({"deadlines", "--policy", Seed(id), "--received", "2027-03-25"});
    EXPECT_EQ(r.code, 0) << id << ": " << r.err;
    EXPECT_EQ(r.out, expected) << id;
  }
}

// --assets points at another folder: a Scottish policy there keeps 2nd January (Mon 3, Tue 4 Jan 2028).
TEST(DeadlinesCli, AssetsOverrideAndScotland) {
  TempDir dir;
  fs::create_directories(dir / "holidays");
  fs::copy_file(kSource + "/assets/holidays/bank-holidays.json", dir / "holidays/bank-holidays.json");
  WriteFile(dir / "policies/scottish-test.toml",
            "organisation = \"Scottish test\"\nreference_prefix = \"ST\"\ndivision = \"scotland\"\n"
            "acknowledge_within = \"5 working days\"\nservices = []\ncategories = []\n"
            "[anonymous]\ncomplaints = true\nexplanation = \"We cannot write to you.\"\n"
            "[[stages]]\nid = \"stage-1\"\nname = \"Stage 1\"\nhandled_by = \"A manager\"\n"
            "respond_within = \"20 working days\"\n");
  Result r = RunCli({"deadlines", "--assets", dir.path(), "--policy", "scottish-test", "--received", "2027-12-22"});
  EXPECT_EQ(r.code, 0) << r.err;
  // 23 1 | 24 2 | 27, 28 Christmas substitutes | 29 3 | 30 4 | 31 5; then 3, 4 Jan holidays ... 25 Jan 20.
  EXPECT_EQ(r.out, "acknowledge 2027-12-31\nstage-1.respond 2028-01-25\n");
  Result england = RunCli({"deadlines", "--policy", "seetec", "--received", "2027-12-22"});
  EXPECT_NE(england.out.find("stage-1.respond 2028-01-24\n"), std::string::npos) << england.out;
}

TEST(DeadlinesCli, BadInputIsAClearError) {
  Result bad_date = RunCli({"deadlines", "--policy", "seetec", "--received", "2026-02-30"});
  EXPECT_NE(bad_date.code, 0);
  EXPECT_EQ(bad_date.out, "");
  EXPECT_NE(bad_date.err.find("'2026-02-30' is not a date"), std::string::npos) << bad_date.err;

  // Before the published data (after it, dates are projected: deadlines_projected_test.cpp).
  Result before = RunCli({"deadlines", "--policy", "seetec", "--received", "2023-12-20"});
  EXPECT_NE(before.code, 0);
  EXPECT_EQ(before.out, "");
  EXPECT_NE(before.err.find("outside the bank holiday data"), std::string::npos) << before.err;

  Result unknown = RunCli({"deadlines", "--policy", "no-such-org", "--received", "2026-12-23"});
  EXPECT_NE(unknown.code, 0);
  EXPECT_NE(unknown.err.find("no-such-org"), std::string::npos) << unknown.err;

  TempDir dir;
  Result no_holidays = RunCli({"deadlines", "--assets", dir.path(), "--policy", Seed("seetec"), "--received",
                            "2026-12-23"});
  EXPECT_NE(no_holidays.code, 0);
  EXPECT_NE(no_holidays.err.find("holidays"), std::string::npos) << no_holidays.err;
}

}  // namespace
