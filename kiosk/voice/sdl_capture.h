#pragma once
// [SECTION] The microphone through SDL2's audio capture (SDL_OpenAudioDevice with
// iscapture = 1) at 16 kHz mono; SDL converts from whatever the device gives. The
// SDL audio thread only appends to a buffer; the UI thread takes it each frame.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tellus::voice {

class SdlCapture {
 public:
  // Null and *why set when SDL has no capture device (then "Say it instead" is not offered).
  static std::unique_ptr<SdlCapture> Open(std::string* why);
  ~SdlCapture();
  SdlCapture(const SdlCapture&) = delete;
  SdlCapture& operator=(const SdlCapture&) = delete;

  bool Start(std::string* why);                    // opens the device and starts it
  void Stop();                                     // closes the device (no callback runs after this)
  bool running() const { return device_ != 0; }
  // Moves what was captured since the last call into `out` (appended); the copy left behind is zeroed.
  void Take(std::vector<std::int16_t>& out);
  const std::string& device_name() const { return name_; }

 private:
  SdlCapture() = default;
  static void Callback(void* self, std::uint8_t* stream, int len);
  std::uint32_t device_ = 0;
  std::string name_;
  std::mutex mu_;
  std::vector<std::int16_t> captured_;
};

}  // namespace tellus::voice
