// The on-screen keyboard: a board per field kind (letters, number pad, email, codes),
// the language's own letters from its catalog, capitals with Shift, no Done key, big
// spoken keys that leave the question in sight; and whole journeys typed on it, read
// back from the sealed submission in the store.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cfloat>
#include <map>

#include "core/reference.h"
#include "core/seal.h"
#include "easyread/catalog.h"
#include "easyread/letters.h"
#include "kiosk/ui/a11y.h"
#include "kiosk/ui/fonts.h"
#include "tests/core/journey_driver.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using namespace testing_ui;

const std::string kLangRoot = testing::SourcePath("easyread/lang");
const char* const kLanguages[] = {"en-GB", "cy", "pl", "fr", "es", "pt", "ro", "uk", "lt"};

// A text box with the keyboard under it, as a screen would draw them.
struct TypingScreen {
  std::string text;
  int limit = 10;
  bool done = false;
  int refused = 0;
  KeyboardKind kind = KeyboardKind::kText;
  KeyboardLayout layout = EnglishKeyboardLayout();
  void Draw() {
    ui::Heading("Type something");
    ui::TextField("field.test", "What happened", "What happened. Type here.", text, limit, true);
    const ui::KeyboardInput in = ui::Keyboard("kb", kind, layout);
    for (int i = 0; i < in.backspaces && !text.empty(); ++i) {
      while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
      text.pop_back();
    }
    for (char c : in.typed) {
      if (ui::CountCodePoints(text) >= limit && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++refused;
        continue;
      }
      text += c;
    }
    if (in.done) done = true;
  }
};

HarnessOptions WidgetsOnly() {
  HarnessOptions o;
  o.with_app = false;
  return o;
}

std::vector<const ui::Node*> Keys(const Harness& h) {
  std::vector<const ui::Node*> keys;
  for (const ui::Node& n : h.Nodes())
    if (n.role == ui::Role::kKey) keys.push_back(&n);
  return keys;
}

bool HasKeyLabelled(const Harness& h, const std::string& label) {
  for (const ui::Node* k : Keys(h))
    if (k->label == label) return true;
  return false;
}

// Types `text` by pressing on-screen keys only: a key showing the letter, else Shift and
// then the key showing its capital; a space on the Space key.
void TypeOnKeys(Harness& h, const std::string& prefix, const std::string& text) {
  for (const std::string& letter : SplitLetters(text)) {
    h.Frame(2);
    if (letter == " ") {
      h.PressId(prefix + ".space");
      continue;
    }
    const auto find = [&]() -> std::string {
      for (const ui::Node* k : Keys(h))
        if (k->label == letter) return k->id;
      return {};
    };
    std::string id = find();
    if (id.empty() && h.TryFindId(prefix + ".shift")) {
      h.PressId(prefix + ".shift");
      h.Frame(2);
      id = find();
    }
    ASSERT_FALSE(id.empty()) << "no key types '" << letter << "'\n" << h.Describe();
    h.PressId(id);
  }
}

// --- the widget ---------------------------------------------------------------------

TEST(Keyboard, OnScreenKeysTypeShiftSpaceDeleteAndThereIsNoDoneKey) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  h.Press("h", ui::Role::kKey);
  h.Press("i", ui::Role::kKey);
  EXPECT_EQ(screen.text, "hi");
  h.PressId("kb.shift");
  EXPECT_TRUE(h.FindId("kb.shift").selected);
  EXPECT_TRUE(h.TryFind("A", ui::Role::kKey)) << h.Describe();
  h.Press("A", ui::Role::kKey);
  EXPECT_EQ(screen.text, "hiA");
  EXPECT_TRUE(h.TryFind("a", ui::Role::kKey)) << "shift is for one letter";
  h.PressId("kb.space");
  h.PressId("kb.symbols");
  h.Press("?", ui::Role::kKey);
  EXPECT_EQ(screen.text, "hiA ?");
  h.PressId("kb.backspace");
  EXPECT_EQ(screen.text, "hiA ");
  h.PressId("kb.letters");
  EXPECT_TRUE(h.TryFind("q", ui::Role::kKey)) << h.Describe();
  EXPECT_EQ(h.TryFindId("kb.done"), nullptr) << "the screen's Next is the only way on";
  EXPECT_FALSE(h.Has("Done"));
  EXPECT_FALSE(screen.done);
}

TEST(Keyboard, PhysicalKeyboardIsMergedIn) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 50;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  h.Type("Zoë said R?");                           // R and ? are text while a keyboard shows
  EXPECT_EQ(screen.text, "Zoë said R?");
  h.Key(GLFW_KEY_BACKSPACE);
  EXPECT_EQ(screen.text, "Zoë said R");
  h.Key(GLFW_KEY_ENTER);
  EXPECT_TRUE(screen.done) << "Enter on a physical keyboard still ends typing";
}

TEST(Keyboard, PhysicalKeyboardWorksOnEveryBoard) {
  for (KeyboardKind kind : {KeyboardKind::kNumber, KeyboardKind::kEmail, KeyboardKind::kCode}) {
    Harness h(WidgetsOnly());
    TypingScreen screen;
    screen.limit = 50;
    screen.kind = kind;
    h.DrawWith([&] { screen.Draw(); });
    h.Frame(2);
    h.Type("ab-1 é");
    EXPECT_EQ(screen.text, "ab-1 é") << static_cast<int>(kind);
  }
}

TEST(Keyboard, LimitIsShownNotSilentlyCut) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 5;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  EXPECT_EQ(h.FindId("field.test.count").label, "0 of 5");
  h.Type("abc");
  EXPECT_EQ(h.FindId("field.test.count").label, "3 of 5");
  h.Type("defg");
  EXPECT_EQ(screen.text, "abcde");
  EXPECT_EQ(screen.refused, 2);
  EXPECT_EQ(h.FindId("field.test.count").label, "5 of 5");
  EXPECT_TRUE(h.ShowsText("abcde"));
  EXPECT_EQ(ui::NodesToJson(h.Nodes(), "typing").find("abcde"), std::string::npos)
      << "what people type never goes into the a11y dump file";
}

TEST(Keyboard, TabAndArrowsMoveFocusAndEnterPresses) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  h.Key(GLFW_KEY_TAB);
  EXPECT_EQ(ui::FocusedId(), "field.test");
  h.Key(GLFW_KEY_DOWN);
  EXPECT_EQ(ui::FocusedId().rfind("kb.key.", 0), 0u) << ui::FocusedId();
  ui::SetFocus("kb.key.q");
  h.Frame();
  h.Key(GLFW_KEY_ENTER);
  EXPECT_EQ(screen.text, "q");
  EXPECT_FALSE(screen.done) << "Enter on a focused key presses that key, not Done";
  h.Key(GLFW_KEY_RIGHT);
  EXPECT_EQ(ui::FocusedId(), "kb.key.w");
  EXPECT_TRUE(h.FindId("kb.key.w").focused);
  h.Key(GLFW_KEY_TAB, false, false, true);
  EXPECT_EQ(ui::FocusedId(), "kb.key.q");
}

// Every board of every language at the standard size at 1920x1080: keys at least
// 15 mm and spoken, labels that fit their key, all above the bar, and the keyboard no
// taller than 42% of the display so the question, the field and Next stay in sight.
TEST(Keyboard, EveryBoardOfEveryLanguageHasBigSpokenKeysAndLeavesTheQuestionInSight) {
  Harness h(WidgetsOnly());
  const ImFont* font = ui::Fonts().body[0];
  ASSERT_NE(font, nullptr);
  ASSERT_GE(ui::MinTargetPixels(), 60.f);
  for (const char* tag : kLanguages) {
    SCOPED_TRACE(tag);
    TypingScreen screen;
    screen.layout = Catalog::LoadLanguage(kLangRoot, tag).keyboard();
    h.DrawWith([&] { screen.Draw(); });
    for (KeyboardKind kind : {KeyboardKind::kText, KeyboardKind::kNumber, KeyboardKind::kEmail, KeyboardKind::kCode}) {
      screen.kind = kind;
      const std::vector<std::string> pages =
          kind != KeyboardKind::kText ? std::vector<std::string>{""}
                                      : std::vector<std::string>{"", "kb.symbols", "kb.letters", "kb.latin"};
      for (const std::string& page : pages) {
        SCOPED_TRACE(std::to_string(static_cast<int>(kind)) + " " + page);
        h.Frame(2);
        if (!page.empty()) {
          if (!h.TryFindId(page)) continue;       // no Latin page in a Latin language
          h.PressId(page);
          h.Frame(2);
        }
        const std::vector<const ui::Node*> keys = Keys(h);
        ASSERT_GE(keys.size(), 13u) << h.Describe();   // the number pad: 0-9, +, Space, Delete
        float top = 1080;
        for (const ui::Node* k : keys) {
          EXPECT_FALSE(k->spoken.empty()) << k->id;
          EXPECT_GE(k->rect.w + 0.5f, ui::MinTargetPixels()) << k->id;
          EXPECT_GE(k->rect.h + 0.5f, ui::MinTargetPixels()) << k->id;
          EXPECT_GE(k->rect.x, 0.f) << k->id;
          EXPECT_LE(k->rect.x + k->rect.w, 1920.f) << k->id;
          EXPECT_LE(k->rect.y + k->rect.h, 1080.f - ui::BottomBarHeight() + 0.5f) << k->id << " is under the bar";
          const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, k->label.c_str());
          EXPECT_LE(text.x, k->rect.w - 8) << "'" << k->label << "' does not fit its key";
          top = std::min(top, k->rect.y);
        }
        const float height = 1080.f - ui::BottomBarHeight() - top;
        EXPECT_LE(height, 0.42f * 1080.f) << "the keyboard covers the question";
        EXPECT_LE(ui::ContentBottom(), 1080.f - ui::BottomBarHeight() - height + 1) << "docked above the bar";
      }
    }
  }
}

// Each language's own letters are keys on its first page (one touch, or Shift and one
// touch for a capital), from the catalog, not from code.
TEST(Keyboard, EachLanguageHasItsOwnLettersOneTouchAway) {
  const std::map<std::string, std::string> own = {
      {"cy", "ŵŷâêîôû"},   {"pl", "ąćęłńóśźż"}, {"ro", "ăâîșț"},     {"lt", "ąčęėįšųūž"},
      {"fr", "éèêàçùœ"},   {"es", "ñáéíóú"},   {"pt", "ãõçáéêó"},
      {"uk", "йцукенгшщзхїфівапролджєячсмитьбюґ'"}};
  for (const auto& [tag, letters] : own) {
    SCOPED_TRACE(tag);
    Harness h(WidgetsOnly());
    const Catalog catalog = Catalog::LoadLanguage(kLangRoot, tag);
    EXPECT_FALSE(catalog.keyboard().source.empty()) << "the layout comes from the catalog";
    TypingScreen screen;
    screen.layout = catalog.keyboard();
    h.DrawWith([&] { screen.Draw(); });
    h.Frame(3);
    for (const std::string& letter : SplitLetters(letters)) {
      EXPECT_TRUE(h.TryFindId("kb.key." + letter)) << letter << " is not on the first page";
      if (letter == "'") continue;
      EXPECT_TRUE(HasCapital(letter)) << letter;
    }
    h.PressId("kb.shift");
    h.Frame(2);
    for (const std::string& letter : SplitLetters(letters)) {
      if (letter == "'") continue;
      const ui::Node* key = h.TryFindId("kb.key." + letter);
      ASSERT_TRUE(key);
      EXPECT_EQ(key->label, UpperCase(letter)) << "Shift shows the capital";
    }
  }
}

TEST(Keyboard, ShiftTypesTheCapitalOfTheLanguagesLetters) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 50;
  screen.layout = Catalog::LoadLanguage(kLangRoot, "pl").keyboard();
  h.DrawWith([&] { screen.Draw(); });
  TypeOnKeys(h, "kb", "Łódź Ąś");
  EXPECT_EQ(screen.text, "Łódź Ąś");
  EXPECT_EQ(h.FindId("kb.key.ł").label, "ł") << "Shift is for one letter";
  EXPECT_EQ(UpperCase("йїєґіщ ŵŷ șț ėįųū œñç"), "ЙЇЄҐІЩ ŴŶ ȘȚ ĖĮŲŪ ŒÑÇ");
  EXPECT_EQ(UpperCase("ß1-@"), "ß1-@") << "no capital: kept as it is";
}

TEST(Keyboard, UkrainianHasCyrillicLettersAndALatinPageForEmail) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 50;
  screen.layout = Catalog::LoadLanguage(kLangRoot, "uk").keyboard();
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  EXPECT_FALSE(h.TryFindId("kb.key.q")) << "Cyrillic first";
  TypeOnKeys(h, "kb", "Оля");
  h.PressId("kb.latin");
  h.Frame(2);
  EXPECT_TRUE(h.TryFindId("kb.key.q")) << h.Describe();
  EXPECT_FALSE(h.TryFindId("kb.key.й"));
  TypeOnKeys(h, "kb", " Olia");
  h.PressId("kb.letters");
  h.Frame(2);
  EXPECT_TRUE(h.TryFindId("kb.key.й"));
  EXPECT_EQ(screen.text, "Оля Olia");
}

TEST(Keyboard, NumberPadForPhoneNumbers) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 30;
  screen.kind = FieldKeyboard(Field::kPhone);
  ASSERT_EQ(screen.kind, KeyboardKind::kNumber);
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  std::vector<std::string> labels;
  float biggest_text_key = 0;
  for (const ui::Node* k : Keys(h)) labels.push_back(k->label);
  EXPECT_EQ(labels.size(), 13u) << h.Describe();    // 0-9, +, Space, Delete
  EXPECT_FALSE(HasKeyLabelled(h, "a"));
  EXPECT_FALSE(h.TryFindId("kb.shift"));
  const float digit_height = h.FindId("kb.key.5").rect.h;
  TypeOnKeys(h, "kb", "+44 7700 900123");
  h.PressId("kb.backspace");
  EXPECT_EQ(screen.text, "+44 7700 90012");
  screen.kind = KeyboardKind::kText;
  h.Frame(2);
  for (const ui::Node* k : Keys(h)) biggest_text_key = std::max(biggest_text_key, k->rect.h);
  EXPECT_GT(digit_height, biggest_text_key) << "the number pad's keys are bigger";
}

TEST(Keyboard, EmailHasAtSignsAndWholeEndings) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 120;
  screen.kind = FieldKeyboard(Field::kEmail);
  screen.layout = Catalog::LoadLanguage(kLangRoot, "uk").keyboard();
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  for (const char* sign : {"@", ".", "-", "_", "@gmail.com", ".co.uk"})
    EXPECT_TRUE(HasKeyLabelled(h, sign)) << sign << "\n" << h.Describe();
  EXPECT_FALSE(h.TryFindId("kb.key.й")) << "an email address is typed in Latin letters";
  TypeOnKeys(h, "kb", "olia_k");
  h.PressId("kb.key.@gmail.com");
  EXPECT_EQ(screen.text, "olia_k@gmail.com");
}

TEST(Keyboard, CodesShowAndTypeCapitals) {
  Harness h(WidgetsOnly());
  TypingScreen screen;
  screen.limit = 20;
  screen.kind = FieldKeyboard(Field::kReference);
  ASSERT_EQ(FieldKeyboard(Field::kTrackingCode), KeyboardKind::kCode);
  h.DrawWith([&] { screen.Draw(); });
  h.Frame(2);
  for (const ui::Node* k : Keys(h)) {
    if (k->id.rfind("kb.key.", 0) != 0) continue;
    EXPECT_EQ(k->label, UpperCase(k->label)) << "no small letters: " << k->id;
  }
  EXPECT_TRUE(HasKeyLabelled(h, "Q"));
  EXPECT_FALSE(h.TryFindId("kb.shift"));
  h.PressId("kb.key.n");
  h.PressId("kb.key.s");
  h.PressId("kb.key.-");
  h.PressId("kb.key.4");
  h.PressId("kb.key.k");
  EXPECT_EQ(screen.text, "NS-4K");
}

// --- journeys typed on the keys, read back from the sealed submission --------------

struct Sealed {
  BoxKeyPair keys = NewBoxKeyPair();
  HarnessOptions Options(const std::string& language) const {
    HarnessOptions o;
    o.policy = testing_journey::NextStepsLike();
    o.language = language;
    KioskIdentity identity;                        // no register address: nothing is sent
    identity.kiosk_number = 7;
    identity.kiosk_name = "Test reception";
    identity.policy = o.policy->id;
    identity.register_box_public_key = keys.public_key;
    o.identity = identity;
    return o;
  }
};

// A compliment with a name (and a phone number when given), every letter pressed on the keys.
PersonalPart ComplimentTypedOnKeys(const std::string& language, const std::string& name,
                                   const std::string& phone = {}) {
  Sealed sealed;
  Harness h(sealed.Options(language));
  TapId(h, "choice.welcome.compliment");
  TapId(h, "choice.service.supported-living");
  TapId(h, "button.next");                         // who: left empty
  TapId(h, "check.praise.listened");
  TapId(h, "button.next");
  TapId(h, "choice.anonymous.name");
  EXPECT_EQ(StepOf(h), Step::kName) << h.Describe();
  TapId(h, "field.name");
  TypeOnKeys(h, "key", name);
  TapId(h, "button.next");
  if (phone.empty()) {
    TapId(h, "choice.contact.none");
  } else {
    TapId(h, "choice.contact.phone");
    TapId(h, "field.phone");
    h.Frame(2);
    EXPECT_FALSE(h.TryFindId("key.key.a")) << "a phone number is typed on the number pad";
    TypeOnKeys(h, "key", phone);
    TapId(h, "button.next");
  }
  TapId(h, "choice.share.with-name");
  EXPECT_EQ(StepOf(h), Step::kReview) << h.Describe();
  TapId(h, "button.send");
  EXPECT_EQ(StepOf(h), Step::kDone) << h.Describe();
  if (h.store().PendingCount() != 1) return {};
  return OpenPersonal(h.store().Pending(1).at(0).sealed, sealed.keys);
}

TEST(KeyboardJourney, PolishNameWithOgonekAndStrokeIsStored) {
  EXPECT_EQ(ComplimentTypedOnKeys("pl", "Łucja Wąsowska").person.name, "Łucja Wąsowska");
}

TEST(KeyboardJourney, WelshNameWithCircumflexWIsStored) {
  EXPECT_EQ(ComplimentTypedOnKeys("cy", "Gwenllian Ŵyn").person.name, "Gwenllian Ŵyn");
}

TEST(KeyboardJourney, UkrainianNameInCyrillicIsStored) {
  EXPECT_EQ(ComplimentTypedOnKeys("uk", "Олена Ґудзь-Їжак").person.name, "Олена Ґудзь-Їжак");
}

TEST(KeyboardJourney, PhoneNumberTypedOnTheNumberPadIsStored) {
  const PersonalPart personal = ComplimentTypedOnKeys("en-GB", "Sam Jones", "+44 7700 900123");
  EXPECT_EQ(personal.person.name, "Sam Jones");
  EXPECT_EQ(personal.person.phone, "+44 7700 900123");
  EXPECT_EQ(personal.person.contact, ContactPreference::kPhone);
}

// Keys are read aloud in the kiosk's language: signs by name, capitals as capitals.
TEST(KeyboardJourney, KeysAreReadAloudInTheLanguage) {
  HarnessOptions o;
  o.policy = testing_journey::NextStepsLike();
  o.language = "pl";
  Harness h(o);
  TapId(h, "choice.welcome.compliment");
  TapId(h, "choice.service.supported-living");
  TapId(h, "field.subject");
  h.Frame(2);
  EXPECT_EQ(h.FindId("key.key.ą").spoken, "ą");
  EXPECT_EQ(h.FindId("key.shift").label, "Wielka litera") << "key names are translated";
  EXPECT_EQ(h.FindId("key.backspace").label, "Usuń");
  h.PressId("key.shift");
  h.Frame(2);
  EXPECT_EQ(h.FindId("key.key.ą").spoken, "wielka litera Ą");
  h.PressId("key.symbols");
  h.Frame(2);
  EXPECT_EQ(h.FindId("key.key.@").spoken, "małpa");
}

// The reference and tracking code show capitals and type capitals; a reference typed in
// small letters on a physical keyboard is still accepted.
TEST(KeyboardJourney, ReferenceIsTypedInCapitals) {
  std::string reference;
  for (std::uint64_t sequence = 42; reference.empty(); ++sequence) {
    const std::string r = FormatReference({"NS", 7, sequence});
    if (r.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-") == std::string::npos) reference = r;
  }
  for (bool physical : {false, true}) {
    SCOPED_TRACE(physical ? "physical keyboard, small letters" : "on-screen keys");
    Sealed sealed;
    Harness h(sealed.Options("en-GB"));
    TapId(h, "choice.welcome.check");
    TapId(h, "field.reference");
    h.Frame(2);
    for (const ui::Node* k : Keys(h)) {
      if (k->id.rfind("key.key.", 0) != 0) continue;
      EXPECT_EQ(k->label, UpperCase(k->label)) << k->id;
    }
    const std::string code = NewTrackingCode();
    std::string lower_reference = reference, lower_code = code;
    for (char& ch : lower_reference) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (char& ch : lower_code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (physical) h.Type(lower_reference);
    else TypeOnKeys(h, "key", reference);
    EXPECT_EQ(h.state().check_reference, physical ? lower_reference : reference);
    h.Key(GLFW_KEY_ENTER);                         // typing ends; the typing view shows both boxes again
    TapId(h, "field.tracking_code");
    if (physical) h.Type(lower_code);
    else TypeOnKeys(h, "key", code);
    EXPECT_EQ(h.state().check_tracking, physical ? lower_code : code);
    TapId(h, "button.check");
    EXPECT_NE(h.state().notice, Notice::kBadReference) << h.Describe();
    EXPECT_NE(h.state().notice, Notice::kBadTrackingCode) << h.Describe();
    EXPECT_EQ(StepOf(h), Step::kCheckResult) << h.Describe();
  }
}

}  // namespace
}  // namespace tellus
