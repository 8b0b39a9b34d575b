#pragma once
// [SECTION] "Say it instead" as the kiosk runs it: the microphone (SdlCapture) feeds an
// Opus encoder every frame, so Stop only has to close the stream; playback of a take
// decodes a little ahead of the speech output (VoicePlayer). Everything stays in memory
// and is zeroed when dropped.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/speech/pcm_sink.h"
#include "kiosk/voice/opus_codec.h"
#include "kiosk/voice/sdl_capture.h"

namespace tellus::voice {

struct RecorderProgress {
  int elapsed_ms = 0;                              // audio taken so far
  int level = 0;                                   // 0..100, the loudness of what came since the last call
};

class Recorder {
 public:
  // Null and *why set when there is no microphone.
  static std::unique_ptr<Recorder> Open(std::string* why);
  ~Recorder();

  bool Start(int max_ms, std::string* why);        // a fresh take; stops taking sound after max_ms
  RecorderProgress Pump();                         // UI thread, each frame: encode what arrived
  // Stops the microphone, encodes the rest and hands over the take. Throws OpusError.
  std::vector<unsigned char> Finish(int* length_ms);
  void Discard();                                  // stop and drop the take
  bool recording() const { return writer_ != nullptr; }

 private:
  Recorder() = default;
  std::unique_ptr<SdlCapture> capture_;
  std::unique_ptr<OpusWriter> writer_;
  std::vector<std::int16_t> chunk_;
  std::int64_t max_samples_ = 0;
};

// Plays a take through the speech output (the same SDL device as read-aloud).
class VoicePlayer {
 public:
  VoicePlayer(PcmSink* sink, int sink_rate);
  ~VoicePlayer();
  bool Start(const std::vector<unsigned char>& opus);   // false: not a playable stream
  bool Pump();                                     // keeps ~0.5 s decoded ahead; false once all was heard
  void Stop();                                     // silence now
  bool playing() const { return reader_ != nullptr || end_mark_ > 0; }

 private:
  void Close();
  PcmSink* sink_;
  int sink_rate_;
  std::vector<unsigned char> opus_;                // the reader reads from this copy
  std::unique_ptr<OpusReader> reader_;
  std::vector<std::int16_t> decoded_;              // 48 kHz, not yet resampled
  std::vector<std::int16_t> out_;
  double position_ = 0;                            // in decoded_, for the resampler
  std::uint64_t end_mark_ = 0;                     // sink Written() after the last sample
};

}  // namespace tellus::voice
