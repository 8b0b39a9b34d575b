// Pieces every screen shares: words from the catalog, choices, text boxes, the bar.
#include "kiosk/screens/screen_parts.h"

#include "easyread/checks.h"
#include "easyread/dates.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {

std::string Fill(std::string text, const Values& values) {
  for (const auto& [name, value] : values) {
    const std::string slot = "{" + name + "}";
    for (std::size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size())) {
      text.replace(at, slot.size(), value);
    }
  }
  return text;
}

}  // namespace

std::string ScreenContext::Text(const std::string& key, const Values& values) const {
  const CatalogEntry& entry = catalog.Entry(key);
  if (state.settings.standard_wording && !entry.standard.empty()) return Fill(entry.standard, values);
  return Fill(entry.text, values);
}

std::string ScreenContext::Spoken(const std::string& key, const Values& values) const {
  const CatalogEntry& entry = catalog.Entry(key);
  if (!entry.spoken.empty()) return Fill(entry.spoken, values);
  return Text(key, values);
}

const std::string& ScreenContext::Pictogram(const std::string& key) const { return catalog.Entry(key).pictogram; }

std::string ScreenContext::Key(const std::string& rest) const {
  return std::string(StepKey(state.place.step)) + "." + rest;
}

void Title(const ScreenContext& c, const std::string& key) { ui::Heading(c.Text(key), c.Pictogram(key)); }

void Say(const ScreenContext& c, const std::string& key, const Values& values) {
  ui::Sentence(c.Text(key, values), c.Pictogram(key));
}

void SayIfPresent(const ScreenContext& c, const std::string& key, const Values& values) {
  if (c.catalog.Has(key)) Say(c, key, values);
}

void SayData(const std::string& text, const std::string& pictogram) {
  if (!text.empty()) ui::Sentence(text, pictogram);
}

void CannotReachRegister(const ScreenContext& c, bool busy) {
  Title(c, busy ? "check_result.busy_title" : "check_result.unavailable_title");
  Say(c, "check_result.unavailable_1");
  Say(c, "check_result.unavailable_2");
}

void SayPolicy(const std::string& text, const std::string& pictogram) {
  for (const std::string& sentence : SplitSentences(text)) SayData(sentence, pictogram);
}

void Notice(const ScreenContext& c) {
  if (c.state.notice == tellus::Notice::kNone) return;
  Say(c, NoticeKey(c.state.notice));
}

bool ChoiceItem(const ScreenContext& c, const std::string& id, const std::string& key, bool selected,
                float width_fraction) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.wide = width_fraction <= 0;
  style.width_fraction = width_fraction;
  style.enabled = !c.state.committing;
  return ui::Choice(id, c.Text(key), c.Spoken(key), selected, style);
}

bool ChoiceData(const std::string& id, const std::string& label, bool selected, const std::string& pictogram) {
  ui::ItemStyle style;
  style.pictogram = pictogram;
  style.wide = true;
  return ui::Choice(id, label, label, selected, style);
}

bool CheckItem(const ScreenContext& c, const std::string& id, const std::string& key, bool checked) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.wide = true;
  return ui::Checkbox(id, c.Text(key), c.Spoken(key), checked, style);
}

bool MainButton(const ScreenContext& c, const std::string& id, const std::string& key, bool enabled) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.primary = true;
  style.wide = true;
  style.enabled = enabled && !c.state.committing;
  return ui::Button(id, c.Text(key), c.Spoken(key), style);
}

void TextBox(const ScreenContext& c, Field field) {
  const std::string* text = FieldText(c.state, field);
  if (!text) return;
  const std::string key = FieldKey(field);
  const std::string id = "field." + key.substr(key.find('.') + 1);
  if (ui::TextField(id, c.Text(key), c.Spoken(key), *text, FieldLimit(field), FieldMultiline(field))) {
    c.Emit(ev::FocusField{field});
  }
  if (c.state.focused != field) return;
  ui::KeyboardInput typed = ui::Keyboard("key", FieldKeyboard(field), c.catalog.keyboard());
  if (!typed.typed.empty()) c.Emit(ev::TypeText{typed.typed});
  if (typed.backspaces > 0) c.Emit(ev::Backspace{typed.backspaces});
  if (typed.done) c.Emit(ev::FieldDone{});
}

std::string DurationText(const ScreenContext& c, const Duration& d) {
  const char* unit = "days";
  switch (d.unit) {
    case Duration::Unit::kWorkingDays: unit = "working_days"; break;
    case Duration::Unit::kDays: unit = "days"; break;
    case Duration::Unit::kHours: unit = "hours"; break;
    case Duration::Unit::kWeeks: unit = "weeks"; break;
    case Duration::Unit::kMonths: unit = "months"; break;
    case Duration::Unit::kYears: unit = "years"; break;
  }
  std::string key = std::string("duration.") + unit;
  if (d.count == 1) key += "_one";
  return c.Text(key, {{"count", std::to_string(d.count)}});
}

std::string DateText(const ScreenContext& c, Date date, bool with_year) { return LocalDate(c.catalog, date, with_year); }

void BottomBar(const ScreenContext& c) {
  const JourneyState& s = c.state;
  ui::BeginBottomBar();
  ui::ItemStyle back;
  back.pictogram = c.Pictogram("bar.back");
  back.enabled = CanGoBack(s) || s.help_open;
  back.shortcut = ui::Shortcut::kBack;
  back.width_fraction = 0.25f;
  if (ui::Button("bar.back", c.Text("bar.back"), c.Spoken("bar.back"), back)) c.Emit(ev::Back{});
  ui::SameLine();
  ui::ItemStyle again;
  again.pictogram = c.Pictogram("bar.start_again");
  again.enabled = !s.committing && (s.kind != JourneyKind::kNone || s.place.step != Step::kWelcome);
  again.width_fraction = 0.25f;
  if (ui::Button("bar.start_again", c.Text("bar.start_again"), c.Spoken("bar.start_again"), again)) {
    c.Emit(ev::StartAgain{});
  }
  ui::SameLine();
  ui::ItemStyle help;
  help.pictogram = c.Pictogram("bar.help");
  help.shortcut = ui::Shortcut::kHelp;
  help.width_fraction = 0.25f;
  if (ui::Button("bar.help", c.Text("bar.help"), c.Spoken("bar.help"), help)) c.Emit(ev::Help{});
  ui::SameLine();
  const std::string listen_key = s.settings.listen ? "bar.listen_off" : "bar.listen_on";
  ui::ItemStyle listen;
  listen.pictogram = c.Pictogram(listen_key);
  listen.width_fraction = 0.25f;
  if (ui::Button("bar.listen", c.Text(listen_key), c.Spoken(listen_key), listen)) c.Emit(ev::ListenToggle{});
  ui::EndBottomBar();
  if (ui::CommandPressed(ui::Shortcut::kRepeat)) c.Emit(ev::Repeat{});
}

void HelpPanel(const ScreenContext& c) {
  ui::BeginPanel("help");
  Title(c, "help.title");
  SayIfPresent(c, c.Key("help"));
  Say(c, "help.staff");
  if (c.state.place.step != Step::kAbout) {
    ui::ItemStyle about;
    about.pictogram = c.Pictogram("help.about");
    about.wide = true;
    about.enabled = !c.state.committing;
    if (ui::Button("help.about", c.Text("help.about"), c.Spoken("help.about"), about)) c.Emit(ev::OpenAbout{});
  }
  ui::ItemStyle close;
  close.pictogram = c.Pictogram("help.close");
  close.primary = true;
  close.wide = true;
  if (ui::Button("help.close", c.Text("help.close"), c.Spoken("help.close"), close)) c.Emit(ev::Help{});
  ui::EndPanel();
}

void IdlePanel(const ScreenContext& c) {
  ui::BeginPanel("idle");
  Title(c, "idle.title");
  Say(c, "idle.body_1", {{"seconds", std::to_string(IdleSecondsLeft(c.state))}});
  Say(c, "idle.body_2");
  ui::ItemStyle more;
  more.pictogram = c.Pictogram("idle.more_time");
  more.primary = true;
  more.wide = true;
  if (ui::Button("idle.more_time", c.Text("idle.more_time"), c.Spoken("idle.more_time"), more)) c.Emit(ev::MoreTime{});
  ui::ItemStyle clear;
  clear.pictogram = c.Pictogram("idle.clear_now");
  clear.wide = true;
  if (ui::Button("idle.clear_now", c.Text("idle.clear_now"), c.Spoken("idle.clear_now"), clear)) {
    c.Emit(ev::StartAgain{});
  }
  ui::EndPanel();
}

}  // namespace tellus::screens
