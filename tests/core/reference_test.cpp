#include "core/reference.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace tellus {
namespace {

using ::testing::MatchesRegex;

// Only these may appear in a reference's encoded part: 0-9 and A-Z less I L O U.
constexpr const char* kCrockfordClass = "[0-9A-HJKMNP-TV-Z]";

// Substitutes that are real typos: every other character a person could type,
// the symbols the old mod-37 check used among them.
std::string Substitutes() {
  std::string out(kCrockfordDigits);
  out += "*~$=UILOabcxyzu";
  return out;
}

// Multiplication in GF(32) modulo x^5+x^2+1, written out bit by bit: an independent
// statement of what CrockfordCheckStep's doubling must equal.
int GfMultiply(int a, int b) {
  int product = 0;
  for (int bit = 4; bit >= 0; --bit) {
    product <<= 1;
    if (product & 0x20) product ^= 0x25;
    if ((b >> bit) & 1) product ^= a;
  }
  return product;
}

// Runs the check over every character of an encoded part (the check included).
int FinalInterim(std::string_view digits) {
  int interim = 0;
  for (char c : digits) interim = CrockfordCheckStep(interim, static_cast<int>(kCrockfordDigits.find(c)));
  return interim;
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
  EXPECT_EQ(CrockfordDecode("U"), std::nullopt);     // not a Crockford digit
  EXPECT_EQ(CrockfordDecode("A-B"), std::nullopt);
  EXPECT_EQ(CrockfordDecode("FZZZZZZZZZZZZ"), UINT64_MAX);
  EXPECT_EQ(CrockfordDecode("G000000000000"), std::nullopt);  // 2^64 overflows
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t v = rng();
    EXPECT_EQ(CrockfordDecode(CrockfordEncode(v, 1)), v);
  }
}

TEST(CrockfordCheck, StepDoublesInGf32ThenAddsTheDigit) {
  for (int interim = 0; interim < 32; ++interim) {
    for (int digit = 0; digit < 32; ++digit) {
      ASSERT_EQ(CrockfordCheckStep(interim, digit), GfMultiply(2, interim) ^ digit) << interim << " " << digit;
    }
  }
  // 2 generates all 31 non-zero elements (x^5+x^2+1 is primitive), so the weights
  // 2^0 .. 2^12 of a 13-character encoded part are all different.
  std::set<int> powers;
  for (int p = 1, n = 0; n < 31; ++n, p = GfMultiply(p, 2)) powers.insert(p);
  EXPECT_EQ(powers.size(), 31u);
}

// The proof, for every length at once. Reading a reference is a walk through 32
// interim states, one step per character; it is accepted when the walk ends at 0.
// (1) Each step is a Latin square: a different character from the same interim, or
//     the same character from a different interim, gives a different next interim.
//     So once two walks part they never meet again, and a single wrong character
//     anywhere (first, middle or the check itself) cannot end at 0 like the right one.
// (2) Total anti-symmetry: from any interim, "x then y" and "y then x" end apart when
//     x != y; by (1) they stay apart, so no swap of neighbours (the check and the digit
//     before it included) ends at 0.
// (3) From every interim exactly one character ends the walk at 0: the check always
//     exists and is one of the 32 letters and digits.
TEST(CrockfordCheck, EverySubstitutionAndAdjacentSwapIsCaughtFromEveryInterim) {
  for (int s = 0; s < 32; ++s) {
    std::set<int> by_digit, by_interim;
    int ends = 0;
    for (int d = 0; d < 32; ++d) {
      by_digit.insert(CrockfordCheckStep(s, d));
      by_interim.insert(CrockfordCheckStep(d, s));
      if (CrockfordCheckStep(s, d) == 0) ++ends;
    }
    ASSERT_EQ(by_digit.size(), 32u) << "two characters lead to one interim from " << s;
    ASSERT_EQ(by_interim.size(), 32u) << "character " << s << " joins two interims";
    ASSERT_EQ(ends, 1) << "interim " << s;
    for (int x = 0; x < 32; ++x) {
      for (int y = 0; y < 32; ++y) {
        if (x == y) continue;
        ASSERT_NE(CrockfordCheckStep(CrockfordCheckStep(s, x), y), CrockfordCheckStep(CrockfordCheckStep(s, y), x))
            << "swap of " << kCrockfordDigits[x] << kCrockfordDigits[y] << " from interim " << s;
      }
    }
  }
}

TEST(CrockfordCheck, CheckCharacterEndsTheWalkAtZero) {
  EXPECT_EQ(CrockfordCheckCharacter(0), '0');
  EXPECT_EQ(CrockfordCheckCharacter(1), '2');   // interim 1, 2*1 = 2
  EXPECT_EQ(CrockfordCheckCharacter(16), '5');  // "G": 2*16 = 32 -> x^5 = x^2+1 = 5
  std::mt19937_64 rng(5);
  for (int i = 0; i < 2000; ++i) {
    std::uint64_t value = rng() >> (rng() % 60);
    std::string digits = CrockfordEncode(value, 1);
    ASSERT_EQ(FinalInterim(digits + CrockfordCheckCharacter(value)), 0) << digits;
    ASSERT_EQ(FinalInterim("000" + digits + CrockfordCheckCharacter(value)), 0) << "leading zeros add nothing";
  }
}

TEST(Reference, FormatsKnownValue) {
  // kiosk 1 = "001", sequence 1 = "0001": interims 0 0 1 2 4 8 17; 2*17 = 34 -> 34 ^ 0b100101 = 7.
  EXPECT_EQ(FormatReference({"SG", 1, 1}), "SG-0010-0017");
  EXPECT_EQ(FormatReference({"", 1, 1}), "0010-0017");
  EXPECT_EQ(FormatReference({"sg", 1, 1}), "SG-0010-0017");
  EXPECT_EQ(FormatReference({"SG", 4711, 872}), "SG-4K70-0V8X");
  EXPECT_EQ(FormatReference({"SG", 4711, 756008}), "SG-4K7Q-298X");  // the example in core/reference.h
}

// No reference any kiosk issues holds a symbol, U, I, L or O: the check is drawn from
// the same 32 letters and digits as the rest.
TEST(Reference, OnlyCrockfordLettersAndDigitsOverEveryKiosk) {
  const std::string allowed(kCrockfordDigits);
  std::set<char> checks;
  auto only_crockford = [&](const std::string& text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
      if (text[i] != '-' && allowed.find(text[i]) == std::string::npos) return false;
    }
    return true;
  };
  for (std::uint32_t kiosk = 1; kiosk <= kMaxKiosk; ++kiosk) {
    for (std::uint64_t sequence : {std::uint64_t{1}, std::uint64_t{kiosk} * 7919, (std::uint64_t{1} << 20) + kiosk,
                                   kMaxSequence - kiosk}) {
      const std::string text = FormatReference({"SG", kiosk, sequence});
      ASSERT_TRUE(only_crockford(text, 3)) << text;
      ASSERT_EQ(text.substr(0, 3), "SG-");
      checks.insert(text.back());
    }
  }
  for (std::uint64_t sequence = 1; sequence <= (std::uint64_t{1} << 20); ++sequence) {
    const std::string text = FormatReference({"", 10, sequence});
    ASSERT_TRUE(only_crockford(text, 0)) << text;
  }
  EXPECT_EQ(checks.size(), 32u) << "every one of the 32 characters serves as a check";
}

// "SG" and then groups of Crockford characters of these sizes, as a regular expression.
std::string Groups(std::initializer_list<int> sizes) {
  std::string out = "SG";
  for (int size : sizes) out += std::string("-") + kCrockfordClass + "{" + std::to_string(size) + "}";
  return out;
}

TEST(Reference, GroupsOfFourWithTheRemainderJoiningTheLastGroup) {
  EXPECT_THAT(FormatReference({"SG", 4711, 872}), MatchesRegex(Groups({4, 4})));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 20}), MatchesRegex(Groups({4, 5})));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 30}), MatchesRegex(Groups({4, 7})));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 35}), MatchesRegex(Groups({4, 4, 4})));
  EXPECT_THAT(FormatReference({"SG", 4711, std::uint64_t{1} << 40}), MatchesRegex(Groups({4, 4, 5})));
  EXPECT_THAT(FormatReference({"SG", 4711, kMaxSequence}), MatchesRegex(Groups({4, 4, 5})));
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
  ASSERT_EQ(FormatReference(ref), "SG-0010-0017");
  EXPECT_EQ(ParseReference("sg-0010-0017"), ref);
  EXPECT_EQ(ParseReference("SG-OOIO-OOl7"), ref);
  EXPECT_EQ(ParseReference("sg-ooio-ooL7"), ref);
  EXPECT_EQ(ParseReference("  SG 0010 0017 "), ref);
  EXPECT_EQ(ParseReference("SG-00-10-00-17"), ref);
  EXPECT_EQ(ParseReference("SG 00100 017"), ref);
  EXPECT_EQ(ParseReference("SG-0010-0017-"), ref);
  EXPECT_EQ(ParseReference("0010-0017"), (Reference{"", 1, 1}));
  EXPECT_EQ(ParseReference("00100017"), (Reference{"", 1, 1}));
  // A check letter typed in lower case is the same letter.
  ASSERT_EQ(FormatReference({"SG", 4711, 872}), "SG-4K70-0V8X");
  EXPECT_EQ(ParseReference("sg-4k70-0v8x"), (Reference{"SG", 4711, 872}));
  EXPECT_EQ(ParseReference("sg 4k70 0v8x", "SG"), (Reference{"SG", 4711, 872}));
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
  // SG-0000-0012 and SG-0010-0005 carry the right check for kiosk 0 and sequence 0.
  for (std::string_view text : {"", "-", "SG", "SG-", "SG-0010", "SG-0010-001", "SG-0010-0017X",
                                "SG-0010-00107", "1G-0010-0017", "SGXY-0010-0017", "SG-0010-001#", "SG-0010-0*17",
                                "SG-0010-0U17", "SG_0010-0017", "SG-0000-0012", "SG-0010-0005",
                                "SG-0010-0000-0000-000001",
                                // The old mod-37 forms: a symbol or U as the check is no longer a character.
                                "SG-0010-001$", "SG-0010-001*", "SG-0010-001~", "SG-0010-001=", "SG-0010-001U"}) {
    EXPECT_EQ(ParseReference(text), std::nullopt) << text;
    EXPECT_FALSE(ReferenceLooksValid(text)) << text;
  }
}

TEST(Reference, RejectsNonCanonicalLeadingZeros) {
  // Sequence 1 written with five digits would otherwise be a second spelling of SG-0010-0017.
  std::uint64_t value = (std::uint64_t{1} << 25) + 1;  // kiosk 1, "00001"
  std::string padded = "SG-0010-0001" + std::string(1, CrockfordCheckCharacter(value));
  ASSERT_EQ(FinalInterim("00100001" + std::string(1, padded.back())), 0);
  EXPECT_EQ(ParseReference(padded), std::nullopt) << padded;
}

// The heart of the check character: any one character typed wrong is caught.
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
    // Positions of characters (hyphens are ignored, so neighbours across a hyphen count too).
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
  // Broader than the samples: every position of 300 random references, every character.
  std::mt19937_64 rng(37);
  for (int n = 0; n < 300; ++n) {
    Reference ref{"", static_cast<std::uint32_t>(1 + rng() % kMaxKiosk), 1 + rng() % (std::uint64_t{1} << 40)};
    std::string text = FormatReference(ref);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '-') continue;
      for (char c : kCrockfordDigits) {
        if (c == text[i]) continue;
        std::string typo = text;
        typo[i] = c;
        ASSERT_EQ(ParseReference(typo), std::nullopt) << text << " -> " << typo;
      }
    }
  }
}

// Beyond neighbours, as core/reference.h promises: with 2 of order 31 each position
// weighs a different power of 2, so swapping any two different characters is caught,
// and so is a doubled pair typed as another doubled pair ("77" as "11").
TEST(Reference, AnySwapAndAnyDoubledPairIsCaught) {
  std::vector<Reference> refs = SampleReferences();
  std::mt19937_64 rng(31);
  for (int n = 0; n < 300; ++n) {
    std::uint64_t sequence = std::max<std::uint64_t>(1, rng() >> (19 + rng() % 45));  // 1 .. 2^45-1
    refs.push_back({"SG", static_cast<std::uint32_t>(1 + rng() % kMaxKiosk), sequence});
  }
  int swaps = 0, doubles = 0;
  for (const Reference& ref : refs) {
    const std::string text = FormatReference(ref);
    std::vector<std::size_t> at;
    for (std::size_t i = ref.prefix.empty() ? 0 : ref.prefix.size() + 1; i < text.size(); ++i) {
      if (text[i] != '-') at.push_back(i);
    }
    for (std::size_t a = 0; a < at.size(); ++a) {
      for (std::size_t b = a + 1; b < at.size(); ++b) {
        if (text[at[a]] == text[at[b]]) continue;
        std::string typo = text;
        std::swap(typo[at[a]], typo[at[b]]);
        ++swaps;
        ASSERT_EQ(ParseReference(typo), std::nullopt) << text << " -> " << typo;
      }
      if (a + 1 < at.size() && text[at[a]] == text[at[a + 1]]) {
        for (char c : kCrockfordDigits) {
          if (c == text[at[a]]) continue;
          std::string typo = text;
          typo[at[a]] = typo[at[a + 1]] = c;
          ++doubles;
          ASSERT_EQ(ParseReference(typo), std::nullopt) << text << " -> " << typo;
        }
      }
    }
  }
  EXPECT_GT(swaps, 5000);
  EXPECT_GT(doubles, 1000);
}

// The proof above in practice: every reference some kiosks issue over whole runs of
// sequences (four digits, the step to five, the very last), each with every single
// wrong character and every swap of neighbours, as the kiosk's check reads them.
TEST(Reference, EveryTypoOfEveryReferenceOfSomeKiosksIsCaught) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> runs = {
      {1, 2048}, {(std::uint64_t{1} << 20) - 256, (std::uint64_t{1} << 20) + 256}, {kMaxSequence - 256, kMaxSequence}};
  long substitutions = 0, swaps = 0;
  for (std::uint32_t kiosk : {1u, 10u, 4711u, kMaxKiosk}) {
    for (auto [first, last] : runs) {
      for (std::uint64_t sequence = first; sequence <= last; ++sequence) {
        const Reference ref{"SG", kiosk, sequence};
        const std::string text = FormatReference(ref);
        ASSERT_EQ(ParseReference(text, "SG"), ref) << text;
        std::vector<std::size_t> at;  // the encoded part's characters, hyphens skipped
        for (std::size_t i = 3; i < text.size(); ++i) {
          if (text[i] != '-') at.push_back(i);
        }
        for (std::size_t k = 0; k < at.size(); ++k) {
          for (char c : kCrockfordDigits) {
            if (c == text[at[k]]) continue;
            std::string typo = text;
            typo[at[k]] = c;
            ++substitutions;
            ASSERT_EQ(ParseReference(typo, "SG"), std::nullopt) << text << " -> " << typo;
            ASSERT_FALSE(ReferenceLooksValid(typo)) << text << " -> " << typo;
          }
          if (k + 1 < at.size() && text[at[k]] != text[at[k + 1]]) {
            std::string typo = text;
            std::swap(typo[at[k]], typo[at[k + 1]]);
            ++swaps;
            ASSERT_EQ(ParseReference(typo, "SG"), std::nullopt) << text << " -> " << typo;
            ASSERT_FALSE(ReferenceLooksValid(typo)) << text << " -> " << typo;
          }
        }
      }
    }
  }
  EXPECT_GT(substitutions, 2'500'000);
  EXPECT_GT(swaps, 50'000);
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
  EXPECT_EQ(SpokenCode("SG-4K7Q-298X"), "S G. 4 K 7 Q. 2 9 8 X");
  EXPECT_EQ(SpokenCode("7d2k9-qx4mb"), "7 D 2 K 9. Q X 4 M B");
  EXPECT_EQ(SpokenCode("AB"), "A B");
  EXPECT_EQ(SpokenCode("-AB--C-"), "A B. C");
  EXPECT_EQ(SpokenCode(""), "");
}

}  // namespace
}  // namespace tellus
