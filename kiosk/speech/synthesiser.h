#pragma once
// Text to PCM. EspeakSynthesiser wraps eSpeak NG in synchronous mode: call it from
// one thread at a time (the speech worker); it never plays anything itself.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/speech/speaker.h"

namespace tellus {

class Synthesiser {
 public:
  // Return false from OnPcm to stop synthesis early (an interrupt).
  using OnPcm = std::function<bool(const int16_t* samples, size_t count)>;
  using OnWord = std::function<void(uint64_t sample, int byte_offset)>;  // word starts at sample of this utterance

  virtual ~Synthesiser() = default;
  virtual int SampleRate() const = 0;
  // Returns false and sets *error if the voice is unknown or synthesis failed;
  // an early stop by OnPcm is not a failure.
  virtual bool Synthesise(const std::string& text, const std::string& voice, const SpeechSettings& settings,
                          const OnPcm& on_pcm, const OnWord& on_word, std::string* error) = 0;
};

class EspeakSynthesiser : public Synthesiser {
 public:
  // Throws std::runtime_error if eSpeak NG or its data cannot be loaded.
  EspeakSynthesiser();
  int SampleRate() const override { return sample_rate_; }
  bool Synthesise(const std::string& text, const std::string& voice, const SpeechSettings& settings,
                  const OnPcm& on_pcm, const OnWord& on_word, std::string* error) override;

 private:
  int sample_rate_ = 0;
  std::string voice_;                              // last voice set, to skip reloading it
};

// eSpeak's character index (counted in code points) to a byte offset in UTF-8 text.
int CharIndexToByteOffset(const std::string& text, int char_index);

}  // namespace tellus
