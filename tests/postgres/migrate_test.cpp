// tellus-register migrate (issue 14, item 6): a SQLite register with 10,000 cases, their
// stages, audit, kiosk requests, a clash's receipt reference, purged cases' tombstones and
// an imported bundle moves to PostgreSQL; staff see the same `cases`, `report`, `kiosks`
// and `case show` before and after; a second run finds the same data and writes nothing;
// a target with other data is refused.
#include <gtest/gtest.h>

#include <functional>
#include <sstream>

#include "../sync/register_process.h"
#include "../sync/register_sql.h"
#include "core/reference.h"
#include "core/seal.h"
#include "sync/register/case_workflow.h"
#include "sync/register/open_storage.h"
#include "sync/register/register_keys.h"
#include "sync/register/register_migration.h"
#include "sync/register/staff_auth.h"

namespace tellus {
namespace {

using testing::RunRegister;

constexpr int kCases = 10000;

// What staff see; `case show` records its own viewing in the audit log it prints, so that
// one line (the moment of this very look) is left out of the comparison.
std::string StaffSees(const std::vector<std::string>& args, const std::string& db) {
  std::vector<std::string> full = args;
  full.push_back("--db");
  full.push_back(db);
  std::string out;
  EXPECT_EQ(RunRegister(full, &out), 0) << out;
  std::istringstream lines(out);
  std::string kept, line;
  while (std::getline(lines, line)) {
    if (line.find("  show  opened the sealed part") == std::string::npos) kept += line + "\n";
  }
  return kept;
}

TEST(Migrate, TenThousandCasesAndTheirAuditLookTheSameOnPostgres) {
  ASSERT_TRUE(testing::OnPostgres()) << "this test needs the throwaway cluster (TELLUS_TEST_POSTGRES)";
  InitSodium();
  testing::TempDir dir;
  std::string file = dir / "register.db", out;
  ASSERT_EQ(RunRegister({"init", "--db", file}, &out), 0) << out;
  std::vector<KioskIdentity> kiosks;
  for (const char* policy : {"seetec", "next-steps"}) {
    std::string path = dir / (std::string(policy) + ".json");
    ASSERT_EQ(RunRegister({"enroll-kiosk", "--db", file, "--name", policy, "--policy", policy, "--out", path}, &out), 0)
        << out;
    kiosks.push_back(LoadKioskIdentity(path));
  }

  // 10,000 cases over two kiosks and two policies, then staff at work on them.
  std::vector<std::string> samples;
  {
    auto storage = reg::OpenRegisterStorage(file);
    reg::PolicyBook policies(std::string(TELLUS_SOURCE_DIR) + "/assets/policies",
                             std::string(TELLUS_SOURCE_DIR) + "/assets/holidays");
    reg::CaseWorkflow workflow(*storage, policies);
    reg::RegisterKeys keys = reg::LoadRegisterKeys(reg::KeysPathFor(file));
    std::string hash = HashSecret(*NormaliseTrackingCode("ABCDE-FGHJK"));
    std::vector<reg::CaseRecord> all;
    for (int i = 1; i <= kCases; ++i) {
      const KioskIdentity& k = kiosks[static_cast<std::size_t>(i % 2)];
      std::string day = "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T10:00:00Z";
      auto made = testing::MakeItem(k, static_cast<std::uint64_t>(i), i % 2 ? "next-steps" : "seetec", &hash, day);
      if (i % 5 == 0) made.clear.kind = Kind::kCompliment;
      made.clear.anonymous = i % 3 != 0;
      all.push_back(workflow.NewCase({made.clear, made.sealed, made.tracking_hash}, k.kiosk_number,
                                     i % 4 ? Via::kNetwork : Via::kUsb));
    }
    for (std::size_t at = 0; at < all.size(); at += 500) {
      storage->Ingest(std::vector<reg::CaseRecord>(all.begin() + static_cast<long>(at),
                                                   all.begin() + static_cast<long>(at + 500)));
    }
    // An outbox recreated under the same identity: a receipt reference kept beside a new one.
    auto clash = testing::MakeItem(kiosks[0], 2, "seetec", &hash);
    storage->Ingest({workflow.NewCase({clash.clear, clash.sealed, clash.tracking_hash}, kiosks[0].kiosk_number, Via::kNetwork)});
    auto attempt = [](const std::function<void()>& action) {
      try {
        action();
      } catch (const reg::CaseError&) {   // not possible for this case (its kind or policy): staff would be told
      }
    };
    storage->Transaction([&] {
      for (int i = 1; i <= kCases; ++i) {
        const reg::CaseRecord& c = all[static_cast<std::size_t>(i - 1)];
        if (i % 2 == 0) attempt([&] { workflow.Acknowledge(c.reference, "alice"); });
        if (i % 7 == 0) {
          attempt([&] { workflow.Reply(c.reference, "We are sorry. Case " + std::to_string(i), "bob",
                                      i % 14 ? std::optional<ReplyChannel>(ReplyChannel::kPost) : std::nullopt); });
        }
        if (i % 11 == 0) attempt([&] { workflow.Close(c.reference, Outcome::kUpheld, "carol"); });
        if (i % 13 == 0 && i % 11 != 0) attempt([&] { workflow.Escalate(c.reference, "dave"); });
        if (i % 17 == 0 && i % 11 != 0) {
          proto::KioskRequest request{testing::NewRequestUuid(), c.reference, "", proto::RequestAction::kFeedback,
                                      "Thank you, case " + std::to_string(i)};
          workflow.HandleRequest(request, workflow.Require(c.reference), keys.box.public_key);
        }
        if (i % 997 == 0) {
          storage->DeleteCase(c.uuid);   // purged: a tombstone
          storage->Audit("erin", "purge", c.reference, "retention passed");
        }
      }
    });
    storage->RecordBundle("3f7a", kiosks[1].kiosk_number, 12, "2026-05-01T09:00:00Z");
    // Two staff accounts: a handler for one service, and an admin locked out after wrong passwords.
    auto staff = reg::OpenStaffStore(file);
    reg::StaffAccount handler{"hal", reg::StaffRole::kHandler, "seetec", "pluss", reg::HashPassword("a long enough secret"),
                              false, 0, 0, "2026-01-05T09:00:00Z"};
    reg::StaffAccount admin{"ada", reg::StaffRole::kAdmin, "", "", reg::HashPassword("another long secret"), false, 5,
                            1893456000, "2026-01-04T09:00:00Z"};
    ASSERT_TRUE(staff->AddStaff(handler));
    ASSERT_TRUE(staff->AddStaff(admin));
    for (int i : {2, 7, 11, 13, 17, 26, 34, 77, 143, 221, 4862, 9999}) {
      samples.push_back(all[static_cast<std::size_t>(i - 1)].reference);
    }
    samples.push_back(storage->FindCasesForReceipt(clash.clear.reference).back().reference);
  }

  std::vector<std::vector<std::string>> views = {{"cases", "--all"},
                                                 {"cases"},
                                                 {"cases", "--kind", "compliment", "--all"},
                                                 {"kiosks"},
                                                 {"staff", "list"},
                                                 {"report", "--from", "2026-01-01", "--to", "2026-12-31"},
                                                 {"report", "--from", "2026-03-01", "--to", "2026-03-31"}};
  for (const std::string& ref : samples) views.push_back({"case", "show", ref});
  for (const std::string& ref : samples) StaffSees({"case", "show", ref}, file);   // each look audited once before
  std::vector<std::string> before;
  for (const auto& v : views) before.push_back(StaffSees(v, file));
  ASSERT_NE(before[0].find(std::to_string(kCases - kCases / 997 + 1) + " case(s)"), std::string::npos)
      << before[0].substr(before[0].size() - 200);

  std::string url = testing::NewRegisterDb(dir, "target");
  ::setenv(reg::kKeysVariable, reg::KeysPathFor(file).c_str(), 1);   // the keys stay in their file
  ASSERT_EQ(RunRegister({"migrate", "--from", file, "--to", url}, &out), 0) << out;
  EXPECT_NE(out.find("migrated "), std::string::npos) << out;
  for (const char* table : {"cases", "stages", "audit", "requests", "tombstones", "receipt_references", "bundles", "kiosks",
                            "staff"}) {
    EXPECT_NE(out.find(table), std::string::npos) << table << " not reported: " << out;
  }
  EXPECT_NE(out.find(reg::KeysPathFor(file)), std::string::npos) << out;

  // Every table, counted and checksummed independently of migrate's own report.
  auto source = reg::RegisterChecksums(file), target = reg::RegisterChecksums(url);
  ASSERT_EQ(source.size(), target.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    EXPECT_EQ(source[i].source_rows, target[i].source_rows) << source[i].table;
    EXPECT_EQ(source[i].source_sha256, target[i].source_sha256) << source[i].table;
  }
  // Purged stays purged on the new engine: the tombstone's uuid is never stored again.
  auto pg = reg::OpenRegisterStorage(url);
  EXPECT_EQ(pg->CaseCount(), kCases - kCases / 997 + 1);

  // Run twice: the same data is there; nothing is written.
  ASSERT_EQ(RunRegister({"migrate", "--from", file, "--to", url}, &out), 0) << out;
  EXPECT_NE(out.find("already migrated"), std::string::npos) << out;
  EXPECT_EQ(reg::RegisterChecksums(url)[1].source_sha256, target[1].source_sha256);

  for (std::size_t i = 0; i < views.size(); ++i) {
    std::string after = StaffSees(views[i], url);
    EXPECT_EQ(after, before[i]) << views[i][0] << " " << (views[i].size() > 1 ? views[i][1] : "")
                                << (views[i].size() > 2 ? " " + views[i][2] : "");
  }
  // The staff sign in on the new engine with the passwords they had; a lock-out stays.
  auto moved_staff = reg::OpenStaffStore(url);
  EXPECT_EQ(reg::SignIn(*moved_staff, "hal", "a long enough secret", 1800000000).verdict, reg::SignInVerdict::kOk);
  EXPECT_EQ(reg::SignIn(*moved_staff, "ada", "another long secret", 1800000000).verdict, reg::SignInVerdict::kLocked);
  // A target with other data is refused and left as it was.
  pg->Audit("frank", "note", "", "written on PostgreSQL after the move");
  EXPECT_NE(RunRegister({"migrate", "--from", file, "--to", url}, &out), 0) << out;
  EXPECT_NE(out.find("other data"), std::string::npos) << out;
  EXPECT_EQ(pg->AuditLog("").back().actor, "frank");

  // Clear errors for the wrong kind of --from or --to.
  EXPECT_NE(RunRegister({"migrate", "--from", file, "--to", dir / "other.db"}, &out), 0);
  EXPECT_NE(out.find("give a PostgreSQL URL"), std::string::npos) << out;
  EXPECT_NE(RunRegister({"migrate", "--from", dir / "absent.db", "--to", url}, &out), 0);
  EXPECT_NE(out.find("absent.db"), std::string::npos) << out;
}

}  // namespace
}  // namespace tellus
