#include "kiosk/app/config.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#ifndef TELLUS_PICTOGRAM_DIR
#define TELLUS_PICTOGRAM_DIR ""
#endif

namespace tellus {
namespace {

std::string Where(const std::string& source, const toml::node& node, const std::string& key) {
  return source + ":" + std::to_string(node.source().begin.line) + ": " + key + ": ";
}

struct Reader {
  const std::string& source;
  const toml::table& table;
  std::string prefix;                              // "idle." for keys of [idle]

  void CheckKeys(const std::set<std::string>& known) const {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (!known.count(name)) {
        throw ConfigError(Where(source, node, prefix + name) + "unknown key (known: " + [&] {
          std::string list;
          for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
          return list;
        }() + ")");
      }
    }
  }

  void String(const char* key, std::string& out, bool allow_empty = false) const {
    const toml::node* node = table.get(key);
    if (!node) return;
    const auto value = node->value<std::string>();
    if (!node->is_string() || !value) throw ConfigError(Where(source, *node, prefix + key) + "must be a string in quotes");
    if (!allow_empty && value->empty()) throw ConfigError(Where(source, *node, prefix + key) + "must not be empty");
    out = *value;
  }

  void Int(const char* key, int& out, long long min, long long max) const {
    const toml::node* node = table.get(key);
    if (!node) return;
    if (!node->is_integer()) throw ConfigError(Where(source, *node, prefix + key) + "must be a whole number");
    const long long v = *node->value<long long>();
    if (v < min) throw ConfigError(Where(source, *node, prefix + key) + std::to_string(v) + " is less than " + std::to_string(min));
    if (v > max) throw ConfigError(Where(source, *node, prefix + key) + std::to_string(v) + " is more than " + std::to_string(max));
    out = static_cast<int>(v);
  }

  void Double(const char* key, double& out, double min, double max) const {
    const toml::node* node = table.get(key);
    if (!node) return;
    if (!node->is_number()) throw ConfigError(Where(source, *node, prefix + key) + "must be a number");
    const double v = *node->value<double>();
    if (v < min || v > max) {
      std::ostringstream s;
      s << v << " is outside " << min << " to " << max;
      throw ConfigError(Where(source, *node, prefix + key) + s.str());
    }
    out = v;
  }

  void Bool(const char* key, bool& out) const {
    const toml::node* node = table.get(key);
    if (!node) return;
    if (!node->is_boolean()) throw ConfigError(Where(source, *node, prefix + key) + "must be true or false");
    out = *node->value<bool>();
  }

  const toml::table* Table(const char* key) const {
    const toml::node* node = table.get(key);
    if (!node) return nullptr;
    if (!node->is_table()) throw ConfigError(Where(source, *node, key) + "must be a table [" + key + "]");
    return node->as_table();
  }

  const toml::node& Node(const char* key) const { return *table.get(key); }
};

}  // namespace

KioskConfig LoadConfigText(const std::string& text, const std::string& source_name) {
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    throw ConfigError(source_name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  KioskConfig c;
  c.source = source_name;
  c.assets_dir = TELLUS_ASSETS_DIR;
  c.easyread_dir = std::string(TELLUS_EASYREAD_DIR) + "/lang";
  c.pictogram_dir = TELLUS_PICTOGRAM_DIR;

  const Reader top{source_name, root, ""};
  top.CheckKeys({"policy", "store", "identity", "register_public_key", "kiosk_number", "kiosk_name", "staff_pin_hash",
                 "assets_dir", "easyread_dir", "pictogram_dir", "font_dir", "usb_dir", "idle", "display", "access",
                 "speech", "printer", "voice"});
  top.String("policy", c.policy);
  top.String("store", c.store_path);
  top.String("identity", c.identity_file);
  top.String("register_public_key", c.register_public_key);
  top.Int("kiosk_number", c.kiosk_number, 1, 32767);
  top.String("kiosk_name", c.kiosk_name);
  top.String("staff_pin_hash", c.staff_pin_hash);
  top.String("assets_dir", c.assets_dir);
  top.String("easyread_dir", c.easyread_dir);
  top.String("pictogram_dir", c.pictogram_dir, true);
  top.String("font_dir", c.font_dir);
  top.String("usb_dir", c.usb_dir);

  if (c.policy.empty()) throw ConfigError(source_name + ": policy: missing (for example policy = \"seetec\")");
  if (c.store_path.empty()) throw ConfigError(source_name + ": store: missing (the outbox database file)");
  if (!c.staff_pin_hash.empty() && c.staff_pin_hash.rfind("$argon2id$", 0) != 0)
    throw ConfigError(Where(source_name, top.Node("staff_pin_hash"), "staff_pin_hash") +
                      "is not an Argon2id hash (make one with tellus-kiosk --hash-pin)");
  if (c.identity_file.empty()) {
    if (c.register_public_key.empty())
      throw ConfigError(source_name + ": identity: missing (or give register_public_key, kiosk_number and kiosk_name)");
    if (c.kiosk_number == 0) throw ConfigError(source_name + ": kiosk_number: missing (needed with register_public_key)");
  } else if (!c.register_public_key.empty()) {
    throw ConfigError(Where(source_name, top.Node("register_public_key"), "register_public_key") +
                      "give either identity or register_public_key, not both");
  }

  if (const toml::table* idle = top.Table("idle")) {
    const Reader r{source_name, *idle, "idle."};
    r.CheckKeys({"warn_after_seconds", "countdown_seconds"});
    r.Int("warn_after_seconds", c.warn_after_seconds, 10, 3600);
    r.Int("countdown_seconds", c.countdown_seconds, 20, 600);
  }
  if (const toml::table* display = top.Table("display")) {
    const Reader r{source_name, *display, "display."};
    r.CheckKeys({"language", "theme", "text_size", "width", "height", "diagonal_inches"});
    r.String("language", c.language);
    std::string theme, size;
    r.String("theme", theme);
    if (!theme.empty()) {
      auto parsed = ParseThemeId(theme);
      if (!parsed)
        throw ConfigError(Where(source_name, r.Node("theme"), "display.theme") + "'" + theme +
                          "' is not one of standard, high-contrast, yellow-on-black");
      c.theme = *parsed;
    }
    r.String("text_size", size);
    if (!size.empty()) {
      auto parsed = ParseTextSize(size);
      if (!parsed)
        throw ConfigError(Where(source_name, r.Node("text_size"), "display.text_size") + "'" + size +
                          "' is not one of standard, large, largest");
      c.text_size = *parsed;
    }
    r.Int("width", c.screen_width, 640, 16384);
    r.Int("height", c.screen_height, 480, 16384);
    r.Double("diagonal_inches", c.diagonal_inches, 5, 120);
  }
  if (const toml::table* access = top.Table("access")) {
    const Reader r{source_name, *access, "access."};
    r.CheckKeys({"scanning", "scan_seconds", "touch_to_hear"});
    std::string scanning;
    r.String("scanning", scanning);
    if (!scanning.empty()) {
      auto parsed = ParseScanMode(scanning);
      if (!parsed)
        throw ConfigError(Where(source_name, r.Node("scanning"), "access.scanning") + "'" + scanning +
                          "' is not one of off, auto, step");
      c.scanning = *parsed;
    }
    r.Double("scan_seconds", c.scan_seconds, 0.5, 10);
    r.Bool("touch_to_hear", c.touch_to_hear);
  }
  if (const toml::table* speech = top.Table("speech")) {
    const Reader r{source_name, *speech, "speech."};
    r.CheckKeys({"rate", "pitch", "volume", "earcon_volume", "earcons"});
    r.Int("rate", c.speech.rate_wpm, 80, 450);
    r.Int("pitch", c.speech.pitch, 0, 100);
    r.Int("volume", c.speech.volume, 0, 100);
    r.Int("earcon_volume", c.speech.earcon_volume, 0, 100);
    r.Bool("earcons", c.speech.earcons);
  }
  if (const toml::table* printer = top.Table("printer")) {
    const Reader r{source_name, *printer, "printer."};
    r.CheckKeys({"kind", "queue", "device", "timeout_seconds"});
    std::string kind;
    r.String("kind", kind);
    if (kind == "cups") c.printer.kind = print::PrinterKind::kCups;
    else if (kind == "escpos") c.printer.kind = print::PrinterKind::kEscPos;
    else if (kind.empty()) throw ConfigError(source_name + ": printer.kind: missing (\"cups\" or \"escpos\")");
    else throw ConfigError(Where(source_name, r.Node("kind"), "printer.kind") + "'" + kind + "' is not one of cups, escpos");
    r.String("queue", c.printer.queue);
    r.String("device", c.printer.device);
    r.Int("timeout_seconds", c.printer.timeout_seconds, 5, 600);
    if (c.printer.kind == print::PrinterKind::kCups && c.printer.queue.empty())
      throw ConfigError(Where(source_name, r.Node("kind"), "printer.queue") + "missing: the CUPS queue to print to");
    if (c.printer.kind == print::PrinterKind::kEscPos && c.printer.device.empty())
      throw ConfigError(Where(source_name, r.Node("kind"), "printer.device") +
                        "missing: the receipt printer's device file (for example /dev/usb/lp0)");
  }
  if (const toml::table* voice = top.Table("voice")) {
    const Reader r{source_name, *voice, "voice."};
    r.CheckKeys({"microphone", "max_seconds"});
    r.Bool("microphone", c.microphone);
    r.Int("max_seconds", c.voice_max_seconds, 10, 180);
  }
  return c;
}

KioskConfig LoadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot read the config file");
  std::ostringstream text;
  text << in.rdbuf();
  KioskConfig c = LoadConfigText(text.str(), path);
  // Relative paths in a config file are relative to the file.
  const std::filesystem::path base = std::filesystem::absolute(path).parent_path();
  for (std::string* p : {&c.store_path, &c.identity_file, &c.assets_dir, &c.easyread_dir, &c.pictogram_dir, &c.font_dir,
                        &c.usb_dir}) {
    if (!p->empty() && *p != ":memory:" && std::filesystem::path(*p).is_relative()) *p = (base / *p).string();
  }
  if (c.policy.find('/') != std::string::npos && std::filesystem::path(c.policy).is_relative())
    c.policy = (base / c.policy).string();
  return c;
}

}  // namespace tellus
