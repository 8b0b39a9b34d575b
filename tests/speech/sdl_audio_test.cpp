// The real SDL2_mixer path on SDL's dummy driver (no sound card needed).
#include "kiosk/speech/sdl_audio.h"

#include <chrono>
#include <cstdlib>
#include <functional>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/speech/speech_queue.h"

namespace tellus {
namespace {

using Clock = std::chrono::steady_clock;

std::unique_ptr<SdlAudio> OpenDummy() {
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  std::string why;
  std::unique_ptr<SdlAudio> audio = SdlAudio::Open(&why, true);
  EXPECT_TRUE(audio) << why;
  return audio;
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto end = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

TEST(SdlAudio, DeviceTakesSamplesAndFlushDropsTheRest) {
  std::unique_ptr<SdlAudio> audio = OpenDummy();
  ASSERT_TRUE(audio);
  std::vector<int16_t> pcm(22050 * 2, 1000);  // 2 s
  audio->Write(1, pcm.data(), pcm.size());
  EXPECT_EQ(audio->Written(), pcm.size());
  ASSERT_TRUE(WaitUntil([&] { return audio->Played() > 0; }, std::chrono::milliseconds(1000)));
  audio->Flush();
  const uint64_t played = audio->Played();
  EXPECT_EQ(audio->Written(), played);
  EXPECT_LT(played, pcm.size());
  audio->PlayEarcon(0, 50);
  audio->PlayEarcon(3, 0);
}

TEST(SdlAudio, SpeechPlaysThroughTheDeviceAndHighlightsWords) {
  std::unique_ptr<SdlAudio> audio = OpenDummy();
  ASSERT_TRUE(audio);
  SpeechQueue queue(std::make_unique<EspeakSynthesiser>(), audio.get(), audio.get(), SpeechSettings{}, "speech ready",
                    true);
  const std::string text = "One two three four five six seven eight.";
  queue.Say(text, "en-gb");
  std::set<int> offsets;
  const auto until = Clock::now() + std::chrono::seconds(8);
  while (Clock::now() < until && (offsets.empty() || queue.Speaking())) {
    const int offset = queue.CurrentWordOffset();
    if (offset >= 0) offsets.insert(offset);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_FALSE(queue.Speaking());
  EXPECT_GE(offsets.size(), 5u) << "the highlight should move through the words as they play";
  for (int offset : offsets) EXPECT_TRUE(offset == 0 || text[offset - 1] == ' ') << offset;
}

TEST(SdlAudio, InterruptStopsOldSpeechOnTheDevice) {
  std::unique_ptr<SdlAudio> audio = OpenDummy();
  ASSERT_TRUE(audio);
  SpeechQueue queue(std::make_unique<EspeakSynthesiser>(), audio.get(), audio.get(), SpeechSettings{}, "speech ready",
                    true);
  queue.Say("This is a long sentence that would take several seconds to read out loud to the end.", "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return audio->Played() > 0; }, std::chrono::milliseconds(1000)));
  const auto said = Clock::now();
  queue.Say("Stop.", "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return !queue.Speaking(); }, std::chrono::milliseconds(3000)));
  // "Stop." is well under a second: the long sentence did not keep playing.
  EXPECT_LT(Clock::now() - said, std::chrono::milliseconds(1500));
}

}  // namespace
}  // namespace tellus
