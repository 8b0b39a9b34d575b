// The slip's sentences from the catalog, with dates as the screens write them.
#include "kiosk/print/slip_words.h"

#include "core/model.h"
#include "core/policy.h"
#include "easyread/grammar.h"

namespace tellus::print {

namespace {

SlipLine Line(const Catalog& catalog, const std::string& key, const std::map<std::string, std::string>& values = {}) {
  return SlipLine{catalog.Format(key, values), catalog.Entry(key).pictogram};
}

std::vector<SlipLine> Lines(const Catalog& catalog, const Policy& policy, const std::vector<SlipSentence>& sentences) {
  std::vector<SlipLine> lines;
  for (const SlipSentence& s : sentences) {
    if (s.policy_words != PolicyWords::kNone) {     // the policy's own words: Easy Read where written
      const PolicyText& text = PolicyWordsIn(policy, s.policy_words);
      if (text.easy_read.empty()) lines.push_back(SlipLine{text.words, s.picture});
      for (const EasyReadSentence& e : text.easy_read)
        lines.push_back(SlipLine{e.text, e.picture.empty() ? s.picture : e.picture});
      continue;
    }
    // The sentence picks the date's grammatical form ({date} or {date.genitive}), as on screen.
    std::map<std::string, std::string> values = s.date ? DateValues(catalog, "date", *s.date) : std::map<std::string, std::string>{};
    if (!s.stage.empty()) values["stage"] = s.stage;
    values["button"] = catalog.Text("welcome.choice.check");   // the button's own words on the welcome screen
    lines.push_back(Line(catalog, s.key, values));
  }
  return lines;
}

}  // namespace

std::string GroupedCode(const std::string& code) {
  std::string spaced;
  for (char ch : code) spaced += ch == '-' ? std::string("  ") : std::string(1, ch);
  return spaced;
}

SlipWords WordsFor(const ReceiptSlip& slip, const Catalog& catalog, const Policy& policy) {
  SlipWords w;
  w.organisation = slip.organisation;
  w.title = Line(catalog, "slip.title");
  if (slip.received) w.opening.push_back(Line(catalog, "slip.received", DateValues(catalog, "date", *slip.received)));
  w.reference_label = Line(catalog, "done.reference_label");
  w.reference = GroupedCode(slip.reference);
  w.tracking_label = Line(catalog, "done.tracking_label");
  w.tracking_code = GroupedCode(slip.tracking_code);
  w.keep = {Line(catalog, "slip.keep_safe"), Line(catalog, "slip.secret")};
  w.qr = slip.reference;
  w.next_title = Line(catalog, "slip.next_title");
  w.next = Lines(catalog, policy, slip.next);
  w.check_title = Line(catalog, "slip.check_title");
  w.check_back = Lines(catalog, policy, slip.check_back);
  return w;
}

void Wipe(SlipWords& w) {
  for (std::string* s : {&w.organisation, &w.reference, &w.tracking_code, &w.qr}) WipeString(*s);
  for (SlipLine* line : {&w.title, &w.reference_label, &w.tracking_label, &w.next_title, &w.check_title})
    WipeString(line->text);
  for (std::vector<SlipLine>* list : {&w.opening, &w.keep, &w.next, &w.check_back}) {
    for (SlipLine& line : *list) WipeString(line.text);
    list->clear();
  }
}

}  // namespace tellus::print
