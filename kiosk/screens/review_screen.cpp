// Review: every answer with Change; Change jumps to that step and comes back here.
#include "kiosk/screens/screen_parts.h"
#include "kiosk/ui/a11y.h"

namespace tellus::screens {

namespace {

// The item's name with its own picture (the id and `fallback` if the policy lost it).
void SayItem(const std::vector<NamedItem>& items, const std::string& id, const std::string& fallback) {
  for (const NamedItem& item : items) {
    if (item.id == id) return SayData(item.name, ItemPicture(item, fallback));
  }
  SayData(id, fallback);
}

// The person's own words, or "You did not write anything here."
void Words(const ScreenContext& c, const std::string& text) {
  if (text.empty()) {
    Say(c, "common.nothing_given");
  } else {
    SayData(text, "memo");
  }
}

void Answer(const ScreenContext& c, Step section) {
  const JourneyState& s = c.state;
  const PersonalPart& p = s.personal;
  switch (section) {
    case Step::kService: SayItem(c.policy.services, s.service_id, "service"); break;
    case Step::kSubject: Words(c, p.subject); break;
    case Step::kPraise:
      for (const std::string& id : s.praise_choices) SayData(c.Text("praise.choice." + id), c.Pictogram("praise.choice." + id));
      if (!p.praise.empty() || s.praise_choices.empty()) Words(c, p.praise);
      break;
    case Step::kCategories:
      for (const std::string& id : s.categories) SayItem(c.policy.categories, id, "complaint");
      break;
    case Step::kWhatHappened: Words(c, p.what_happened); break;
    case Step::kWhen:
      if (s.incident_date) {
        SayData(DateText(c, *s.incident_date, true), "calendar");
      } else if (s.when_choice == "this-week") {
        Say(c, "when.choice.this-week");
      } else {
        Say(c, "review.when_unknown");
      }
      break;
    case Step::kAffected: Words(c, p.how_affected); break;
    case Step::kPutRight: Words(c, p.put_right); break;
    case Step::kAnonymous:
    case Step::kName:
      if (p.person.anonymous) {
        Say(c, "review.anonymous");
        break;
      }
      SayData(p.person.name, "name");
      switch (p.person.contact) {
        case ContactPreference::kPhone: Say(c, "contact.choice.phone"); SayData(p.person.phone, "phone"); break;
        case ContactPreference::kEmail: Say(c, "contact.choice.email"); SayData(p.person.email, "email"); break;
        case ContactPreference::kLetter: Say(c, "contact.choice.letter"); SayData(p.person.address, "home"); break;
        case ContactPreference::kInPerson: Say(c, "contact.choice.in-person"); break;
        case ContactPreference::kNone: if (s.contact_answered) Say(c, "contact.choice.none"); break;
      }
      break;
    case Step::kOnBehalf:
      if (!p.on_behalf.on_behalf) {
        Say(c, "review.not_for_someone");
        break;
      }
      SayData(p.on_behalf.their_name, "person");
      Say(c, p.on_behalf.permission_given ? "on_behalf_details.choice.permission-yes"
                                          : "on_behalf_details.choice.permission-no");
      break;
    case Step::kSupport: {
      bool any = false;
      for (const std::string& id : SupportChoiceIds()) {
        if (SupportSelected(p.support, id)) {
          Say(c, "support.choice." + id);
          any = true;
        }
      }
      if (!p.support.language.empty()) {
        SayData(p.support.language, "language");
        any = true;
      }
      if (!any) Say(c, "review.no_support");
      break;
    }
    case Step::kShare:
      if (s.share == ShareConsent::kWithName) Say(c, "share.choice.with-name");
      if (s.share == ShareConsent::kWithoutName) Say(c, "share.choice.without-name");
      if (s.share == ShareConsent::kNo) Say(c, "share.choice.no");
      break;
    default: break;
  }
}

}  // namespace

void DrawReview(const ScreenContext& c) {
  const bool complaint = c.state.kind == JourneyKind::kComplaint;
  Title(c, "review.title");
  Say(c, "review.body_1");
  Notice(c);
  for (Step section : ReviewSections(c.state, c.policy)) {
    const std::string section_key = std::string("review.section.") + StepKey(section);
    const std::string label = c.Text(section_key);
    ui::Sentence(label, {});
    Answer(c, section);
    ui::ItemStyle change;
    change.pictogram = c.Pictogram("common.change");
    change.enabled = !c.state.committing;
    if (ui::Button(std::string("review.change.") + StepKey(section), c.Text("common.change", {{"section", label}}),
                   c.Spoken("common.change", {{"section", label}}), change)) {
      c.Emit(ev::Change{section});
    }
  }
  ui::Spacer(0.5f);
  if (complaint) {
    Say(c, "review.body_next");
    if (MainButton(c, "button.next", "common.next")) c.Emit(ev::Next{});
  } else {
    Say(c, "review.body_send");
    if (c.state.committing) Say(c, "common.saving");
    if (MainButton(c, "button.send", "common.send")) c.Emit(ev::Send{});
  }
}

}  // namespace tellus::screens
