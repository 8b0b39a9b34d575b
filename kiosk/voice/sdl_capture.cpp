#include "kiosk/voice/sdl_capture.h"

#include <SDL.h>
#include <sodium.h>

#include <cstring>

#include "kiosk/voice/opus_codec.h"

namespace tellus::voice {

std::unique_ptr<SdlCapture> SdlCapture::Open(std::string* why) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    *why = std::string("no microphone: SDL audio did not start (") + SDL_GetError() + ")";
    return nullptr;
  }
  // SDL's dummy driver "records" silence, and its disk driver reads a file only when given
  // one (SDL_DISKAUDIOFILEIN, for tests): neither is a microphone a person can use.
  const char* current = SDL_GetCurrentAudioDriver();
  const std::string driver = current ? current : "";
  if (driver == "dummy" || (driver == "disk" && !SDL_getenv("SDL_DISKAUDIOFILEIN"))) {
    *why = "no microphone (SDL driver '" + driver + "')";
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return nullptr;
  }
  const int count = SDL_GetNumAudioDevices(1);
  if (count <= 0) {
    *why = "no microphone (SDL driver '" + driver + "' lists no capture device)";
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return nullptr;
  }
  std::unique_ptr<SdlCapture> capture(new SdlCapture());
  const char* name = SDL_GetAudioDeviceName(0, 1);
  capture->name_ = name ? name : "default";
  return capture;
}

SdlCapture::~SdlCapture() {
  Stop();
  std::lock_guard lock(mu_);
  if (!captured_.empty()) sodium_memzero(captured_.data(), captured_.capacity() * sizeof(std::int16_t));
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlCapture::Callback(void* self, std::uint8_t* stream, int len) {
  auto* capture = static_cast<SdlCapture*>(self);
  const auto* samples = reinterpret_cast<const std::int16_t*>(stream);
  std::lock_guard lock(capture->mu_);
  capture->captured_.insert(capture->captured_.end(), samples, samples + len / 2);
  sodium_memzero(stream, static_cast<std::size_t>(len));
}

bool SdlCapture::Start(std::string* why) {
  Stop();
  SDL_AudioSpec want{};
  want.freq = kCaptureRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 512;                              // 32 ms: a lively level meter
  want.callback = &SdlCapture::Callback;
  want.userdata = this;
  SDL_AudioSpec have{};
  device_ = SDL_OpenAudioDevice(nullptr, 1, &want, &have, 0);   // 0: SDL converts to exactly this
  if (device_ == 0) {
    *why = std::string("the microphone did not open: ") + SDL_GetError();
    return false;
  }
  {
    std::lock_guard lock(mu_);
    captured_.reserve(static_cast<std::size_t>(kCaptureRate) * 2);
  }
  SDL_PauseAudioDevice(device_, 0);
  return true;
}

void SdlCapture::Stop() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);                   // waits for a running callback to return
  device_ = 0;
}

void SdlCapture::Take(std::vector<std::int16_t>& out) {
  std::lock_guard lock(mu_);
  out.insert(out.end(), captured_.begin(), captured_.end());
  if (!captured_.empty()) sodium_memzero(captured_.data(), captured_.size() * sizeof(std::int16_t));
  captured_.clear();
}

}  // namespace tellus::voice
