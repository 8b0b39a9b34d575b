// Fresh journeys, the privacy wipe and the idle warning.
#include <algorithm>

#include "core/journey.h"
#include "core/journey_flow.h"

namespace tellus {

JourneyState NewJourney(const JourneySettings& defaults, const IdleSettings& idle, std::vector<LanguageOption> languages) {
  JourneyState s;
  s.settings = defaults;
  s.default_settings = defaults;
  s.idle = idle;
  s.idle.warn_after_s = std::max(1, s.idle.warn_after_s);
  s.idle.countdown_s = std::max(IdleSettings::kMinCountdownS, s.idle.countdown_s);
  s.languages = std::move(languages);
  return s;
}

namespace journey_detail {

void WipeAnswers(JourneyState& s) {
  Wipe(s.personal);
  WipeString(s.check_reference);
  WipeString(s.check_tracking);
  if (s.check_case) {
    WipeString(s.check_case->latest_reply);        // staff's words to this person
    s.check_case.reset();
  }
  s.check_request = CaseRequest::kNone;
  s.request_outcome = RequestOutcome::kNone;
  s.print_status = PrintStatus::kNone;
  WipeString(s.check_feedback);
  WipeString(s.check_reason);
  if (s.receipt) {
    WipeString(s.receipt->tracking_code);
    WipeString(s.receipt->reference);
    s.receipt.reset();
  }
  s.kind = JourneyKind::kNone;
  s.place = Place{};
  s.history.clear();
  s.returning_to_review = false;
  s.review_shown.reset();
  s.list_page = 0;
  s.help_open = false;
  s.notice = Notice::kNone;
  s.focused = Field::kNone;
  s.signpost = SignpostReason::kNone;
  s.signpost_index = 0;
  s.service_id.clear();
  s.categories.clear();
  s.praise_choices.clear();
  s.when_choice = WhenChoice::kNone;
  s.incident = IncidentPeriod{};
  s.shown_month = std::chrono::year_month{s.today.year(), s.today.month()};
  s.month_list.reset();
  s.share = ShareConsent::kNotAsked;
  s.anonymous_chosen = false;
  s.contact_answered = false;
  s.older_than_limit.reset();
  s.eligibility_cleared_at.clear();
  s.safeguarding_answer.reset();
  s.urgent = false;
  s.other_places_all = false;
  s.check_status = CheckStatusKind::kNone;
  s.committing = false;
  s.idle_warning = false;
  WipeVoice(s);
  s.aside_from = Step::kWelcome;
}

void MarkActivity(JourneyState& s) {
  s.last_activity_ms = s.now_ms;
  s.idle_warning = false;
}

void OnTick(JourneyState& s, const ev::Tick& tick, std::vector<JourneyEffect>& effects) {
  s.now_ms = tick.now_ms;
  s.now_utc = tick.now_utc;
  s.today = tick.today;
  // Someone listening to what they said (up to 3 minutes) is someone there.
  if (s.place.step == Step::kRecord && s.voice.phase == VoicePhase::kPlaying) s.last_activity_ms = s.now_ms;
  if (!NeedsTimer(s) || s.committing) {
    // Nothing to protect (or a commit in flight that must not be lost): keep the clock fresh.
    s.last_activity_ms = s.now_ms;
    s.idle_warning = false;
    return;
  }
  if (s.idle_warning) {
    if (s.now_ms - s.warning_started_ms >= std::int64_t{s.idle.countdown_s} * 1000) {
      s = WipeJourney(s);
      effects.push_back(fx::StopSpeech{});
      effects.push_back(fx::WipeAndRestart{});
    }
    return;
  }
  if (s.now_ms - s.last_activity_ms >= std::int64_t{s.idle.warn_after_s} * 1000) {
    s.idle_warning = true;
    s.warning_started_ms = s.now_ms;
    effects.push_back(fx::PlaySound{fx::Sound::kAttention});
    // Spoken whether or not Listen is on: the person may have walked away from the screen.
    effects.push_back(fx::SpeakKey{"idle.spoken", {{"seconds", std::to_string(s.idle.countdown_s)}}});
  }
}

}  // namespace journey_detail

JourneyState WipeJourney(JourneyState& s) {
  journey_detail::WipeAnswers(s);
  JourneyState fresh = NewJourney(s.default_settings, s.idle, s.languages);
  fresh.printer = s.printer;
  fresh.voice_available = s.voice_available;       // the kiosk's microphone, not the person's
  fresh.voice_max_s = s.voice_max_s;
  fresh.now_ms = s.now_ms;
  fresh.now_utc = s.now_utc;
  fresh.today = s.today;
  fresh.shown_month = std::chrono::year_month{s.today.year(), s.today.month()};
  fresh.last_activity_ms = s.now_ms;
  return fresh;
}

int IdleSecondsLeft(const JourneyState& s) {
  if (!s.idle_warning) return s.idle.countdown_s;
  std::int64_t left_ms = std::int64_t{s.idle.countdown_s} * 1000 - (s.now_ms - s.warning_started_ms);
  return static_cast<int>(std::max<std::int64_t>(0, (left_ms + 999) / 1000));
}

bool NeedsTimer(const JourneyState& s) {
  return s.kind != JourneyKind::kNone || s.place.step != Step::kWelcome || s.settings != s.default_settings ||
         s.help_open || s.idle_warning;
}

bool CanGoBack(const JourneyState& s) {
  return !s.history.empty() && !s.committing && s.place.step != Step::kDone &&
         s.request_outcome != RequestOutcome::kWaiting;
}

}  // namespace tellus
