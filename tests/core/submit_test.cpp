// Committing a journey: a real temporary Store and a fresh register keypair.
#include "core/submit.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>

#include "core/reference.h"
#include "core/seal.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

namespace fs = std::filesystem;
using namespace testing_journey;
using ::testing::HasSubstr;
using ::testing::Not;

HolidayCalendar EnglandAndWales() {
  return HolidayCalendar::FromFolder(std::string(TELLUS_SOURCE_DIR) + "/assets/holidays", Division::kEnglandAndWales);
}

class SubmitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "tellus-submit-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    InitSodium();
    keys_ = NewBoxKeyPair();
    target_.kiosk_number = 7;
    target_.register_box_public_key = keys_.public_key;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A complaint walked to the consent screen, as the person typed it.
  static Driver ComplaintAtConsent(const Policy& policy, Answers answers = {}, Date today = D(2026, 11, 20)) {
    Driver d(policy, today);
    d.Choose("complaint");
    EXPECT_EQ(WalkTo(d, Step::kConsent, answers), Step::kConsent);
    return d;
  }

  fs::path dir_;
  BoxKeyPair keys_;
  SubmitTarget target_;
  std::chrono::sys_seconds sent_at_ = std::chrono::sys_days{D(2026, 11, 20)} + std::chrono::hours{10};
};

TEST_F(SubmitTest, CommittedRowOpensToWhatWasTyped) {
  Policy policy = SeetecLike();
  Store store = Store::Open((dir_ / "outbox.db").string());
  Driver d = ComplaintAtConsent(policy, {.contact = ContactPreference::kPhone});
  const PersonalPart expected = BuildSubmission(d.state(), policy).personal;

  Receipt receipt = CommitSubmission(d.state(), policy, EnglandAndWales(), store, target_, sent_at_, D(2026, 11, 20));

  std::vector<OutboxItem> items = store.Pending(10);
  ASSERT_EQ(items.size(), 1u);
  const OutboxItem& item = items[0];
  PersonalPart opened = OpenPersonal(item.sealed, keys_);
  EXPECT_EQ(opened, expected);
  EXPECT_EQ(opened.what_happened, "My appointment was cancelled twice with no call.");
  EXPECT_EQ(opened.person.name, "Sam Jones");
  EXPECT_EQ(opened.person.phone, "07700 900123");

  EXPECT_EQ(item.clear.uuid, receipt.uuid);
  EXPECT_EQ(item.clear.reference, receipt.reference);
  EXPECT_EQ(item.clear.submitted_at, "2026-11-20T10:00:00Z");
  EXPECT_EQ(item.clear.policy_id, policy.id);
  EXPECT_EQ(item.clear.kind, Kind::kComplaint);
  EXPECT_FALSE(item.clear.anonymous);
  EXPECT_EQ(item.clear.uuid.size(), 36u);
  EXPECT_EQ(item.clear.uuid[14], '4') << "a version 4 UUID";

  auto ref = ParseReference(receipt.reference, "SG");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->kiosk, 7u);
  EXPECT_TRUE(VerifySecret(item.tracking_hash, *NormaliseTrackingCode(receipt.tracking_code)));
  EXPECT_THAT(item.tracking_hash, Not(HasSubstr(receipt.tracking_code)));
}

TEST_F(SubmitTest, ClearPartHoldsNothingPersonal) {
  Policy policy = SeetecLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy, {.on_behalf = true, .contact = ContactPreference::kEmail});
  Receipt receipt = CommitSubmission(d.state(), policy, EnglandAndWales(), store, target_, sent_at_, D(2026, 11, 20));
  const std::string clear = ClearToJson(store.Pending(1).at(0).clear);
  for (const char* personal : {"Sam", "Jones", "sam@example.org", "Pat", "appointment", "lost a day", "apology"}) {
    EXPECT_THAT(clear, Not(HasSubstr(personal))) << personal;
  }
  EXPECT_THAT(clear, Not(HasSubstr(receipt.tracking_code)));
}

TEST_F(SubmitTest, ReferencesIncrease) {
  Policy policy = NextStepsLike();
  Store store = Store::Open((dir_ / "outbox.db").string());
  Driver d = ComplaintAtConsent(policy);
  std::vector<std::uint64_t> sequences;
  std::vector<std::string> uuids;
  for (int i = 0; i < 3; ++i) {
    Receipt r = CommitSubmission(d.state(), policy, EnglandAndWales(), store, target_, sent_at_, D(2026, 11, 20));
    auto ref = ParseReference(r.reference, "NS");
    ASSERT_TRUE(ref) << r.reference;
    sequences.push_back(ref->sequence);
    uuids.push_back(r.uuid);
  }
  EXPECT_LT(sequences[0], sequences[1]);
  EXPECT_LT(sequences[1], sequences[2]);
  EXPECT_NE(uuids[0], uuids[1]);
  EXPECT_EQ(store.PendingCount(), 3);
}

// Hand-worked: Seetec acknowledges in 3 working days and answers stage 1 in 20.
// Received Friday 20 November 2026: counting starts Monday 23 -> ack Wednesday 25
// November; 20 working days (no bank holidays) -> Friday 18 December.
TEST_F(SubmitTest, PromisedDatesFromThePolicy) {
  Policy policy = SeetecLike();
  PromisedDates dates = ComputePromisedDates(JourneyKind::kComplaint, policy, EnglandAndWales(), D(2026, 11, 20));
  EXPECT_EQ(dates.acknowledge_by, D(2026, 11, 25));
  EXPECT_EQ(dates.respond_by, D(2026, 12, 18));
}

// Over Christmas 2026: received Friday 18 December. Ack: 21, 22, 23 -> Wednesday 23
// December. Respond: 21-24 Dec (4); 25 Dec Christmas and 28 Dec (Boxing Day's
// substitute) skipped; 29-31 Dec (7); 1 Jan skipped; 4-8 Jan (12); 11-15 Jan (17);
// 18, 19, 20 Jan (20) -> Wednesday 20 January 2027.
TEST_F(SubmitTest, PromisedDatesOverChristmas) {
  Policy policy = SeetecLike();
  PromisedDates dates = ComputePromisedDates(JourneyKind::kComplaint, policy, EnglandAndWales(), D(2026, 12, 18));
  EXPECT_EQ(dates.acknowledge_by, D(2026, 12, 23));
  EXPECT_EQ(dates.respond_by, D(2027, 1, 20));
}

TEST_F(SubmitTest, ComplimentPromisesOnlyItsAcknowledgement) {
  Policy policy = NextStepsLike();
  PromisedDates dates = ComputePromisedDates(JourneyKind::kCompliment, policy, EnglandAndWales(), D(2026, 11, 20));
  EXPECT_EQ(dates.acknowledge_by, D(2026, 11, 27));
  EXPECT_FALSE(dates.respond_by);
}

TEST_F(SubmitTest, DoneScreenGetsTheDates) {
  Policy policy = SeetecLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy);
  d.Do(ev::Send{});
  const auto* effect = d.Find<fx::CommitSubmission>();
  ASSERT_NE(effect, nullptr);
  JourneyEvent result = CommitAsEvent(d.state(), policy, EnglandAndWales(), store, target_, *effect);
  ASSERT_TRUE(std::holds_alternative<ev::CommitSucceeded>(result));
  d.Do(result);
  ASSERT_EQ(d.step(), Step::kDone);
  EXPECT_EQ(d.state().receipt->acknowledge_by, D(2026, 11, 25));
  EXPECT_EQ(d.state().receipt->respond_by, D(2026, 12, 18));
  EXPECT_TRUE(d.state().personal.what_happened.empty()) << "wiped once it is safely stored";
}

TEST_F(SubmitTest, AnonymousComplaintSealsNoName) {
  Policy policy = NextStepsLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy, {.anonymous = true});
  Receipt receipt = CommitSubmission(d.state(), policy, EnglandAndWales(), store, target_, sent_at_, D(2026, 11, 20));
  EXPECT_TRUE(receipt.anonymous);
  EXPECT_FALSE(receipt.tracking_code.empty()) << "an anonymous person still gets a receipt";
  OutboxItem item = store.Pending(1).at(0);
  EXPECT_TRUE(item.clear.anonymous);
  PersonalPart opened = OpenPersonal(item.sealed, keys_);
  EXPECT_TRUE(opened.person.anonymous);
  EXPECT_TRUE(opened.person.name.empty());
  EXPECT_FALSE(opened.what_happened.empty());
}

// Issue 13 item 16: a time to the second and a kiosk number could be matched to CCTV or
// a visitor book; an anonymous submission keeps only the day it was sent (the office's day).
TEST_F(SubmitTest, AnAnonymousSubmissionKeepsOnlyTheDayInClear) {
  Policy policy = NextStepsLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy, {.anonymous = true});
  auto late_evening = std::chrono::sys_days{D(2026, 6, 19)} + std::chrono::hours{23} + std::chrono::minutes{30};
  CommitSubmission(d.state(), policy, EnglandAndWales(), store, target_, late_evening, D(2026, 6, 20));
  OutboxItem item = store.Pending(1).at(0);
  EXPECT_EQ(item.clear.submitted_at, "2026-06-20") << "the local day (BST), no time";
  EXPECT_THAT(ClearToJson(item.clear), Not(HasSubstr("23:30")));
  EXPECT_THAT(ClearToJson(item.clear), Not(HasSubstr("T")));
  EXPECT_EQ(item.created_at.size(), 10u) << "the outbox row keeps the day too: " << item.created_at;

  Driver named = ComplaintAtConsent(policy);
  CommitSubmission(named.state(), policy, EnglandAndWales(), store, target_, late_evening, D(2026, 6, 20));
  EXPECT_EQ(store.Pending(2).at(1).clear.submitted_at, "2026-06-19T23:30:00Z") << "a named case keeps its time";
}

TEST_F(SubmitTest, FailureIsAnEventAndNothingIsStored) {
  Policy policy = SeetecLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy);
  d.Do(ev::Send{});
  SubmitTarget bad = target_;
  bad.kiosk_number = 0;
  JourneyEvent result = CommitAsEvent(d.state(), policy, EnglandAndWales(), store, bad, *d.Find<fx::CommitSubmission>());
  ASSERT_TRUE(std::holds_alternative<ev::CommitFailed>(result));
  EXPECT_EQ(store.PendingCount(), 0);
  EXPECT_THAT(std::get<ev::CommitFailed>(result).message, Not(HasSubstr("Sam")));
  d.Do(result);
  EXPECT_EQ(d.step(), Step::kConsent);
  EXPECT_EQ(d.state().notice, Notice::kCommitFailed);
  EXPECT_EQ(d.state().personal.person.name, "Sam Jones");
}

// The journey's clock is Friday 21 December 2029, past the last holiday file (2028): the
// complaint is saved and the done screen gets dates counted over projected holidays
// (Christmas 25 and 26, New Year's Day): 24 1 | 27 2 | 28 3 -> acknowledge Friday 28
// December; 31 4 | 2 Jan 5 | ... | 23 Jan 20 -> answer Wednesday 23 January 2030.
TEST_F(SubmitTest, SavesPastTheHolidayFilesWithProjectedDates) {
  Policy policy = SeetecLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy, {}, D(2029, 12, 21));
  d.Do(ev::Send{});
  const auto* effect = d.Find<fx::CommitSubmission>();
  ASSERT_NE(effect, nullptr);
  EXPECT_EQ(effect->received, D(2029, 12, 21));
  JourneyEvent result = CommitAsEvent(d.state(), policy, EnglandAndWales(), store, target_, *effect);
  ASSERT_TRUE(std::holds_alternative<ev::CommitSucceeded>(result))
      << std::get<ev::CommitFailed>(result).message;
  d.Do(result);
  ASSERT_EQ(d.step(), Step::kDone);
  EXPECT_EQ(store.PendingCount(), 1);
  EXPECT_EQ(store.Pending(1).at(0).clear.submitted_at, "2029-12-21T10:00:00Z");
  EXPECT_EQ(d.state().receipt->acknowledge_by, D(2029, 12, 28));
  EXPECT_EQ(d.state().receipt->respond_by, D(2030, 1, 23));
}

// A clock set before the published data (no calendar there): still saved, with no dates
// promised rather than wrong ones; the register works out its own.
TEST_F(SubmitTest, SavesBeforeTheHolidayDataWithoutDates) {
  Policy policy = SeetecLike();
  Store store = Store::Open(":memory:");
  Driver d = ComplaintAtConsent(policy, {}, D(2019, 6, 3));
  d.Do(ev::Send{});
  JourneyEvent result =
      CommitAsEvent(d.state(), policy, EnglandAndWales(), store, target_, *d.Find<fx::CommitSubmission>());
  ASSERT_TRUE(std::holds_alternative<ev::CommitSucceeded>(result));
  d.Do(result);
  ASSERT_EQ(d.step(), Step::kDone);
  EXPECT_EQ(store.PendingCount(), 1);
  EXPECT_FALSE(d.state().receipt->acknowledge_by);
  EXPECT_FALSE(d.state().receipt->respond_by);
}

TEST_F(SubmitTest, StoreThatCannotWriteFails) {
  Policy policy = SeetecLike();
  const fs::path path = dir_ / "outbox.db";
  Driver d = ComplaintAtConsent(policy);
  {
    Store store = Store::Open(path.string());
    // Another connection holds the write lock: the store's commit cannot happen.
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(path.string().c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    d.Do(ev::Send{});
    JourneyEvent result =
        CommitAsEvent(d.state(), policy, EnglandAndWales(), store, target_, *d.Find<fx::CommitSubmission>());
    EXPECT_TRUE(std::holds_alternative<ev::CommitFailed>(result));
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_EQ(store.PendingCount(), 0);
  }
}

}  // namespace
}  // namespace tellus
