// Names and limits of steps, fields and notices; UTF-8 counting for text limits.
#include "core/journey.h"

namespace tellus {

const char* StepKey(Step step) {
  switch (step) {
    case Step::kWelcome: return "welcome";
    case Step::kLanguage: return "languages";
    case Step::kEligibility: return "eligibility";
    case Step::kExclusions: return "exclusions";
    case Step::kAnonymous: return "anonymous";
    case Step::kAnonymousMeaning: return "anonymous_meaning";
    case Step::kService: return "service";
    case Step::kSubject: return "subject";
    case Step::kPraise: return "praise";
    case Step::kCategories: return "categories";
    case Step::kWhatHappened: return "what_happened";
    case Step::kWhen: return "when";
    case Step::kWhenOlder: return "when_older";
    case Step::kPickDate: return "pick_date";
    case Step::kAffected: return "affected";
    case Step::kPutRight: return "put_right";
    case Step::kName: return "name";
    case Step::kContact: return "contact";
    case Step::kContactDetails: return "contact_details";
    case Step::kOnBehalf: return "on_behalf";
    case Step::kOnBehalfDetails: return "on_behalf_details";
    case Step::kSupport: return "support";
    case Step::kShare: return "share";
    case Step::kReview: return "review";
    case Step::kConsent: return "consent";
    case Step::kDone: return "done";
    case Step::kSignpost: return "signpost";
    case Step::kCheckEntry: return "check_entry";
    case Step::kCheckResult: return "check_result";
    case Step::kCheckConfirm: return "check_confirm";
    case Step::kCheckOutcome: return "check_outcome";
    case Step::kAbout: return "about";
    case Step::kCheckFeedback: return "check_feedback";
    case Step::kRecord: return "record";
    case Step::kHelpToWrite: return "help_to_write";
    case Step::kHelpTime: return "help_time";
    case Step::kSafeguarding: return "safeguarding";
    case Step::kTellStaff: return "tell_staff";
    case Step::kOtherPlaces: return "other_places";
    case Step::kEscalateReason: return "escalate_reason";
    case Step::kProcess: return "process";
  }
  return "welcome";
}

int FieldLimit(Field field) {
  switch (field) {
    case Field::kNone: return 0;
    case Field::kSubject: return 200;
    case Field::kPraise: return 1000;
    case Field::kWhatHappened: return 2000;
    case Field::kAffected: return 1000;
    case Field::kPutRight: return 1000;
    case Field::kName: return 100;
    case Field::kPhone: return 30;
    case Field::kEmail: return 120;
    case Field::kAddress: return 300;
    case Field::kTheirName: return 100;
    case Field::kOtherLanguage: return 60;
    case Field::kReference: return 20;
    case Field::kTrackingCode: return 16;
    case Field::kFeedback: return 1000;
    case Field::kEscalateReason: return 1000;
  }
  return 0;
}

const char* FieldKey(Field field) {
  switch (field) {
    case Field::kNone: return "field.none";
    case Field::kSubject: return "field.subject";
    case Field::kPraise: return "field.praise";
    case Field::kWhatHappened: return "field.what_happened";
    case Field::kAffected: return "field.affected";
    case Field::kPutRight: return "field.put_right";
    case Field::kName: return "field.name";
    case Field::kPhone: return "field.phone";
    case Field::kEmail: return "field.email";
    case Field::kAddress: return "field.address";
    case Field::kTheirName: return "field.their_name";
    case Field::kOtherLanguage: return "field.other_language";
    case Field::kReference: return "field.reference";
    case Field::kTrackingCode: return "field.tracking_code";
    case Field::kFeedback: return "field.feedback";
    case Field::kEscalateReason: return "field.escalate_reason";
  }
  return "field.none";
}

KeyboardKind FieldKeyboard(Field field) {
  switch (field) {
    case Field::kPhone: return KeyboardKind::kNumber;
    case Field::kEmail: return KeyboardKind::kEmail;
    case Field::kReference:
    case Field::kTrackingCode: return KeyboardKind::kCode;
    default: return KeyboardKind::kText;
  }
}

const char* NoticeKey(Notice notice) {
  switch (notice) {
    case Notice::kNone: return "notice.none";
    case Notice::kTextTooLong: return "notice.text_too_long";
    case Notice::kChooseOne: return "notice.choose_one";
    case Notice::kNeedText: return "notice.need_text";
    case Notice::kBadReference: return "notice.bad_reference";
    case Notice::kBadTrackingCode: return "notice.bad_tracking_code";
    case Notice::kFutureDate: return "notice.future_date";
    case Notice::kBeforeLimit: return "notice.before_limit";
    case Notice::kCommitFailed: return "notice.commit_failed";
  }
  return "notice.none";
}

int CountCodePoints(const std::string& utf8) {
  int count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;               // count lead bytes only
  }
  return count;
}

namespace {
template <typename S>
auto FieldTextImpl(S& s, Field field) -> decltype(&s.personal.subject) {
  switch (field) {
    case Field::kNone: return nullptr;
    case Field::kSubject: return &s.personal.subject;
    case Field::kPraise: return &s.personal.praise;
    case Field::kWhatHappened: return &s.personal.what_happened;
    case Field::kAffected: return &s.personal.how_affected;
    case Field::kPutRight: return &s.personal.put_right;
    case Field::kName: return &s.personal.person.name;
    case Field::kPhone: return &s.personal.person.phone;
    case Field::kEmail: return &s.personal.person.email;
    case Field::kAddress: return &s.personal.person.address;
    case Field::kTheirName: return &s.personal.on_behalf.their_name;
    case Field::kOtherLanguage: return &s.personal.support.language;
    case Field::kReference: return &s.check_reference;
    case Field::kTrackingCode: return &s.check_tracking;
    case Field::kFeedback: return &s.check_feedback;
    case Field::kEscalateReason: return &s.check_reason;
  }
  return nullptr;
}
}  // namespace

std::string* FieldText(JourneyState& state, Field field) { return FieldTextImpl(state, field); }
const std::string* FieldText(const JourneyState& state, Field field) { return FieldTextImpl(state, field); }

}  // namespace tellus

namespace tellus {

bool FieldMultiline(Field field) {
  return field == Field::kPraise || field == Field::kWhatHappened || field == Field::kAffected ||
         field == Field::kPutRight || field == Field::kAddress || field == Field::kFeedback ||
         field == Field::kEscalateReason;
}

std::vector<Field> StepFields(const JourneyState& s) {
  switch (s.place.step) {
    case Step::kSubject: return {Field::kSubject};
    case Step::kPraise: return {Field::kPraise};
    case Step::kWhatHappened: return {Field::kWhatHappened};
    case Step::kAffected: return {Field::kAffected};
    case Step::kPutRight: return {Field::kPutRight};
    case Step::kName: return {Field::kName};
    case Step::kContactDetails:
      switch (s.personal.person.contact) {
        case ContactPreference::kPhone: return {Field::kPhone};
        case ContactPreference::kEmail: return {Field::kEmail};
        case ContactPreference::kLetter: return {Field::kAddress};
        default: return {};
      }
    case Step::kOnBehalfDetails: return {Field::kTheirName};
    case Step::kSupport: return {Field::kOtherLanguage};
    case Step::kCheckEntry: return {Field::kReference, Field::kTrackingCode};
    case Step::kCheckFeedback: return {Field::kFeedback};
    case Step::kEscalateReason: return {Field::kEscalateReason};
    default: return {};
  }
}

const std::vector<std::string>& PraiseChoiceIds() {
  static const std::vector<std::string> ids = {"kind", "listened", "helpful", "explained", "on-time", "respect"};
  return ids;
}

const std::vector<std::string>& SupportChoiceIds() {
  static const std::vector<std::string> ids = {"easy-read", "large-print", "interpreter", "bsl", "advocate",
                                               "help-to-write"};
  return ids;
}

bool SupportSelected(const SupportNeeds& n, const std::string& id) {
  if (id == "easy-read") return n.easy_read;
  if (id == "large-print") return n.large_print;
  if (id == "interpreter") return n.interpreter;
  if (id == "bsl") return n.bsl;
  if (id == "advocate") return n.advocate;
  if (id == "help-to-write") return n.help_to_write;
  return false;
}

}  // namespace tellus
