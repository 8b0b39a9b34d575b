#include "kiosk/voice/opus_codec.h"

#include <opus/opusenc.h>
#include <opus/opusfile.h>
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace tellus::voice {

namespace {
void Zero(std::vector<unsigned char>& bytes) {
  if (bytes.capacity() > 0) sodium_memzero(bytes.data(), bytes.capacity());
  bytes.clear();
}
}  // namespace

int OpusWriter::OnWrite(void* self, const unsigned char* data, std::int32_t length) {
  auto& bytes = static_cast<OpusWriter*>(self)->bytes_;
  if (bytes.size() + static_cast<std::size_t>(length) > bytes.capacity()) {
    // Grow by hand so the old buffer is zeroed, not just freed.
    std::vector<unsigned char> bigger;
    bigger.reserve(std::max<std::size_t>(bytes.capacity() * 2, bytes.size() + static_cast<std::size_t>(length) + 4096));
    bigger.assign(bytes.begin(), bytes.end());
    Zero(bytes);
    bytes.swap(bigger);
  }
  bytes.insert(bytes.end(), data, data + length);
  return 0;
}

int OpusWriter::OnClose(void*) { return 0; }

OpusWriter::OpusWriter() {
  OggOpusComments* comments = ope_comments_create();
  if (!comments) throw OpusError("opus: out of memory");
  static const OpusEncCallbacks kCallbacks{&OpusWriter::OnWrite, &OpusWriter::OnClose};
  int error = 0;
  encoder_ = ope_encoder_create_callbacks(&kCallbacks, this, comments, kCaptureRate, 1, 0, &error);
  ope_comments_destroy(comments);
  if (!encoder_) throw OpusError(std::string("opus encoder: ") + ope_strerror(error));
  ope_encoder_ctl(encoder_, OPUS_SET_BITRATE(kBitRate));
  ope_encoder_ctl(encoder_, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
  // Encode as the audio arrives rather than holding back up to 2 s to choose frame sizes:
  // then Stop has only the last frame to finish, and "Listen" is ready at once.
  ope_encoder_ctl(encoder_, OPE_SET_DECISION_DELAY(0));
  bytes_.reserve(64 * 1024);
}

OpusWriter::~OpusWriter() {
  if (encoder_) ope_encoder_destroy(encoder_);
  Zero(bytes_);
}

void OpusWriter::Write(const std::int16_t* pcm, std::size_t samples) {
  if (!encoder_) throw OpusError("opus encoder: already finished");
  if (samples == 0) return;
  int error = ope_encoder_write(encoder_, pcm, static_cast<int>(samples));
  if (error != OPE_OK) throw OpusError(std::string("opus encoder: ") + ope_strerror(error));
  samples_ += static_cast<std::int64_t>(samples);
}

std::vector<unsigned char> OpusWriter::Finish() {
  if (!encoder_) throw OpusError("opus encoder: already finished");
  int error = ope_encoder_drain(encoder_);
  ope_encoder_destroy(encoder_);
  encoder_ = nullptr;
  if (error != OPE_OK) throw OpusError(std::string("opus encoder: ") + ope_strerror(error));
  std::vector<unsigned char> out;
  out.swap(bytes_);
  return out;
}

OpusReader::OpusReader(const unsigned char* data, std::size_t size) {
  int error = 0;
  file_ = op_open_memory(data, size, &error);
  if (!file_) throw OpusError("not an Ogg Opus stream (opusfile error " + std::to_string(error) + ")");
}

OpusReader::~OpusReader() {
  if (file_) op_free(file_);
}

std::int64_t OpusReader::TotalSamples() const {
  const ogg_int64_t total = op_pcm_total(file_, -1);
  return total < 0 ? 0 : static_cast<std::int64_t>(total);
}

int OpusReader::LengthMs() const { return static_cast<int>(TotalSamples() * 1000 / kDecodeRate); }

std::size_t OpusReader::Read(std::int16_t* out, std::size_t max) {
  std::size_t got = 0;
  std::int16_t stereo[2 * 5760];
  while (got < max) {
    const int ask = static_cast<int>(std::min<std::size_t>(max - got, 5760));
    // op_read_stereo would upmix; read what the stream has and mix stereo down ourselves.
    const int channels = op_channel_count(file_, -1);
    int n = channels == 1 ? op_read(file_, out + got, ask, nullptr) : op_read_stereo(file_, stereo, 2 * ask);
    if (n == OP_HOLE) continue;                    // a gap in the data: carry on after it
    if (n < 0) throw OpusError("opus decoder: error " + std::to_string(n));
    if (n == 0) break;
    if (channels != 1) {
      for (int i = 0; i < n; ++i) out[got + static_cast<std::size_t>(i)] = static_cast<std::int16_t>((stereo[2 * i] + stereo[2 * i + 1]) / 2);
    }
    got += static_cast<std::size_t>(n);
  }
  return got;
}

int OpusLengthMs(const std::vector<unsigned char>& opus) {
  try {
    return OpusReader(opus.data(), opus.size()).LengthMs();
  } catch (const OpusError&) {
    return 0;
  }
}

int LevelOf(const std::int16_t* pcm, std::size_t samples) {
  if (samples == 0) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < samples; ++i) sum += double(pcm[i]) * double(pcm[i]);
  const double rms = std::sqrt(sum / double(samples)) / 32768.0;
  if (rms <= 1e-3) return 0;                       // quieter than -60 dBFS
  const double db = 20.0 * std::log10(rms);
  return std::clamp(static_cast<int>(std::lround((db + 60.0) * 100.0 / 60.0)), 0, 100);
}

}  // namespace tellus::voice
