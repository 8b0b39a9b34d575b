// The staff queue's one-query SQLite answer agrees with the order worked out from full
// records (QueueFromCases), for every scope, filter and page.
#include <gtest/gtest.h>

#include "register_process.h"
#include "sync/register/case_workflow.h"
#include "sync/register/open_storage.h"

namespace tellus::reg {
namespace {

std::vector<std::string> References(const QueuePage& page) {
  std::vector<std::string> out;
  for (const QueueEntry& e : page.entries) out.push_back(e.reference);
  return out;
}

TEST(StaffQueue, SqliteOrderMatchesTheReferenceOrderForEveryScopeFilterAndPage) {
  testing::RegisterFixture f;
  auto storage = OpenRegisterStorage(f.db);
  PolicyBook policies(std::string(TELLUS_SOURCE_DIR) + "/assets/policies",
                      std::string(TELLUS_SOURCE_DIR) + "/assets/holidays");
  const UtcTime now = *ParseIsoUtc("2026-11-02T10:00:00Z");
  CaseWorkflow workflow(*storage, policies, [&] { return now; });
  const Policy seetec = LoadPolicy("seetec", std::string(TELLUS_SOURCE_DIR) + "/assets/policies");
  std::vector<CaseRecord> made;
  for (int i = 1; i <= 24; ++i) {
    const std::string day = "2026-10-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "T09:00:00Z";
    auto item = testing::MakeItem(f.identity, static_cast<std::uint64_t>(i), "seetec", nullptr, day);
    item.clear.service_id = seetec.services[static_cast<std::size_t>(i) % 3].id;
    item.clear.urgent = i % 7 == 0;
    item.clear.help_to_write = i % 5 == 0;
    made.push_back(workflow.NewCase({item.clear, item.sealed, item.tracking_hash}, f.identity.kiosk_number, Via::kNetwork));
  }
  storage->Ingest(made);
  workflow.Acknowledge(made[1].reference, "t");
  workflow.Acknowledge(made[2].reference, "t");
  workflow.Reply(made[2].reference, "answered", "t");
  workflow.Extend(made[3].reference, ParseIsoDate("2026-12-24"), "waiting for a witness", "t");
  workflow.Escalate(made[4].reference, "t");
  workflow.Close(made[5].reference, Outcome::kUpheld, "t");

  CaseFilter open;
  open.open_only = true;
  const std::vector<CaseRecord> open_cases = storage->Cases(open);
  ASSERT_EQ(open_cases.size(), 23u);
  std::vector<QueueQuery> queries(1);
  queries.push_back({.scope_service = seetec.services[1].id});
  queries.push_back({.scope_policy = "seetec", .scope_service = seetec.services[2].id, .stage = "stage-1"});
  queries.push_back({.stage = "stage-2"});
  queries.push_back({.policy = "next-steps"});
  queries.push_back({.offset = 5, .limit = 5});
  queries.push_back({.offset = 40, .limit = 5});
  for (const QueueQuery& q : queries) {
    const QueuePage fast = storage->OpenQueue(q), slow = QueueFromCases(open_cases, q);
    EXPECT_EQ(References(fast), References(slow)) << "scope " << q.scope_service << " stage " << q.stage;
    EXPECT_EQ(fast.total, slow.total);
    EXPECT_EQ(fast.services, slow.services);
    EXPECT_EQ(fast.stages, slow.stages);
    for (std::size_t i = 0; i < fast.entries.size() && i < slow.entries.size(); ++i) {
      EXPECT_EQ(fast.entries[i].next_due, slow.entries[i].next_due) << fast.entries[i].reference;
      EXPECT_EQ(fast.entries[i].what_due, slow.entries[i].what_due) << fast.entries[i].reference;
      EXPECT_EQ(fast.entries[i].help_to_write, slow.entries[i].help_to_write);
    }
  }
  const QueuePage all = storage->OpenQueue({});
  ASSERT_FALSE(all.entries.empty());
  EXPECT_TRUE(all.entries[0].urgent) << "urgent cases come first";
  EXPECT_EQ(all.total, 23u);
  EXPECT_EQ(all.entries.size(), 23u < 50u ? 23u : 50u);
  bool seen_plain = false;
  for (const QueueEntry& e : all.entries) {
    if (!e.urgent && !e.help_to_write) seen_plain = true;
    EXPECT_FALSE(seen_plain && (e.urgent || e.help_to_write)) << e.reference << " is ranked below a plain case";
  }
}

}  // namespace
}  // namespace tellus::reg
