// Issue 13 item 9: the --a11y-dump file never holds what a person typed, on any screen:
// the questions they type into, the review (with its "See all" views) and consent
// included. The real app writes the file (KioskApp::SetDumpPath) as the kiosk does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus::testing {
namespace {

using testing_journey::Answers;
using namespace testing_ui;

struct TempFolder {
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tellus-dump-XXXXXX").string();
    EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
    path = pattern;
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
  std::string path;
};

// Everything ui_walk.h types on the way (TypeInto), each distinctive enough that the
// screens' own words never contain it.
const char* const kTyped[] = {"Amira", "Nobody called me back", "Worried", "Sam Jones", "sam@example.org",
                              "Patient"};

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void ExpectNothingTyped(Harness& h, const std::string& path, const std::string& where) {
  h.Frame(2);
  std::string dump = Read(path);
  ASSERT_FALSE(dump.empty()) << where;
  for (const char* typed : kTyped) EXPECT_EQ(dump.find(typed), std::string::npos) << typed << " in the dump on " << where;
}

void WalkAndCheck(Harness& h, const std::string& path, const Answers& answers) {
  for (int i = 0; i < 60; ++i) {
    std::string where = h.app().ScreenName();
    ExpectNothingTyped(h, path, where);
    if (StepOf(h) == Step::kReview) {
      // Each "See all" view shows one answer whole.
      for (const ui::Node& n : std::vector<ui::Node>(h.Nodes())) {
        if (n.id.rfind("review.see_all.", 0) != 0) continue;
        TapId(h, n.id);
        ExpectNothingTyped(h, path, "review, see all " + n.id);
        TapId(h, "button.close_all");
      }
    }
    if (!UiAnswer(h, answers)) break;
  }
}

TEST(A11yDump, NeverHoldsWhatWasTypedOnAnyScreen) {
  for (const char* policy : {"seetec", "next-steps"}) {
    SCOPED_TRACE(policy);
    TempFolder dir;
    std::string path = dir.path + "/a11y.json";
    HarnessOptions options;
    options.policy_id = policy;
    Harness h(options);
    h.app().SetDumpPath(path);
    h.Frame(2);
    TapId(h, "choice.welcome.complaint");
    WalkAndCheck(h, path, {});
    EXPECT_EQ(StepOf(h), Step::kConsent);
    ExpectNothingTyped(h, path, "consent");
    Tap(h, "Send", ui::Role::kButton);
    ExpectNothingTyped(h, path, "done");
  }
}

}  // namespace
}  // namespace tellus::testing
