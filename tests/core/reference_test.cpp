#include "core/reference.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <set>
#include <stdexcept>

namespace tellus {
namespace {

using ::testing::MatchesRegex;

constexpr std::string_view kAlphabet37 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

// Substitutes that are real typos: every other symbol a person could type.
std::string Substitutes() {
  std::string out(kAlphabet37);
  out += "ILOabcxyz";
  return out;
}

bool FoldsTo(char typed, char original) {
  char up = static_cast<char>(std::toupper(static_cast<unsigned char>(typed)));
  if (up == 'I' || up == 'L') up = '1';
  if (up == 'O') up = '0';
  return up == original;
}

std::vector<Reference> SampleReferences() {
  return {
      {"SG", 1, 1},
      {"SG", 4711, 872},
      {"NS", 32767, (std::uint64_t{1} << 20) - 1},  // largest four-digit sequence
      {"W", 1234, std::uint64_t{1} << 20},           // first five-digit sequence
      {"ABC", 20000, 987654321},
      {"SG", 31000, std::uint64_t{1} << 40},
      {"", 9, 123456},
      {"X", 512, kMaxSequence},
  };
}

TEST(Crockford, EncodesAndDecodes) {
  EXPECT_EQ(CrockfordEncode(0, 1), "0");
  EXPECT_EQ(CrockfordEncode(31, 1), "Z");
  EXPECT_EQ(CrockfordEncode(32, 1), "10");
  EXPECT_EQ(CrockfordEncode(5, 4), "0005");
  EXPECT_EQ(CrockfordEncode(32767, 3), "ZZZ");
  EXPECT_EQ(CrockfordDecode("ZZZ"), 32767u);
  EXPECT_EQ(CrockfordDecode("zzz"), 32767u);
  EXPECT_EQ(CrockfordDecode("IlO"), 32u * 32 + 32);  // I,L -> 1 and O -> 0
  EXPECT_EQ(CrockfordDecode("1l0"), CrockfordDecode("IlO"));
  EXPECT_EQ(CrockfordDecode(""), std::nullopt);
  EXPECT_EQ(CrockfordDecode("U"), std::nullopt);     // check symbol only
  EXPECT_EQ(CrockfordDecode("A-B"), std::nullopt);
  EXPECT_EQ(CrockfordDecode("FZZZZZZZZZZZZ"), UINT64_MAX);
  EXPECT_EQ(CrockfordDecode("G000000000000"), std::nullopt);  // 2^64 overflows
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t v = rng();
    EXPECT_EQ(CrockfordDecode(CrockfordEncode(v, 1)), v);
  }
}

TEST(Crockford, CheckSymbolIsValueMod37) {
  EXPECT_EQ(CrockfordCheckSymbol(0), '0');
  EXPECT_EQ(CrockfordCheckSymbol(10), 'A');
  EXPECT_EQ(CrockfordCheckSymbol(32), '*');
  EXPECT_EQ(CrockfordCheckSymbol(36), 'U');
  EXPECT_EQ(CrockfordCheckSymbol(37), '0');
  EXPECT_EQ(CrockfordCheckSymbol(37 * 1000 + 35), '=');
}

TEST(Reference, FormatsKnownValue) {
  // kiosk 1 = "001", sequence 1 = "0001"; value 32^4 + 1 = 1048577 = 37 * 28339 + 34 -> '$'.
  EXPECT_EQ(FormatReference({"SG", 1, 1}), "SG-0010-001$");
  EXPECT_EQ(FormatReference({"", 1, 1}), "0010-001$");
  EXPECT_EQ(FormatReference({"sg", 1, 1}), "SG-0010-001$");
}

TEST(Reference, GroupsOfFourWithTheRemainderJoiningTheLastGroup) {
  EXPECT_THAT(FormatReference({"SG", 4711, 872}), MatchesRegex("SG-[0-9A-Z]{4}-[0-9A-Z*~$=]{4}"));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 20}),
              MatchesRegex("SG-[0-9A-Z]{4}-[0-9A-Z*~$=]{5}"));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 30}),
              MatchesRegex("SG-[0-9A-Z]{4}-[0-9A-Z*~$=]{7}"));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 35}),
              MatchesRegex("SG-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{4}"));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 40}),
              MatchesRegex("SG-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{5}"));
  EXPECT_THAT(FormatReference({"SG", 4711, kMaxSequence}),
              MatchesRegex("SG-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{5}"));
}

TEST(Reference, FormatRejectsOutOfRange) {
  EXPECT_THROW(FormatReference({"SG", 0, 1}), std::invalid_argument);
  EXPECT_THROW(FormatReference({"SG", 32768, 1}), std::invalid_argument);
  EXPECT_THROW(FormatReference({"SG", 1, 0}), std::invalid_argument);
  EXPECT_THROW(FormatReference({"SG", 1, kMaxSequence + 1}), std::invalid_argument);
  EXPECT_THROW(FormatReference({"SGXY", 1, 1}), std::invalid_argument);
  EXPECT_THROW(FormatReference({"S1", 1, 1}), std::invalid_argument);
  EXPECT_THROW(FormatReference({"S-", 1, 1}), std::invalid_argument);
}

TEST(Reference, RoundTripsAcrossKiosksAndSequences) {
  std::mt19937_64 rng(2026);
  std::set<std::string> seen;
  int count = 0;
  for (std::uint32_t kiosk = 1; kiosk <= kMaxKiosk; kiosk += (kiosk < 40 ? 1 : 97)) {
    for (int shift : {0, 5, 10, 19, 20, 21, 25, 30, 35, 39, 40, 44}) {
      std::uint64_t base = std::uint64_t{1} << shift;
      std::set<std::uint64_t> sequences{base, base + (rng() % base), 2 * base - 1};
      for (std::uint64_t sequence : sequences) {
        if (sequence > kMaxSequence) continue;
        Reference ref{"SG", kiosk, sequence};
        std::string text = FormatReference(ref);
        ASSERT_EQ(ParseReference(text), ref) << text;
        ASSERT_EQ(ParseReference(text, "SG"), ref) << text;
        Reference bare{"", kiosk, sequence};
        ASSERT_EQ(ParseReference(FormatReference(bare)), bare);
        seen.insert(text);
        ++count;
      }
    }
  }
  EXPECT_GT(count, 5000);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(count)) << "two (kiosk, sequence) pairs share a reference";
  EXPECT_EQ(ParseReference(FormatReference({"SG", kMaxKiosk, kMaxSequence}))->sequence, kMaxSequence);
}

TEST(Reference, ParseFoldsCaseAndLookalikesAndIgnoresSeparators) {
  Reference ref{"SG", 1, 1};
  ASSERT_EQ(FormatReference(ref), "SG-0010-001$");
  EXPECT_EQ(ParseReference("sg-0010-001$"), ref);
  EXPECT_EQ(ParseReference("SG-OOIO-OOl$"), ref);
  EXPECT_EQ(ParseReference("sg-ooio-ooL$"), ref);
  EXPECT_EQ(ParseReference("  SG 0010 001$ "), ref);
  EXPECT_EQ(ParseReference("SG-00-10-00-1$"), ref);
  EXPECT_EQ(ParseReference("SG 00100 01$"), ref);
  EXPECT_EQ(ParseReference("SG-0010-001$-"), ref);
  EXPECT_EQ(ParseReference("0010-001$"), (Reference{"", 1, 1}));
  EXPECT_EQ(ParseReference("0010001$"), (Reference{"", 1, 1}));
  // A lower-case u is the check symbol U.
  for (std::uint64_t seq = 1; seq < 2000; ++seq) {
    std::string text = FormatReference({"SG", 77, seq});
    if (text.back() != 'U') continue;
    text.back() = 'u';
    EXPECT_EQ(ParseReference(text), (Reference{"SG", 77, seq}));
    break;
  }
}

TEST(Reference, ExpectedPrefixMayBeOmittedOrRunTogether) {
  Reference ref{"SG", 4711, 872};
  std::string text = FormatReference(ref);
  std::string bare = FormatReference({"", 4711, 872});
  EXPECT_EQ(ParseReference(bare, "SG"), ref);
  EXPECT_EQ(ParseReference("sg" + bare, "SG"), ref);
  EXPECT_EQ(ParseReference(text, "sg"), ref);
  EXPECT_EQ(ParseReference("NS-" + bare, "SG"), std::nullopt);
  // Without knowing the prefix, a prefix must be set off by a hyphen or space.
  EXPECT_EQ(ParseReference("NS " + bare), (Reference{"NS", 4711, 872}));
}

TEST(Reference, RejectsMalformedText) {
  for (std::string_view text : {"", "-", "SG", "SG-", "SG-0010", "SG-0010-001", "SG-0010-001$X",
                                "SG-0010-0010$", "1G-0010-001$", "SGXY-0010-001$", "SG-0010-001#", "SG-0010-0*1$",
                                "SG-0010-0U1$", "SG_0010-001$", "SG-0000-0011", "SG-0010-000~",
                                "SG-0010-0000-0000-000001"}) {
    EXPECT_EQ(ParseReference(text), std::nullopt) << text;
    EXPECT_FALSE(ReferenceLooksValid(text)) << text;
  }
}

TEST(Reference, RejectsNonCanonicalLeadingZeros) {
  // Sequence 1 written with five digits would otherwise be a second spelling of SG-0010-001$.
  std::uint64_t value = (std::uint64_t{1} << 25) + 1;  // kiosk 1, "00001"
  std::string padded = "SG-0010-0001" + std::string(1, CrockfordCheckSymbol(value));
  EXPECT_EQ(ParseReference(padded), std::nullopt) << padded;
}

// The heart of the check symbol: any one symbol typed wrong is caught.
TEST(Reference, EverySingleSubstitutionIsCaught) {
  const std::string subs = Substitutes();
  int tried = 0;
  for (const Reference& ref : SampleReferences()) {
    const std::string text = FormatReference(ref);
    ASSERT_EQ(ParseReference(text), ref);
    const std::size_t encoded_start = ref.prefix.empty() ? 0 : ref.prefix.size() + 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '-') continue;
      for (char c : subs) {
        if (FoldsTo(c, text[i])) continue;
        std::string typo = text;
        typo[i] = c;
        ++tried;
        if (!ref.prefix.empty()) {
          EXPECT_EQ(ParseReference(typo, ref.prefix), std::nullopt) << text << " -> " << typo;
        }
        if (i >= encoded_start) {
          EXPECT_EQ(ParseReference(typo), std::nullopt) << text << " -> " << typo;
        } else {
          // In the prefix only a letter-for-letter change parses, and it names another organisation.
          auto parsed = ParseReference(typo);
          if (parsed) {
            EXPECT_NE(parsed->prefix, ref.prefix) << typo;
          }
        }
      }
    }
  }
  EXPECT_GT(tried, 3000);
}

TEST(Reference, EveryAdjacentTranspositionIsCaught) {
  int tried = 0;
  for (const Reference& ref : SampleReferences()) {
    const std::string text = FormatReference(ref);
    // Positions of symbols (hyphens are ignored, so neighbours across a hyphen count too).
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '-') at.push_back(i);
    }
    for (std::size_t k = 0; k + 1 < at.size(); ++k) {
      if (text[at[k]] == text[at[k + 1]]) continue;
      std::string typo = text;
      std::swap(typo[at[k]], typo[at[k + 1]]);
      ++tried;
      if (!ref.prefix.empty()) {
        EXPECT_EQ(ParseReference(typo, ref.prefix), std::nullopt) << text << " -> " << typo;
      }
      bool inside_prefix = !ref.prefix.empty() && at[k + 1] < ref.prefix.size();
      if (!inside_prefix) {
        EXPECT_EQ(ParseReference(typo), std::nullopt) << text << " -> " << typo;
      }
    }
  }
  EXPECT_GT(tried, 50);
}

TEST(Reference, ExhaustiveSubstitutionsOverManyReferences) {
  // Broader than the samples: every position of 300 random references, every symbol.
  std::mt19937_64 rng(37);
  for (int n = 0; n < 300; ++n) {
    Reference ref{"", static_cast<std::uint32_t>(1 + rng() % kMaxKiosk), 1 + rng() % (std::uint64_t{1} << 40)};
    std::string text = FormatReference(ref);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '-') continue;
      for (char c : kAlphabet37) {
        if (c == text[i]) continue;
        std::string typo = text;
        typo[i] = c;
        ASSERT_EQ(ParseReference(typo), std::nullopt) << text << " -> " << typo;
      }
    }
  }
}

TEST(Reference, RandomTextNeverCrashesAndRarelyParses) {
  std::mt19937 rng(11);
  const std::string pool = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=Uilo -_\t\xC3\xA9";
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text(rng() % 20, ' ');
    for (char& c : text) c = pool[rng() % pool.size()];
    if (auto ref = ParseReference(text)) {
      ++parsed;
      // Anything accepted is a canonical reference once more.
      EXPECT_EQ(ParseReference(FormatReference(*ref)), ref) << text;
    }
    (void)ParseReference(text, "SG");
    (void)NormaliseTrackingCode(text);
    (void)SpokenCode(text);
  }
  EXPECT_LT(parsed, 200);
}

TEST(TrackingCode, FiftyBitsInTwoGroupsOfFive) {
  for (int i = 0; i < 100; ++i) {
    std::string code = NewTrackingCode();
    ASSERT_THAT(code, MatchesRegex("[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}")) << code;
    EXPECT_EQ(NormaliseTrackingCode(code), code);
  }
}

TEST(TrackingCode, TenThousandAreAllDifferent) {
  std::set<std::string> codes;
  std::set<char> first_symbols;
  for (int i = 0; i < 10000; ++i) {
    std::string code = NewTrackingCode();
    codes.insert(code);
    first_symbols.insert(code[0]);
  }
  EXPECT_EQ(codes.size(), 10000u);
  EXPECT_EQ(first_symbols.size(), 32u) << "the leading symbol should use the whole alphabet";
}

TEST(TrackingCode, NormalisationFoldsLikeReferences) {
  EXPECT_EQ(NormaliseTrackingCode("7d2k9-qx4mb"), "7D2K9-QX4MB");
  EXPECT_EQ(NormaliseTrackingCode(" 7D2K9 QX4MB "), "7D2K9-QX4MB");
  EXPECT_EQ(NormaliseTrackingCode("7D2K9QX4MB"), "7D2K9-QX4MB");
  EXPECT_EQ(NormaliseTrackingCode("OIL00-11111"), "01100-11111");
  EXPECT_EQ(NormaliseTrackingCode("7D2K9-QX4M"), std::nullopt);
  EXPECT_EQ(NormaliseTrackingCode("7D2K9-QX4MBB"), std::nullopt);
  EXPECT_EQ(NormaliseTrackingCode("7D2K9-QX4MU"), std::nullopt);
  EXPECT_EQ(NormaliseTrackingCode("7D2K9-QX4M*"), std::nullopt);
  EXPECT_EQ(NormaliseTrackingCode(""), std::nullopt);
}

TEST(SpokenCode, LettersOneByOneWithAPauseBetweenGroups) {
  EXPECT_EQ(SpokenCode("SG-4K7Q-29MX"), "S G. 4 K 7 Q. 2 9 M X");
  EXPECT_EQ(SpokenCode("7d2k9-qx4mb"), "7 D 2 K 9. Q X 4 M B");
  EXPECT_EQ(SpokenCode("AB"), "A B");
  EXPECT_EQ(SpokenCode("-AB--C-"), "A B. C");
  EXPECT_EQ(SpokenCode(""), "");
}

}  // namespace
}  // namespace tellus
