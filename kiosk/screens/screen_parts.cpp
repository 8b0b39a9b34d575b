// Pieces every screen shares: words from the catalog, choices, text boxes, the bar.
#include "kiosk/screens/screen_parts.h"

#include "core/journey_progress.h"
#include "easyread/checks.h"
#include "easyread/dates.h"
#include "easyread/grammar.h"
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

std::size_t ScreenContext::StageIndex(const std::string& written_name) const {
  const std::size_t at = StageIndexNamed(Written(), written_name);
  return at < policy.stages.size() ? at : std::string::npos;
}

std::string ScreenContext::StageName(const std::string& written_name) const {
  return ShownStageName(Written(), policy, written_name);
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

namespace {
bool ShowEasyRead(const ScreenContext& c, const PolicyText& text) {
  return !c.state.settings.standard_wording && !text.easy_read.empty();
}
}  // namespace

void SayEasyRead(const ScreenContext& c, const PolicyText& text, const std::string& pictogram) {
  if (!ShowEasyRead(c, text)) return SayPolicy(text.words, pictogram);
  for (const EasyReadSentence& sentence : text.easy_read) SayData(sentence.text, sentence.picture);
}

std::string PolicyLabel(const ScreenContext& c, const PolicyText& text) {
  if (!ShowEasyRead(c, text)) return text.words;
  std::string label;
  for (const EasyReadSentence& sentence : text.easy_read) label += (label.empty() ? "" : " ") + sentence.text;
  return label;
}

std::string PolicyPicture(const ScreenContext& c, const PolicyText& text, const std::string& fallback) {
  if (!ShowEasyRead(c, text) || text.easy_read.front().picture.empty()) return fallback;
  return text.easy_read.front().picture;
}

std::string ItemPicture(const NamedItem& item, const std::string& fallback) {
  if (!item.image.empty()) return item.image;
  return item.picture.empty() ? fallback : item.picture;
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

bool ChoiceData(const std::string& id, const std::string& label, bool selected, const std::string& pictogram,
                float width_fraction) {
  ui::ItemStyle style;
  style.pictogram = pictogram;
  style.wide = width_fraction <= 0;
  style.width_fraction = width_fraction;
  return ui::Choice(id, label, label, selected, style);
}

void SayNextStep(const ScreenContext& c, const SlipSentence& line) {
  if (line.policy_words != PolicyWords::kNone) return SayEasyRead(c, PolicyWordsIn(c.policy, line.policy_words), line.picture);
  Values values = line.date ? DateValues(c, "date", *line.date) : Values{};
  if (!line.stage.empty()) values["stage"] = line.stage;
  Say(c, line.key, values);
}

void PrintButton(const ScreenContext& c, float width_fraction) {
  const PrintStatus status = c.state.print_status;
  if (!c.state.printer) return;
  const char* key = status == PrintStatus::kPrinting  ? "print.button_printing"
                    : status == PrintStatus::kPrinted ? "print.button_printed"
                    : status == PrintStatus::kFailed  ? "print.button_again"
                                                      : "print.button";
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.wide = width_fraction <= 0;
  style.width_fraction = width_fraction;
  style.enabled = status == PrintStatus::kNone || status == PrintStatus::kFailed;
  if (!style.enabled) style.disabled_reason = c.Text(status == PrintStatus::kPrinting ? "print.printing" : "print.printed");
  if (ui::Button("print", c.Text(key), c.Spoken(key), style)) c.Emit(ev::Print{});
}

void PrintOutcome(const ScreenContext& c) {
  switch (c.state.print_status) {
    case PrintStatus::kPrinted:
      Say(c, "print.printed");
      break;
    case PrintStatus::kFailed:
      Say(c, "print.failed");                      // "Write these down or take a photo." is on the screen too
      break;
    default:
      break;
  }
}

PageSpan PageOf(const ScreenContext& c, std::size_t items, std::size_t per_page) {
  PageSpan span;
  per_page = std::max<std::size_t>(1, per_page);
  span.pages = static_cast<int>((items + per_page - 1) / per_page);
  const std::size_t page = static_cast<std::size_t>(c.state.list_page) % static_cast<std::size_t>(std::max(1, span.pages));
  span.first = page * per_page;
  span.count = std::min(per_page, items - std::min(items, span.first));
  return span;
}

void MoreButton(const ScreenContext& c, const PageSpan& span, float width_fraction) {
  if (span.pages <= 1) return;
  const int page = c.state.list_page % span.pages;
  const Values values{{"page", std::to_string(page + 1)}, {"pages", std::to_string(span.pages)}};
  // On the last page there is no more: the button goes back to the first page and says so.
  const char* key = page + 1 == span.pages ? "list.again" : "list.more";
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.wide = width_fraction <= 0;
  style.width_fraction = width_fraction;
  if (ui::Button("list.more", c.Text(key, values), c.Spoken(key, values), style))
    c.Emit(ev::ListPage{(page + 1) % span.pages});
}

bool CheckItem(const ScreenContext& c, const std::string& id, const std::string& key, bool checked,
               float width_fraction) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.wide = width_fraction <= 0;
  style.width_fraction = width_fraction;
  return ui::Checkbox(id, c.Text(key), c.Spoken(key), checked, style);
}

bool MainButton(const ScreenContext& c, const std::string& id, const std::string& key, bool enabled) {
  ui::ItemStyle style;
  style.pictogram = c.Pictogram(key);
  style.enabled = enabled && !c.state.committing;
  if (c.state.committing) style.disabled_reason = c.Text("common.saving");
  return ui::DockButton(id, c.Text(key), c.Spoken(key), style);
}

void ProgressStrip(const ScreenContext& c) {
  if (c.state.help_open || c.state.idle_warning) return;   // as ShowsProgress says
  const std::optional<JourneyProgress> p = Progress(c.state, c.policy);
  if (!p) return;
  const std::string section = std::string("progress.section.") + ToString(p->section);
  const Values values{{"step", std::to_string(p->step)}, {"total", std::to_string(p->total)}, {"section", c.Text(section)}};
  ui::ProgressLine(c.Text("progress.step", values), c.Spoken("progress.step", values), c.Pictogram(section));
}

void TextBox(const ScreenContext& c, Field field) {
  const std::string* text = FieldText(c.state, field);
  if (!text) return;
  const std::string key = FieldKey(field);
  const std::string id = "field." + key.substr(key.find('.') + 1);
  if (ui::TextField(id, c.Text(key), c.Spoken(key), *text, FieldLimit(field), FieldMultiline(field),
                    c.state.focused == field)) {
    c.Emit(ev::FocusField{field});
  }
  if (c.state.focused != field) return;
  ui::KeyboardInput typed = ui::Keyboard("key", FieldKeyboard(field), c.catalog.keyboard());
  if (!typed.typed.empty()) c.Emit(ev::TypeText{typed.typed});
  if (typed.backspaces > 0) c.Emit(ev::Backspace{typed.backspaces});
  if (typed.done) c.Emit(ev::FieldDone{});
}

bool TypingView(const ScreenContext& c, const std::string& title_key, bool done_in_dock) {
  if (c.state.focused == Field::kNone) return false;
  Title(c, title_key);
  Notice(c);
  TextBox(c, c.state.focused);
  if (done_in_dock && MainButton(c, "button.done_typing", "typing.done")) c.Emit(ev::FieldDone{});
  return true;
}

std::string DateText(const ScreenContext& c, Date date, bool with_year) { return LocalDate(c.catalog, date, with_year); }

Values DateValues(const ScreenContext& c, const std::string& name, Date date) { return tellus::DateValues(c.catalog, name, date); }

Values DurationValues(const ScreenContext& c, const std::string& name, const Duration& duration) {
  return tellus::DurationValues(c.catalog, name, duration);
}

void BottomBar(const ScreenContext& c) {
  const JourneyState& s = c.state;
  ui::BeginBottomBar();
  ui::ItemStyle back;
  back.pictogram = c.Pictogram("bar.back");
  back.enabled = CanGoBack(s) || s.help_open;
  back.disabled_reason = c.Text(s.place.step == Step::kDone ? "bar.back_why_done" : "bar.back_why_start");
  back.shortcut = ui::Shortcut::kBack;
  back.width_fraction = 0.25f;
  back.compact = true;
  back.height = ui::DockRect().h;
  if (ui::Button("bar.back", c.Text("bar.back"), c.Spoken("bar.back"), back)) c.Emit(ev::Back{});
  ui::SameLine();
  ui::ItemStyle again;
  again.pictogram = c.Pictogram("bar.start_again");
  again.enabled = !s.committing && (s.kind != JourneyKind::kNone || s.place.step != Step::kWelcome);
  again.disabled_reason = c.Text(s.committing ? "common.saving" : "bar.again_why_start");
  again.width_fraction = 0.25f;
  again.compact = true;
  again.height = ui::DockRect().h;
  if (ui::Button("bar.start_again", c.Text("bar.start_again"), c.Spoken("bar.start_again"), again)) {
    c.Emit(ev::StartAgain{});
  }
  ui::SameLine();
  ui::ItemStyle help;
  help.pictogram = c.Pictogram("bar.help");
  help.shortcut = ui::Shortcut::kHelp;
  help.width_fraction = 0.25f;
  help.compact = true;
  help.height = ui::DockRect().h;
  if (ui::Button("bar.help", c.Text("bar.help"), c.Spoken("bar.help"), help)) c.Emit(ev::Help{});
  ui::SameLine();
  const std::string listen_key = s.settings.listen ? "bar.listen_off" : "bar.listen_on";
  ui::ItemStyle listen;
  listen.pictogram = c.Pictogram(listen_key);
  listen.width_fraction = 0.25f;
  listen.compact = true;
  listen.height = ui::DockRect().h;
  if (ui::Button("bar.listen", c.Text(listen_key), c.Spoken(listen_key), listen)) c.Emit(ev::ListenToggle{});
  ui::EndBottomBar();
  if (ui::CommandPressed(ui::Shortcut::kRepeat)) c.Emit(ev::Repeat{});
}

void HelpPanel(const ScreenContext& c) {
  ui::BeginPanel("help");
  Title(c, "help.title");
  // A help text may name the policy's time limit ("from the last {limit}").
  SayIfPresent(c, c.Key("help"), c.policy.time_limit ? DurationValues(c, "limit", *c.policy.time_limit) : Values{});
  Say(c, "help.staff");
  if (c.state.place.step != Step::kAbout) {
    ui::ItemStyle about;
    about.pictogram = c.Pictogram("help.about");
    about.wide = true;
    about.enabled = !c.state.committing;
    if (ui::Button("help.about", c.Text("help.about"), c.Spoken("help.about"), about)) c.Emit(ev::OpenAbout{});
  }
  ui::EndPanel();
  ui::ItemStyle close;
  close.pictogram = c.Pictogram("help.close");
  if (ui::DockButton("help.close", c.Text("help.close"), c.Spoken("help.close"), close)) c.Emit(ev::Help{});
}

void IdlePanel(const ScreenContext& c) {
  ui::BeginPanel("idle");
  Title(c, "idle.title");
  Say(c, "idle.body_1", CountValues(c.catalog, "count", "seconds", "seconds", IdleSecondsLeft(c.state)));
  Say(c, "idle.body_2");
  ui::ItemStyle more;
  more.pictogram = c.Pictogram("idle.more_time");
  if (ui::DockButton("idle.more_time", c.Text("idle.more_time"), c.Spoken("idle.more_time"), more)) c.Emit(ev::MoreTime{});
  ui::ItemStyle clear;
  clear.pictogram = c.Pictogram("idle.clear_now");
  clear.wide = true;
  if (ui::Button("idle.clear_now", c.Text("idle.clear_now"), c.Spoken("idle.clear_now"), clear)) {
    c.Emit(ev::StartAgain{});
  }
  ui::EndPanel();
}

}  // namespace tellus::screens
