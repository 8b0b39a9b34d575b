#pragma once
// Where synthesised speech goes: SDL2_mixer in the kiosk, a recording fake in tests.
// Write() is called on the speech worker thread; Flush() on the UI thread.
#include <cstddef>
#include <cstdint>

namespace tellus {

class PcmSink {
 public:
  virtual ~PcmSink() = default;
  // 16-bit mono samples at the synthesiser's rate, for utterance number `utterance`.
  virtual void Write(uint64_t utterance, const int16_t* samples, size_t count) = 0;
  virtual void End(uint64_t /*utterance*/) {}      // that utterance is complete
  virtual void Flush() = 0;                        // drop everything not yet played, now
  virtual uint64_t Written() const = 0;            // samples accepted so far, less those flushed
  virtual uint64_t Played() const = 0;             // samples the device has taken; <= Written()
};

// Earcons go straight to the device, mixed over speech.
class EarconSink {
 public:
  virtual ~EarconSink() = default;
  virtual void PlayEarcon(int earcon_index, int volume_0_100) = 0;
};

}  // namespace tellus
