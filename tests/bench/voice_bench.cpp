// Say it instead benchmark (a program, not a test):
//  1. encode speed: seconds of 16 kHz speech-like audio libopusenc encodes per CPU second;
//  2. Stop -> "Listen to what you said" ready: the kiosk's real recorder on SDL's disk
//     driver (fed at 8x real time: SDL_DISKAUDIODELAY=4 ms a 32 ms buffer, slower than the
//     encoder so no backlog builds up, as a real microphone's 1x never does), Stop just
//     before 10 s, 60 s and 180 s, timing what the kiosk does on Stop: close the capture,
//     encode the rest, end the Ogg stream, read its length, and hand the take to the
//     journey (Reduce). Three takes each; median and worst.
//   build/tests/bench/voice_bench
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/journey.h"
#include "core/policy.h"
#include "kiosk/voice/recorder.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace tellus;

std::vector<std::int16_t> SpeechLike(double seconds) {
  std::vector<std::int16_t> pcm(static_cast<std::size_t>(seconds * voice::kCaptureRate));
  std::uint32_t noise = 12345;
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    const double t = double(i) / voice::kCaptureRate;
    noise = noise * 1664525u + 1013904223u;
    const double syllable = 0.5 + 0.5 * std::sin(2 * M_PI * 4 * t);          // ~4 syllables a second
    const double pitch = 120 + 30 * std::sin(2 * M_PI * 0.3 * t);
    const double voiced = std::sin(2 * M_PI * pitch * t) + 0.4 * std::sin(4 * M_PI * pitch * t) + 0.2 * std::sin(6 * M_PI * pitch * t);
    const double hiss = (double(noise >> 16) / 32768.0 - 1.0) * 0.15;
    pcm[i] = static_cast<std::int16_t>(7000 * syllable * (voiced + hiss));
  }
  return pcm;
}

void EncodeSpeed() {
  const double seconds = 120;
  const std::vector<std::int16_t> pcm = SpeechLike(seconds);
  const std::clock_t cpu0 = std::clock();
  voice::OpusWriter writer;
  for (std::size_t at = 0; at < pcm.size(); at += 512) writer.Write(pcm.data() + at, std::min<std::size_t>(512, pcm.size() - at));
  const std::vector<unsigned char> opus = writer.Finish();
  const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
  std::printf("encode: %.0f s of audio in %.3f CPU s = %.0fx real time (aim >= 50x); %.1f kbit/s, %zu bytes\n", seconds,
              cpu, seconds / cpu, opus.size() * 8 / seconds / 1000, opus.size());
  const std::clock_t dec0 = std::clock();
  voice::OpusReader reader(opus.data(), opus.size());
  std::vector<std::int16_t> out(48000);
  std::size_t samples = 0;
  while (std::size_t got = reader.Read(out.data(), out.size())) samples += got;
  const double dcpu = double(std::clock() - dec0) / CLOCKS_PER_SEC;
  std::printf("decode: %.1f s of audio in %.3f CPU s = %.0fx real time\n", double(samples) / voice::kDecodeRate, dcpu,
              double(samples) / voice::kDecodeRate / dcpu);
}

double StopToReady(int seconds) {
  std::string why;
  std::unique_ptr<voice::Recorder> recorder = voice::Recorder::Open(&why);
  if (!recorder) {
    std::printf("stop->ready: no capture device: %s\n", why.c_str());
    return -1;
  }
  const int max_ms = 180 * 1000;
  if (!recorder->Start(max_ms, &why)) {
    std::printf("stop->ready: %s\n", why.c_str());
    return -1;
  }
  // The kiosk pumps once a frame; here as fast as the disk driver delivers.
  int elapsed = 0;
  const auto give_up = Clock::now() + std::chrono::seconds(120);
  while (elapsed < seconds * 1000 - 200 && Clock::now() < give_up) {
    elapsed = recorder->Pump().elapsed_ms;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  JourneyState state;
  state.voice_available = true;
  state.place = Place{Step::kRecord, 0};
  state.voice.phase = VoicePhase::kFinishing;
  Policy policy;
  const auto stop = Clock::now();
  ev::RecordingFinished finished;
  finished.opus = AudioBuffer(recorder->Finish(&finished.length_ms));
  ReduceResult result = Reduce(std::move(state), finished, policy);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - stop).count();
  if (result.state.voice.phase != VoicePhase::kRecorded) std::printf("take of %d s NOT READY\n", seconds);
  return ms;
}

}  // namespace

int main() {
  EncodeSpeed();
  const std::string raw = "/tmp/tellus-voice-bench.raw";
  const std::vector<std::int16_t> pcm = SpeechLike(190);
  std::ofstream(raw, std::ios::binary).write(reinterpret_cast<const char*>(pcm.data()), static_cast<std::streamsize>(pcm.size() * 2));
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILEIN", raw.c_str(), 1);
  ::setenv("SDL_DISKAUDIODELAY", "4", 1);
  for (int seconds : {10, 60, 180}) {
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) runs.push_back(StopToReady(seconds));
    std::sort(runs.begin(), runs.end());
    std::printf("stop->listen ready, %3d s take: median %.1f ms, worst %.1f ms (aim <= 150 ms)\n", seconds, runs[1],
                runs.back());
  }
  std::remove(raw.c_str());
  return 0;
}
