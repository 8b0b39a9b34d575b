#include <gtest/gtest.h>

#include <stdexcept>

#include "core/duration.h"

namespace tellus {
namespace {

using Unit = Duration::Unit;

TEST(Duration, ParsesEveryUnitSingularAndPlural) {
  EXPECT_EQ(ParseDuration("5 working days"), (Duration{5, Unit::kWorkingDays}));
  EXPECT_EQ(ParseDuration("1 working day"), (Duration{1, Unit::kWorkingDays}));
  EXPECT_EQ(ParseDuration("28 days"), (Duration{28, Unit::kDays}));
  EXPECT_EQ(ParseDuration("1 day"), (Duration{1, Unit::kDays}));
  EXPECT_EQ(ParseDuration("24 hours"), (Duration{24, Unit::kHours}));
  EXPECT_EQ(ParseDuration("1 hour"), (Duration{1, Unit::kHours}));
  EXPECT_EQ(ParseDuration("1 week"), (Duration{1, Unit::kWeeks}));
  EXPECT_EQ(ParseDuration("2 weeks"), (Duration{2, Unit::kWeeks}));
  EXPECT_EQ(ParseDuration("12 months"), (Duration{12, Unit::kMonths}));
  EXPECT_EQ(ParseDuration("1 month"), (Duration{1, Unit::kMonths}));
  EXPECT_EQ(ParseDuration("2 years"), (Duration{2, Unit::kYears}));
  EXPECT_EQ(ParseDuration("1 year"), (Duration{1, Unit::kYears}));
}

TEST(Duration, ToleratesCaseAndSpacing) {
  EXPECT_EQ(ParseDuration("  20  Working   Days "), (Duration{20, Unit::kWorkingDays}));
}

TEST(Duration, RejectsWhatIsNotADuration) {
  for (const char* bad : {"twenty days", "20", "days", "", "20 working", "20 business days", "-5 days", "0 days",
                          "5.5 days", "20 working days please", "5days", "1 fortnight", "99999999 days"}) {
    EXPECT_THROW(ParseDuration(bad), std::invalid_argument) << bad;
  }
  try {
    ParseDuration("twenty days");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("\"twenty days\" is not a duration"), std::string::npos) << e.what();
  }
}

TEST(Duration, RoundTripsToPolicyForm) {
  for (const char* text : {"5 working days", "1 working day", "28 days", "24 hours", "1 week", "12 months", "2 years"}) {
    EXPECT_EQ(ToString(ParseDuration(text)), text);
  }
}

}  // namespace
}  // namespace tellus
