#include "tests/kiosk/harness.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "core/seal.h"
#include "kiosk/app/startup.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/pictures.h"

namespace tellus::testing {

std::string SourcePath(const std::string& relative) { return std::string(TELLUS_SOURCE_DIR) + "/" + relative; }

namespace {

constexpr double kFrameSeconds = 1.0 / 60.0;

// Monday 23 November 2026, 10:00 UTC: a working day.
Clock StartClock() {
  Clock c;
  c.now_ms = 1000;
  c.today = Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{23}};
  c.now_utc = std::chrono::sys_days{c.today} + std::chrono::hours{10};
  return c;
}

void SetKeyMap(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
  io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
  io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
  io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
  io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
  io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
  io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
  io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
  io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
  io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

Harness::Harness(HarnessOptions options) : options_(std::move(options)), clock_(StartClock()) {
  InitSodium();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(options_.width, options_.height);
  io.DeltaTime = static_cast<float>(kFrameSeconds);
  SetKeyMap(io);
  ui::SetFonts({});                                // the last harness's atlas went with its context

  ui::Settings settings;
  settings.theme = options_.theme;
  settings.text_size = options_.text_size;
  settings.display_width_px = options_.width;
  settings.display_height_px = options_.height;
  settings.diagonal_inches = options_.diagonal_inches;
  settings.pictogram_dir = "";                     // no textures headless: space is reserved
  settings.textures = false;
  ui::Configure(settings);
  ui::SetTextureLoader(nullptr);
  ui::ResetForTests();
  if (!options_.with_app) {
    BakeFontsIfStale();                            // the widget tests' fonts; the app bakes its own
    return;
  }
  AppDeps deps;
  deps.policy = options_.policy ? *options_.policy
                                : LoadPolicy(options_.policy_id, SourcePath("assets/policies"));
  deps.calendar = options_.calendar ? *options_.calendar
                                    : HolidayCalendar::FromFolder(SourcePath("assets/holidays"), deps.policy.division);
  deps.lang_root = options_.lang_root.empty() ? SourcePath("easyread/lang") : options_.lang_root;
  deps.catalogs.emplace(options_.language, Catalog::LoadLanguage(deps.lang_root, options_.language));
  for (const std::string& tag : Catalog::AvailableTags(deps.lang_root)) {
    if (deps.catalogs.count(tag)) continue;
    try {
      deps.catalogs.emplace(tag, Catalog::LoadLanguage(deps.lang_root, tag));
    } catch (const std::exception&) {
      // A language another helper is still writing is left out here, as the kiosk does.
    }
  }
  // A policy written in a test has no translation files: its words stand as written in every
  // language. A seed policy is shown through its translations, as the kiosk shows it.
  if (options_.policy && options_.policy->source.empty())
    for (const auto& [tag, catalog] : deps.catalogs) deps.policy_words.emplace(tag, deps.policy);
  deps.store = std::make_unique<Store>(Store::Open(options_.store_path));
  deps.store_path = options_.store_path;
  if (options_.identity) {
    deps.identity = options_.identity;
    deps.target = SubmitTarget::From(*options_.identity);
    deps.kiosk_name = options_.identity->kiosk_name;
  } else {
    deps.target.kiosk_number = options_.kiosk_number;
    deps.target.register_box_public_key = NewBoxKeyPair().public_key;
    deps.kiosk_name = "Test reception";
  }
  deps.usb_dir = options_.usb_dir;
  deps.sync_options = options_.sync_options;
  deps.speaker = options_.make_speaker ? options_.make_speaker() : MakeSilentSpeaker();
  deps.staff_pin_hash = options_.staff_pin_hash;
  deps.defaults.language = options_.language;
  deps.defaults.theme = options_.theme;
  deps.defaults.text_size = options_.text_size;
  deps.defaults.scanning = options_.scanning;
  deps.defaults.touch_to_hear = options_.touch_to_hear;
  deps.scan_seconds = options_.scan_seconds;
  deps.printer = options_.printer;
  deps.slip_assets.pictogram_dir = TELLUS_PICTOGRAM_DIR;
  deps.voice_max_s = options_.voice_max_s;
  if (options_.microphone) {
    std::string why;
    deps.recorder = voice::Recorder::Open(&why);
    if (!deps.recorder) throw std::runtime_error("harness: no microphone: " + why);
  }
  deps.idle.warn_after_s = options_.warn_after_seconds;
  deps.idle.countdown_s = options_.countdown_seconds;
  app_ = std::make_unique<KioskApp>(std::move(deps));
  BakeFontsIfStale();
  Frame(2);
}

void Harness::BakeFontsIfStale() {
  // As the kiosk does between frames: only the current text size, glyphs for the texts shown (no GPU here).
  ImGuiIO& io = ImGui::GetIO();
  std::string error;
  if (app_ && !draw_) {
    if (app_->FontsStale() && !app_->BakeFonts(*io.Fonts, options_.height, TELLUS_FONT_DIR, error))
      throw std::runtime_error(error);
    return;
  }
  const int size = static_cast<int>(ui::CurrentSettings().text_size);
  if (ui::Fonts().text_size == size) return;
  ui::FontRequest request;
  request.text_size = size;
  request.display_height = options_.height;
  request.font_dir = TELLUS_FONT_DIR;
  ui::FontFaces faces;
  if (!ui::LoadFonts(*io.Fonts, request, faces, error)) throw std::runtime_error(error);
  ui::SetFonts(faces);
}

Harness::~Harness() {
  app_.reset();
  ImGui::DestroyContext(context_);
  ui::SetFonts({});
}

KioskApp& Harness::app() {
  if (!app_) throw std::logic_error("harness made with with_app = false");
  return *app_;
}

void Harness::DrawWith(std::function<void()> draw) { draw_ = std::move(draw); }

void Harness::OneFrame() {
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = static_cast<float>(kFrameSeconds);
  BakeFontsIfStale();
  ImGui::NewFrame();
  if (draw_ || !app_) {
    ui::BeginFrame(clock_.now_ms / 1000.0);
    if (draw_) draw_();
    ui::EndFrame();
  } else {
    app_->Frame(clock_);
  }
  ImGui::Render();
  io.InputQueueCharacters.resize(0);
  clock_.now_ms += static_cast<std::int64_t>(kFrameSeconds * 1000);
}

void Harness::Frame(int count) {
  for (int i = 0; i < count; ++i) OneFrame();
}

void Harness::Advance(double seconds) {
  std::int64_t left_ms = static_cast<std::int64_t>(seconds * 1000);
  while (left_ms > 0) {
    const std::int64_t step = std::min<std::int64_t>(left_ms, 1000);
    clock_.now_ms += step;
    const auto before = clock_.now_utc;
    clock_.now_utc = std::chrono::sys_seconds{
        std::chrono::floor<std::chrono::seconds>(before + std::chrono::milliseconds{step})};
    clock_.today = Date{std::chrono::floor<std::chrono::days>(clock_.now_utc)};
    left_ms -= step;
    OneFrame();
  }
}

const std::vector<ui::Node>& Harness::Nodes() const { return ui::LastFrameNodes(); }

std::vector<ui::Node> Harness::Interactive() const {
  std::vector<ui::Node> out;
  for (const auto& n : Nodes())
    if (n.interactive()) out.push_back(n);
  return out;
}

std::string Harness::Describe() const {
  std::ostringstream out;
  out << "screen " << (app_ ? app_->ScreenName() : std::string("(widgets)")) << ", " << Nodes().size()
      << " nodes:\n";
  for (const auto& n : Nodes()) {
    out << "  " << ui::ToString(n.role) << " " << Quote(n.label) << " id=" << n.id << " at (" << n.rect.x << ","
        << n.rect.y << " " << n.rect.w << "x" << n.rect.h << ")" << (n.enabled ? "" : " disabled")
        << (n.focused ? " focused" : "") << (n.selected ? " selected" : "") << "\n";
  }
  return out.str();
}

const ui::Node* Harness::TryFind(const std::string& label, std::optional<ui::Role> role) const {
  for (const auto& n : Nodes())
    if (n.label == label && (!role || n.role == *role)) return &n;
  return nullptr;
}

const ui::Node& Harness::Find(const std::string& label, std::optional<ui::Role> role) const {
  if (const ui::Node* n = TryFind(label, role)) return *n;
  throw std::runtime_error("no " + std::string(role ? ui::ToString(*role) : "node") + " labelled " + Quote(label) +
                           " on " + Describe());
}

const ui::Node* Harness::TryFindId(const std::string& id) const { return ui::FindNode(Nodes(), id); }

const ui::Node& Harness::FindId(const std::string& id) const {
  if (const ui::Node* n = TryFindId(id)) return *n;
  throw std::runtime_error("no node with id " + Quote(id) + " on " + Describe());
}

bool Harness::ShowsText(const std::string& text) const {
  return std::any_of(Nodes().begin(), Nodes().end(),
                     [&](const ui::Node& n) {
                       return n.label.find(text) != std::string::npos || n.value.find(text) != std::string::npos;
                     });
}

void Harness::EnsureVisible(const std::string& id) {
  const ui::Node n = FindId(id);
  // Docked items (keys, the bar, the dock) never scroll; anything else below the fold does.
  if (n.role == ui::Role::kKey || n.primary || n.id.rfind("bar.", 0) == 0) return;
  const float bottom = ui::ContentBottom();
  if (n.rect.y < 0 || n.rect.y + n.rect.h > bottom) {
    ui::SetFocus(id);                              // the widget scrolls itself into view
    Frame(3);
  }
}

void Harness::Press(const std::string& label, std::optional<ui::Role> role) {
  const ui::Node& n = Find(label, role);
  if (!n.enabled) throw std::runtime_error("node " + Quote(label) + " is disabled on " + Describe());
  const std::string id = n.id;
  PressId(id);
}

void Harness::PressId(const std::string& id_ref) {
  const std::string id = id_ref;                   // callers often pass a node's id, which the next frame replaces
  EnsureVisible(id);
  const ui::Node n = FindId(id);
  PressAt(n.rect.x + n.rect.w / 2, n.rect.y + n.rect.h / 2);
}

void Harness::PressAt(float x, float y) {
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x, y);
  io.MouseDown[0] = false;
  OneFrame();                                      // hover
  io.MouseDown[0] = true;
  OneFrame();                                      // press
  io.MouseDown[0] = false;
  OneFrame();                                      // release: the item reports a click
  OneFrame();                                      // the new state is drawn
}

void Harness::HoldAt(float x, float y, double seconds) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x, y);
  io.MouseDown[0] = true;
  Advance(seconds);
  io.MouseDown[0] = false;
  Frame(2);
}

void Harness::Type(const std::string& utf8) {
  ImGuiIO& io = ImGui::GetIO();
  for (size_t i = 0; i < utf8.size();) {
    unsigned cp = static_cast<unsigned char>(utf8[i]);
    int len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
    if (len > 1) {
      cp &= (0xFF >> (len + 1));
      for (int k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    io.AddInputCharacter(cp);
    i += len;
    OneFrame();
  }
  OneFrame();
}

void Harness::Key(int glfw_key, bool ctrl, bool alt, bool shift) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeyAlt = alt;
  io.KeyShift = shift;
  io.KeysDown[glfw_key] = true;
  OneFrame();
  io.KeysDown[glfw_key] = false;
  io.KeyCtrl = io.KeyAlt = io.KeyShift = false;
  OneFrame();
  OneFrame();
}

}  // namespace tellus::testing
