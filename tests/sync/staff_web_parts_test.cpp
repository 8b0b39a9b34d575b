// The staff pages' parsing and drawing parts: form bodies, cookies, SVG charts.
#include <gtest/gtest.h>

#include "sync/register/http_form.h"
#include "sync/register/svg_chart.h"

namespace tellus::reg {
namespace {

TEST(StaffWebParts, FormBodiesDecodeAsBrowsersSendThem) {
  FormFields f = ParseForm("csrf=abc&text=We+are+sorry%2C+truly.%0D%0ANew+line&empty=&flag&bad=%zz%4");
  EXPECT_EQ(FieldOf(f, "csrf"), "abc");
  EXPECT_EQ(FieldOf(f, "text"), "We are sorry, truly.\r\nNew line");
  EXPECT_EQ(FieldOf(f, "empty"), "");
  EXPECT_EQ(FieldOf(f, "flag"), "");
  EXPECT_EQ(FieldOf(f, "bad"), "%zz%4") << "a broken escape is kept as written";
  EXPECT_EQ(FieldOf(f, "missing"), "");
  EXPECT_EQ(UrlDecode(UrlEncode("a&b=c d/é")), "a&b=c d/é");
  EXPECT_EQ(UrlEncode("stage-1 & 2"), "stage-1%20%26%202");
}

TEST(StaffWebParts, CookiesAreFoundByExactName) {
  const std::string header = "tellus_signin=xyz; tellus_staff=tok-en_1; other=1";
  EXPECT_EQ(CookieOf(header, "tellus_staff"), "tok-en_1");
  EXPECT_EQ(CookieOf(header, "tellus_signin"), "xyz");
  EXPECT_EQ(CookieOf(header, "tellus"), "");
  EXPECT_EQ(CookieOf("", "tellus_staff"), "");
}

TEST(StaffWebParts, ChartsSayEveryNumberInTextAndEscapeLabels) {
  const std::string svg = BarChartSvg("service", "Cases by service", {{"<script>alert(1)</script>", 3}, {"pluss", 0}});
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-service\">Cases by service; &lt;script&gt;alert(1)&lt;/script&gt;: 3; pluss: 0"),
            std::string::npos) << svg;
  EXPECT_NE(svg.find(">3</text>"), std::string::npos);
  EXPECT_NE(svg.find(">0</text>"), std::string::npos) << "a zero is written, not just a missing bar";
}

}  // namespace
}  // namespace tellus::reg
