#include "kiosk/speech/speech_queue.h"

#include <chrono>
#include <mutex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

namespace tellus {
namespace {

using Clock = std::chrono::steady_clock;

// One chunk of 100 samples per word, each taking `per_word` to "synthesise".
class FakeSynthesiser : public Synthesiser {
 public:
  explicit FakeSynthesiser(std::chrono::milliseconds per_word) : per_word_(per_word) {}
  int SampleRate() const override { return 22050; }
  bool Synthesise(const std::string& text, const std::string& voice, const SpeechSettings&, const OnPcm& on_pcm,
                  const OnWord& on_word, std::string* error) override {
    if (voice == "xx") {
      *error = "no voice xx";
      return false;
    }
    uint64_t at = 0;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      std::this_thread::sleep_for(per_word_);
      on_word(at, static_cast<int>(start));
      std::vector<int16_t> chunk(100, static_cast<int16_t>(text[start]));
      if (!on_pcm(chunk.data(), chunk.size())) return true;
      at += chunk.size();
      start = end + 1;
    }
    return true;
  }

 private:
  std::chrono::milliseconds per_word_;
};

class FakeSink : public PcmSink, public EarconSink {
 public:
  struct Write {
    uint64_t utterance;
    char first;
    Clock::time_point at;
  };
  void Write(uint64_t utterance, const int16_t* samples, size_t count) override {
    std::lock_guard<std::mutex> lock(mu_);
    writes_.push_back({utterance, static_cast<char>(samples[0]), Clock::now()});
    written_ += count;
    if (instant_) played_ = written_;
  }
  void End(uint64_t utterance) override {
    std::lock_guard<std::mutex> lock(mu_);
    ended_.push_back(utterance);
  }
  void Flush() override {
    std::lock_guard<std::mutex> lock(mu_);
    ++flushes_;
    flush_index_ = writes_.size();
    written_ = played_;
  }
  uint64_t Written() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return written_;
  }
  uint64_t Played() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return played_;
  }
  void PlayEarcon(int earcon, int volume) override {
    std::lock_guard<std::mutex> lock(mu_);
    earcons_.push_back({earcon, volume});
  }
  void SetPlayed(uint64_t played) {
    std::lock_guard<std::mutex> lock(mu_);
    played_ = played;
  }
  std::vector<struct Write> writes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return writes_;
  }
  std::vector<uint64_t> ended() const {
    std::lock_guard<std::mutex> lock(mu_);
    return ended_;
  }
  std::vector<std::pair<int, int>> earcons() const {
    std::lock_guard<std::mutex> lock(mu_);
    return earcons_;
  }
  size_t flush_index() const {
    std::lock_guard<std::mutex> lock(mu_);
    return flush_index_;
  }

  bool instant_ = true;

 private:
  mutable std::mutex mu_;
  std::vector<struct Write> writes_;
  std::vector<uint64_t> ended_;
  std::vector<std::pair<int, int>> earcons_;
  uint64_t written_ = 0;
  uint64_t played_ = 0;
  int flushes_ = 0;
  size_t flush_index_ = 0;
};

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::milliseconds(3000)) {
  const auto end = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

std::string ManyWords(char letter, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += std::string(i ? " " : "") + letter + "x";
  return text;
}

TEST(SpeechQueue, SpeaksQueuedUtterancesInOrder) {
  FakeSink sink;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(1)), &sink, &sink, {}, "speech ready",
                    true);
  queue.Say("a1 a2 a3", "en-gb");
  queue.Enqueue("b1 b2", "en-gb");
  queue.Enqueue("c1", "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return sink.ended().size() == 3; }));
  EXPECT_TRUE(WaitUntil([&] { return !queue.Speaking(); }));
  std::string order;
  for (const auto& w : sink.writes()) order += w.first;
  EXPECT_EQ(order, "aaabbc");
  EXPECT_EQ(sink.ended(), (std::vector<uint64_t>{1, 2, 3}));
}

TEST(SpeechQueue, NewUtteranceInterruptsWithin50ms) {
  FakeSink sink;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(10)), &sink, &sink, {}, "speech ready",
                    true);
  queue.Say(ManyWords('a', 200), "en-gb");
  queue.Enqueue(ManyWords('q', 5), "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return sink.writes().size() >= 3; }));
  const auto said = Clock::now();
  queue.Say("b1 b2", "en-gb");
  const auto returned = Clock::now();
  EXPECT_LT(returned - said, std::chrono::milliseconds(5)) << "Say() must not wait for synthesis";
  ASSERT_TRUE(WaitUntil([&] { return sink.ended().size() == 1; }));
  const auto writes = sink.writes();
  size_t first_b = writes.size();
  for (size_t i = 0; i < writes.size(); ++i)
    if (writes[i].first == 'b') {
      first_b = i;
      break;
    }
  ASSERT_LT(first_b, writes.size());
  EXPECT_LT(writes[first_b].at - said, std::chrono::milliseconds(50));
  // After the flush only the new utterance reaches the sink; the queued one is dropped.
  for (size_t i = first_b; i < writes.size(); ++i) EXPECT_EQ(writes[i].first, 'b') << i;
  for (const auto& w : writes) EXPECT_NE(w.first, 'q');
  EXPECT_LE(sink.flush_index(), first_b);
  EXPECT_LT(first_b, 20u) << "the long utterance ran on";
  EXPECT_EQ(sink.ended(), std::vector<uint64_t>{3});
}

TEST(SpeechQueue, StopDropsEverything) {
  FakeSink sink;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(5)), &sink, &sink, {}, "speech ready",
                    true);
  queue.Say(ManyWords('a', 100), "en-gb");
  queue.Enqueue("zz", "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return !sink.writes().empty(); }));
  queue.Stop();
  EXPECT_TRUE(WaitUntil([&] { return !queue.Speaking(); }, std::chrono::milliseconds(200)));
  const size_t count = sink.writes().size();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(sink.writes().size(), count);
  EXPECT_TRUE(sink.ended().empty());
}

TEST(SpeechQueue, WordOffsetFollowsPlayback) {
  FakeSink sink;
  sink.instant_ = false;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(0)), &sink, &sink, {}, "speech ready",
                    true);
  queue.Say("one two three", "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return sink.ended().size() == 1; }));
  EXPECT_TRUE(queue.Speaking()) << "not played yet";
  EXPECT_EQ(queue.CurrentWordOffset(), 0);
  sink.SetPlayed(150);
  EXPECT_EQ(queue.CurrentWordOffset(), 4);
  sink.SetPlayed(299);
  EXPECT_EQ(queue.CurrentWordOffset(), 8);
  sink.SetPlayed(300);
  EXPECT_EQ(queue.CurrentWordOffset(), -1);
  EXPECT_FALSE(queue.Speaking());
}

// The word highlight needs to know which of a screen's parts is being heard.
TEST(SpeechQueue, CurrentTextIsTheUtteranceBeingHeard) {
  FakeSink sink;
  sink.instant_ = false;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(0)), &sink, &sink, {}, "speech ready",
                    true);
  queue.Say("one two", "en-gb");
  queue.Enqueue("three four", "en-gb");
  ASSERT_TRUE(WaitUntil([&] { return sink.ended().size() == 2; }));
  EXPECT_EQ(queue.CurrentText(), "one two");
  EXPECT_EQ(queue.CurrentWordOffset(), 0);
  sink.SetPlayed(250);                             // 100 samples a word: "three" starts at 200
  EXPECT_EQ(queue.CurrentText(), "three four");
  EXPECT_EQ(queue.CurrentWordOffset(), 0);
  queue.Stop();
  EXPECT_EQ(queue.CurrentText(), "");
}

TEST(SpeechQueue, EarconsHaveOwnVolumeAndSwitch) {
  FakeSink sink;
  SpeechSettings settings;
  settings.earcon_volume = 35;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(0)), &sink, &sink, settings,
                    "speech ready", true);
  queue.Play(Earcon::kDone);
  settings.earcons = false;
  queue.Configure(settings);
  queue.Play(Earcon::kError);
  EXPECT_EQ(sink.earcons(), (std::vector<std::pair<int, int>>{{static_cast<int>(Earcon::kDone), 35}}));
}

TEST(SpeechQueue, SynthesisFailureIsReportedAndQueueGoesOn) {
  FakeSink sink;
  SpeechQueue queue(std::make_unique<FakeSynthesiser>(std::chrono::milliseconds(0)), &sink, &sink, {}, "speech ready",
                    true);
  queue.Say("a1", "xx");
  queue.Enqueue("b1", "en-gb");
  // Both end (the failed one too, possibly before b1 is written): wait for the second.
  ASSERT_TRUE(WaitUntil([&] { return sink.ended().size() == 2; }));
  EXPECT_EQ(queue.LastError(), "no voice xx");
  ASSERT_EQ(sink.writes().size(), 1u);
  EXPECT_EQ(sink.writes()[0].first, 'b');
}

}  // namespace
}  // namespace tellus
