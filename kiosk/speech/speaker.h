#pragma once
// [SECTION] Read-aloud as the kiosk app sees it. The real engine (eSpeak NG on a
// worker thread, played through SDL2_mixer) and a silent fallback both implement
// this; the UI thread never waits on either.
#include <functional>
#include <memory>
#include <string>

#include "kiosk/speech/pcm_sink.h"

namespace tellus {

enum class Earcon { kPress, kBack, kError, kDone };

struct SpeechSettings {
  int rate_wpm = 150;                              // 150 wpm is what people rate most acceptable
  int pitch = 50;                                  // eSpeak 0..100
  int volume = 80;                                 // 0..100
  int earcon_volume = 60;                          // 0..100
  bool earcons = true;
};

class Speaker {
 public:
  virtual ~Speaker() = default;
  virtual void Say(const std::string& text, const std::string& voice) = 0;  // interrupts what is playing
  // Speaks after what is playing and queued (a screen read in parts: title,
  // sentences, choices). The next Say() or Stop() drops it too.
  virtual void Enqueue(const std::string& text, const std::string& voice) { Say(text, voice); }
  virtual void Stop() = 0;
  virtual bool Speaking() const = 0;
  virtual void Play(Earcon earcon) = 0;
  virtual void Configure(const SpeechSettings& settings) = 0;
  // Byte offset into the text of the utterance being heard of the word being
  // read, or -1; for highlighting.
  virtual int CurrentWordOffset() const = 0;
  // The text of the utterance that CurrentWordOffset() points into; empty when none.
  virtual std::string CurrentText() const { return {}; }
  virtual bool HasAudio() const = 0;               // false: no sound device, text only
  virtual std::string Status() const = 0;          // "speech ready", "no audio device: text only"
  // The output speech plays through (a recording is played back on it too), and its rate; null: none.
  virtual PcmSink* Output() { return nullptr; }
  virtual int OutputRate() const { return 22050; }
};

std::unique_ptr<Speaker> MakeSilentSpeaker();      // for tests and machines with no audio
std::unique_ptr<Speaker> MakeSilentSpeaker(const std::string& status);

// eSpeak NG + SDL2_mixer; falls back to a silent speaker whose Status() says why
// (no audio device, SDL's dummy/disk driver, no eSpeak NG data). Never throws.
std::unique_ptr<Speaker> MakeSpeaker(const SpeechSettings& settings);

}  // namespace tellus
