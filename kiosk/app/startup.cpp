#include "kiosk/app/startup.h"

#include <filesystem>
#include <unistd.h>

#include <iostream>

#include "core/kiosk_identity.h"
#include "core/seal.h"

namespace tellus {
namespace {

void CheckStoreDir(const KioskConfig& c) {
  if (c.store_path == ":memory:") return;
  namespace fs = std::filesystem;
  fs::path dir = fs::path(c.store_path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw ConfigError(c.source + ": store: folder " + dir.string() + " does not exist");
  if (access(dir.c_str(), W_OK | X_OK) != 0)
    throw ConfigError(c.source + ": store: folder " + dir.string() + " is not writable");
}

}  // namespace

AppDeps LoadAppDeps(const KioskConfig& c, std::unique_ptr<Speaker> speaker) {
  AppDeps deps;
  const std::string policies_dir = c.assets_dir + "/policies";
  try {
    deps.policy = LoadPolicy(c.policy, policies_dir);
  } catch (const std::exception& e) {
    throw ConfigError(c.source + ": policy: '" + c.policy + "' could not be loaded: " + e.what());
  }
  try {
    deps.calendar = HolidayCalendar::FromFolder(c.assets_dir + "/holidays", deps.policy.division);
  } catch (const std::exception& e) {
    throw ConfigError(c.source + ": assets_dir: bank holidays in " + c.assets_dir + "/holidays: " + e.what());
  }

  deps.lang_root = c.easyread_dir;
  try {
    deps.catalogs.emplace(c.language, Catalog::LoadLanguage(c.easyread_dir, c.language));
  } catch (const std::exception& e) {
    throw ConfigError(c.source + ": display.language: '" + c.language + "': " + e.what());
  }
  // Other languages are offered if they load; a broken one is reported, not fatal.
  try {
    for (const std::string& tag : Catalog::AvailableTags(c.easyread_dir)) {
      if (deps.catalogs.count(tag)) continue;
      try {
        deps.catalogs.emplace(tag, Catalog::LoadLanguage(c.easyread_dir, tag));
      } catch (const std::exception& e) {
        std::cerr << "tellus-kiosk: language " << tag << " left out: " << e.what() << "\n";
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "tellus-kiosk: " << e.what() << "\n";
  }
  // The policy's own words in each language: the kiosk's language must have every one; another
  // language missing one is left out, named with its file and key (never English on its screens).
  const std::vector<TranslationProblem> untranslated = AddPolicyLanguages(deps);
  std::string mine;
  for (const TranslationProblem& problem : untranslated) {
    if (problem.language == c.language) mine += "\n  " + Describe(problem);
    else std::cerr << "tellus-kiosk: language " << problem.language << " left out: " << Describe(problem) << "\n";
  }
  if (!mine.empty())
    throw ConfigError(c.source + ": display.language: '" + c.language + "': the policy '" + deps.policy.id +
                      "' has no words in this language for:" + mine);

  if (!c.identity_file.empty()) {
    try {
      const KioskIdentity identity = LoadKioskIdentity(c.identity_file);
      deps.identity = identity;
      deps.target = SubmitTarget::From(identity);
      deps.kiosk_name = identity.kiosk_name;
      if (!identity.policy.empty() && identity.policy != deps.policy.id)
        throw ConfigError(c.source + ": policy: '" + deps.policy.id + "' but the kiosk identity " + c.identity_file +
                          " was enrolled for '" + identity.policy + "'");
    } catch (const IdentityError& e) {
      throw ConfigError(c.source + ": identity: " + e.what());
    }
  } else {
    std::vector<unsigned char> key;
    try {
      key = FromBase64(c.register_public_key);
    } catch (const std::exception&) {
      throw ConfigError(c.source + ": register_public_key: not valid base64");
    }
    if (key.size() != 32) throw ConfigError(c.source + ": register_public_key: must be 32 bytes (an X25519 public key)");
    std::copy(key.begin(), key.end(), deps.target.register_box_public_key.begin());
    deps.target.kiosk_number = c.kiosk_number;
    deps.kiosk_name = c.kiosk_name;
  }

  CheckStoreDir(c);
  try {
    deps.store = std::make_unique<Store>(Store::Open(c.store_path));
  } catch (const std::exception& e) {
    throw ConfigError(c.source + ": store: " + e.what());
  }

  deps.speaker = speaker ? std::move(speaker) : MakeSilentSpeaker();
  deps.staff_pin_hash = c.staff_pin_hash;
  deps.store_path = c.store_path;
  deps.usb_dir = c.usb_dir;
  deps.defaults.language = c.language;
  deps.defaults.theme = c.theme;
  deps.defaults.text_size = c.text_size;
  deps.defaults.scanning = c.scanning;
  deps.defaults.touch_to_hear = c.touch_to_hear;
  deps.scan_seconds = c.scan_seconds;
  deps.printer = c.printer;
  deps.slip_assets.font_dir = c.font_dir;
  deps.slip_assets.pictogram_dir = c.pictogram_dir;
  deps.voice_max_s = c.voice_max_seconds;
  if (c.microphone) {
    std::string why;
    deps.recorder = voice::Recorder::Open(&why);
    if (!deps.recorder) std::cerr << "tellus-kiosk: " << why << ": \"Say it instead\" is not offered\n";
  }
  deps.idle.warn_after_s = c.warn_after_seconds;
  deps.idle.countdown_s = c.countdown_seconds;
  return deps;
}

}  // namespace tellus
