#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include "kiosk/app/config.h"
#include "kiosk/app/startup.h"
#include "kiosk/app/register_link.h"
#include "tests/kiosk/harness.h"
#include "tests/sync/register_process.h"

namespace tellus {
namespace {

const char* kGood = R"(policy = "seetec"
store = ":memory:"
register_public_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
kiosk_number = 7
kiosk_name = "Luton reception"
[idle]
warn_after_seconds = 60
countdown_seconds = 25
[display]
language = "en-GB"
theme = "yellow-on-black"
text_size = "large"
diagonal_inches = 27
)";

std::string ErrorOf(const std::string& text) {
  try {
    LoadConfigText(text, "kiosk.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(KioskConfig, ReadsEveryField) {
  const KioskConfig c = LoadConfigText(kGood, "kiosk.toml");
  EXPECT_EQ(c.policy, "seetec");
  EXPECT_EQ(c.kiosk_number, 7);
  EXPECT_EQ(c.kiosk_name, "Luton reception");
  EXPECT_EQ(c.warn_after_seconds, 60);
  EXPECT_EQ(c.countdown_seconds, 25);
  EXPECT_EQ(c.theme, ThemeId::kYellowOnBlack);
  EXPECT_EQ(c.text_size, TextSize::kLarge);
  EXPECT_DOUBLE_EQ(c.diagonal_inches, 27);
  EXPECT_EQ(c.assets_dir, TELLUS_ASSETS_DIR);
}

TEST(KioskConfig, AccessAndSpeechKeys) {
  const KioskConfig defaults = LoadConfigText(kGood, "kiosk.toml");
  EXPECT_EQ(defaults.scanning, ScanMode::kOff);
  EXPECT_DOUBLE_EQ(defaults.scan_seconds, 1.5);
  EXPECT_FALSE(defaults.touch_to_hear);
  EXPECT_EQ(defaults.speech.rate_wpm, 150);
  const KioskConfig c = LoadConfigText(std::string(kGood) + R"([access]
scanning = "step"
scan_seconds = 2.5
touch_to_hear = true
[speech]
rate = 120
pitch = 40
volume = 90
earcon_volume = 30
earcons = false
)", "kiosk.toml");
  EXPECT_EQ(c.scanning, ScanMode::kStep);
  EXPECT_DOUBLE_EQ(c.scan_seconds, 2.5);
  EXPECT_TRUE(c.touch_to_hear);
  EXPECT_EQ(c.speech.rate_wpm, 120);
  EXPECT_EQ(c.speech.pitch, 40);
  EXPECT_EQ(c.speech.volume, 90);
  EXPECT_EQ(c.speech.earcon_volume, 30);
  EXPECT_FALSE(c.speech.earcons);
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[access]\nscanning = \"fast\"\n"),
            "kiosk.toml:15: access.scanning: 'fast' is not one of off, auto, step");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[access]\nscan_seconds = 0.1\n"),
            "kiosk.toml:15: access.scan_seconds: 0.1 is outside 0.5 to 10");
  // Three spoken answers of 180 s, sealed, fill most of one register request: no longer.
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[voice]\nmax_seconds = 300\n"),
            "kiosk.toml:15: voice.max_seconds: 300 is more than 180");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[voice]\nmicrophone = \"yes\"\n"),
            "kiosk.toml:15: voice.microphone: must be true or false");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[speech]\nrate = 20\n"), "kiosk.toml:15: speech.rate: 20 is less than 80");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[speech]\nearcons = 1\n"),
            "kiosk.toml:15: speech.earcons: must be true or false");
}

TEST(KioskConfig, BadValuesNameFileLineAndKey) {
  EXPECT_EQ(ErrorOf("colour = \"red\"\n" + std::string(kGood)),
            "kiosk.toml:1: colour: unknown key (known: access, assets_dir, display, easyread_dir, font_dir, identity, "
            "idle, kiosk_name, kiosk_number, pictogram_dir, policy, printer, register_public_key, speech, "
            "staff_pin_hash, store, usb_dir, voice)");
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = kGood;
    t.replace(t.find(from), from.size(), to);
    return ErrorOf(t);
  };
  EXPECT_EQ(replaced("countdown_seconds = 25", "countdown_seconds = 10"),
            "kiosk.toml:8: idle.countdown_seconds: 10 is less than 20");
  EXPECT_EQ(replaced("theme = \"yellow-on-black\"", "theme = \"pink\""),
            "kiosk.toml:11: display.theme: 'pink' is not one of standard, high-contrast, yellow-on-black");
  EXPECT_EQ(replaced("kiosk_number = 7", "kiosk_number = \"seven\""), "kiosk.toml:4: kiosk_number: must be a whole number");
  EXPECT_EQ(replaced("policy = \"seetec\"\n", ""), "kiosk.toml: policy: missing (for example policy = \"seetec\")");
  EXPECT_EQ(replaced("[idle]", "[idle]\nsnooze = 3"), "kiosk.toml:7: idle.snooze: unknown key (known: countdown_seconds, warn_after_seconds)");
  EXPECT_EQ(replaced("text_size = \"large\"", "text_size = \"huge\""),
            "kiosk.toml:12: display.text_size: 'huge' is not one of standard, large, largest");
  EXPECT_NE(ErrorOf("policy = \"seetec\nstore = 1").find("kiosk.toml:1:"), std::string::npos) << ErrorOf("policy = \"seetec\nstore = 1");
  EXPECT_NE(replaced("kiosk_name", "staff_pin_hash = \"1234\"\nkiosk_name").find("staff_pin_hash: is not an Argon2id hash"),
            std::string::npos);
}

TEST(KioskConfig, PrinterSectionIsReadAndChecked) {
  EXPECT_EQ(LoadConfigText(kGood, "kiosk.toml").printer.kind, print::PrinterKind::kNone);
  const KioskConfig cups = LoadConfigText(std::string(kGood) + "[printer]\nkind = \"cups\"\nqueue = \"receipt\"\n", "k");
  EXPECT_EQ(cups.printer.kind, print::PrinterKind::kCups);
  EXPECT_EQ(cups.printer.queue, "receipt");
  EXPECT_EQ(cups.printer.timeout_seconds, 60);
  const KioskConfig escpos = LoadConfigText(
      std::string(kGood) + "[printer]\nkind = \"escpos\"\ndevice = \"/dev/usb/lp0\"\ntimeout_seconds = 20\n", "k");
  EXPECT_EQ(escpos.printer.kind, print::PrinterKind::kEscPos);
  EXPECT_EQ(escpos.printer.device, "/dev/usb/lp0");
  EXPECT_EQ(escpos.printer.timeout_seconds, 20);
  const int line = 14;                             // kGood is 13 lines; [printer] starts the 14th
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[printer]\nkind = \"laser\"\n"),
            "kiosk.toml:" + std::to_string(line + 1) + ": printer.kind: 'laser' is not one of cups, escpos");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[printer]\nkind = \"cups\"\n"),
            "kiosk.toml:" + std::to_string(line + 1) + ": printer.queue: missing: the CUPS queue to print to");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[printer]\nkind = \"escpos\"\n"),
            "kiosk.toml:" + std::to_string(line + 1) +
                ": printer.device: missing: the receipt printer's device file (for example /dev/usb/lp0)");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[printer]\nqueue = \"receipt\"\n"),
            "kiosk.toml: printer.kind: missing (\"cups\" or \"escpos\")");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[printer]\nkind = \"cups\"\nqueue = \"r\"\ntimeout_seconds = 1\n"),
            "kiosk.toml:" + std::to_string(line + 3) + ": printer.timeout_seconds: 1 is less than 5");
  EXPECT_EQ(ErrorOf(std::string(kGood) + "[printer]\nkind = \"cups\"\npaper = \"A4\"\n"),
            "kiosk.toml:" + std::to_string(line + 2) +
                ": printer.paper: unknown key (known: device, kind, queue, timeout_seconds)");
}

TEST(KioskConfig, MissingFileIsNamed) {
  try {
    LoadConfigFile("/nonexistent/kiosk.toml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/kiosk.toml: cannot read the config file");
  }
}

TEST(KioskConfig, StartupNamesAMissingPolicyAndABadStoreFolder) {
  KioskConfig c = LoadConfigText(kGood, "kiosk.toml");
  c.policy = "no-such-policy";
  try {
    LoadAppDeps(c, nullptr);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("kiosk.toml: policy: 'no-such-policy' could not be loaded", 0), 0u) << e.what();
  }
}

TEST(KioskConfig, UsbDirIsReadRelativeToTheFileAndOnlyAWritableFolderCounts) {
  testing::TempDir dir;
  const std::string path = dir / "kiosk.toml";
  {
    std::ofstream out(path);
    out << "usb_dir = \"stick\"\n" << kGood;
  }
  const KioskConfig c = LoadConfigFile(path);
  EXPECT_EQ(c.usb_dir, dir / "stick");
  EXPECT_EQ(FindUsbFolder(c.usb_dir), "") << "no stick in yet";
  std::filesystem::create_directories(c.usb_dir);
  EXPECT_EQ(FindUsbFolder(c.usb_dir), c.usb_dir);
}

TEST(KioskConfig, AnIdentityWithARegisterUrlSetsUpSyncAtStartup) {
  testing::RegisterFixture f("seetec");         // enrolled with the default URL
  KioskConfig c = LoadConfigText(kGood, "kiosk.toml");
  c.register_public_key.clear();
  c.identity_file = f.identity_path;
  c.store_path = f.dir / "kiosk.db";
  AppDeps deps = LoadAppDeps(c, nullptr);
  ASSERT_TRUE(deps.identity);
  EXPECT_FALSE(deps.identity->register_url.empty());
  EXPECT_EQ(deps.store_path, c.store_path);
  RegisterLink link(deps.identity, deps.store_path);
  EXPECT_TRUE(link.configured());
  link.StartSync();
  EXPECT_TRUE(link.syncing());
  link.StopSync();
  EXPECT_FALSE(RegisterLink(std::nullopt, deps.store_path).configured());
}

// The real binary: one clear line on stderr and exit status 2, before any window opens.
std::pair<int, std::string> RunKiosk(const std::string& args) {
  const std::string cmd = std::string(TELLUS_KIOSK_BIN) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 512> buf{};
  while (pipe && fgets(buf.data(), buf.size(), pipe)) out += buf.data();
  const int status = pipe ? pclose(pipe) : -1;
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(KioskBinary, BadConfigExitsWithStatusTwoAndOneLine) {
  const auto dir = std::filesystem::temp_directory_path() / ("tellus-cfg-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "kiosk.toml";
  std::ofstream(path) << "policy = \"seetec\"\nstore = \"x.db\"\nregister_public_key = \"AAAA\"\nkiosk_number = 7\n[idle]\ncountdown_seconds = 5\n";
  auto [code, out] = RunKiosk("--config " + path.string());
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out, "tellus-kiosk: " + path.string() + ":6: idle.countdown_seconds: 5 is less than 20\n");
  std::tie(code, out) = RunKiosk("--config " + (dir / "missing.toml").string());
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("missing.toml: cannot read the config file"), std::string::npos) << out;
  std::tie(code, out) = RunKiosk("--windowed 12by9 --config " + path.string());
  EXPECT_EQ(code, 2);
  std::filesystem::remove_all(dir);
}

TEST(KioskBinary, HashPinPrintsAnArgon2idHash) {
  auto [code, out] = RunKiosk("--hash-pin 2468");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out.rfind("$argon2id$", 0), 0u) << out;
  std::tie(code, out) = RunKiosk("--hash-pin 12");
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace tellus
