// A case sent past the published bank holidays: the register works out its own dates by
// the projected calendar and marks them for staff (case show, cases). The cases are made
// by the register's workflow on a clock set to their day (a kiosk's send time in the future
// of the register's own clock is flagged and counted from arrival: submission_checks_test),
// then shown by the real register binary.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/register/case_workflow.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::RegisterFixture;
using testing::RunRegister;

// Seetec (England and Wales), sent Friday 21 December 2029: acknowledge in 3 working days
// (24 1 | [25 26 projected] | 27 2 | 28 3), answer in 20 (... | [1 Jan 2030] | ... | 23 Jan 20).
// The other case, sent Thursday 1 June 2028, lies wholly in the published data.
TEST(RegisterProjectedDates, CaseShowAndCasesMarkDatesOnProjectedHolidays) {
  RegisterFixture f("seetec");
  auto late = testing::MakeItem(f.identity, 1, "seetec", nullptr, "2029-12-21T10:00:00Z");
  auto published = testing::MakeItem(f.identity, 2, "seetec", nullptr, "2028-06-01T10:00:00Z");
  {
    auto storage = reg::OpenRegisterStorage(f.db);
    reg::PolicyBook policies(std::string(TELLUS_SOURCE_DIR) + "/assets/policies",
                             std::string(TELLUS_SOURCE_DIR) + "/assets/holidays");
    for (const auto* item : {&late, &published}) {
      const UtcTime arrived = *ParseIsoUtc(item->clear.submitted_at);
      reg::CaseWorkflow workflow(*storage, policies, [arrived] { return arrived; });
      storage->Ingest({workflow.NewCase({item->clear, item->sealed, item->tracking_hash}, f.identity.kiosk_number,
                                        Via::kNetwork)});
    }
  }

  std::string out;
  ASSERT_EQ(RunRegister({"case", "show", late.clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_EQ(out.find("NO DEADLINES"), std::string::npos) << out;
  EXPECT_NE(out.find("ack by 2029-12-28 (projected)  answer by 2030-01-23 (projected)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("(projected): counts bank holidays after the published GOV.UK data"), std::string::npos) << out;

  ASSERT_EQ(RunRegister({"case", "show", published.clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("ack by 2028-06-06  answer by 2028-06-29\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("projected"), std::string::npos) << out;

  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  const std::size_t late_row = out.find(late.clear.reference), published_row = out.find(published.clear.reference);
  ASSERT_NE(late_row, std::string::npos) << out;
  ASSERT_NE(published_row, std::string::npos) << out;
  const std::string late_line = out.substr(late_row, out.find('\n', late_row) - late_row);
  const std::string published_line = out.substr(published_row, out.find('\n', published_row) - published_row);
  EXPECT_NE(late_line.find("2029-12-28  2030-01-23  PROJECTED"), std::string::npos) << late_line;
  EXPECT_EQ(published_line.find("PROJECTED"), std::string::npos) << published_line;
}

}  // namespace
}  // namespace tellus
