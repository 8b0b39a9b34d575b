#pragma once
// [SECTION] Ogg Opus in memory: spoken answers are encoded as they are recorded
// (libopusenc) and decoded for "Listen to what you said" and their length (libopusfile).
// Nothing here touches a file: a take lives in memory until it is sealed.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

struct OggOpusEnc;
struct OggOpusFile;

namespace tellus::voice {

struct OpusError : std::runtime_error { using std::runtime_error::runtime_error; };

inline constexpr int kCaptureRate = 16000;         // Hz, mono: speech, as the register hears it
inline constexpr int kBitRate = 24000;             // bit/s: clear speech, ~180 kB a minute
inline constexpr int kDecodeRate = 48000;          // libopusfile always decodes at 48 kHz

// Encodes 16 kHz mono PCM into one Ogg Opus stream held in memory.
class OpusWriter {
 public:
  OpusWriter();                                    // throws OpusError
  ~OpusWriter();                                   // zeroes what it still holds
  OpusWriter(const OpusWriter&) = delete;
  OpusWriter& operator=(const OpusWriter&) = delete;

  void Write(const std::int16_t* pcm, std::size_t samples);   // throws OpusError
  // Ends the stream and hands it over (the writer is then empty). Throws OpusError.
  std::vector<unsigned char> Finish();
  std::int64_t samples() const { return samples_; }

 private:
  static int OnWrite(void* self, const unsigned char* data, std::int32_t length);
  static int OnClose(void* self);
  OggOpusEnc* encoder_ = nullptr;
  std::vector<unsigned char> bytes_;
  std::int64_t samples_ = 0;
};

// Reads an Ogg Opus stream from memory (which must outlive the reader).
class OpusReader {
 public:
  OpusReader(const unsigned char* data, std::size_t size);   // throws OpusError when it is not Ogg Opus
  ~OpusReader();
  OpusReader(const OpusReader&) = delete;
  OpusReader& operator=(const OpusReader&) = delete;

  std::int64_t TotalSamples() const;               // at 48 kHz, pre-skip removed
  int LengthMs() const;
  // Up to `max` samples of 48 kHz mono (stereo is mixed down); 0 at the end. Throws OpusError.
  std::size_t Read(std::int16_t* out, std::size_t max);

 private:
  OggOpusFile* file_ = nullptr;
};

// The decoded length of a whole stream, in milliseconds (0 if it is not Ogg Opus).
int OpusLengthMs(const std::vector<unsigned char>& opus);

// 0..100: how loud these samples are, on a decibel scale from -60 dBFS (0) to 0 dBFS (100).
int LevelOf(const std::int16_t* pcm, std::size_t samples);

}  // namespace tellus::voice
