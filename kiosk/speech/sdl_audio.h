#pragma once
// SDL2_mixer output: speech streams through Mix_HookMusic from a buffer the
// speech worker fills (so playback position is exact, for word highlighting);
// earcons are Mix_Chunks on their own channels, mixed over speech.
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/speech/pcm_sink.h"

struct Mix_Chunk;

namespace tellus {

class SdlAudio : public PcmSink, public EarconSink {
 public:
  // Opens the device at 22050 Hz, 16-bit mono (SDL converts to the hardware's
  // format). Returns null and sets *why if there is no usable audio device,
  // including SDL's dummy and disk drivers (unless accept_dummy_driver: tests and
  // the benchmark use the dummy driver, which consumes audio in real time).
  static std::unique_ptr<SdlAudio> Open(std::string* why, bool accept_dummy_driver = false);
  ~SdlAudio() override;

  void Write(uint64_t utterance, const int16_t* samples, size_t count) override;
  void Flush() override;
  uint64_t Written() const override;
  uint64_t Played() const override;
  void PlayEarcon(int earcon_index, int volume_0_100) override;

 private:
  SdlAudio() = default;
  static void Fill(void* self, uint8_t* stream, int len);

  // SDL_LockAudio() only covers the legacy device 1, and SDL_mixer opens its own
  // device id: a plain mutex guards the buffer instead.
  mutable std::mutex mu_;
  std::vector<int16_t> buffer_;
  size_t read_ = 0;
  uint64_t played_ = 0;
  std::array<Mix_Chunk*, 4> earcons_{};
  std::array<std::vector<int16_t>, 4> earcon_pcm_;
};

}  // namespace tellus
