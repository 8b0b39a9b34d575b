// "Print my receipt" in the journey: the core decides (offered only with a printer, once
// at a time, the slip holding the screen's own codes and dates), the kiosk prints and
// answers, and the answer is told plainly without ever taking the receipt off the screen.
#include <gtest/gtest.h>

#include "core/reference.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using namespace testing_journey;

// At done after a named complaint, on a kiosk with (or without) a printer.
Driver& Done(Driver& d, bool printer = true) {
  d.mutable_state().printer = printer;
  d.Choose("complaint");
  EXPECT_EQ(WalkTo(d, Step::kConsent), Step::kConsent);
  d.Do(ev::Send{});
  Receipt r{"uuid", "SG-0070-002Z", "XHWTS-15AW5", D(2026, 11, 20), D(2026, 11, 25), D(2026, 12, 18),
            JourneyKind::kComplaint, false};
  d.Do(ev::CommitSucceeded{r});
  EXPECT_EQ(d.step(), Step::kDone);
  return d;
}

TEST(JourneyPrint, NothingPrintsWithoutAPrinterOrUnasked) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Done(d, false);
  for (const auto& e : d.all_effects()) EXPECT_FALSE(std::holds_alternative<fx::PrintReceipt>(e));
  d.Do(ev::Print{});
  EXPECT_FALSE(d.Emitted<fx::PrintReceipt>());
  EXPECT_EQ(d.state().print_status, PrintStatus::kNone);
}

TEST(JourneyPrint, TheSlipHoldsTheReceiptsCodesAndTheDoneScreensDates) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Done(d);
  d.Do(ev::Print{});
  const fx::PrintReceipt* print = d.Find<fx::PrintReceipt>();
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->language, "en-GB");
  EXPECT_EQ(print->slip.organisation, policy.organisation);
  EXPECT_EQ(print->slip.reference, "SG-0070-002Z");
  EXPECT_EQ(print->slip.tracking_code, "XHWTS-15AW5");
  EXPECT_EQ(print->slip.received, D(2026, 11, 20));
  ASSERT_EQ(print->slip.next.size(), 2u);
  EXPECT_EQ(print->slip.next[0], (SlipSentence{"done.ack", D(2026, 11, 25), {}}));
  EXPECT_EQ(print->slip.next[1], (SlipSentence{"done.respond", D(2026, 12, 18), {}}));
  EXPECT_EQ(print->slip.check_back.size(), 3u);
  EXPECT_EQ(d.state().print_status, PrintStatus::kPrinting);
  d.Do(ev::Print{});                               // a second touch while it prints
  EXPECT_FALSE(d.Emitted<fx::PrintReceipt>());
}

TEST(JourneyPrint, PrintedIsSaidAndPrintingAgainIsNotOffered) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Done(d).Do(ev::Print{});
  d.Do(ev::PrintResult{true});
  EXPECT_EQ(d.state().print_status, PrintStatus::kPrinted);
  const fx::SpeakKey* said = d.Find<fx::SpeakKey>();
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->key, "print.printed");
  d.Do(ev::Print{});
  EXPECT_FALSE(d.Emitted<fx::PrintReceipt>());
  EXPECT_EQ(d.step(), Step::kDone);
  ASSERT_TRUE(d.state().receipt);
}

TEST(JourneyPrint, APrinterFailureKeepsTheReceiptSaysWhatToDoAndCanBeTriedAgain) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Done(d).Do(ev::Print{});
  d.Do(ev::PrintResult{false});
  EXPECT_EQ(d.state().print_status, PrintStatus::kFailed);
  EXPECT_EQ(d.step(), Step::kDone);
  ASSERT_TRUE(d.state().receipt);
  EXPECT_EQ(d.state().receipt->tracking_code, "XHWTS-15AW5");
  std::vector<std::string> said;
  for (const auto& e : d.effects())
    if (const auto* k = std::get_if<fx::SpeakKey>(&e)) said.push_back(k->key);
  EXPECT_EQ(said, (std::vector<std::string>{"print.failed", "done.keep", "print.failed_staff"}));
  d.Do(ev::Print{});
  EXPECT_TRUE(d.Emitted<fx::PrintReceipt>());
  EXPECT_EQ(d.state().print_status, PrintStatus::kPrinting);
}

TEST(JourneyPrint, AnAnswerForSomeoneWhoLeftChangesNothing) {
  Policy policy = SeetecLike();
  Driver d(policy);
  Done(d).Do(ev::Print{});
  d.Choose("finish");
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_TRUE(d.state().printer) << "the kiosk still has its printer for the next person";
  EXPECT_EQ(d.state().print_status, PrintStatus::kNone);
  d.Do(ev::PrintResult{false});
  EXPECT_EQ(d.state().print_status, PrintStatus::kNone);
  EXPECT_TRUE(d.effects().empty());
}

TEST(JourneyPrint, TheCheckResultsSlipSaysWhereTheCaseIsAndByWhen) {
  Policy policy = SeetecLike();
  Driver d(policy);
  d.mutable_state().printer = true;
  d.Choose("check");
  d.Type(Field::kReference, FormatReference({"SG", 10, 1234})).Type(Field::kTrackingCode, "7d2k9qx4mb").Next();
  d.Do(ev::Print{});                               // nothing found yet: nothing to print
  EXPECT_FALSE(d.Emitted<fx::PrintReceipt>());
  CaseView v;
  v.state = CaseState::kReceived;
  v.stage_name = "Stage 1: informal";
  v.acknowledge_by = D(2026, 11, 25);
  v.respond_by = D(2026, 12, 18);
  v.can_escalate = false;
  d.Do(ev::StatusResult{CheckStatusKind::kFound, v});
  d.Do(ev::Print{});
  const fx::PrintReceipt* print = d.Find<fx::PrintReceipt>();
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->slip.reference, FormatReference({"SG", 10, 1234}));
  EXPECT_EQ(print->slip.tracking_code, "7D2K9-QX4MB");
  EXPECT_FALSE(print->slip.received);
  ASSERT_EQ(print->slip.next.size(), 4u);
  EXPECT_EQ(print->slip.next[0], (SlipSentence{"check_result.stage", std::nullopt, "Stage 1: informal"}));
  EXPECT_EQ(print->slip.next[1].key, "check_result.state_received");
  EXPECT_EQ(print->slip.next[2], (SlipSentence{"check_result.acknowledge_by", D(2026, 11, 25), {}}));
  EXPECT_EQ(print->slip.next[3], (SlipSentence{"check_result.respond_by", D(2026, 12, 18), {}}));
}

TEST(JourneyPrint, WipeSlipZeroesTheCodes) {
  ReceiptSlip slip;
  slip.reference = "SG-0070-002Z";
  slip.tracking_code = "XHWTS-15AW5";
  WipeSlip(slip);
  EXPECT_TRUE(slip.reference.empty());
  EXPECT_TRUE(slip.tracking_code.empty());
}

}  // namespace
}  // namespace tellus
