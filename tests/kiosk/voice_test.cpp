// Say it instead and help to tell us, end to end: a known recording goes into the
// kiosk's real SDL capture (SDL's disk driver reads it as the microphone), is encoded,
// kept, sealed, sent by the real sync thread to `tellus-register serve` on loopback and
// written back out by `tellus-register case audio`; a switch user records, listens,
// records again and keeps; a request for help to tell us reaches the top of the case list.
#include <gtest/gtest.h>
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "core/seal.h"
#include "kiosk/voice/opus_codec.h"
#include "tests/kiosk/harness.h"
#include "tests/kiosk/ui_walk.h"
#include "tests/sync/register_process.h"

namespace tellus {
namespace {

using testing::Harness;
using testing::HarnessOptions;
using testing::RegisterFixture;
using testing::RegisterProcess;
using testing::RunRegister;
using namespace testing_ui;

// A planted "voice": two tones under a slow swell, 16 kHz mono, as the disk driver reads it.
std::vector<std::int16_t> PlantedTone(double seconds) {
  std::vector<std::int16_t> pcm(static_cast<std::size_t>(seconds * voice::kCaptureRate));
  for (std::size_t i = 0; i < pcm.size(); ++i) {
    const double t = double(i) / voice::kCaptureRate;
    const double swell = 0.55 + 0.45 * std::sin(2 * M_PI * 1.5 * t);
    pcm[i] = static_cast<std::int16_t>(9000 * swell * (std::sin(2 * M_PI * 440 * t) + 0.5 * std::sin(2 * M_PI * 660 * t)));
  }
  return pcm;
}

// Points SDL's disk driver at `pcm` as the microphone for the kiosks made while it lives;
// the tests after this one in the same process get SDL's usual drivers back.
class Microphone {
 public:
  Microphone(const std::filesystem::path& dir, const std::vector<std::int16_t>& pcm) {
    const std::string path = dir / "microphone.raw";
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(pcm.data()),
                                                static_cast<std::streamsize>(pcm.size() * 2));
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    ::setenv("SDL_DISKAUDIOFILEIN", path.c_str(), 1);
    ::setenv("SDL_DISKAUDIOFILE", (dir / "speaker.raw").c_str(), 1);
  }
  ~Microphone() {
    for (const char* name : {"SDL_AUDIODRIVER", "SDL_DISKAUDIOFILEIN", "SDL_DISKAUDIOFILE"}) ::unsetenv(name);
  }
  Microphone(const Microphone&) = delete;
  Microphone& operator=(const Microphone&) = delete;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The audio packets of an Ogg Opus file (its two header packets left out).
std::vector<std::string> OpusPackets(const std::string& ogg) {
  std::vector<std::string> packets;
  std::string current;
  for (std::size_t at = ogg.find("OggS"); at != std::string::npos && at + 27 <= ogg.size(); at = ogg.find("OggS", at + 1)) {
    const auto segments = static_cast<unsigned char>(ogg[at + 26]);
    std::size_t body = at + 27 + segments;
    for (std::size_t i = 0; i < segments && body <= ogg.size(); ++i) {
      const auto lace = static_cast<unsigned char>(ogg[at + 27 + i]);
      current += ogg.substr(body, lace);
      body += lace;
      if (lace < 255) {
        packets.push_back(current);
        current.clear();
      }
    }
  }
  if (packets.size() > 2) packets.erase(packets.begin(), packets.begin() + 2);   // OpusHead, OpusTags
  return packets;
}

// Presses Start, lets the microphone run (in real time) until `ms` are in, presses Stop.
void RecordThroughTheScreen(Harness& h, int ms) {
  TapId(h, "button.record_start");
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().voice.elapsed_ms >= ms; }, 20)) << h.Describe();
  EXPECT_TRUE(h.TryFindId("record.level")) << "a level meter shows while recording\n" << h.Describe();
  TapId(h, "button.record_stop");
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().voice.phase == VoicePhase::kRecorded; })) << h.Describe();
}

HarnessOptions KioskFor(const RegisterFixture& f) {
  HarnessOptions o;
  o.policy_id = "next-steps";
  o.store_path = f.dir / "kiosk.db";
  o.identity = f.identity;
  o.sync_options.min_backoff = std::chrono::milliseconds(50);
  o.sync_options.max_backoff = std::chrono::milliseconds(200);
  return o;
}

TEST(VoiceRegister, ASpokenComplaintReachesStaffAsOpusOfTheSameLengthAndNeverRestsInClear) {
  RegisterFixture f("next-steps");
  const std::vector<std::int16_t> tone = PlantedTone(3.0);
  const Microphone microphone(f.dir.path(), tone);
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  HarnessOptions o = KioskFor(f);
  o.microphone = true;
  Harness h(o);

  TapId(h, "choice.welcome.complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kWhatHappened, {.anonymous = true}), Step::kWhatHappened);
  TapId(h, "voice.say_it");
  ASSERT_EQ(StepOf(h), Step::kRecord) << h.Describe();
  ExpectAccessible(h);
  RecordThroughTheScreen(h, 3000);
  EXPECT_TRUE(h.Has("Listen to what you said")) << h.Describe();
  ExpectAccessible(h);
  TapId(h, "button.record_keep");
  ASSERT_EQ(StepOf(h), Step::kWhatHappened);
  EXPECT_TRUE(h.ShowsText("You said your answer.")) << h.Describe();
  Tap(h, "Next", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kWhen) << "a recording alone answers what happened\n" << h.Describe();
  ASSERT_EQ(UiWalkTo(h, Step::kConsent, {.anonymous = true}), Step::kConsent);
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  const std::string reference = h.state().receipt->reference;
  ASSERT_TRUE(FramesUntil(h, [&] { return h.store().PendingCount() == 0; }, 30)) << "the sync thread sent it";

  std::string out;
  ASSERT_EQ(RunRegister({"case", "show", reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("what_happened"), std::string::npos) << out;
  EXPECT_NE(out.find("0:03"), std::string::npos) << "case show gives the length\n" << out;

  const std::filesystem::path audio_dir = f.dir / "heard";
  ASSERT_EQ(RunRegister({"case", "audio", reference, "--db", f.db, "--out", audio_dir}, &out), 0)
      << out;
  const std::filesystem::path file = audio_dir / (reference + "-what_happened.opus");
  ASSERT_TRUE(std::filesystem::exists(file)) << out;
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::others_read, std::filesystem::perms::none);
  const std::string opus = ReadFile(file);
  voice::OpusReader reader(reinterpret_cast<const unsigned char*>(opus.data()), opus.size());
  std::vector<std::int16_t> decoded(static_cast<std::size_t>(reader.TotalSamples()) + 10);
  const std::size_t got = reader.Read(decoded.data(), decoded.size());
  EXPECT_NEAR(double(got) / voice::kDecodeRate, 3.0, 0.2) << "decoded length matches what was said";
  ASSERT_EQ(RunRegister({"case", "show", reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("sam  audio"), std::string::npos) << "opening a recording is audited\n" << out;

  // The kiosk's outbox and its WAL never held the sound in clear: no packet of the
  // stream, and no stretch of the planted PCM.
  h.Frame(2);
  std::string at_rest;
  for (const char* suffix : {"", "-wal", "-journal", "-shm"}) {
    const std::filesystem::path p = std::string(f.dir / "kiosk.db") + suffix;
    if (std::filesystem::exists(p)) at_rest += ReadFile(p);
  }
  ASSERT_GT(at_rest.size(), 4096u);
  const std::vector<std::string> packets = OpusPackets(opus);
  ASSERT_GT(packets.size(), 50u);
  int checked = 0;
  for (const std::string& packet : packets) {
    if (packet.size() < 16) continue;
    ++checked;
    EXPECT_EQ(at_rest.find(packet), std::string::npos) << "an Opus packet of the recording is on disk in clear";
  }
  EXPECT_GT(checked, 50);
  for (double second : {0.5, 1.0, 2.0}) {
    const auto* pcm = reinterpret_cast<const char*>(tone.data() + static_cast<std::size_t>(second * voice::kCaptureRate));
    EXPECT_EQ(at_rest.find(std::string(pcm, 64)), std::string::npos) << "planted PCM on disk at " << second << " s";
  }
}

// A sink that "plays" at once: what Listen sends to the speech output is counted.
class CountingSink : public PcmSink {
 public:
  int said = 0;                                    // utterances the speaker was asked for
  void Write(uint64_t, const int16_t*, size_t count) override { written_ += count; }
  void Flush() override {}
  uint64_t Written() const override { return written_; }
  uint64_t Played() const override { return written_; }
 private:
  uint64_t written_ = 0;
};

class CountingSpeaker : public Speaker {
 public:
  explicit CountingSpeaker(std::shared_ptr<CountingSink> sink) : sink_(std::move(sink)) {}
  void Say(const std::string&, const std::string&) override { ++sink_->said; }
  void Enqueue(const std::string&, const std::string&) override { ++sink_->said; }
  void Stop() override {}
  bool Speaking() const override { return false; }
  void Play(Earcon) override {}
  void Configure(const SpeechSettings&) override {}
  int CurrentWordOffset() const override { return -1; }
  bool HasAudio() const override { return true; }
  std::string Status() const override { return "test"; }
  PcmSink* Output() override { return sink_.get(); }
 private:
  std::shared_ptr<CountingSink> sink_;
};

// One switch: the highlight moves by itself; Space chooses when it reaches `id`.
void ChooseBySwitch(Harness& h, const std::string& id, const std::function<void()>& before_press = {}) {
  for (int i = 0; i < 400; ++i) {
    if (ui::FocusedId() == id) {
      if (before_press) before_press();
      h.Key(GLFW_KEY_SPACE);
      h.Frame(2);
      return;
    }
    h.Advance(0.25);
  }
  FAIL() << "the highlight never reached " << id << "\n" << h.Describe();
}

void TalkFor(Harness& h, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    h.Frame();
  }
}

TEST(VoiceSwitch, RecordListenRecordAgainAndKeepWithOneSwitch) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("tellus-voice-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const Microphone microphone(dir, PlantedTone(4.0));
  auto sink = std::make_shared<CountingSink>();
  HarnessOptions o;
  o.policy_id = "next-steps";
  o.microphone = true;
  o.scanning = ScanMode::kAuto;
  o.scan_seconds = 1.0;
  o.make_speaker = [sink] { return std::make_unique<CountingSpeaker>(sink); };
  Harness h(o);
  ChooseBySwitch(h, "choice.welcome.complaint");
  while (StepOf(h) != Step::kWhatHappened) {
    ASSERT_TRUE(UiAnswer(h, {.anonymous = true})) << h.Describe();
  }
  ChooseBySwitch(h, "voice.say_it");
  ASSERT_EQ(StepOf(h), Step::kRecord) << h.Describe();
  ChooseBySwitch(h, "button.record_start");
  ASSERT_EQ(h.state().voice.phase, VoicePhase::kRecording);
  const int said_before = sink->said;
  TalkFor(h, 1.0);
  for (int i = 0; i < 6; ++i) h.Advance(1.0);      // the highlight moves on over Stop and the bar, silently
  int said_at_stop = -1;
  ChooseBySwitch(h, "button.record_stop", [&] { said_at_stop = sink->said; });
  EXPECT_EQ(said_at_stop, said_before) << "read-aloud (the scan's spoken highlight) pauses while the microphone listens";
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().voice.phase == VoicePhase::kRecorded; })) << h.Describe();
  EXPECT_GT(sink->said, said_at_stop) << "and comes back after Stop";
  const int first = h.state().voice.elapsed_ms;
  EXPECT_GT(first, 500);

  ChooseBySwitch(h, "record.listen");
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().voice.phase == VoicePhase::kRecorded; })) << "playback ends";
  EXPECT_NEAR(double(sink->Written()) / 22050, first / 1000.0, 0.15) << "the whole take went to the speech output";

  ChooseBySwitch(h, "record.again");
  ASSERT_EQ(h.state().voice.phase, VoicePhase::kRecording);
  TalkFor(h, 2.0);
  ChooseBySwitch(h, "button.record_stop");
  ASSERT_TRUE(FramesUntil(h, [&] { return h.state().voice.phase == VoicePhase::kRecorded; })) << h.Describe();
  const int second = h.state().voice.elapsed_ms;
  EXPECT_GT(second, first + 500) << "the new take replaced the first";
  ChooseBySwitch(h, "button.record_keep");
  ASSERT_EQ(StepOf(h), Step::kWhatHappened) << h.Describe();
  ASSERT_EQ(h.state().personal.recordings.size(), 1u);
  EXPECT_EQ(h.state().personal.recordings[0].length_ms, second);
  EXPECT_NEAR(voice::OpusLengthMs(h.state().personal.recordings[0].opus.bytes()), second, 40);
  std::filesystem::remove_all(dir);
}

TEST(VoiceOffer, WithoutAMicrophoneOnlyHelpToTellUsIsOffered) {
  HarnessOptions o;
  o.policy_id = "next-steps";
  Harness h(o);
  TapId(h, "choice.welcome.complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kWhatHappened, {.anonymous = true}), Step::kWhatHappened);
  EXPECT_FALSE(h.TryFindId("voice.say_it")) << h.Describe();
  EXPECT_TRUE(h.TryFindId("voice.help_me")) << h.Describe();
  ExpectAccessible(h);
}

TEST(HelpToWriteRegister, ARequestMadeAtTheKioskIsFirstInTheCaseListWithItsFlagAndDeadline) {
  RegisterFixture f("next-steps");
  RegisterProcess server(f.db);
  server.Start();
  f.UseServer(server);
  Harness h(KioskFor(f));
  // An ordinary complaint first, so "first" means something.
  TapId(h, "choice.welcome.complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kConsent, {.anonymous = true}), Step::kConsent);
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone);
  Tap(h, "Finish");

  TapId(h, "choice.welcome.complaint");
  ASSERT_EQ(UiWalkTo(h, Step::kWhatHappened, {.anonymous = true}), Step::kWhatHappened);
  TapId(h, "voice.help_me");
  ASSERT_EQ(StepOf(h), Step::kHelpToWrite) << h.Describe();
  ExpectAccessible(h);
  Tap(h, "Phone me");
  ASSERT_EQ(StepOf(h), Step::kHelpTime) << h.Describe();
  ExpectAccessible(h);
  Tap(h, "In the morning");
  ASSERT_EQ(StepOf(h), Step::kWhen) << h.Describe();
  ASSERT_EQ(UiWalkTo(h, Step::kConsent), Step::kConsent) << h.Describe();
  Tap(h, "Send", ui::Role::kButton);
  ASSERT_EQ(StepOf(h), Step::kDone) << h.Describe();
  const Receipt receipt = *h.state().receipt;
  ASSERT_TRUE(receipt.acknowledge_by);
  ASSERT_TRUE(FramesUntil(h, [&] { return h.store().PendingCount() == 0; }, 30));

  std::string out;
  ASSERT_EQ(RunRegister({"cases", "--db", f.db}, &out), 0) << out;
  std::istringstream lines(out);
  std::string header, first;
  std::getline(lines, header);
  std::getline(lines, first);
  EXPECT_EQ(first.rfind(receipt.reference, 0), 0u) << "the help request is listed first\n" << out;
  EXPECT_NE(first.find("HELP-TO-WRITE"), std::string::npos) << out;
  EXPECT_NE(first.find(ToIso(*receipt.acknowledge_by)), std::string::npos) << "with the policy's deadline\n" << out;
  ASSERT_EQ(RunRegister({"case", "show", receipt.reference, "--db", f.db}, &out), 0) << out;
  EXPECT_NE(out.find("phone them back, best time morning"), std::string::npos) << out;
  EXPECT_NE(out.find("sam@example.org"), std::string::npos) << "how to contact them\n" << out;
}

}  // namespace
}  // namespace tellus
