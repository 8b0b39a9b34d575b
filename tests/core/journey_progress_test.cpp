// "Step N of M": counted along the path the person is on, the same path Next takes.
#include <gtest/gtest.h>

#include "core/journey_progress.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using testing_journey::Answers;
using testing_journey::Driver;

Policy Seed(const std::string& id) { return LoadPolicy(id, std::string(TELLUS_SOURCE_DIR) + "/assets/policies"); }

TEST(JourneyProgress, NothingOutsideAJourney) {
  const Policy p = Seed("seetec");
  Driver d(p);
  EXPECT_FALSE(Progress(d.state(), p)) << "welcome";
  d.Do(ev::OpenLanguages{});
  EXPECT_FALSE(Progress(d.state(), p)) << "the language screen";
}

TEST(JourneyProgress, EveryScreenOfAComplimentCountsUpToTheReceipt) {
  for (const char* id : {"seetec", "next-steps", "works-for-us"}) {
    const Policy p = Seed(id);
    Driver d(p);
    d.Choose("compliment");
    int last = 0, total = 0;
    for (int i = 0; i < 40 && d.step() != Step::kReview; ++i) {
      const auto progress = Progress(d.state(), p);
      ASSERT_TRUE(progress) << id << " " << StepKey(d.step());
      EXPECT_GE(progress->step, last) << id << " " << StepKey(d.step()) << ": the count never goes back";
      if (d.step() != Step::kContactDetails) {
        EXPECT_GT(progress->step, last) << id << " " << StepKey(d.step());
      }
      EXPECT_LE(progress->step, progress->total);
      last = progress->step;
      total = progress->total;
      testing_journey::WalkTo(d, Step::kReview, Answers{}, 1);
    }
    ASSERT_EQ(d.step(), Step::kReview) << id;
    const auto review = Progress(d.state(), p);
    ASSERT_TRUE(review);
    EXPECT_EQ(review->section, JourneySection::kCheckAndSend);
    EXPECT_EQ(review->step, review->total) << "a compliment is sent from the review";
    EXPECT_EQ(review->total, total) << id << ": the total did not change along the way";
  }
}

TEST(JourneyProgress, AComplaintStartsBeforeYouStartAndEndsAtTheReceipt) {
  const Policy p = Seed("seetec");
  Driver d(p);
  d.Choose("complaint");
  const auto first = Progress(d.state(), p);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->step, 1);
  EXPECT_EQ(first->section, JourneySection::kBeforeYouStart);
  EXPECT_GE(first->total, 12) << "eligibility, about it, about you, review, consent, receipt";
}

TEST(JourneyProgress, APickedDayIsTheStepAfterWhen) {
  const Policy p = Seed("next-steps");
  Driver d(p);
  d.Choose("complaint");
  ASSERT_EQ(testing_journey::WalkTo(d, Step::kWhen), Step::kWhen);
  const auto when = Progress(d.state(), p);
  ASSERT_TRUE(when);
  d.Choose("day");
  ASSERT_EQ(d.step(), Step::kPickDate);
  const auto grid = Progress(d.state(), p);
  ASSERT_TRUE(grid) << "the grid is a journey screen too";
  EXPECT_EQ(grid->step, when->step) << "a side trip shares its question's number";
  EXPECT_EQ(grid->total, when->total) << "and does not change the total";
}

TEST(JourneyProgress, CheckMyComplaintIsFourSteps) {
  const Policy p = Seed("seetec");
  Driver d(p);
  d.Choose("check");
  const auto entry = Progress(d.state(), p);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->step, 1);
  EXPECT_EQ(entry->total, 4);
  EXPECT_EQ(entry->section, JourneySection::kCheckMyComplaint);
}

}  // namespace
}  // namespace tellus
