#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include <espeak-ng/speak_lib.h>

#include "kiosk/speech/synthesiser.h"

namespace tellus {
namespace {

// eSpeak NG is one engine per process: initialise once, run one synthesis at a time.
std::mutex& EngineMutex() {
  static std::mutex mutex;
  return mutex;
}

struct Job {
  const std::string* text;
  const Synthesiser::OnPcm* on_pcm;
  const Synthesiser::OnWord* on_word;
  int rate = 22050;
  uint64_t samples = 0;
  bool stopped = false;
};

int Callback(short* wav, int count, espeak_EVENT* events) {
  Job* job = nullptr;
  for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e)
    if (e->user_data) job = static_cast<Job*>(e->user_data);
  if (!job && events) job = static_cast<Job*>(events->user_data);
  if (!job) return 0;
  if (job->stopped) return 1;
  for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
    if (e->type == espeakEVENT_WORD && *job->on_word) {
      // audio_position is in ms from the start of this utterance.
      const uint64_t sample = static_cast<uint64_t>(e->audio_position) * static_cast<uint64_t>(job->rate) / 1000;
      (*job->on_word)(std::max(sample, job->samples), CharIndexToByteOffset(*job->text, e->text_position - 1));
    }
  }
  if (wav && count > 0) {
    if (!(*job->on_pcm)(reinterpret_cast<const int16_t*>(wav), static_cast<size_t>(count))) {
      job->stopped = true;
      return 1;
    }
    job->samples += static_cast<uint64_t>(count);
  }
  return 0;
}

}  // namespace

int CharIndexToByteOffset(const std::string& text, int char_index) {
  if (char_index <= 0) return 0;
  int chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == char_index) return static_cast<int>(i);
      ++chars;
    }
  }
  return static_cast<int>(text.size());
}

EspeakSynthesiser::EspeakSynthesiser() {
  std::lock_guard<std::mutex> lock(EngineMutex());
  static int rate = 0;
  if (rate <= 0) {
    // 50 ms buffers: the first audio reaches the sink soon after a Say().
    rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 50, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) throw std::runtime_error("eSpeak NG could not start (is espeak-ng-data installed?)");
    espeak_SetSynthCallback(&Callback);
  }
  sample_rate_ = rate;
}

bool EspeakSynthesiser::Synthesise(const std::string& text, const std::string& voice, const SpeechSettings& settings,
                                   const OnPcm& on_pcm, const OnWord& on_word, std::string* error) {
  std::lock_guard<std::mutex> lock(EngineMutex());
  if (voice != voice_) {
    espeak_VOICE spec;
    std::memset(&spec, 0, sizeof spec);
    spec.languages = voice.c_str();
    if (espeak_SetVoiceByProperties(&spec) != EE_OK) {
      voice_.clear();
      if (error) *error = "eSpeak NG has no voice for language '" + voice + "'";
      return false;
    }
    voice_ = voice;
  }
  espeak_SetParameter(espeakRATE, std::clamp(settings.rate_wpm, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
  espeak_SetParameter(espeakPITCH, std::clamp(settings.pitch, 0, 100), 0);
  // Our 0..100 to eSpeak's 0..200 where 100 is its normal loudness: 80 -> 100.
  espeak_SetParameter(espeakVOLUME, std::clamp(settings.volume, 0, 100) * 5 / 4, 0);

  Job job{&text, &on_pcm, &on_word, sample_rate_};
  const espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                           espeakCHARS_UTF8, nullptr, &job);
  if (result != EE_OK) {
    if (error) *error = "eSpeak NG could not synthesise (error " + std::to_string(static_cast<int>(result)) + ")";
    return false;
  }
  return true;
}

}  // namespace tellus
