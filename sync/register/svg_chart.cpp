#include "sync/register/svg_chart.h"

#include <algorithm>

namespace tellus::reg {

std::string EscapeXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string BarChartSvg(const std::string& id, const std::string& title,
                        const std::vector<std::pair<std::string, int>>& bars) {
  constexpr int kRow = 28, kLabel = 220, kBar = 360, kNumber = 60;
  const int height = static_cast<int>(bars.size()) * kRow + 8;
  int most = 1;
  for (const auto& [label, n] : bars) most = std::max(most, n);
  const std::string title_id = "chart-" + EscapeXml(id);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"" +
                    title_id + "\" viewBox=\"0 0 " + std::to_string(kLabel + kBar + kNumber) + " " +
                    std::to_string(height) + "\" width=\"" + std::to_string(kLabel + kBar + kNumber) + "\" height=\"" +
                    std::to_string(height) + "\"><title id=\"" + title_id + "\">" + EscapeXml(title);
  for (const auto& [label, n] : bars) svg += "; " + EscapeXml(label) + ": " + std::to_string(n);
  svg += "</title>";
  int y = 4;
  for (const auto& [label, n] : bars) {
    const int width = std::max(n > 0 ? 2 : 0, n * kBar / most);
    svg += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 19) +
           "\" text-anchor=\"end\" class=\"chart-label\">" + EscapeXml(label) + "</text>";
    svg += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
           std::to_string(width) + "\" height=\"" + std::to_string(kRow - 8) + "\" class=\"chart-bar\"/>";
    svg += "<text x=\"" + std::to_string(kLabel + width + 6) + "\" y=\"" + std::to_string(y + 19) +
           "\" class=\"chart-number\">" + std::to_string(n) + "</text>";
    y += kRow;
  }
  return svg + "</svg>";
}

}  // namespace tellus::reg
