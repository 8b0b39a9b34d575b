#include "sync/protocol/bundle.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace tellus::proto {

using nlohmann::json;

namespace {

std::string SignedText(int kiosk, const std::string& body) {
  return "TELLUS-BUNDLE-V1\n" + std::to_string(kiosk) + "\n" + body;
}

// Reads the envelope as it streams past (nlohmann's SAX interface): no document is built,
// the body stays one string, and every field is checked for its type here, with its name.
class EnvelopeReader : public json::json_sax_t {
 public:
  BundleEnvelope envelope;
  bool has_format = false, has_version = false, has_kiosk = false, has_created = false, has_body = false,
       has_signature = false;
  std::string error;                               // set when a field is wrong; parsing stops

  bool null() override { return Scalar(); }
  bool boolean(bool) override { return Scalar(); }
  bool number_integer(number_integer_t value) override { return Number(value < 0 ? -1 : value, true); }
  bool number_unsigned(number_unsigned_t value) override {
    return Number(value > 1000000 ? std::int64_t{1000001} : static_cast<std::int64_t>(value), true);
  }
  bool number_float(number_float_t, const string_t&) override { return Number(0, false); }
  bool binary(binary_t&) override { return Scalar(); }
  bool string(string_t& value) override {
    if (depth_ != 1) return true;
    if (key_ == "format") {
      if (value != "tellus-bundle") return Wrong("bundle: 'format' is not \"tellus-bundle\" (is this a Tell Us bundle file?)");
      has_format = true;
    } else if (key_ == "created_at") {
      envelope.created_at = std::move(value);
      has_created = true;
    } else if (key_ == "body") {
      envelope.body = std::move(value);
      has_body = true;
    } else if (key_ == "signature") {
      envelope.signature = std::move(value);
      has_signature = true;
    } else if (key_ == "kiosk" || key_ == "version") {
      return TypeError();
    }
    return true;
  }
  bool start_object(std::size_t) override { return Open(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (depth_ == 1) key_ = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    if (error.empty()) error = "bundle: not valid JSON (is this a Tell Us bundle file, and all of it?)";
    return false;
  }

 private:
  bool Wrong(std::string why) {
    error = std::move(why);
    return false;
  }
  bool TypeError() {
    static const std::map<std::string, std::string> kExpected = {
        {"format", "the text \"tellus-bundle\""}, {"version", "the number 1"},
        {"kiosk", "a kiosk number from 1 to 32767"}, {"created_at", "a date and time as text"},
        {"body", "text (the signed batch)"},        {"signature", "text (base64)"}};
    auto it = kExpected.find(key_);
    return Wrong("bundle: '" + key_ + "' must be " + it->second);
  }
  bool Scalar() {
    if (depth_ == 1 && IsKnown()) return TypeError();
    return true;
  }
  bool Number(std::int64_t value, bool integer) {
    if (depth_ != 1) return true;
    if (key_ == "kiosk") {
      if (!integer || value < 1 || value > 32767) return TypeError();
      envelope.kiosk = static_cast<int>(value);
      has_kiosk = true;
    } else if (key_ == "version") {
      if (!integer || value != 1) return Wrong("bundle: unsupported 'version' (this register reads version 1)");
      has_version = true;
    } else if (IsKnown()) {
      return TypeError();
    }
    return true;
  }
  bool Open() {
    if (depth_ == 1 && IsKnown()) return TypeError();   // refused before a nested value is read
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  bool IsKnown() const {
    return key_ == "format" || key_ == "version" || key_ == "kiosk" || key_ == "created_at" || key_ == "body" ||
           key_ == "signature";
  }
  int depth_ = 0;
  std::string key_;
};

}  // namespace

std::string MakeBundle(int kiosk, const std::vector<unsigned char>& kiosk_secret_key, const SubmitBatch& batch,
                       const std::string& created_at) {
  std::string body = ToJson(batch);
  json doc = {{"format", "tellus-bundle"},
              {"version", 1},
              {"kiosk", kiosk},
              {"created_at", created_at},
              {"body", body},
              {"signature", SignDetached(kiosk_secret_key, SignedText(kiosk, body))}};
  return doc.dump(1) + "\n";
}

BundleEnvelope ReadBundleEnvelope(std::istream& in) {
  // The first non-space byte says whether this is an object at all, before anything is read into memory.
  in >> std::ws;
  if (!in || in.peek() != '{') throw ProtocolError("bundle: not a JSON object (is this a Tell Us bundle file?)");
  EnvelopeReader reader;
  bool ok = false;
  try {
    ok = json::sax_parse(in, &reader, json::input_format_t::json, /*strict=*/true);
  } catch (const json::exception&) {
    ok = false;
  }
  if (!ok) {
    throw ProtocolError(reader.error.empty() ? "bundle: not valid JSON (is this a Tell Us bundle file?)" : reader.error);
  }
  if (!reader.has_format) throw ProtocolError("bundle: 'format' is not \"tellus-bundle\" (is this a Tell Us bundle file?)");
  if (!reader.has_version) throw ProtocolError("bundle: unsupported 'version' (this register reads version 1)");
  if (!reader.has_kiosk) throw ProtocolError("bundle: missing 'kiosk'");
  if (!reader.has_created) throw ProtocolError("bundle: missing 'created_at'");
  if (!reader.has_body) throw ProtocolError("bundle: missing 'body'");
  if (!reader.has_signature) throw ProtocolError("bundle: missing 'signature'");
  BundleEnvelope out = std::move(reader.envelope);
  out.body_sha256 = Sha256Hex(out.body);
  return out;
}

BundleEnvelope ParseBundle(const std::string& file_text) {
  std::istringstream in(file_text);
  return ReadBundleEnvelope(in);
}

bool VerifyBundle(const BundleEnvelope& bundle, const PublicKey& kiosk_key) {
  return VerifyDetached(kiosk_key, SignedText(bundle.kiosk, bundle.body), bundle.signature);
}

}  // namespace tellus::proto
