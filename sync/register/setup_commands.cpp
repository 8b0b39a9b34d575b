// tellus-register init, enroll-kiosk, kiosks.
#include <fstream>
#include <iomanip>
#include <sstream>
#include <iostream>

#include "core/kiosk_identity.h"
#include "core/seal.h"
#include "sync/register/audit_actor.h"
#include "sync/register/address_policy.h"
#include "sync/register/commands.h"
#include "sync/register/register_keys.h"
#include "sync/register/open_storage.h"

namespace tellus::reg {

namespace {

void Init(const std::string& db) {
  // Keys first: if the database cannot be made, a key file without one is harmless and says so.
  std::string keys_path = KeysPathFor(db);
  RegisterKeys keys = NewRegisterKeys();
  SaveRegisterKeys(keys, keys_path);
  try {
    auto storage = OpenRegisterStorage(db, /*create=*/true);
    storage->Audit(OsUserActor(), "init", "", "register created");
  } catch (...) {
    std::remove(keys_path.c_str());
    throw;
  }
  std::cout << "register database " << ShownDb(db) << "\nregister keys     " << keys_path << " (mode 0600; back it up "
            << "separately: without it no sealed submission can be opened)\n";
}

void Enroll(const std::string& db, const std::string& name, const std::string& policy, const std::string& url,
            const std::string& out, const std::string& cert) {
  if (name.empty()) throw std::invalid_argument("--name must not be empty");
  std::string pem;
  if (!cert.empty()) {
    std::ifstream in(cert);
    std::stringstream buffer;
    buffer << in.rdbuf();
    pem = buffer.str();
    if (!in || pem.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
      throw std::invalid_argument("--cert " + cert + ": not a PEM certificate");
    }
  }
  RequireTlsOffLoopback(url);   // the kiosk sends tracking codes and gets replies: never in clear off this machine
  RegisterKeys keys = LoadRegisterKeys(KeysPathFor(db));
  auto storage = OpenRegisterStorage(db);
  proto::SignKeyPair kiosk_keys = proto::NewSignKeyPair();
  KioskIdentity id;
  id.kiosk_name = name;
  id.policy = policy;
  id.register_url = url;
  id.register_certificate_pem = pem;
  id.register_box_public_key = keys.box.public_key;
  id.register_sign_public_key = keys.sign.public_key;
  id.kiosk_sign_public_key = kiosk_keys.public_key;
  id.kiosk_sign_secret_key = kiosk_keys.secret_key;
  storage->Transaction([&] {
    id.kiosk_number = storage->AllocateKioskNumber();
    // Written before the commit: if the file cannot be written, the kiosk is not recorded either.
    SaveKioskIdentity(id, out);
    storage->AddKiosk({id.kiosk_number, name, policy, kiosk_keys.public_key, UtcNow(), std::nullopt, 0, 0, std::nullopt});
    storage->Audit(OsUserActor(), "enroll-kiosk", "", "kiosk " + std::to_string(id.kiosk_number) + " " + name);
  });
  SecureZero(kiosk_keys.secret_key.data(), kiosk_keys.secret_key.size());
  std::cout << "kiosk " << id.kiosk_number << " (" << name << ") enrolled; identity file " << out
            << " (mode 0600): copy it to the kiosk and name it in the kiosk's config\n";
}

void Revoke(const std::string& db, int number) {
  auto storage = OpenRegisterStorage(db);
  storage->Transaction([&] {
    auto kiosk = storage->FindKiosk(number);
    if (!kiosk) throw std::invalid_argument("no kiosk number " + std::to_string(number));
    if (!storage->RevokeKiosk(number, UtcNow())) throw std::invalid_argument("kiosk " + std::to_string(number) + " was already revoked");
    storage->Audit(OsUserActor(), "revoke-kiosk", "", "kiosk " + std::to_string(number) + " " + kiosk->name);
  });
  std::cout << "kiosk " << number << " revoked: its signed requests and USB bundles are refused from now on\n";
}

}  // namespace

void AddSetupCommands(CLI::App& app) {
  auto* init = app.add_subcommand("init", "Create a register: database and keys (<db>.keys, mode 0600)");
  static std::string init_db;
  init->add_option("--db", init_db, "Register database file to create")->required();
  init->callback([] { Init(init_db); });

  auto* enroll = app.add_subcommand("enroll-kiosk", "Enrol a kiosk and write its identity file");
  static std::string db, name, policy, url = "http://127.0.0.1:8470", out, cert;
  enroll->add_option("--db", db, "Register database")->required();
  enroll->add_option("--name", name, "Kiosk name, e.g. \"Luton reception\"")->required();
  enroll->add_option("--policy", policy, "Policy id the kiosk uses (its submissions must match)");
  enroll->add_option("--url", url, "Register URL the kiosk sends to")->capture_default_str();
  enroll->add_option("--out", out, "Identity file to write (mode 0600)")->required();
  enroll->add_option("--cert", cert, "The register's own TLS certificate (PEM) for the kiosk to trust, when not from a public CA");
  enroll->callback([] { Enroll(db, name, policy, url, out, cert); });

  auto* revoke = app.add_subcommand("revoke-kiosk", "Stop accepting a kiosk's key (lost, stolen or retired)");
  static std::string revoke_db;
  static int number = 0;
  revoke->add_option("--db", revoke_db, "Register database")->required();
  revoke->add_option("--number", number, "Kiosk number (see `kiosks`)")->required()->check(CLI::Range(1, 32767));
  revoke->callback([] { Revoke(revoke_db, number); });
}

}  // namespace tellus::reg
