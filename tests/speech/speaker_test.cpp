#include "kiosk/speech/speaker.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace tellus {
namespace {

TEST(Speaker, NoAudioDeviceMeansTextOnlyAndStillRuns) {
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  std::unique_ptr<Speaker> speaker = MakeSpeaker(SpeechSettings{});
  ASSERT_TRUE(speaker);
  EXPECT_FALSE(speaker->HasAudio());
  EXPECT_NE(speaker->Status().find("text only"), std::string::npos) << speaker->Status();
  speaker->Say("Hello.", "en-gb");
  speaker->Play(Earcon::kPress);
  speaker->Stop();
  EXPECT_FALSE(speaker->Speaking());
  EXPECT_EQ(speaker->CurrentWordOffset(), -1);
}

TEST(Speaker, SilentSpeakerSaysWhy) {
  EXPECT_EQ(MakeSilentSpeaker("no audio device: text only")->Status(), "no audio device: text only");
  EXPECT_FALSE(MakeSilentSpeaker()->HasAudio());
}

}  // namespace
}  // namespace tellus
