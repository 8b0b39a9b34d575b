#include "kiosk/speech/sdl_audio.h"

#include <algorithm>
#include <cstring>
#include <mutex>

#include <SDL.h>
#include <SDL_mixer.h>

#include "kiosk/speech/earcons.h"

namespace tellus {
namespace {

constexpr int kRate = 22050;                       // eSpeak NG's own rate: no resampling of speech
constexpr int kEarconChannels = 2;

}  // namespace

std::unique_ptr<SdlAudio> SdlAudio::Open(std::string* why, bool accept_dummy_driver) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    *why = std::string("no audio device: text only (") + SDL_GetError() + ")";
    return nullptr;
  }
  const char* driver = SDL_GetCurrentAudioDriver();
  if (!accept_dummy_driver && driver && (std::strcmp(driver, "dummy") == 0 || std::strcmp(driver, "disk") == 0)) {
    *why = std::string("no audio device (SDL driver '") + driver + "'): text only";
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return nullptr;
  }
  if (Mix_OpenAudioDevice(kRate, AUDIO_S16SYS, 1, 1024, nullptr, 0) != 0) {
    *why = std::string("no audio device: text only (") + Mix_GetError() + ")";
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return nullptr;
  }
  std::unique_ptr<SdlAudio> audio(new SdlAudio());
  Mix_AllocateChannels(kEarconChannels);
  for (int i = 0; i < 4; ++i) {
    audio->earcon_pcm_[i] = EarconPcm(static_cast<Earcon>(i), kRate);
    audio->earcons_[i] = Mix_QuickLoad_RAW(reinterpret_cast<Uint8*>(audio->earcon_pcm_[i].data()),
                                           static_cast<Uint32>(audio->earcon_pcm_[i].size() * sizeof(int16_t)));
  }
  Mix_HookMusic(&SdlAudio::Fill, audio.get());
  return audio;
}

SdlAudio::~SdlAudio() {
  Mix_HookMusic(nullptr, nullptr);
  Mix_HaltChannel(-1);
  for (Mix_Chunk* chunk : earcons_)
    if (chunk) Mix_FreeChunk(chunk);
  Mix_CloseAudio();
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudio::Fill(void* self, uint8_t* stream, int len) {
  // Runs inside the SDL audio callback; the other side only holds the mutex for
  // a copy or a clear, so this never waits long.
  auto* audio = static_cast<SdlAudio*>(self);
  std::lock_guard<std::mutex> lock(audio->mu_);
  const size_t wanted = static_cast<size_t>(len) / sizeof(int16_t);
  const size_t available = audio->buffer_.size() - audio->read_;
  const size_t count = std::min(wanted, available);
  std::memcpy(stream, audio->buffer_.data() + audio->read_, count * sizeof(int16_t));
  audio->read_ += count;
  audio->played_ += count;
  // The rest of the stream is already silence.
}

void SdlAudio::Write(uint64_t, const int16_t* samples, size_t count) {
  std::lock_guard<std::mutex> lock(mu_);
  if (read_ > 0 && read_ * 2 >= buffer_.size()) {  // drop what was played
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(read_));
    read_ = 0;
  }
  buffer_.insert(buffer_.end(), samples, samples + count);
}

void SdlAudio::Flush() {
  std::lock_guard<std::mutex> lock(mu_);
  buffer_.clear();
  read_ = 0;
}

uint64_t SdlAudio::Written() const {
  std::lock_guard<std::mutex> lock(mu_);
  return played_ + (buffer_.size() - read_);
}

uint64_t SdlAudio::Played() const {
  std::lock_guard<std::mutex> lock(mu_);
  return played_;
}

void SdlAudio::PlayEarcon(int earcon_index, int volume_0_100) {
  if (earcon_index < 0 || earcon_index >= 4 || !earcons_[earcon_index]) return;
  Mix_VolumeChunk(earcons_[earcon_index], std::clamp(volume_0_100, 0, 100) * MIX_MAX_VOLUME / 100);
  Mix_HaltChannel(earcon_index % kEarconChannels);
  Mix_PlayChannel(earcon_index % kEarconChannels, earcons_[earcon_index], 0);
}

}  // namespace tellus
