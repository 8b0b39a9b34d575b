#pragma once
// Charts for the staff pages' reports, drawn on the server as SVG: each bar labelled with
// its name and its number in text (nothing is told by colour or length alone), with a
// title for screen readers.
#include <string>
#include <utility>
#include <vector>

namespace tellus::reg {

std::string EscapeXml(const std::string& text);    // & < > " '

// Horizontal bars, one per (label, count), in the order given. `id` makes the title's id unique in the page.
std::string BarChartSvg(const std::string& id, const std::string& title,
                        const std::vector<std::pair<std::string, int>>& bars);

}  // namespace tellus::reg
