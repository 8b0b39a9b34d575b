// Staff see when it happened as the person said it: one day, or the span they chose
// ("2 to 4 weeks ago"), never a made-up exact day. Real register binary, loopback.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/client/register_client.h"
#include "sync/register/open_storage.h"

namespace tellus {
namespace {

using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;

TEST(RegisterIncident, CaseShowGivesTheSpanOrTheDay) {
  RegisterFixture f("seetec");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  auto span = testing::MakeItem(f.identity, 1, "seetec", nullptr, reg::IsoNow());
  span.clear.incident = IncidentPeriod{ParseIsoDate("2026-10-24"), ParseIsoDate("2026-11-09")};
  auto day = testing::MakeItem(f.identity, 2, "seetec", nullptr, reg::IsoNow());
  day.clear.incident = IncidentPeriod{ParseIsoDate("2026-03-17"), ParseIsoDate("2026-03-17")};
  sync::RegisterClient kiosk(f.identity);
  ASSERT_EQ(kiosk.Submit({{{span.clear, span.sealed, span.tracking_hash}, {day.clear, day.sealed, day.tracking_hash}}, 0})
                .accepted.size(),
            2u);

  std::string out;
  ASSERT_EQ(RunRegister({"case", "show", span.clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("happened      between 2026-10-24 and 2026-11-09 (a span they chose, no exact day)"),
            std::string::npos)
      << out;
  ASSERT_EQ(RunRegister({"case", "show", day.clear.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("happened      2026-03-17\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
