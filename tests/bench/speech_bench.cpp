// Speech benchmark (a program, not a test): time from Say() to the first sample
// handed to the sink (what SDL would play), and synthesis speed in seconds of
// speech per CPU second, with eSpeak NG at the kiosk's settings.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <vector>

#include <cstdlib>
#include <thread>

#include "kiosk/speech/sdl_audio.h"
#include "kiosk/speech/speech_queue.h"

namespace {

using Clock = std::chrono::steady_clock;

// Notes when the first sample of each utterance arrives; plays nothing.
class TimingSink : public tellus::PcmSink {
 public:
  void Write(uint64_t utterance, const int16_t*, size_t count) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (utterance != seen_) {
      seen_ = utterance;
      first_ = Clock::now();
      cv_.notify_all();
    }
    written_ += count;
    played_ = written_;
  }
  void Flush() override {}
  uint64_t Written() const override { return written_; }
  uint64_t Played() const override { return played_; }
  Clock::time_point WaitFor(uint64_t utterance) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return seen_ == utterance; });
    return first_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t seen_ = 0;
  uint64_t written_ = 0, played_ = 0;
  Clock::time_point first_;
};

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main() {
  const std::vector<std::string> sentences = {
      "Tell us what you think.", "You can say thank you.", "You can tell us about a problem.",
      "Which service was it?", "We will write to you by Friday 27 November.", "Your reference is N S 4 K 7 Q.",
  };
  tellus::SpeechSettings settings;

  // 1. Say() to first sample, through the real queue and worker thread.
  TimingSink sink;
  std::vector<double> latencies;
  {
    tellus::SpeechQueue queue(std::make_unique<tellus::EspeakSynthesiser>(), &sink, nullptr, settings, "bench", false);
    queue.Say("Warm up.", "en-gb");  // loads the voice
    sink.WaitFor(1);
    uint64_t id = 2;
    for (int round = 0; round < 5; ++round)
      for (const std::string& text : sentences) {
        const auto start = Clock::now();
        queue.Say(text, "en-gb");
        const auto first = sink.WaitFor(id++);
        latencies.push_back(std::chrono::duration<double, std::milli>(first - start).count());
      }
    queue.Stop();
  }
  std::sort(latencies.begin(), latencies.end());
  std::printf("Say() to first sample (en-gb, %zu runs): median %.1f ms, p90 %.1f ms, max %.1f ms\n", latencies.size(),
              latencies[latencies.size() / 2], latencies[latencies.size() * 9 / 10], latencies.back());

  // 2. Say() to the first sample SDL's audio callback takes, on SDL's dummy driver
  // (it pulls 1024-sample buffers in real time, as a sound card would).
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  std::string why;
  if (std::unique_ptr<tellus::SdlAudio> audio = tellus::SdlAudio::Open(&why, true)) {
    std::vector<double> to_sdl;
    tellus::SpeechQueue queue(std::make_unique<tellus::EspeakSynthesiser>(), audio.get(), audio.get(), settings,
                              "bench", true);
    for (int round = 0; round < 2; ++round)
      for (const std::string& text : sentences) {
        queue.Stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(60));  // let the device drain
        const uint64_t before = audio->Played();
        const auto start = Clock::now();
        queue.Say(text, "en-gb");
        while (audio->Played() == before) std::this_thread::sleep_for(std::chrono::microseconds(200));
        to_sdl.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
    queue.Stop();
    std::sort(to_sdl.begin(), to_sdl.end());
    std::printf("Say() to first sample taken by SDL (dummy driver, %zu runs): median %.1f ms, max %.1f ms\n",
                to_sdl.size(), to_sdl[to_sdl.size() / 2], to_sdl.back());
  } else {
    std::printf("SDL audio not available: %s\n", why.c_str());
  }

  // 3. Synthesis speed on this thread: audio seconds produced per CPU second.
  tellus::EspeakSynthesiser synth;
  for (const char* voice : {"en-gb", "cy", "pl"}) {
    uint64_t samples = 0;
    std::string error;
    const double cpu0 = CpuSeconds();
    const auto wall0 = Clock::now();
    for (int round = 0; round < 3; ++round)
      for (const std::string& text : sentences)
        synth.Synthesise(text, voice, settings,
                         [&](const int16_t*, size_t n) {
                           samples += n;
                           return true;
                         },
                         {}, &error);
    const double cpu = CpuSeconds() - cpu0;
    const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
    const double audio = static_cast<double>(samples) / synth.SampleRate();
    std::printf("Synthesis %-5s: %.1f s of speech in %.2f s CPU (%.2f s wall): %.0fx real time per CPU second\n", voice,
                audio, cpu, wall, audio / cpu);
  }
  return 0;
}
