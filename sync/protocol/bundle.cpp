#include "sync/protocol/bundle.h"

#include <nlohmann/json.hpp>

namespace tellus::proto {

using nlohmann::json;

namespace {
std::string SignedText(int kiosk, const std::string& body) {
  return "TELLUS-BUNDLE-V1\n" + std::to_string(kiosk) + "\n" + body;
}
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

BundleEnvelope ParseBundle(const std::string& file_text) {
  json doc;
  try {
    doc = json::parse(file_text);
  } catch (const json::exception&) {
    throw ProtocolError("bundle: not valid JSON (is this a Tell Us bundle file?)");
  }
  if (!doc.is_object() || doc.value("format", "") != "tellus-bundle") {
    throw ProtocolError("bundle: 'format' is not \"tellus-bundle\"");
  }
  if (!doc.contains("version") || doc["version"] != 1) throw ProtocolError("bundle: unsupported 'version'");
  BundleEnvelope out;
  if (!doc.contains("kiosk") || !doc["kiosk"].is_number_integer()) {
    throw ProtocolError("bundle: 'kiosk' must be a kiosk number");
  }
  out.kiosk = doc["kiosk"].get<int>();
  for (const char* key : {"created_at", "body", "signature"}) {
    if (!doc.contains(key) || !doc[key].is_string()) throw ProtocolError(std::string("bundle: missing '") + key + "'");
  }
  out.created_at = doc["created_at"].get<std::string>();
  out.body = doc["body"].get<std::string>();
  out.signature = doc["signature"].get<std::string>();
  out.body_sha256 = Sha256Hex(out.body);
  return out;
}

bool VerifyBundle(const BundleEnvelope& bundle, const PublicKey& kiosk_key) {
  return VerifyDetached(kiosk_key, SignedText(bundle.kiosk, bundle.body), bundle.signature);
}

}  // namespace tellus::proto
