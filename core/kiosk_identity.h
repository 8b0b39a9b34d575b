#pragma once
// A kiosk's identity file, written by `tellus-register enroll-kiosk` and named
// in the kiosk's config. JSON:
// {"kiosk_number":7,"kiosk_name":"Luton reception","policy":"seetec",
//  "register_url":"http://127.0.0.1:8470",
//  "register_box_public_key":"<b64 X25519>","register_sign_public_key":"<b64 Ed25519>",
//  "kiosk_sign_public_key":"<b64 Ed25519>","kiosk_sign_secret_key":"<b64 Ed25519 64 bytes>",
//  "register_certificate_pem":"-----BEGIN CERTIFICATE-----..."}   (optional)
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace tellus {

struct IdentityError : std::runtime_error { using std::runtime_error::runtime_error; };

struct KioskIdentity {
  int kiosk_number = 0;                            // 1 .. 32767, part of every reference
  std::string kiosk_name;
  std::string policy;                              // policy id the register expects from this kiosk
  std::string register_url;
  std::array<unsigned char, 32> register_box_public_key{};   // seals personal parts
  std::array<unsigned char, 32> register_sign_public_key{};  // verifies register replies/bundles
  std::array<unsigned char, 32> kiosk_sign_public_key{};
  std::vector<unsigned char> kiosk_sign_secret_key;          // 64 bytes; signs requests
  std::string register_certificate_pem;            // optional: trust only this for https (own certificate)
};

// Throws IdentityError naming file and field; also when group or others may read the file.
KioskIdentity LoadKioskIdentity(const std::string& path);
void SaveKioskIdentity(const KioskIdentity& identity, const std::string& path);  // mode 0600

}  // namespace tellus
