// Real eSpeak NG: every catalog language's voice speaks; word events map to bytes.
#include <cstdlib>
#include <cstring>

#include <gtest/gtest.h>

#include "easyread/catalog.h"
#include "kiosk/speech/earcons.h"
#include "kiosk/speech/synthesiser.h"

namespace tellus {
namespace {

struct Result {
  std::vector<int16_t> pcm;
  std::vector<std::pair<uint64_t, int>> words;
  bool ok = false;
  std::string error;
};

Result Speak(Synthesiser& synth, const std::string& text, const std::string& voice) {
  Result r;
  r.ok = synth.Synthesise(
      text, voice, SpeechSettings{},
      [&](const int16_t* s, size_t n) {
        r.pcm.insert(r.pcm.end(), s, s + n);
        return true;
      },
      [&](uint64_t sample, int offset) { r.words.push_back({sample, offset}); }, &r.error);
  return r;
}

TEST(Voices, EveryCatalogLanguageSpeaks) {
  EspeakSynthesiser synth;
  const std::string root = std::string(TELLUS_SOURCE_DIR) + "/easyread/lang";
  const std::vector<std::string> tags = Catalog::AvailableTags(root);
  ASSERT_GE(tags.size(), 3u);
  for (const std::string& tag : tags) {
    const Catalog catalog = Catalog::LoadLanguage(root, tag);
    const std::string sentence = catalog.Spoken("about.title") + ". " + catalog.Spoken("about.voice");
    SCOPED_TRACE(tag + " (" + catalog.language().voice + "): " + sentence);
    const Result r = Speak(synth, sentence, catalog.language().voice);
    ASSERT_TRUE(r.ok) << r.error;
    double sum = 0;
    for (int16_t s : r.pcm) sum += std::abs(static_cast<int>(s));
    EXPECT_GT(r.pcm.size(), static_cast<size_t>(synth.SampleRate() / 2)) << "under half a second of speech";
    EXPECT_GT(sum / static_cast<double>(std::max<size_t>(r.pcm.size(), 1)), 200.0) << "speech is (nearly) silent";
    EXPECT_GE(r.words.size(), 3u);
  }
}

TEST(Voices, UnknownVoiceIsAnError) {
  EspeakSynthesiser synth;
  const Result r = Speak(synth, "Hello.", "qq-nonexistent");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("qq-nonexistent"), std::string::npos) << r.error;
}

TEST(Voices, WordEventsGiveByteOffsets) {
  EspeakSynthesiser synth;
  const std::string text = "Zażółć gęślą jaźń teraz.";
  const Result r = Speak(synth, text, "pl");
  ASSERT_TRUE(r.ok) << r.error;
  std::vector<int> offsets;
  for (const auto& w : r.words) offsets.push_back(w.second);
  EXPECT_EQ(offsets, (std::vector<int>{0, static_cast<int>(text.find("gęślą")), static_cast<int>(text.find("jaźń")),
                                       static_cast<int>(text.find("teraz"))}));
  for (size_t i = 1; i < r.words.size(); ++i) EXPECT_GT(r.words[i].first, r.words[i - 1].first);
}

TEST(Voices, CharIndexToByteOffset) {
  EXPECT_EQ(CharIndexToByteOffset("abc", 0), 0);
  EXPECT_EQ(CharIndexToByteOffset("abc", 2), 2);
  EXPECT_EQ(CharIndexToByteOffset("żab", 1), 2);
  EXPECT_EQ(CharIndexToByteOffset("ab", 9), 2);
}

TEST(Earcons, ShortDistinctAndAudible) {
  std::vector<std::vector<int16_t>> all;
  for (Earcon e : {Earcon::kPress, Earcon::kBack, Earcon::kError, Earcon::kDone}) {
    std::vector<int16_t> pcm = EarconPcm(e, 22050);
    EXPECT_GT(pcm.size(), 22050u / 50);
    EXPECT_LT(pcm.size(), 22050u * 6 / 10) << "earcons stay short";
    int peak = 0;
    for (int16_t s : pcm) peak = std::max(peak, std::abs(static_cast<int>(s)));
    EXPECT_GT(peak, 8000);
    EXPECT_LT(peak, 32767);
    for (const auto& other : all) EXPECT_NE(pcm, other);
    all.push_back(std::move(pcm));
  }
}

}  // namespace
}  // namespace tellus
