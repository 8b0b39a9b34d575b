// The procedure's stages and their times, one line each, from the done screen ("We will also
// send you out the complaints process and timescales for each stage", Steps to Work); a time
// the seed does not give is not promised. Then the places the policy lets the person go at
// any stage (Stepping Stones: the Charity Commission, Ofsted).
#include "kiosk/screens/screen_parts.h"

namespace tellus::screens {

void DrawProcess(const ScreenContext& c) {
  Title(c, "process.title");
  const auto& stages = c.policy.stages;
  const Receipt* receipt = c.state.receipt ? &*c.state.receipt : nullptr;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const Stage& stage = stages[i];
    std::string time = stage.respond_within && !stage.respond_own_choice
                           ? c.Text("process.within", DurationValues(c, "time", *stage.respond_within))
                           : c.Text("process.time_later");
    if (i == 0 && receipt && receipt->respond_by) time = c.Text("process.answer_by", DateValues(c, "date", *receipt->respond_by));
    // Each line its own picture: this complaint's stage, the ones after it, the last.
    const char* key = i == 0 ? "process.stage_first" : i + 1 == stages.size() ? "process.stage_last" : "process.stage_next";
    Say(c, key, {{"stage", stage.name}, {"time", time}});
  }
  if (!c.policy.PlacesToGo(false).empty() && ChoiceItem(c, "choice.process.other-places", "other_places.open"))
    c.Emit(ev::Choose{"other-places"});
  if (MainButton(c, "button.back_to", "other_places.back")) c.Emit(ev::Back{});
}

}  // namespace tellus::screens
