#pragma once
// The read-aloud queue: a worker thread synthesises utterances in order into a
// PcmSink. Say() drops what is queued, flushes the sink and raises a generation
// number that the synthesis callback checks, so the old utterance stops within
// one synthesis buffer (~50 ms of audio, a few ms of CPU). Only cheap, bounded
// work happens on the caller's thread.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/speech/pcm_sink.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/speech/synthesiser.h"

namespace tellus {

class SpeechQueue : public Speaker {
 public:
  // earcons may be null (no earcons); sink and earcons must outlive the queue.
  SpeechQueue(std::unique_ptr<Synthesiser> synthesiser, PcmSink* sink, EarconSink* earcons,
              const SpeechSettings& settings, std::string status, bool has_audio);
  ~SpeechQueue() override;

  void Say(const std::string& text, const std::string& voice) override;
  void Enqueue(const std::string& text, const std::string& voice) override;
  void Stop() override;
  bool Speaking() const override;
  void Play(Earcon earcon) override;
  void Configure(const SpeechSettings& settings) override;
  int CurrentWordOffset() const override;
  std::string CurrentText() const override;
  bool HasAudio() const override { return has_audio_; }
  std::string Status() const override;

  std::string LastError() const;                   // last synthesis failure, e.g. unknown voice

 private:
  struct Utterance {
    uint64_t id;
    uint64_t generation;
    std::string text;
    std::string voice;
  };
  struct WordMark {
    uint64_t sample;                               // in the sink's Written()/Played() count
    int byte_offset;
    uint64_t utterance;                            // Utterance::id, for CurrentText()
  };
  void Run();
  void CancelLocked();                             // with mu_ held
  const WordMark* HeardMarkLocked() const;         // the word being heard, or null (mu_ held)

  std::unique_ptr<Synthesiser> synthesiser_;
  PcmSink* sink_;
  EarconSink* earcons_;
  const std::string status_;
  const bool has_audio_;

  mutable std::mutex mu_;                          // guards everything below, and sink writes
  std::condition_variable wake_;
  std::deque<Utterance> pending_;
  std::vector<WordMark> words_;
  std::map<uint64_t, std::string> texts_;          // utterance id -> text, for the marks in words_
  SpeechSettings settings_;
  std::string last_error_;
  uint64_t next_id_ = 1;
  bool busy_ = false;
  bool quit_ = false;
  std::atomic<uint64_t> generation_{0};
  std::thread worker_;
};

}  // namespace tellus
