#include "kiosk/voice/recorder.h"

#include <sodium.h>

#include <algorithm>

namespace tellus::voice {

namespace {
void ZeroSamples(std::vector<std::int16_t>& samples) {
  if (samples.capacity() > 0) sodium_memzero(samples.data(), samples.capacity() * sizeof(std::int16_t));
  samples.clear();
}
}  // namespace

std::unique_ptr<Recorder> Recorder::Open(std::string* why) {
  std::unique_ptr<SdlCapture> capture = SdlCapture::Open(why);
  if (!capture) return nullptr;
  std::unique_ptr<Recorder> recorder(new Recorder());
  recorder->capture_ = std::move(capture);
  return recorder;
}

Recorder::~Recorder() { Discard(); }

bool Recorder::Start(int max_ms, std::string* why) {
  Discard();
  try {
    writer_ = std::make_unique<OpusWriter>();
  } catch (const OpusError& e) {
    *why = e.what();
    return false;
  }
  max_samples_ = std::int64_t{max_ms} * kCaptureRate / 1000;
  chunk_.reserve(static_cast<std::size_t>(kCaptureRate));
  if (!capture_->Start(why)) {
    writer_.reset();
    return false;
  }
  return true;
}

RecorderProgress Recorder::Pump() {
  RecorderProgress progress;
  if (!writer_) return progress;
  capture_->Take(chunk_);
  const std::int64_t room = std::max<std::int64_t>(0, max_samples_ - writer_->samples());
  const std::size_t use = std::min<std::size_t>(chunk_.size(), static_cast<std::size_t>(room));
  progress.level = LevelOf(chunk_.data(), use);
  writer_->Write(chunk_.data(), use);
  ZeroSamples(chunk_);
  progress.elapsed_ms = static_cast<int>(writer_->samples() * 1000 / kCaptureRate);
  if (writer_->samples() >= max_samples_) capture_->Stop();   // the time limit: the microphone closes now
  return progress;
}

std::vector<unsigned char> Recorder::Finish(int* length_ms) {
  if (!writer_) throw OpusError("nothing is being recorded");
  capture_->Stop();
  Pump();                                          // what arrived before the device closed
  std::vector<unsigned char> opus = writer_->Finish();
  writer_.reset();
  *length_ms = OpusLengthMs(opus);
  return opus;
}

void Recorder::Discard() {
  if (capture_) capture_->Stop();
  if (capture_) capture_->Take(chunk_);
  ZeroSamples(chunk_);
  writer_.reset();                                 // zeroes its bytes
}

VoicePlayer::VoicePlayer(PcmSink* sink, int sink_rate) : sink_(sink), sink_rate_(sink_rate) {}

VoicePlayer::~VoicePlayer() { Close(); }

void VoicePlayer::Close() {
  reader_.reset();
  if (!opus_.empty()) sodium_memzero(opus_.data(), opus_.size());
  opus_.clear();
  ZeroSamples(decoded_);
  ZeroSamples(out_);
  position_ = 0;
}

bool VoicePlayer::Start(const std::vector<unsigned char>& opus) {
  Stop();
  if (!sink_) return false;
  opus_ = opus;
  try {
    reader_ = std::make_unique<OpusReader>(opus_.data(), opus_.size());
  } catch (const OpusError&) {
    Close();
    return false;
  }
  return Pump();
}

bool VoicePlayer::Pump() {
  if (!sink_) return false;
  const std::uint64_t ahead = static_cast<std::uint64_t>(sink_rate_) / 2;   // half a second queued is enough
  const double step = double(kDecodeRate) / double(sink_rate_);
  while (reader_ && sink_->Written() < sink_->Played() + ahead) {
    std::int16_t block[960 * 2];                   // 40 ms at 48 kHz
    const std::size_t got = reader_->Read(block, std::size(block));
    if (got == 0) {
      end_mark_ = std::max<std::uint64_t>(sink_->Written(), 1);
      reader_.reset();
      break;
    }
    decoded_.insert(decoded_.end(), block, block + got);
    // Linear interpolation down to the output rate, carrying the fractional position over.
    out_.clear();
    while (position_ + 1 < double(decoded_.size())) {
      const auto i = static_cast<std::size_t>(position_);
      const double f = position_ - double(i);
      out_.push_back(static_cast<std::int16_t>(decoded_[i] * (1 - f) + decoded_[i + 1] * f));
      position_ += step;
    }
    const auto used = static_cast<std::size_t>(position_);
    decoded_.erase(decoded_.begin(), decoded_.begin() + static_cast<std::ptrdiff_t>(used));
    position_ -= double(used);
    sink_->Write(0, out_.data(), out_.size());
  }
  if (!reader_ && end_mark_ > 0 && sink_->Played() >= end_mark_) {
    end_mark_ = 0;
    Close();
    return false;
  }
  return true;
}

void VoicePlayer::Stop() {
  if (playing() && sink_) sink_->Flush();
  end_mark_ = 0;
  Close();
}

}  // namespace tellus::voice
