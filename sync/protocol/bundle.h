#pragma once
// A bundle file carries sealed submissions on a USB stick from a kiosk with no
// network to the register. It is the same batch JSON the kiosk would POST,
// wrapped with the kiosk number and an Ed25519 signature by the kiosk's key:
// {"format":"tellus-bundle","version":1,"kiosk":7,"created_at":"...","body":"<batch JSON>",
//  "signature":"<b64 over 'TELLUS-BUNDLE-V1\n<kiosk>\n<body>'>"}
// The register ingests a bundle exactly once (by the SHA-256 of its body) and
// each item at most once (by UUID), whichever way it arrived first.
#include <istream>
#include <string>
#include <vector>

#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"

namespace tellus::proto {

std::string MakeBundle(int kiosk, const std::vector<unsigned char>& kiosk_secret_key, const SubmitBatch& batch,
                       const std::string& created_at);

struct BundleEnvelope {
  int kiosk = 0;
  std::string created_at;
  std::string body;                                      // the batch JSON, exactly as signed
  std::string signature;
  std::string body_sha256;                               // identity of the bundle for exactly-once import
};

// Reads the envelope as it streams in, without building a document: the body stays one
// string (not parsed: check its signature first), a field of the wrong type or a kiosk
// number out of range stops the read at once. Throws ProtocolError naming the field.
BundleEnvelope ReadBundleEnvelope(std::istream& in);
BundleEnvelope ParseBundle(const std::string& file_text);  // the same, from text in memory
bool VerifyBundle(const BundleEnvelope& bundle, const PublicKey& kiosk_key);

}  // namespace tellus::proto
