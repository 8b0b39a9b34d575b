// Say it instead and help to tell us, at the reducer: what the person can do at each
// moment of a recording, what is kept, and what a help request changes on the way.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/seal.h"
#include "tests/core/journey_driver.h"

namespace tellus {
namespace {

using namespace testing_journey;

const std::vector<unsigned char> kBytes = {'O', 'g', 'g', 'S', 1, 2, 3, 4, 5};
const AudioBuffer kTake(kBytes);

Driver AtWhatHappened(bool microphone = true) {
  static const Policy policy = NextStepsLike();
  Driver d(policy);
  d.mutable_state().voice_available = microphone;
  d.mutable_state().voice_max_s = 120;
  d.Choose("complaint");
  EXPECT_EQ(WalkTo(d, Step::kWhatHappened, {.anonymous = true}), Step::kWhatHappened);
  return d;
}

void Record(Driver& d, int ms) {
  d.Do(ev::Voice{ev::VoiceAction::kStart});
  d.Do(ev::RecordProgress{ms, 60});
  d.Do(ev::Voice{ev::VoiceAction::kStop});
  d.Do(ev::RecordingFinished{kTake, ms});
}

TEST(JourneyVoice, ARecordingKeptAnswersWhatHappenedWithoutTyping) {
  Driver d = AtWhatHappened();
  d.Next();
  EXPECT_EQ(d.step(), Step::kWhatHappened);        // nothing typed, nothing said: not yet
  d.Do(ev::SayIt{});
  ASSERT_EQ(d.step(), Step::kRecord);
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kReady);
  d.Do(ev::Voice{ev::VoiceAction::kStart});
  EXPECT_TRUE(d.Emitted<fx::StopSpeech>());        // read-aloud pauses before the microphone opens
  ASSERT_TRUE(d.Find<fx::StartRecording>());
  EXPECT_EQ(d.Find<fx::StartRecording>()->max_ms, 120000);
  EXPECT_TRUE(MicrophoneOpen(d.state()));
  d.Do(ev::RecordProgress{4200, 73});
  EXPECT_EQ(d.state().voice.level, 73);
  d.Do(ev::Voice{ev::VoiceAction::kStop});
  EXPECT_TRUE(d.Emitted<fx::StopRecording>());
  d.Do(ev::RecordingFinished{kTake, 4300});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kRecorded);
  EXPECT_FALSE(MicrophoneOpen(d.state()));
  d.Do(ev::Voice{ev::VoiceAction::kKeep});
  ASSERT_EQ(d.step(), Step::kWhatHappened);        // back at the question, with the recording kept
  ASSERT_EQ(d.state().personal.recordings.size(), 1u);
  EXPECT_EQ(d.state().personal.recordings[0].question, SpokenQuestion::kWhatHappened);
  EXPECT_EQ(d.state().personal.recordings[0].length_ms, 4300);
  EXPECT_TRUE(d.state().voice.opus.empty());       // one copy of the audio, in the answers
  d.Next();
  EXPECT_EQ(d.step(), Step::kWhen);
  EXPECT_EQ(WalkTo(d, Step::kConsent, {.anonymous = true}), Step::kConsent);
  const Submission sub = BuildSubmission(d.state(), d.policy());
  ASSERT_EQ(sub.personal.recordings.size(), 1u);
  EXPECT_EQ(sub.personal.recordings[0].opus.bytes(), kBytes);
  EXPECT_TRUE(sub.personal.what_happened.empty());
}

TEST(JourneyVoice, ListenRecordAgainAndKeepReplaceTheTake) {
  Driver d = AtWhatHappened();
  d.Type(Field::kWhatHappened, "Typed as well");
  d.Do(ev::SayIt{});
  Record(d, 2000);
  d.Do(ev::Voice{ev::VoiceAction::kListen});
  ASSERT_TRUE(d.Find<fx::PlayRecording>());
  EXPECT_EQ(d.Find<fx::PlayRecording>()->opus.bytes(), kBytes);
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kPlaying);
  d.Do(ev::PlaybackEnded{});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kRecorded);
  d.Do(ev::Voice{ev::VoiceAction::kRecordAgain});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kRecording);
  EXPECT_TRUE(d.state().voice.opus.empty());       // the first take is gone
  d.Do(ev::Voice{ev::VoiceAction::kStop});
  d.Do(ev::RecordingFinished{AudioBuffer({9, 9, 9}), 3000});
  d.Do(ev::Voice{ev::VoiceAction::kKeep});
  ASSERT_EQ(d.state().personal.recordings.size(), 1u);
  EXPECT_EQ(d.state().personal.recordings[0].length_ms, 3000);
  EXPECT_EQ(d.state().personal.what_happened, "Typed as well");   // typed and spoken both kept
  // Coming back shows the kept take, ready to hear again.
  d.Do(ev::SayIt{});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kRecorded);
  EXPECT_EQ(d.state().voice.elapsed_ms, 3000);
}

TEST(JourneyVoice, TheTimeLimitStopsTheRecordingAndTalkingKeepsTheJourneyAlive) {
  Driver d = AtWhatHappened();
  d.Do(ev::SayIt{});
  d.Do(ev::Voice{ev::VoiceAction::kStart});
  for (int s = 1; s <= 119; ++s) {
    d.Wait(1000);
    d.Do(ev::RecordProgress{s * 1000, 50});
  }
  EXPECT_FALSE(d.state().idle_warning);            // 2 minutes of talking is not 2 minutes away
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kRecording);
  d.Do(ev::RecordProgress{120000, 50});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kFinishing);
  EXPECT_TRUE(d.Emitted<fx::StopRecording>());
}

TEST(JourneyVoice, ListeningToALongTakeIsNotIdleButWalkingAwayAfterIsWiped) {
  Driver d = AtWhatHappened();
  d.Do(ev::SayIt{});
  Record(d, 120000);
  d.Do(ev::Voice{ev::VoiceAction::kListen});
  for (int s = 0; s < 120; ++s) d.Wait(1000);
  EXPECT_FALSE(d.state().idle_warning) << "two minutes of listening";
  d.Do(ev::PlaybackEnded{});
  d.Wait(95000);
  EXPECT_TRUE(d.state().idle_warning);
  d.Wait(31000);
  EXPECT_EQ(d.step(), Step::kWelcome);
  EXPECT_TRUE(d.state().voice.opus.empty());
  EXPECT_TRUE(d.state().personal.recordings.empty());
}

TEST(JourneyVoice, BackOrAnIdleWipeDropsTheTake) {
  Driver d = AtWhatHappened();
  d.Do(ev::SayIt{});
  d.Do(ev::Voice{ev::VoiceAction::kStart});
  d.Back();
  EXPECT_EQ(d.step(), Step::kWhatHappened);
  EXPECT_TRUE(d.Emitted<fx::DiscardRecording>());  // the microphone closes
  EXPECT_TRUE(d.state().personal.recordings.empty());
  d.Do(ev::SayIt{});
  Record(d, 1000);
  d.Do(ev::Voice{ev::VoiceAction::kKeep});
  ASSERT_EQ(d.state().personal.recordings.size(), 1u);
  d.Do(ev::StartAgain{});
  EXPECT_TRUE(d.state().personal.recordings.empty());
  EXPECT_TRUE(d.state().voice_available);          // the kiosk's microphone outlives the person
}

TEST(JourneyVoice, NoMicrophoneNoSayIt) {
  Driver d = AtWhatHappened(false);
  d.Do(ev::SayIt{});
  EXPECT_EQ(d.step(), Step::kWhatHappened);
}

TEST(JourneyVoice, AFailedMicrophoneOffersTryAgain) {
  Driver d = AtWhatHappened();
  d.Do(ev::SayIt{});
  d.Do(ev::Voice{ev::VoiceAction::kStart});
  d.Do(ev::RecordingFailed{"device gone"});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kFailed);
  d.Do(ev::Voice{ev::VoiceAction::kKeep});         // nothing to keep
  EXPECT_TRUE(d.state().personal.recordings.empty());
  d.Do(ev::Voice{ev::VoiceAction::kStart});
  EXPECT_EQ(d.state().voice.phase, VoicePhase::kRecording);
}

TEST(JourneyHelpToWrite, AnAnonymousPersonAskingForACallBackIsAskedTheirNameAndPhone) {
  Driver d = AtWhatHappened();
  ASSERT_TRUE(d.state().personal.person.anonymous);
  d.Do(ev::AskForHelp{});
  ASSERT_EQ(d.step(), Step::kHelpToWrite);
  d.Choose("call-back");
  ASSERT_EQ(d.step(), Step::kHelpTime);
  d.Choose("morning");
  EXPECT_EQ(d.step(), Step::kWhen);                // the question is answered by the request
  EXPECT_FALSE(d.state().personal.person.anonymous);
  EXPECT_EQ(d.state().personal.help.way, HelpWay::kCallBack);
  EXPECT_EQ(d.state().personal.help.best_time, HelpTime::kMorning);
  std::vector<Step> seen;
  for (int i = 0; i < 30 && d.step() != Step::kConsent; ++i) {
    seen.push_back(d.step());
    WalkTo(d, Step::kConsent, {.contact = ContactPreference::kPhone}, 1);
  }
  EXPECT_NE(std::find(seen.begin(), seen.end(), Step::kName), seen.end());
  EXPECT_NE(std::find(seen.begin(), seen.end(), Step::kContactDetails), seen.end());
  const Submission sub = BuildSubmission(d.state(), d.policy());
  EXPECT_TRUE(sub.clear.help_to_write);
  EXPECT_FALSE(sub.clear.anonymous);
  EXPECT_EQ(sub.personal.help.way, HelpWay::kCallBack);
  EXPECT_EQ(sub.personal.person.phone, "07700 900123");
}

TEST(JourneyHelpToWrite, ChoosingAnonymousLaterCancelsTheRequest) {
  static const Policy policy = NextStepsLike();
  Driver d(policy);
  d.Choose("comment");
  ASSERT_EQ(WalkTo(d, Step::kWhatHappened), Step::kWhatHappened);
  d.Do(ev::AskForHelp{}).Choose("meeting").Choose("any-time");
  ASSERT_EQ(d.step(), Step::kAnonymous);
  d.Choose("anonymous");
  EXPECT_FALSE(d.state().personal.help.Requested());
  EXPECT_FALSE(BuildSubmission(d.state(), d.policy()).clear.help_to_write);
}

TEST(ModelVoice, RecordingsAndHelpSurviveSealing) {
  PersonalPart part;
  part.recordings.push_back({SpokenQuestion::kHowAffected, AudioBuffer({0, 1, 2, 250, 251, 252}), 1500});
  part.help = {HelpWay::kMeeting, HelpTime::kAfternoon};
  BoxKeyPair keys = NewBoxKeyPair();
  const std::vector<unsigned char> sealed = SealPersonal(part, keys.public_key);
  EXPECT_EQ(OpenPersonal(sealed, keys), part);
  // A personal part from a kiosk before spoken answers still opens.
  nlohmann::json old = nlohmann::json::parse(PersonalToJson(PersonalPart{}));
  old.erase("recordings");
  old.erase("help");
  EXPECT_NO_THROW(PersonalFromJson(old.dump()));
  Wipe(part);
  EXPECT_TRUE(part.recordings.empty());
  EXPECT_FALSE(part.help.Requested());
}

TEST(ModelVoice, TheClearPartSaysHelpToWriteAndOldKiosksDoNot) {
  ClearPart clear;
  clear.help_to_write = true;
  EXPECT_TRUE(ClearFromJson(ClearToJson(clear)).help_to_write);
  nlohmann::json old = nlohmann::json::parse(ClearToJson(ClearPart{}));
  old.erase("help_to_write");
  EXPECT_FALSE(ClearFromJson(old.dump()).help_to_write);
}

}  // namespace
}  // namespace tellus
