#include "kiosk/speech/speech_queue.h"

#include <algorithm>

namespace tellus {

SpeechQueue::SpeechQueue(std::unique_ptr<Synthesiser> synthesiser, PcmSink* sink, EarconSink* earcons,
                         const SpeechSettings& settings, std::string status, bool has_audio)
    : synthesiser_(std::move(synthesiser)),
      sink_(sink),
      earcons_(earcons),
      status_(std::move(status)),
      has_audio_(has_audio),
      settings_(settings) {
  worker_ = std::thread([this] { Run(); });
}

SpeechQueue::~SpeechQueue() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    quit_ = true;
    CancelLocked();
  }
  wake_.notify_all();
  worker_.join();
}

void SpeechQueue::CancelLocked() {
  ++generation_;
  pending_.clear();
  words_.clear();
  texts_.clear();
  sink_->Flush();
}

void SpeechQueue::Say(const std::string& text, const std::string& voice) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    CancelLocked();
    pending_.push_back({next_id_++, generation_.load(), text, voice});
  }
  wake_.notify_one();
}

void SpeechQueue::Enqueue(const std::string& text, const std::string& voice) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back({next_id_++, generation_.load(), text, voice});
  }
  wake_.notify_one();
}

void SpeechQueue::Stop() {
  std::lock_guard<std::mutex> lock(mu_);
  CancelLocked();
}

bool SpeechQueue::Speaking() const {
  std::lock_guard<std::mutex> lock(mu_);
  return busy_ || !pending_.empty() || sink_->Played() < sink_->Written();
}

void SpeechQueue::Play(Earcon earcon) {
  int volume = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!settings_.earcons || !earcons_) return;
    volume = settings_.earcon_volume;
  }
  earcons_->PlayEarcon(static_cast<int>(earcon), volume);
}

void SpeechQueue::Configure(const SpeechSettings& settings) {
  std::lock_guard<std::mutex> lock(mu_);
  settings_ = settings;                            // applies from the next utterance
}

const SpeechQueue::WordMark* SpeechQueue::HeardMarkLocked() const {
  const uint64_t played = sink_->Played();
  if (words_.empty() || played >= sink_->Written()) return nullptr;
  auto after = std::upper_bound(words_.begin(), words_.end(), played,
                                [](uint64_t p, const WordMark& w) { return p < w.sample; });
  if (after == words_.begin()) return nullptr;
  return &*std::prev(after);
}

int SpeechQueue::CurrentWordOffset() const {
  std::lock_guard<std::mutex> lock(mu_);
  const WordMark* mark = HeardMarkLocked();
  return mark ? mark->byte_offset : -1;
}

std::string SpeechQueue::CurrentText() const {
  std::lock_guard<std::mutex> lock(mu_);
  const WordMark* mark = HeardMarkLocked();
  if (!mark) return {};
  auto found = texts_.find(mark->utterance);
  return found == texts_.end() ? std::string() : found->second;
}

std::string SpeechQueue::Status() const { return status_; }

std::string SpeechQueue::LastError() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_error_;
}

void SpeechQueue::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return quit_ || !pending_.empty(); });
    if (quit_) return;
    Utterance utterance = std::move(pending_.front());
    pending_.pop_front();
    if (utterance.generation != generation_) continue;
    busy_ = true;
    const SpeechSettings settings = settings_;
    const uint64_t base = sink_->Written();
    lock.unlock();

    auto on_pcm = [&](const int16_t* samples, size_t count) {
      std::lock_guard<std::mutex> hold(mu_);
      // Checked under the lock Say() holds while it flushes: nothing stale
      // reaches the sink after an interrupt.
      if (utterance.generation != generation_) return false;
      sink_->Write(utterance.id, samples, count);
      return true;
    };
    auto on_word = [&](uint64_t sample, int byte_offset) {
      std::lock_guard<std::mutex> hold(mu_);
      if (utterance.generation != generation_) return;
      words_.push_back({base + sample, byte_offset, utterance.id});
      if (!texts_.count(utterance.id)) texts_.emplace(utterance.id, utterance.text);
    };
    std::string error;
    const bool ok = synthesiser_->Synthesise(utterance.text, utterance.voice, settings, on_pcm, on_word, &error);

    lock.lock();
    if (!ok) last_error_ = error;
    if (utterance.generation == generation_) sink_->End(utterance.id);
    busy_ = false;
  }
}

}  // namespace tellus
