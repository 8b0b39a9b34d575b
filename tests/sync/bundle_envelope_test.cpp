// A bundle file from a USB stick is untrusted until its signature checks: the envelope is
// read as it streams (no document built), fields are checked for type and range with their
// names, and the batch inside is parsed only after the signature matched.
#include <gtest/gtest.h>

#include <fstream>

#include "child_memory.h"
#include "register_process.h"
#include "sync/protocol/bundle.h"

namespace tellus {
namespace {

using proto::ParseBundle;
using proto::ProtocolError;

std::string ErrorOf(const std::string& text) {
  try {
    ParseBundle(text);
  } catch (const ProtocolError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a ProtocolError: ") + e.what();
  }
  return "accepted";
}

std::string Envelope(const std::string& kiosk, const std::string& body = "\"{}\"", const std::string& format = "\"tellus-bundle\"") {
  return R"({"body":)" + body + R"(,"created_at":"2026-11-23T10:00:00Z","format":)" + format + R"(,"kiosk":)" + kiosk +
         R"(,"signature":"AAAA","version":1})";
}

TEST(BundleEnvelope, AKioskNumberOutOfRangeIsRefusedNotTruncated) {
  // 4294967297 is 2^32 + 1: read into an int it would become kiosk 1.
  for (const char* kiosk : {"4294967297", "0", "-1", "32768", "7.5", "1e3"}) {
    std::string why = ErrorOf(Envelope(kiosk));
    EXPECT_NE(why.find("'kiosk' must be a kiosk number from 1 to 32767"), std::string::npos) << kiosk << ": " << why;
  }
  EXPECT_EQ(ParseBundle(Envelope("32767")).kiosk, 32767);
}

TEST(BundleEnvelope, AWrongTypedFieldIsNamedInPlainWords) {
  EXPECT_EQ(ErrorOf(Envelope("7", "\"{}\"", "5")), "bundle: 'format' must be the text \"tellus-bundle\"");
  EXPECT_EQ(ErrorOf(Envelope("7", "[1,2,3]")), "bundle: 'body' must be text (the signed batch)");
  EXPECT_EQ(ErrorOf(Envelope("\"7\"")), "bundle: 'kiosk' must be a kiosk number from 1 to 32767");
  EXPECT_EQ(ErrorOf(Envelope("7", "{\"items\":[]}")), "bundle: 'body' must be text (the signed batch)");
  EXPECT_EQ(ErrorOf(Envelope("7", "null")), "bundle: 'body' must be text (the signed batch)");
  EXPECT_EQ(ErrorOf("[1,2]"), "bundle: not a JSON object (is this a Tell Us bundle file?)");
  std::string cut = Envelope("7");
  EXPECT_NE(ErrorOf(cut.substr(0, cut.size() / 2)).find("not valid JSON"), std::string::npos);
  for (const std::string& text : {ErrorOf(Envelope("7", "\"{}\"", "5")), ErrorOf(Envelope("7", "[1]"))}) {
    EXPECT_EQ(text.find("json.exception"), std::string::npos) << text;
  }
}

// A big unsigned file is refused for its signature without being parsed, and without
// copies of it piling up: the import's peak memory stays near one copy of the body.
TEST(BundleEnvelope, ABigUnsignedBundleIsRefusedBeforeParsingAndWithoutCopies) {
  testing::RegisterFixture f;
  std::string file = f.dir / "big.json";
  constexpr std::size_t kItems = 200000;   // about 60 MB of batch text
  {
    std::ofstream out(file, std::ios::binary);
    out << R"({"body":"{\"items\":[)";
    std::string item = R"({\"clear\":{\"uuid\":\"x\"},\"sealed\":\"QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\",\"tracking_hash\":\"h\"})";
    for (std::size_t i = 0; i < kItems; ++i) out << (i ? "," : "") << item;
    out << R"(],\"waiting\":0}","created_at":"2026-11-23T10:00:00Z","format":"tellus-bundle","kiosk":)"
        << f.identity.kiosk_number << R"(,"signature":"AAAA","version":1})" << "\n";
  }
  const long file_kb = static_cast<long>(std::filesystem::file_size(file) / 1024);
  testing::ChildRun small = testing::RunMeasured(testing::RegisterBinary(), {"kiosks", "--db", f.db});
  testing::ChildRun run = testing::RunMeasured(testing::RegisterBinary(), {"import", "--db", f.db, file});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.output.find("signature does not match"), std::string::npos) << run.output;
  std::printf("bundle of %ld KB: import peak RSS %ld KB (a command that reads no bundle: %ld KB)\n", file_kb,
              run.peak_rss_kb, small.peak_rss_kb);
  // The body once while read, once more for the signature check: under three copies (reading
  // the whole file, then a document, then copies of the body took about five).
  EXPECT_LT(run.peak_rss_kb - small.peak_rss_kb, 3 * file_kb);

  // A body that is not text (a huge array) is refused as soon as it starts.
  std::string array_file = f.dir / "array.json";
  {
    std::ofstream out(array_file, std::ios::binary);
    out << R"({"body":[)";
    for (std::size_t i = 0; i < 4000000; ++i) out << (i ? ",1" : "1");
    out << R"(],"kiosk":)" << f.identity.kiosk_number << "}\n";
  }
  testing::ChildRun array = testing::RunMeasured(testing::RegisterBinary(), {"import", "--db", f.db, array_file});
  EXPECT_NE(array.exit_code, 0);
  EXPECT_NE(array.output.find("'body' must be text"), std::string::npos) << array.output;
  EXPECT_LT(array.peak_rss_kb - small.peak_rss_kb, 8 * 1024);
}

}  // namespace
}  // namespace tellus
