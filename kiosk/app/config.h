#pragma once
// The kiosk's TOML configuration (--config). Every problem is a ConfigError whose
// message names the file, the line and the key, e.g.
//   "kiosk.toml:7: idle.countdown_seconds: 10 is less than 20".
//
//   policy = "seetec"                     # id in <assets_dir>/policies, or a path
//   store = "/var/lib/tellus/outbox.db"
//   identity = "/etc/tellus/kiosk.json"   # written by tellus-register enroll-kiosk; with a register
//                                         # URL in it the kiosk sends its outbox in the background
//                                         # and answers "check my complaint" from the register
//   # ...or, until enrolled: register_public_key = "<base64>", kiosk_number = 7, kiosk_name = "Reception"
//   staff_pin_hash = "$argon2id$..."      # tellus-kiosk --hash-pin 1234
//   assets_dir = "/usr/share/tellus/assets"
//   usb_dir = "/media/kiosk/STICK"        # staff menu "Save to USB" writes a signed bundle here;
//                                         # default: the first writable folder in /media/$USER, then /media
//   [idle]    warn_after_seconds = 90, countdown_seconds = 30 (>= 20)
//   [display] language = "en-GB", theme = "standard" | "high-contrast" | "yellow-on-black",
//             text_size = "standard" | "large" | "largest", width = 1920, height = 1080, diagonal_inches = 21.5
//   [access]  scanning = "off" | "auto" | "step", scan_seconds = 1.5 (0.5 to 10), touch_to_hear = false
//             Switch scanning takes keys from a switch interface: "auto" is one switch (the
//             highlight moves every scan_seconds; Space or Enter chooses); "step" is two
//             switches (Tab or Enter moves on, Shift+Tab back; Space chooses). These are the
//             defaults a person starts with; the welcome screen changes them until the idle wipe.
//   [printer] kind = "cups" | "escpos", queue = "receipt" (cups), device = "/dev/usb/lp0" (escpos),
//             timeout_seconds = 60 (5 to 600). Without [printer] no receipt is offered for printing.
//   [voice]   microphone = true, max_seconds = 180 (10 to 180)
//             "Say it instead" records each spoken answer up to max_seconds; it is offered only
//             when SDL finds a capture device (and microphone is not false). 180 s keeps three
//             spoken answers, sealed, inside one register request (4 MiB).
//   [speech]  rate = 150 (words a minute, 80 to 450), pitch = 50 (0 to 100), volume = 80 (0 to 100),
//             earcon_volume = 60 (0 to 100), earcons = true
#include <stdexcept>
#include <string>

#include "core/settings_vocabulary.h"
#include "kiosk/print/receipt_printer.h"
#include "kiosk/speech/speaker.h"

namespace tellus {

struct ConfigError : std::runtime_error { using std::runtime_error::runtime_error; };

struct KioskConfig {
  std::string source;                              // the file it came from
  std::string policy;
  std::string assets_dir;                          // default: compile-time TELLUS_ASSETS_DIR
  std::string easyread_dir;                        // languages root; default TELLUS_EASYREAD_DIR/lang
  std::string pictogram_dir;                       // default: the build's rasterised pictograms
  std::string font_dir = "/usr/share/fonts/truetype/andika";
  std::string store_path;
  std::string identity_file;                       // either this...
  std::string register_public_key;                 // ...or these three
  int kiosk_number = 0;
  std::string kiosk_name;
  std::string staff_pin_hash;
  std::string usb_dir;                             // empty: look under /media when saving
  int warn_after_seconds = 90;
  int countdown_seconds = 30;
  std::string language = "en-GB";
  ThemeId theme = ThemeId::kStandard;
  TextSize text_size = TextSize::kStandard;
  int screen_width = 1920;
  int screen_height = 1080;
  double diagonal_inches = 21.5;
  ScanMode scanning = ScanMode::kOff;
  double scan_seconds = 1.5;
  bool touch_to_hear = false;
  SpeechSettings speech;                           // passed to MakeSpeaker
  print::PrinterConfig printer;                    // [printer]; kind kNone when absent
  bool microphone = true;                          // [voice] offer "Say it instead" if SDL has a capture device
  int voice_max_seconds = 180;                     // [voice] max_seconds
};

KioskConfig LoadConfigFile(const std::string& path);                        // throws ConfigError
KioskConfig LoadConfigText(const std::string& text, const std::string& source_name);  // relative paths resolve against the cwd

}  // namespace tellus
