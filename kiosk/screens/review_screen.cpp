// Review ("Check your answers"): every answer in a row with its Change; Change jumps to
// that step and comes back here; a long answer is cut to one line with "See all".
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {

// One answer as the summary shows it: its words (several parts joined) and one picture.
struct ShownAnswer {
  std::vector<std::string> parts;
  std::string pictogram;
  void Add(const std::string& text, const std::string& picture = {}) {
    if (text.empty()) return;
    parts.push_back(text);
    if (pictogram.empty()) pictogram = picture;
  }
  std::string Joined() const {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
  }
};

// The item's name with its own picture (the id and `fallback` if the policy lost it).
void AddItem(ShownAnswer& a, const std::vector<NamedItem>& items, const std::string& id, const std::string& fallback) {
  for (const NamedItem& item : items) {
    if (item.id == id) return a.Add(item.name, ItemPicture(item, fallback));
  }
  a.Add(id, fallback);
}

// What was said instead of (or as well as) typing, and a request for help to tell us.
bool OtherAnswers(const ScreenContext& c, ShownAnswer& a, SpokenQuestion question) {
  const PersonalPart& p = c.state.personal;
  bool any = false;
  if (const Recording* r = FindRecording(p, question)) {
    a.Add(c.Text("voice.review_spoken", {{"time", ClockText(r->length_ms)}}), c.Pictogram("voice.review_spoken"));
    any = true;
  }
  if (p.help.Requested() && (question == SpokenQuestion::kWhatHappened || question == SpokenQuestion::kPraise)) {
    const std::string way = p.help.way == HelpWay::kCallBack ? "voice.review_help_call_back" : "voice.review_help_meeting";
    a.Add(c.Text(way), c.Pictogram(way));
    const char* time = p.help.best_time == HelpTime::kMorning     ? "help_time.choice.morning"
                       : p.help.best_time == HelpTime::kAfternoon ? "help_time.choice.afternoon"
                                                                   : "help_time.choice.any-time";
    a.Add(c.Text(time));
    any = true;
  }
  return any;
}

// The person's own words, or "You did not write anything here."
void Words(const ScreenContext& c, ShownAnswer& a, const std::string& text) {
  if (text.empty()) {
    a.Add(c.Text("common.nothing_given"), c.Pictogram("common.nothing_given"));
  } else {
    a.Add(text, "memo");
  }
}

ShownAnswer Answer(const ScreenContext& c, Step section) {
  const JourneyState& s = c.state;
  const PersonalPart& p = s.personal;
  ShownAnswer a;
  auto say = [&](const std::string& key) { a.Add(c.Text(key), c.Pictogram(key)); };
  switch (section) {
    case Step::kService: AddItem(a, c.policy.services, s.service_id, "service"); break;
    case Step::kSubject:
      if (!OtherAnswers(c, a, SpokenQuestion::kSubject) || !p.subject.empty()) Words(c, a, p.subject);
      break;
    case Step::kPraise:
      for (const std::string& id : s.praise_choices) say("praise.choice." + id);
      if (!OtherAnswers(c, a, SpokenQuestion::kPraise) && (!p.praise.empty() || s.praise_choices.empty())) {
        Words(c, a, p.praise);
      } else if (!p.praise.empty()) {
        Words(c, a, p.praise);
      }
      break;
    case Step::kCategories:
      for (const std::string& id : s.categories) AddItem(a, c.policy.categories, id, "complaint");
      break;
    case Step::kWhatHappened:
      if (!OtherAnswers(c, a, SpokenQuestion::kWhatHappened) || !p.what_happened.empty()) Words(c, a, p.what_happened);
      break;
    case Step::kWhen:
      // A span is shown as the span it is (its name and its first and last day), never as one day.
      if (s.when_choice == WhenChoice::kNone || !s.incident.Given()) {
        say("when.not_given");
      } else if (s.incident.OneDay()) {
        a.Add(DateText(c, *s.incident.from, true), "calendar");
      } else {
        say(std::string("when.choice.") + ToString(s.when_choice));
        if (s.incident.from) {
          a.Add(c.Text("when.between", {{"from", DateText(c, *s.incident.from, true)}, {"to", DateText(c, *s.incident.to, true)}}));
        } else {
          a.Add(c.Text("when.before", {{"to", DateText(c, *s.incident.to, true)}}));
        }
      }
      break;
    case Step::kAffected:
      if (!OtherAnswers(c, a, SpokenQuestion::kHowAffected) || !p.how_affected.empty()) Words(c, a, p.how_affected);
      break;
    case Step::kPutRight:
      if (!OtherAnswers(c, a, SpokenQuestion::kPutRight) || !p.put_right.empty()) Words(c, a, p.put_right);
      break;
    case Step::kAnonymous:
    case Step::kName:
      if (p.person.anonymous) {
        say("review.anonymous");
        break;
      }
      a.Add(p.person.name, "name");
      switch (p.person.contact) {
        case ContactPreference::kPhone: say("contact.choice.phone"); a.Add(p.person.phone); break;
        case ContactPreference::kEmail: say("contact.choice.email"); a.Add(p.person.email); break;
        case ContactPreference::kLetter: say("contact.choice.letter"); a.Add(p.person.address); break;
        case ContactPreference::kInPerson: say("contact.choice.in-person"); break;
        case ContactPreference::kNone: if (s.contact_answered) say("contact.choice.none"); break;
      }
      break;
    case Step::kOnBehalf:
      if (!p.on_behalf.on_behalf) {
        say("review.not_for_someone");
        break;
      }
      a.Add(p.on_behalf.their_name, "on-behalf");
      say(p.on_behalf.permission_given ? "on_behalf_details.choice.permission-yes"
                                       : "on_behalf_details.choice.permission-no");
      break;
    case Step::kSupport: {
      for (const std::string& id : SupportChoiceIds())
        if (SupportSelected(p.support, id)) say("support.choice." + id);
      a.Add(p.support.language, "language");
      if (a.parts.empty()) say("review.no_support");
      break;
    }
    case Step::kShare:
      if (s.share == ShareConsent::kWithName) say("share.choice.with-name");
      if (s.share == ShareConsent::kWithoutName) say("share.choice.without-name");
      if (s.share == ShareConsent::kNo) say("share.choice.no");
      break;
    default: break;
  }
  if (a.pictogram.empty()) a.pictogram = "memo";
  return a;
}

std::string SectionKey(Step section) { return std::string("review.section.") + StepKey(section); }

// "See all": one answer whole, every part on its own line, and the way back in the dock.
void DrawWholeAnswer(const ScreenContext& c, Step section) {
  Title(c, SectionKey(section));
  const ShownAnswer a = Answer(c, section);
  for (const std::string& part : a.parts) SayData(part, a.pictogram);
  if (MainButton(c, "button.close_all", "summary.close")) c.Emit(ev::SeeAll{section});
}

}  // namespace

// Check your answers: a summary of label | answer | Change rows, two columns, one screen.
void DrawReview(const ScreenContext& c) {
  if (c.state.review_shown) return DrawWholeAnswer(c, *c.state.review_shown);
  const bool complaint = c.state.kind == JourneyKind::kComplaint;
  Title(c, "review.title");
  const std::vector<Step> sections = ReviewSections(c.state, c.policy);
  if (sections.size() <= 8) Say(c, "review.body_1");   // at nine rows the line is left out: they need the room
  Notice(c);
  if (c.state.committing) Say(c, "common.saving");
  const float half = sections.size() > 3 ? 0.5f : 1.f;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const Step section = sections[i];
    const std::string label = c.Text(SectionKey(section));
    const ShownAnswer a = Answer(c, section);
    // The row's picture is its question's (each different), not the answer's.
    const std::string title_key = std::string(StepKey(section)) + ".title";
    const std::string picture = c.catalog.Has(title_key) ? c.Pictogram(title_key) : a.pictogram;
    ui::SummaryRowLabels labels;
    labels.change = c.Text("common.change", {{"section", label}});
    labels.change_spoken = c.Spoken("common.change", {{"section", label}});
    labels.see_all = c.Text("summary.see_all", {{"section", label}});
    labels.see_all_spoken = c.Spoken("summary.see_all", {{"section", label}});
    if (half < 1 && i % 2 == 1) ui::SameLine();
    switch (ui::SummaryRow("review", StepKey(section), label, a.Joined(), picture, labels,
                           !c.state.committing, half)) {
      case ui::RowAction::kChange: c.Emit(ev::Change{section}); break;
      case ui::RowAction::kSeeAll: c.Emit(ev::SeeAll{section}); break;
      case ui::RowAction::kNone: break;
    }
  }
  // What to do next is the dock's label; each row's Change says what it changes.
  if (complaint) {
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
  } else {
    if (MainButton(c, "button.send", "common.send")) c.Emit(ev::Send{});
  }
}

}  // namespace tellus::screens
