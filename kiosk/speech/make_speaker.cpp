#include <stdexcept>

#include "kiosk/speech/sdl_audio.h"
#include "kiosk/speech/speech_queue.h"

namespace tellus {
namespace {

class SilentSpeaker : public Speaker {
 public:
  explicit SilentSpeaker(std::string status) : status_(std::move(status)) {}
  void Say(const std::string&, const std::string&) override {}
  void Enqueue(const std::string&, const std::string&) override {}
  void Stop() override {}
  bool Speaking() const override { return false; }
  void Play(Earcon) override {}
  void Configure(const SpeechSettings&) override {}
  int CurrentWordOffset() const override { return -1; }
  bool HasAudio() const override { return false; }
  std::string Status() const override { return status_; }

 private:
  std::string status_;
};

// Owns the SDL device and the queue writing into it; members go in reverse
// order, so the queue's worker has stopped before the device closes.
class SdlSpeaker : public Speaker {
 public:
  SdlSpeaker(std::unique_ptr<SdlAudio> audio, std::unique_ptr<Synthesiser> synthesiser, const SpeechSettings& settings)
      : audio_(std::move(audio)),
        queue_(std::make_unique<SpeechQueue>(std::move(synthesiser), audio_.get(), audio_.get(), settings,
                                             "speech ready", true)) {}
  void Say(const std::string& text, const std::string& voice) override { queue_->Say(text, voice); }
  void Enqueue(const std::string& text, const std::string& voice) override { queue_->Enqueue(text, voice); }
  void Stop() override { queue_->Stop(); }
  bool Speaking() const override { return queue_->Speaking(); }
  void Play(Earcon earcon) override { queue_->Play(earcon); }
  void Configure(const SpeechSettings& settings) override { queue_->Configure(settings); }
  int CurrentWordOffset() const override { return queue_->CurrentWordOffset(); }
  std::string CurrentText() const override { return queue_->CurrentText(); }
  bool HasAudio() const override { return true; }
  std::string Status() const override { return queue_->Status(); }
  PcmSink* Output() override { return audio_.get(); }

 private:
  std::unique_ptr<SdlAudio> audio_;
  std::unique_ptr<SpeechQueue> queue_;
};

}  // namespace

std::unique_ptr<Speaker> MakeSilentSpeaker() { return MakeSilentSpeaker("speech off: text only"); }

std::unique_ptr<Speaker> MakeSilentSpeaker(const std::string& status) {
  return std::make_unique<SilentSpeaker>(status);
}

std::unique_ptr<Speaker> MakeSpeaker(const SpeechSettings& settings) {
  std::unique_ptr<Synthesiser> synthesiser;
  try {
    synthesiser = std::make_unique<EspeakSynthesiser>();
  } catch (const std::exception& e) {
    return MakeSilentSpeaker(std::string("speech engine not available: text only (") + e.what() + ")");
  }
  std::string why;
  std::unique_ptr<SdlAudio> audio = SdlAudio::Open(&why);
  if (!audio) return MakeSilentSpeaker(why);
  return std::make_unique<SdlSpeaker>(std::move(audio), std::move(synthesiser), settings);
}

}  // namespace tellus
