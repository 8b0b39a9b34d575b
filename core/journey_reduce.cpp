// Reduce: the next journey state and the effects for the kiosk to run.
#include <algorithm>
#include <type_traits>

#include "core/journey.h"
#include "core/journey_flow.h"
#include "core/reference.h"

// GCC 12 at -O2 reports a false "maybe-uninitialized" inside std::variant when an
// empty effect struct is pushed from the visitor (GCC bug 105562-style); the code is fine.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace tellus {

using namespace journey_detail;

// Shared with journey_voice.cpp (journey_flow.h).
namespace journey_detail {

void SpeakIfListening(Ctx& c) {
  if (c.s.settings.listen) c.fx.push_back(fx::SpeakScreen{});
}

void Enter(Ctx& c, Place place) {
  c.s.history.push_back(c.s.place);
  c.s.place = place;
  c.s.focused = Field::kNone;
  c.s.help_open = false;
  c.s.review_shown.reset();
  c.s.list_page = 0;
  if (place.step == Step::kReview) c.s.returning_to_review = false;
  if (place.step == Step::kPickDate) {
    // The grid opens on the day already given, else on this month.
    const Date shown = c.s.incident.OneDay() ? *c.s.incident.from : c.s.today;
    c.s.shown_month = std::chrono::year_month{shown.year(), shown.month()};
    c.s.month_list.reset();
  }
  SpeakIfListening(c);
}

// The usual next step, or straight back to review when a Change has left its section.
void Forward(Ctx& c, Step from) {
  Place next = After(c.s, c.p, from);
  if (c.s.returning_to_review) {
    if (from == Step::kAnonymous && !c.s.personal.person.anonymous) {
      next = Place{Step::kName, 0};
    } else if (SectionOf(next.step) != SectionOf(from)) {
      next = Place{Step::kReview, 0};
    }
  }
  Enter(c, next);
}

void Signpost(Ctx& c, SignpostReason reason, int index) {
  c.s.signpost = reason;
  c.s.signpost_index = index;
  Enter(c, Place{Step::kSignpost, 0});
}

void SetNotice(Ctx& c, Notice notice) {
  c.s.notice = notice;
  c.fx.push_back(fx::PlaySound{fx::Sound::kError});
  c.fx.push_back(fx::SpeakKey{NoticeKey(notice), {}});
}

}  // namespace journey_detail

namespace {

void StartJourney(Ctx& c, JourneyKind kind) {
  WipeAnswers(c.s);
  c.s.kind = kind;
  if (kind == JourneyKind::kCompliment && !c.p.compliments.anonymous_accepted) {
    c.s.personal.person.anonymous = false;
    c.s.anonymous_chosen = true;
  }
  if (kind == JourneyKind::kComment && !c.p.comments_keep_name) {
    c.s.personal.person.anonymous = true;          // never asked: the policy keeps no name with a comment
    c.s.anonymous_chosen = true;
  }
  Enter(c, FirstPlace(kind, c.p));
}

void Restart(Ctx& c) {
  WipeAnswers(c.s);
  c.fx.push_back(fx::StopSpeech{});
  c.fx.push_back(fx::WipeAndRestart{});
  SpeakIfListening(c);
}

// Leaving done / the check result: nothing of this person stays, settings included.
void Finish(Ctx& c) {
  c.s = WipeJourney(c.s);
  c.fx.push_back(fx::StopSpeech{});
  c.fx.push_back(fx::WipeAndRestart{});
}

void ToggleIn(std::vector<std::string>& list, const std::string& id) {
  auto it = std::find(list.begin(), list.end(), id);
  if (it == list.end()) {
    list.push_back(id);
  } else {
    list.erase(it);
  }
}

template <typename Items>
int IndexOf(const Items& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void ChooseAnonymous(Ctx& c) {
  PersonalPart& personal = c.s.personal;
  for (std::string* text : {&personal.person.name, &personal.person.phone, &personal.person.email,
                            &personal.person.address}) {
    WipeString(*text);
  }
  personal.person.anonymous = true;
  personal.person.contact = ContactPreference::kNone;
  c.s.contact_answered = false;
  c.s.anonymous_chosen = true;
  if (c.s.share == ShareConsent::kWithName) c.s.share = ShareConsent::kNotAsked;
  // Support needs are about letters we send; an anonymous person gets none, nor a call-back.
  WipeString(personal.support.language);
  personal.support = SupportNeeds{};
  personal.help = HelpRequest{};
}

void AskStatus(Ctx& c) {
  c.s.check_status = CheckStatusKind::kWaiting;
  if (c.s.check_case) WipeString(c.s.check_case->latest_reply);
  c.s.check_case.reset();
  c.fx.push_back(fx::CheckStatus{c.s.check_reference, c.s.check_tracking});
}

// Back to the case's status from the confirm or outcome screen (not back through them).
void ReturnToStatus(Ctx& c) {
  JourneyState& s = c.s;
  while (!s.history.empty() && s.history.back().step != Step::kCheckResult) s.history.pop_back();
  if (!s.history.empty()) s.history.pop_back();
  s.place = Place{Step::kCheckResult, 0};
  s.check_request = CaseRequest::kNone;
  s.request_outcome = RequestOutcome::kNone;
  WipeString(s.check_feedback);                    // sent, or not wanted after all
  WipeString(s.check_reason);
  s.focused = Field::kNone;
  SpeakIfListening(c);
}

// The policy's other places to go: every one (after the last stage, or when turned away),
// else only those the policy allows at any stage. Nothing to open when none apply.
void OpenOtherPlaces(Ctx& c, bool all) {
  c.s.other_places_all = all;
  if (OtherPlacesNow(c.s, c.p).empty()) return;
  Enter(c, Place{Step::kOtherPlaces, 0});
}

void OnCheckChoice(Ctx& c, const std::string& id) {
  JourneyState& s = c.s;
  const bool found = s.check_status == CheckStatusKind::kFound && s.check_case;
  if (id == "finish") {
    Finish(c);
  } else if (id == "escalate" && found && s.check_case->can_escalate) {
    s.check_request = CaseRequest::kEscalate;
    Enter(c, Place{Step::kEscalateReason, 0});     // why, in their words, before "are you sure?"
  } else if (id == "other-places" && found) {
    OpenOtherPlaces(c, AtLastStage(c.p, s.check_case->stage_name));
  } else if (id == "feedback" && found && s.check_case->kind == JourneyKind::kComplaint) {
    s.check_request = CaseRequest::kFeedback;
    Enter(c, Place{Step::kCheckFeedback, 0});
  } else if (id == "withdraw" && found && s.check_case->can_withdraw) {
    s.check_request = CaseRequest::kWithdraw;
    Enter(c, Place{Step::kCheckConfirm, 0});
  } else if (id == "try-again" &&
             (s.check_status == CheckStatusKind::kUnavailable || s.check_status == CheckStatusKind::kBusy)) {
    AskStatus(c);                                  // the same codes, asked again
    SpeakIfListening(c);
  } else if (id == "change-codes" && s.check_status == CheckStatusKind::kNotFound) {
    Enter(c, Place{Step::kCheckEntry, 0});         // what was typed stays, to be corrected
  }
}

// "Print my receipt": once at a time, and not again once printed; the slip is the
// current screen's (the receipt, or the case found).
void OnPrint(Ctx& c) {
  JourneyState& s = c.s;
  if (!s.printer || s.print_status == PrintStatus::kPrinting || s.print_status == PrintStatus::kPrinted) return;
  std::optional<ReceiptSlip> slip = SlipFor(s, c.p);
  if (!slip) return;
  s.print_status = PrintStatus::kPrinting;
  c.fx.push_back(fx::PrintReceipt{std::move(*slip), s.settings.language});
}

void OnPrintResult(Ctx& c, bool printed) {
  JourneyState& s = c.s;
  if (s.print_status != PrintStatus::kPrinting) return;  // the person has gone: nothing to tell
  s.print_status = printed ? PrintStatus::kPrinted : PrintStatus::kFailed;
  // Said whether or not Listen is on, like a notice: the person is waiting for the paper.
  c.fx.push_back(fx::PlaySound{printed ? fx::Sound::kDone : fx::Sound::kAttention});
  c.fx.push_back(fx::SpeakKey{printed ? "print.printed" : "print.failed", {}});
  if (!printed) {
    if (s.place.step == Step::kDone) c.fx.push_back(fx::SpeakKey{"done.keep", {}});  // "Write these down or take a photo."
    c.fx.push_back(fx::SpeakKey{"print.failed_staff", {}});
  }
}

void OnChoose(Ctx& c, const std::string& id) {
  JourneyState& s = c.s;
  switch (s.place.step) {
    case Step::kWelcome: {
      auto choices = WelcomeChoices(c.p);
      if (std::find(choices.begin(), choices.end(), id) == choices.end()) return;
      const std::optional<Kind> kind = ValueOf(kKindNames, id);   // else "check"
      StartJourney(c, kind ? JourneyKindOf(*kind) : JourneyKind::kCheck);
      return;
    }
    case Step::kSafeguarding:
      if (id == "yes" || id == "not_sure") {       // not sure: staff decide, so it is told to them too
        s.safeguarding_answer = true;
        s.urgent = true;
        c.fx.push_back(fx::PlaySound{fx::Sound::kAttention});
        Enter(c, Place{Step::kTellStaff, 0});
      } else if (id == "no") {
        s.safeguarding_answer = false;
        s.urgent = false;
        Forward(c, Step::kSafeguarding);
      }
      return;
    case Step::kEligibility: {
      if (id != "yes" && id != "no") return;
      const YesNoQuestion* q = EligibilityQuestionAt(c.p, s.place);
      if (!q) return;
      if (q->marks == AnswerMark::kDeceased) {
        // "Has the person died?": no permission can be asked for; the family question follows.
        const bool died = (id == "yes") != q->blocking_answer;
        s.personal.on_behalf.deceased = died;
        if (died) s.personal.on_behalf.on_behalf = true;
      }
      if ((id == "yes") != q->blocking_answer) {
        auto& cleared = s.eligibility_cleared_at;
        cleared.resize(std::max(cleared.size(), static_cast<std::size_t>(s.place.index) + 1), -1);
        cleared[static_cast<std::size_t>(s.place.index)] = s.place.part;
        Forward(c, Step::kEligibility);            // one answer that does not block clears the rule
      } else if (EligibilityQuestionAt(c.p, Place{Step::kEligibility, s.place.index, s.place.part + 1})) {
        Enter(c, Place{Step::kEligibility, s.place.index, s.place.part + 1});  // blocks only if the next one does too
      } else {
        Signpost(c, SignpostReason::kEligibility, s.place.index);
      }
      return;
    }
    case Step::kExclusions: {
      if (id == "none") {
        Forward(c, Step::kExclusions);
        return;
      }
      int index = IndexOf(c.p.exclusions, id);
      if (index >= 0) Signpost(c, SignpostReason::kExclusion, index);
      return;
    }
    case Step::kAnonymous:
      if (id == "name") {
        s.personal.person.anonymous = false;
        s.anonymous_chosen = true;
        Forward(c, Step::kAnonymous);
      } else if (id == "anonymous") {
        if (s.kind == JourneyKind::kComplaint && !c.p.anonymous_complaints) {
          Signpost(c, SignpostReason::kAnonymousRefused, 0);
          return;
        }
        if (s.kind == JourneyKind::kCompliment && !c.p.compliments.anonymous_accepted) return;
        ChooseAnonymous(c);
        Forward(c, Step::kAnonymous);
      }
      return;
    case Step::kService:
      if (IndexOf(c.p.services, id) < 0) return;
      s.service_id = id;
      Forward(c, Step::kService);
      return;
    case Step::kWhen: {
      const std::optional<WhenChoice> when = ParseWhenChoice(id);
      if (!when) return;
      if (*when == WhenChoice::kPickedDay) return Enter(c, Place{Step::kPickDate, 0});  // answered on the grid
      s.when_choice = *when;
      s.incident = WhenChoicePeriod(*when, s.today);
      s.older_than_limit.reset();
      if (WhollyBeforeTimeLimit(s, c.p)) {
        s.older_than_limit = true;
        return Signpost(c, SignpostReason::kTimeLimit, 0);
      }
      Forward(c, Step::kWhen);
      return;
    }
    case Step::kWhenOlder:
      if (id == "yes") {
        s.older_than_limit = true;
        Signpost(c, SignpostReason::kTimeLimit, 0);
      } else if (id == "no") {
        s.older_than_limit = false;
        Forward(c, Step::kWhenOlder);
      }
      return;
    case Step::kContact: {
      ContactPreference contact;
      if (id == "phone") contact = ContactPreference::kPhone;
      else if (id == "email") contact = ContactPreference::kEmail;
      else if (id == "letter") contact = ContactPreference::kLetter;
      else if (id == "in-person") contact = ContactPreference::kInPerson;
      else if (id == "none" && s.kind != JourneyKind::kComplaint) contact = ContactPreference::kNone;
      else return;
      s.personal.person.contact = contact;
      s.contact_answered = true;
      Forward(c, Step::kContact);
      return;
    }
    case Step::kOnBehalf:
      if (id == "yes") {
        s.personal.on_behalf.on_behalf = true;
      } else if (id == "no") {
        s.personal.on_behalf.on_behalf = false;
        s.personal.on_behalf.permission_given = false;
        s.personal.on_behalf.deceased = false;
        WipeString(s.personal.on_behalf.their_name);
      } else {
        return;
      }
      Forward(c, Step::kOnBehalf);
      return;
    case Step::kOnBehalfDetails:
      if (id == "permission-yes") {
        s.personal.on_behalf.permission_given = true;
        Forward(c, Step::kOnBehalfDetails);
      } else if (id == "permission-no") {
        s.personal.on_behalf.permission_given = false;
        if (c.p.on_behalf_needs_permission) {
          Signpost(c, SignpostReason::kOnBehalfPermission, 0);
        } else {
          Forward(c, Step::kOnBehalfDetails);
        }
      }
      return;
    case Step::kShare:
      if (id == "with-name" && !s.personal.person.anonymous) s.share = ShareConsent::kWithName;
      else if (id == "without-name") s.share = ShareConsent::kWithoutName;
      else if (id == "no") s.share = ShareConsent::kNo;
      else return;
      Forward(c, Step::kShare);
      return;
    case Step::kSignpost:
      if (id == "start-again") {
        Restart(c);
      } else if (ValueOf(kKindNames, id) == Kind::kCompliment && c.p.compliments.accepted) {
        StartJourney(c, JourneyKind::kCompliment);
      } else if (ValueOf(kKindNames, id) == Kind::kComment && c.p.comments_accepted) {
        StartJourney(c, JourneyKind::kComment);
      } else if (id == "other-places") {
        OpenOtherPlaces(c, true);                  // turned away: every other place, each says when
      }
      return;
    case Step::kDone:
      if (id == "finish") Finish(c);
      else if (id == "process" && s.receipt && s.receipt->kind == JourneyKind::kComplaint) Enter(c, Place{Step::kProcess, 0});
      return;
    case Step::kProcess:
      if (id == "other-places") OpenOtherPlaces(c, false);   // those the policy allows at any stage
      return;
    case Step::kCheckResult:
      OnCheckChoice(c, id);
      return;
    case Step::kHelpToWrite:
    case Step::kHelpTime:
      OnHelpChoice(c, id);
      return;
    case Step::kCheckConfirm:
      if (id == "yes" && s.check_request != CaseRequest::kNone) {
        s.request_outcome = RequestOutcome::kWaiting;
        c.fx.push_back(fx::SendRequest{s.check_request, s.check_reference, s.check_tracking,
                                       s.check_request == CaseRequest::kEscalate ? s.check_reason : std::string()});
        Enter(c, Place{Step::kCheckOutcome, 0});
      } else if (id == "no") {
        ReturnToStatus(c);
      }
      return;
    case Step::kCheckOutcome:
      if (s.request_outcome == RequestOutcome::kWaiting) return;
      if (id == "finish") Finish(c);
      else if (id == "status" && s.check_case) ReturnToStatus(c);
      return;
    default:
      return;
  }
}

void OnToggle(Ctx& c, const std::string& id) {
  JourneyState& s = c.s;
  switch (s.place.step) {
    case Step::kCategories:
      if (IndexOf(c.p.categories, id) >= 0) ToggleIn(s.categories, id);
      return;
    case Step::kPraise: {
      const auto& ids = PraiseChoiceIds();
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) ToggleIn(s.praise_choices, id);
      return;
    }
    case Step::kSupport: {
      SupportNeeds& n = s.personal.support;
      if (id == "easy-read") n.easy_read = !n.easy_read;
      else if (id == "large-print") n.large_print = !n.large_print;
      else if (id == "interpreter") n.interpreter = !n.interpreter;
      else if (id == "bsl") n.bsl = !n.bsl;
      else if (id == "advocate") n.advocate = !n.advocate;
      else if (id == "help-to-write") n.help_to_write = !n.help_to_write;
      return;
    }
    default:
      return;
  }
}

// The date grid: a day answers (or a Notice says why it cannot); months move within the grid's range.
void OnDateGrid(Ctx& c, const JourneyEvent& event) {
  JourneyState& s = c.s;
  const std::chrono::year_month this_month{s.today.year(), s.today.month()};
  const std::chrono::year_month first = FirstGridMonth(c.p, s.today, TimeLimitWaived(s, c.p));
  auto refusal = [&](std::chrono::year_month month) {
    return month > this_month ? Notice::kFutureDate : month < first ? Notice::kBeforeLimit : Notice::kNone;
  };
  if (const auto* pick = std::get_if<ev::PickDay>(&event)) {
    if (!pick->day.ok()) return;
    if (Notice why = DayRefusal(c.p, s.today, pick->day, TimeLimitWaived(s, c.p)); why != Notice::kNone) return SetNotice(c, why);
    s.when_choice = WhenChoice::kPickedDay;
    s.incident = IncidentPeriod{pick->day, pick->day};
    s.older_than_limit.reset();
    Forward(c, Step::kPickDate);
  } else if (const auto* show = std::get_if<ev::ShowMonth>(&event)) {
    if (!show->month.ok()) return;
    if (Notice why = refusal(show->month); why != Notice::kNone) return SetNotice(c, why);
    s.shown_month = show->month;
    s.month_list.reset();
  } else if (const auto* list = std::get_if<ev::ShowMonths>(&event)) {
    if (!list->last.ok()) return;
    if (Notice why = refusal(list->last); why != Notice::kNone) return SetNotice(c, why);
    s.month_list = list->last;
  }
}

void GoToMissing(Ctx& c, Place missing) {
  c.s.returning_to_review = true;
  Enter(c, missing);
  SetNotice(c, Notice::kChooseOne);
}

void OnNext(Ctx& c) {
  JourneyState& s = c.s;
  const PersonalPart& personal = s.personal;
  switch (s.place.step) {
    case Step::kTellStaff:
    case Step::kAnonymousMeaning:
    case Step::kSubject:
    case Step::kAffected:
    case Step::kPutRight:
    case Step::kSupport:
      Forward(c, s.place.step);
      return;
    case Step::kPraise:
      if (!Answered(s, SpokenQuestion::kPraise) && s.praise_choices.empty()) return SetNotice(c, Notice::kChooseOne);
      Forward(c, Step::kPraise);
      return;
    case Step::kCategories:
      if (s.categories.empty()) return SetNotice(c, Notice::kChooseOne);
      Forward(c, Step::kCategories);
      return;
    case Step::kWhatHappened:
      if (!Answered(s, SpokenQuestion::kWhatHappened)) return SetNotice(c, Notice::kNeedText);
      Forward(c, Step::kWhatHappened);
      return;
    case Step::kName:
      if (personal.person.name.empty()) return SetNotice(c, Notice::kNeedText);
      Forward(c, Step::kName);
      return;
    case Step::kContactDetails: {
      const Person& who = personal.person;
      bool missing = (who.contact == ContactPreference::kPhone && who.phone.empty()) ||
                     (who.contact == ContactPreference::kEmail && who.email.empty()) ||
                     (who.contact == ContactPreference::kLetter && who.address.empty());
      if (missing) return SetNotice(c, Notice::kNeedText);
      Forward(c, Step::kContactDetails);
      return;
    }
    case Step::kPickDate:
      // Touching a day answers; Next keeps a day picked before (a Change from review).
      if (s.when_choice != WhenChoice::kPickedDay) return SetNotice(c, Notice::kChooseOne);
      Forward(c, Step::kPickDate);
      return;
    case Step::kReview:
      if (s.kind != JourneyKind::kComplaint) return;  // compliments and comments Send from review
      if (auto missing = FirstMissing(s, c.p)) return GoToMissing(c, *missing);
      Enter(c, Place{Step::kConsent, 0});
      return;
    case Step::kOnBehalfDetails:
      // About someone who has died there is no permission to ask for (Seetec 2.3.5).
      if (s.personal.on_behalf.deceased) Forward(c, Step::kOnBehalfDetails);
      return;
    case Step::kEscalateReason:
      if (s.check_reason.empty()) return SetNotice(c, Notice::kNeedText);
      Enter(c, Place{Step::kCheckConfirm, 0});
      return;
    case Step::kCheckFeedback:
      if (s.check_feedback.empty()) return SetNotice(c, Notice::kNeedText);
      s.request_outcome = RequestOutcome::kWaiting;
      c.fx.push_back(fx::SendRequest{CaseRequest::kFeedback, s.check_reference, s.check_tracking, s.check_feedback});
      Enter(c, Place{Step::kCheckOutcome, 0});
      return;
    case Step::kCheckEntry: {
      // A code that is wrong takes the keyboard, so the person sees which one to fix.
      auto ref = ParseReference(s.check_reference, c.p.reference_prefix);
      if (!ref) {
        s.focused = Field::kReference;
        return SetNotice(c, Notice::kBadReference);
      }
      auto code = NormaliseTrackingCode(s.check_tracking);
      if (!code) {
        s.focused = Field::kTrackingCode;
        return SetNotice(c, Notice::kBadTrackingCode);
      }
      WipeString(s.check_reference);
      WipeString(s.check_tracking);
      s.check_reference = FormatReference(*ref);
      s.check_tracking = *code;
      AskStatus(c);
      Enter(c, Place{Step::kCheckResult, 0});
      return;
    }
    default:
      return;
  }
}

void OnSend(Ctx& c) {
  JourneyState& s = c.s;
  if (s.committing) return;
  bool from_review = s.place.step == Step::kReview && s.kind != JourneyKind::kComplaint &&
                     s.kind != JourneyKind::kCheck && s.kind != JourneyKind::kNone;
  bool from_consent = s.place.step == Step::kConsent && s.kind == JourneyKind::kComplaint;
  if (!from_review && !from_consent) return;
  if (auto missing = FirstMissing(s, c.p)) return GoToMissing(c, *missing);
  s.committing = true;
  s.focused = Field::kNone;
  c.fx.push_back(fx::CommitSubmission{s.now_utc, s.today});
}

void OnType(Ctx& c, const std::string& utf8) {
  JourneyState& s = c.s;
  std::string* text = FieldText(s, s.focused);
  if (!text) return;
  const int limit = FieldLimit(s.focused);
  const bool multiline = FieldMultiline(s.focused);
  int count = CountCodePoints(*text);
  bool refused = false;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char lead = static_cast<unsigned char>(utf8[i]);
    std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (i + len > utf8.size()) break;              // a cut-off sequence: drop it
    bool control = len == 1 && (lead < 0x20 || lead == 0x7F) && !(multiline && lead == '\n');
    bool stray = len == 1 && lead >= 0x80;         // continuation byte without a lead
    if (!control && !stray) {
      if (count >= limit) {
        refused = true;
        break;
      }
      text->append(utf8, i, len);
      ++count;
    }
    i += len;
  }
  if (refused) SetNotice(c, Notice::kTextTooLong);
}

void OnBackspace(Ctx& c, int count) {
  std::string* text = FieldText(c.s, c.s.focused);
  if (!text) return;
  for (int n = 0; n < count && !text->empty(); ++n) {
    std::size_t end = text->size();
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>((*text)[start]) & 0xC0) == 0x80) --start;
    std::fill(text->begin() + static_cast<std::ptrdiff_t>(start), text->end(), '\0');  // no stale letters left behind
    text->resize(start);
  }
}

void OnBack(Ctx& c) {
  JourneyState& s = c.s;
  if (s.help_open) {
    s.help_open = false;
    return;
  }
  if (s.review_shown) {                            // Back closes "See all" first
    s.review_shown.reset();
    return;
  }
  if (s.focused != Field::kNone) {                 // and the keyboard, keeping what was typed
    s.focused = Field::kNone;
    return;
  }
  if (s.committing) return;
  if (s.place.step == Step::kDone || s.place.step == Step::kCheckResult) return Finish(c);
  if (s.place.step == Step::kCheckOutcome || s.place.step == Step::kCheckConfirm ||
      s.place.step == Step::kCheckFeedback || s.place.step == Step::kEscalateReason) {
    if (s.request_outcome != RequestOutcome::kWaiting) ReturnToStatus(c);
    return;
  }
  if (s.history.empty()) return;
  LeaveAside(c);                                   // off the record screen: the microphone stops, the take goes
  Place back = s.history.back();
  s.history.pop_back();
  s.place = back;
  s.list_page = 0;
  s.focused = Field::kNone;
  if (back.step == Step::kReview) s.returning_to_review = false;
  c.fx.push_back(fx::PlaySound{fx::Sound::kBack});
  if (back.step == Step::kWelcome && s.kind != JourneyKind::kNone) {
    Restart(c);                                    // backed out of the journey: nothing kept
    return;
  }
  SpeakIfListening(c);
}

void OnChange(Ctx& c, Step step) {
  JourneyState& s = c.s;
  if (s.place.step != Step::kReview && s.place.step != Step::kConsent) return;
  auto sections = ReviewSections(s, c.p);
  if (std::find(sections.begin(), sections.end(), step) == sections.end()) return;
  s.returning_to_review = true;
  Enter(c, Place{step, 0});
}

bool IsActivity(const JourneyEvent& e) {
  return !std::holds_alternative<ev::Tick>(e) && !std::holds_alternative<ev::CommitSucceeded>(e) &&
         !std::holds_alternative<ev::CommitFailed>(e) && !std::holds_alternative<ev::StatusResult>(e) &&
         !std::holds_alternative<ev::RequestResult>(e) && !std::holds_alternative<ev::PrintResult>(e) &&
         !std::holds_alternative<ev::RecordProgress>(e) &&
         !std::holds_alternative<ev::RecordingFinished>(e) && !std::holds_alternative<ev::RecordingFailed>(e) &&
         !std::holds_alternative<ev::PlaybackEnded>(e);
}

bool KeepsNotice(const JourneyEvent& e) {
  return !IsActivity(e) || std::holds_alternative<ev::UserActivity>(e) || std::holds_alternative<ev::MoreTime>(e) ||
         std::holds_alternative<ev::Help>(e) || std::holds_alternative<ev::ListenToggle>(e) ||
         std::holds_alternative<ev::Repeat>(e) || std::holds_alternative<ev::FocusField>(e) ||
         std::holds_alternative<ev::FieldDone>(e);
}

}  // namespace

ReduceResult Reduce(JourneyState&& state, const JourneyEvent& event, const Policy& policy) {
  ReduceResult result{std::move(state), {}};
  // The caller's moved-from state: short strings keep their letters inline, zero them.
  WipeAnswers(state);
  Ctx c{result.state, policy, result.effects};
  JourneyState& s = result.state;

  if (IsActivity(event)) MarkActivity(s);
  if (!KeepsNotice(event)) s.notice = Notice::kNone;

  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ev::Choose>) {
          if (!s.committing) OnChoose(c, e.id);
        } else if constexpr (std::is_same_v<E, ev::Toggle>) {
          OnToggle(c, e.id);
        } else if constexpr (std::is_same_v<E, ev::Next>) {
          if (!s.committing) {
            s.focused = Field::kNone;
            OnNext(c);
          }
        } else if constexpr (std::is_same_v<E, ev::Back>) {
          OnBack(c);
        } else if constexpr (std::is_same_v<E, ev::StartAgain>) {
          if (!s.committing) {
            if (s.request_outcome == RequestOutcome::kWaiting) return;  // the register is being asked
            if (s.place.step == Step::kDone || s.place.step == Step::kCheckResult ||
                s.place.step == Step::kCheckConfirm || s.place.step == Step::kCheckOutcome ||
                s.place.step == Step::kCheckFeedback || s.place.step == Step::kEscalateReason ||
                ((s.place.step == Step::kOtherPlaces || s.place.step == Step::kProcess) &&
                 (s.receipt || s.kind == JourneyKind::kCheck))) {
              Finish(c);
            } else {
              Restart(c);
            }
          }
        } else if constexpr (std::is_same_v<E, ev::Help>) {
          s.help_open = !s.help_open;
          if (s.help_open) SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::ListenToggle>) {
          s.settings.listen = !s.settings.listen;
          if (s.settings.listen) {
            c.fx.push_back(fx::SpeakScreen{});
          } else {
            c.fx.push_back(fx::StopSpeech{});
          }
        } else if constexpr (std::is_same_v<E, ev::Repeat>) {
          c.fx.push_back(fx::SpeakScreen{});
        } else if constexpr (std::is_same_v<E, ev::WordingToggle>) {
          s.settings.standard_wording = !s.settings.standard_wording;
          SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::OpenLanguages>) {
          if (s.place.step != Step::kLanguage && !s.committing) Enter(c, Place{Step::kLanguage, 0});
        } else if constexpr (std::is_same_v<E, ev::SetLanguage>) {
          bool known = e.tag.empty() ? false
                       : s.languages.empty()
                           ? true
                           : std::any_of(s.languages.begin(), s.languages.end(),
                                         [&](const LanguageOption& l) { return l.tag == e.tag; });
          if (!known) return;
          s.settings.language = e.tag;
          c.fx.push_back(fx::LoadLanguage{e.tag});
          if (s.place.step == Step::kLanguage && !s.history.empty()) {
            s.place = s.history.back();
            s.history.pop_back();
          }
          SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::SetTextSize>) {
          s.settings.text_size = e.size;
        } else if constexpr (std::is_same_v<E, ev::SetTheme>) {
          s.settings.theme = e.theme;
        } else if constexpr (std::is_same_v<E, ev::FocusField>) {
          auto fields = StepFields(s);
          if (std::find(fields.begin(), fields.end(), e.field) != fields.end()) s.focused = e.field;
        } else if constexpr (std::is_same_v<E, ev::TypeText>) {
          OnType(c, e.utf8);
        } else if constexpr (std::is_same_v<E, ev::Backspace>) {
          OnBackspace(c, e.count);
        } else if constexpr (std::is_same_v<E, ev::FieldDone>) {
          s.focused = Field::kNone;
        } else if constexpr (std::is_same_v<E, ev::PickDay> || std::is_same_v<E, ev::ShowMonth> ||
                             std::is_same_v<E, ev::ShowMonths>) {
          if (s.place.step == Step::kPickDate && !s.committing) OnDateGrid(c, e);
        } else if constexpr (std::is_same_v<E, ev::Change>) {
          s.review_shown.reset();
          OnChange(c, e.step);
        } else if constexpr (std::is_same_v<E, ev::Send>) {
          OnSend(c);
        } else if constexpr (std::is_same_v<E, ev::MoreTime> || std::is_same_v<E, ev::UserActivity>) {
          // MarkActivity above cancelled any warning.
        } else if constexpr (std::is_same_v<E, ev::Tick>) {
          OnTick(s, e, c.fx);
        } else if constexpr (std::is_same_v<E, ev::CommitSucceeded>) {
          if (!s.committing) return;               // a stale reply: nothing was waiting
          WipeAnswers(s);                          // the words are sealed and stored; drop them now
          s.kind = e.receipt.kind;
          s.receipt = e.receipt;
          s.place = Place{Step::kDone, 0};
          c.fx.push_back(fx::PlaySound{fx::Sound::kDone});
          SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::CommitFailed>) {
          if (!s.committing) return;
          s.committing = false;
          SetNotice(c, Notice::kCommitFailed);     // everything typed stays on screen
        } else if constexpr (std::is_same_v<E, ev::TouchToHearToggle>) {
          s.settings.touch_to_hear = !s.settings.touch_to_hear;
          c.fx.push_back(fx::SpeakKey{s.settings.touch_to_hear ? "access.touch_to_hear_on" : "access.touch_to_hear_off", {}});
        } else if constexpr (std::is_same_v<E, ev::SetScanning>) {
          s.settings.scanning = e.scanning;
          c.fx.push_back(fx::SpeakKey{std::string("access.scanning_") + ToString(e.scanning), {}});
        } else if constexpr (std::is_same_v<E, ev::OpenAbout>) {
          if (s.place.step != Step::kAbout && !s.committing) Enter(c, Place{Step::kAbout, 0});
        } else if constexpr (std::is_same_v<E, ev::SeeAll>) {
          if (s.place.step != Step::kReview) return;
          if (s.review_shown == e.section) {
            s.review_shown.reset();
          } else {
            s.review_shown = e.section;
          }
          SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::ListPage>) {
          s.list_page = std::max(0, e.page);         // the screen knows how many pages it has
          SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::ListenReply>) {
          if (s.place.step == Step::kCheckResult && s.check_case && !s.check_case->latest_reply.empty())
            c.fx.push_back(fx::SpeakText{s.check_case->latest_reply});
        } else if constexpr (std::is_same_v<E, ev::Print>) {
          if (!s.committing) OnPrint(c);
        } else if constexpr (std::is_same_v<E, ev::PrintResult>) {
          OnPrintResult(c, e.printed);
        } else if constexpr (std::is_same_v<E, ev::SayIt>) {
          if (!s.committing) OnSayIt(c);
        } else if constexpr (std::is_same_v<E, ev::AskForHelp>) {
          if (!s.committing) OnAskForHelp(c);
        } else if constexpr (std::is_same_v<E, ev::Voice>) {
          OnVoice(c, e.action);
        } else if constexpr (std::is_same_v<E, ev::RecordProgress> || std::is_same_v<E, ev::RecordingFinished> ||
                             std::is_same_v<E, ev::RecordingFailed> || std::is_same_v<E, ev::PlaybackEnded>) {
          OnVoiceResult(c, e);
        } else if constexpr (std::is_same_v<E, ev::StatusResult>) {
          if (s.place.step != Step::kCheckResult || s.check_status != CheckStatusKind::kWaiting) return;
          s.check_status = e.status == CheckStatusKind::kWaiting ? CheckStatusKind::kUnavailable : e.status;
          if (s.check_status == CheckStatusKind::kFound) {
            if (!e.found) {
              s.check_status = CheckStatusKind::kUnavailable;   // "found" with nothing to show is no answer
            } else {
              s.check_case = e.found;
            }
          }
          SpeakIfListening(c);
        } else if constexpr (std::is_same_v<E, ev::RequestResult>) {
          if (s.place.step != Step::kCheckOutcome || s.request_outcome != RequestOutcome::kWaiting) return;
          s.request_outcome = e.outcome == RequestOutcome::kWaiting || e.outcome == RequestOutcome::kNone
                                  ? RequestOutcome::kUnavailable
                                  : e.outcome;
          if (e.status) {
            if (s.check_case) WipeString(s.check_case->latest_reply);
            s.check_case = e.status;
          }
          c.fx.push_back(fx::PlaySound{s.request_outcome == RequestOutcome::kDone ? fx::Sound::kDone
                                                                                  : fx::Sound::kAttention});
          SpeakIfListening(c);
        }
      },
      event);
  return result;
}

}  // namespace tellus
