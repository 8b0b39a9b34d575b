#pragma once
// Internal to kiosk/screens: the context every screen draws with, the shared pieces
// (title, sentences, choices, text boxes, the bottom bar, help and idle panels) and
// one Draw function per screen. Words come from the catalog, never from code.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/duration.h"
#include "core/journey.h"
#include "core/policy.h"
#include "core/policy_language.h"
#include "core/receipt_slip.h"
#include "easyread/catalog.h"

namespace tellus::screens {

using Values = std::map<std::string, std::string>;

struct ScreenContext {
  const JourneyState& state;
  const Catalog& catalog;
  const Policy& policy;                            // in the catalog's language
  std::vector<JourneyEvent>& out;
  const Policy* written = nullptr;                 // as its file writes it (the register's names); null: `policy`

  // Shown text: Easy Read, or the Standard wording when the person chose it.
  std::string Text(const std::string& key, const Values& values = {}) const;
  std::string Spoken(const std::string& key, const Values& values = {}) const;
  const std::string& Pictogram(const std::string& key) const;
  void Emit(JourneyEvent event) const { out.push_back(std::move(event)); }
  // "<step key>.<rest>" for the current step.
  std::string Key(const std::string& rest) const;
  // The policy as its file writes it: the names the register's answers use.
  const Policy& Written() const { return written ? *written : policy; }
  // A stage as the register names it (the policy file's words), in the catalog's language.
  std::string StageName(const std::string& written_name) const;
  // The stage the register names, by its place in the procedure; npos when not the policy's.
  std::size_t StageIndex(const std::string& written_name) const;
};

// --- shared pieces (screen_parts.cpp) -----------------------------------------
void Title(const ScreenContext& c, const std::string& key);
void Say(const ScreenContext& c, const std::string& key, const Values& values = {});
void SayIfPresent(const ScreenContext& c, const std::string& key, const Values& values = {});
void SayData(const std::string& text, const std::string& pictogram);   // policy or person's words, as written
// The organisation's words (policy text), one sentence per line as Easy Read lays out.
void SayPolicy(const std::string& text, const std::string& pictogram);
// A policy text as the person reads it: its Easy Read sentences, each with its own picture;
// the organisation's exact words (with `pictogram`) under Standard words or when no Easy
// Read was written.
void SayEasyRead(const ScreenContext& c, const PolicyText& text, const std::string& pictogram);
// The same choice for a button: one label and one picture (the first Easy Read sentence's).
std::string PolicyLabel(const ScreenContext& c, const PolicyText& text);
std::string PolicyPicture(const ScreenContext& c, const PolicyText& text, const std::string& fallback);
// A service's or category's own picture: its image file, else its pictogram, else `fallback`.
std::string ItemPicture(const NamedItem& item, const std::string& fallback);
void Notice(const ScreenContext& c);               // the current notice, if any
// A big single choice; true when touched.
bool ChoiceItem(const ScreenContext& c, const std::string& id, const std::string& key, bool selected = false,
                float width_fraction = 0);        // 0: the full row; 0.5: half of it
bool ChoiceData(const std::string& id, const std::string& label, bool selected, const std::string& pictogram = {},
                float width_fraction = 0);        // 0: the full row
// A long list a page at a time: the items of the current page (first, count), and after
// them one big "More" button (page N of M) that turns the page, wrapping to the first.
struct PageSpan { std::size_t first = 0, count = 0; int pages = 1; };
PageSpan PageOf(const ScreenContext& c, std::size_t items, std::size_t per_page);
void MoreButton(const ScreenContext& c, const PageSpan& span, float width_fraction = 0);
bool CheckItem(const ScreenContext& c, const std::string& id, const std::string& key, bool checked,
               float width_fraction = 0);         // 0: the full row
// Where the person is: "Step 4 of 9 · About you", in the fixed strip at the top.
void ProgressStrip(const ScreenContext& c);
// The main forward action of a screen (Next, Send, Check, Finish), always in the dock.
bool MainButton(const ScreenContext& c, const std::string& id, const std::string& key, bool enabled = true);
// "We cannot check right now" (or "busy": too many look-ups) and what to do instead;
// the check and outcome screens share it.
void CannotReachRegister(const ScreenContext& c, bool busy);
// "Print my receipt" where the kiosk has a printer (nothing otherwise). The button says
// how printing goes (printing, printed: faded and saying why when touched; try again after
// a failure); `width_fraction` as ChoiceItem. The receipt on screen never changes with it.
void PrintButton(const ScreenContext& c, float width_fraction = 0);
// The outcome in one sentence: printed, or the printer is not working (the done screen;
// the check screen has no room, its button and the spoken outcome say it).
void PrintOutcome(const ScreenContext& c);
// A text box for `field`; touching it focuses it; when focused the keyboard follows.
void TextBox(const ScreenContext& c, Field field);
// While a box is being typed into, the screen shows only its title, the notice and that
// box above the keyboard (true); the caller then draws its dock. Screens with no main
// action of their own pass `done_in_dock` so the dock closes the keyboard instead.
bool TypingView(const ScreenContext& c, const std::string& title_key, bool done_in_dock = false);
// {name} and its grammatical forms ({name.accusative}, {date.genitive}) for a sentence (easyread/grammar.h).
Values DurationValues(const ScreenContext& c, const std::string& name, const Duration& duration);
Values DateValues(const ScreenContext& c, const std::string& name, Date date);
// One sentence of what happens next, as the printed slip has it (core/receipt_slip.h).
void SayNextStep(const ScreenContext& c, const SlipSentence& line);
// Under a text question: what was said or asked for instead of typing, then "Say it
// instead" (when the kiosk has a microphone) and "I want help to tell you" side by side.
void OtherWaysToAnswer(const ScreenContext& c);
// One line saying what stands for the answer besides typing: help asked for, else a
// kept recording. True when drawn (text questions then leave out their second sentence).
bool SayOtherAnswer(const ScreenContext& c);
std::string ClockText(int ms);                     // "1:05": minutes and seconds of a recording
std::string DateText(const ScreenContext& c, Date date, bool with_year = false);
void BottomBar(const ScreenContext& c);
void HelpPanel(const ScreenContext& c);
void IdlePanel(const ScreenContext& c);

// --- one per screen -------------------------------------------------------------
void DrawWelcome(const ScreenContext& c);          // welcome_screen.cpp
void DrawLanguages(const ScreenContext& c);        // languages_screen.cpp
void DrawEligibility(const ScreenContext& c);      // eligibility_screen.cpp
void DrawExclusions(const ScreenContext& c);       // exclusions_screen.cpp
void DrawAnonymous(const ScreenContext& c);        // anonymous_screen.cpp
void DrawAnonymousMeaning(const ScreenContext& c); // anonymous_meaning_screen.cpp
void DrawService(const ScreenContext& c);          // service_screen.cpp
void DrawTextQuestion(const ScreenContext& c);     // text_question_screen.cpp (subject, what happened, affected, put right, name)
void DrawPraise(const ScreenContext& c);           // praise_screen.cpp
void DrawCategories(const ScreenContext& c);       // categories_screen.cpp
void DrawWhen(const ScreenContext& c);             // when_screen.cpp
void DrawWhenOlder(const ScreenContext& c);        // when_older_screen.cpp
void DrawPickDate(const ScreenContext& c);         // pick_date_screen.cpp
void DrawContact(const ScreenContext& c);          // contact_screen.cpp
void DrawContactDetails(const ScreenContext& c);   // contact_details_screen.cpp
void DrawOnBehalf(const ScreenContext& c);         // on_behalf_screen.cpp
void DrawOnBehalfDetails(const ScreenContext& c);  // on_behalf_details_screen.cpp
void DrawSupport(const ScreenContext& c);          // support_screen.cpp
void DrawShare(const ScreenContext& c);            // share_screen.cpp
void DrawReview(const ScreenContext& c);           // review_screen.cpp
void DrawConsent(const ScreenContext& c);          // consent_screen.cpp
void DrawDone(const ScreenContext& c);             // done_screen.cpp
void DrawSignpost(const ScreenContext& c);         // signpost_screen.cpp
void DrawCheckEntry(const ScreenContext& c);       // check_entry_screen.cpp
void DrawCheckResult(const ScreenContext& c);      // check_result_screen.cpp
void DrawCheckConfirm(const ScreenContext& c);     // check_confirm_screen.cpp
void DrawCheckOutcome(const ScreenContext& c);     // check_outcome_screen.cpp
void DrawAbout(const ScreenContext& c);            // about_screen.cpp
void DrawCheckFeedback(const ScreenContext& c);    // check_feedback_screen.cpp
void DrawRecord(const ScreenContext& c);           // record_screen.cpp (Say it instead)
void DrawHelpToWrite(const ScreenContext& c);      // help_to_write_screen.cpp (way, and best time)
void DrawSafeguarding(const ScreenContext& c);     // safeguarding_screen.cpp
void DrawTellStaff(const ScreenContext& c);        // safeguarding_screen.cpp
void DrawOtherPlaces(const ScreenContext& c);      // other_places_screen.cpp
void DrawProcess(const ScreenContext& c);          // process_screen.cpp

}  // namespace tellus::screens
