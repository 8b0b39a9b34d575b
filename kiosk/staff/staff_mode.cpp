#include "kiosk/staff/staff_mode.h"

#include <map>

#include "easyread/grammar.h"
#include "kiosk/ui/a11y.h"

namespace tellus {
namespace {

namespace ev = staff::ev;

const char* NoteKey(MenuNote note) {
  switch (note) {
    case MenuNote::kNone: return "";
    case MenuNote::kSending: return "staff.sending";
    case MenuNote::kUsbSaved: return "staff.usb_saved";
    case MenuNote::kUsbNoStick: return "staff.usb_none";
    case MenuNote::kUsbFailed: return "staff.usb_failed";
  }
  return "";
}

void DrawCancel(const Catalog& catalog, std::vector<StaffEvent>& out) {
  ui::ItemStyle cancel;
  cancel.shortcut = ui::Shortcut::kBack;
  cancel.pictogram = "back";
  if (ui::Button("staff.cancel", catalog.Text("staff.cancel"), catalog.Spoken("staff.cancel"), cancel))
    out.push_back(ev::Close{});
}

void DrawPinPad(const StaffState& s, const Catalog& catalog, std::vector<StaffEvent>& out) {
  auto text = [&](const std::string& key) { return catalog.Text(key); };
  auto spoken = [&](const std::string& key) { return catalog.Spoken(key); };
  ui::Heading(text("staff.title"), catalog.Entry("staff.title").pictogram);
  if (StaffLocked(s)) {
    ui::Sentence(catalog.Format("staff.locked", CountValues(catalog, "count", "minutes", "minutes", LockMinutesLeft(s))),
                 catalog.Entry("staff.locked").pictogram);
  } else {
    ui::Sentence(text("staff.enter_pin"), catalog.Entry("staff.enter_pin").pictogram);
    if (s.notice == PinNotice::kWrong) {
      ui::Sentence(catalog.Format("staff.wrong", CountValues(catalog, "count", "tries", "tries", PinTriesLeft(s))),
                   catalog.Entry("staff.wrong").pictogram);
    } else if (s.notice == PinNotice::kNoPin) {
      ui::Sentence(text("staff.no_pin"), catalog.Entry("staff.no_pin").pictogram);
    }
    // The PIN shows as stars; only its length is spoken.
    std::string shown = s.pin.empty() ? std::string(" ") : std::string(s.pin.size() * 2 - 1, ' ');
    for (size_t i = 0; i < s.pin.size(); ++i) shown[i * 2] = '*';
    ui::BigCode(shown);
    ui::SameLine();                                  // the way out beside the PIN, always in sight
    DrawCancel(catalog, out);
    const float key_w = 0.3f;
    for (int row = 0; row < 4; ++row) {
      for (int col = 0; col < 3; ++col) {
        std::string label;
        std::string id;
        if (row < 3) {
          label = std::to_string(row * 3 + col + 1);
          id = "staff.digit." + label;
        } else if (col == 0) {
          id = "staff.delete";
        } else if (col == 1) {
          label = "0";
          id = "staff.digit.0";
        } else {
          id = "staff.ok";
        }
        if (col > 0) ui::SameLine();
        ui::ItemStyle style;
        style.width_fraction = key_w;
        style.compact = true;
        if (id == "staff.delete") {
          if (ui::Button(id, text("staff.delete"), spoken("staff.delete"), style)) out.push_back(ev::Delete{});
        } else if (id == "staff.ok") {
          if (ui::Button(id, text("staff.ok"), spoken("staff.ok"), style)) out.push_back(ev::Ok{});
        } else if (ui::Button(id, label, label, style)) {
          out.push_back(ev::Digit{label[0]});
        }
      }
    }
  }
  if (StaffLocked(s)) DrawCancel(catalog, out);
}

void DrawMenu(const StaffState& s, const Catalog& catalog, const StaffInfo& info, std::vector<StaffEvent>& out) {
  auto text = [&](const std::string& key) { return catalog.Text(key); };
  auto spoken = [&](const std::string& key) { return catalog.Spoken(key); };
  ui::Heading(text("staff.menu_title"), catalog.Entry("staff.menu_title").pictogram);
  auto line = [&](const std::string& key, const std::map<std::string, std::string>& values) {
    ui::Sentence(catalog.Format(key, values), catalog.Entry(key).pictogram);
  };
  // The actions first, in one row, so they stay in sight at every text size; then what
  // staff need to know, in two columns.
  ui::ItemStyle send;
  send.pictogram = "send";
  send.width_fraction = 0.25f;
  send.enabled = info.sync_set_up;
  send.disabled_reason = text("staff.sync_not_set_up");
  if (ui::Button("staff.send_now", text("staff.send_now"), spoken("staff.send_now"), send))
    out.push_back(ev::SendNow{});
  ui::SameLine();
  ui::ItemStyle usb;
  usb.pictogram = "save";
  usb.width_fraction = 0.25f;
  usb.enabled = info.can_save_usb;
  if (ui::Button("staff.save_usb", text("staff.save_usb"), spoken("staff.save_usb"), usb))
    out.push_back(ev::SaveUsb{});
  ui::SameLine();
  ui::ItemStyle back;
  back.shortcut = ui::Shortcut::kBack;
  back.pictogram = "back";
  back.width_fraction = 0.25f;
  if (ui::Button("staff.close", text("staff.close"), spoken("staff.close"), back)) out.push_back(ev::Close{});
  ui::SameLine();
  ui::ItemStyle exit;
  exit.pictogram = "stop";
  exit.width_fraction = 0.25f;
  if (ui::Button("staff.exit", text("staff.exit"), spoken("staff.exit"), exit)) out.push_back(ev::Exit{});
  if (s.note != MenuNote::kNone) line(NoteKey(s.note), CountValues(catalog, "count", "messages", "messages", s.usb_saved));
  ui::BeginColumns(2);
  line("staff.kiosk", {{"number", std::to_string(info.kiosk_number)}});
  line("staff.kiosk_name", {{"name", info.kiosk_name}});
  line("staff.policy", {{"organisation", info.organisation}});
  line("staff.waiting", CountValues(catalog, "count", "messages", "messages", static_cast<long>(info.pending)));
  ui::NextColumn();
  if (!info.sync_set_up) {
    line("staff.sync_not_set_up", {});
  } else {
    if (info.last_success.empty()) line("staff.never_sent", {});
    else line("staff.last_success", {{"when", info.last_success}});
    if (!info.last_error_key.empty()) {
      line(info.last_error_key, {});
      ui::Sentence(info.last_error_detail, "info");   // the technical line, as the sync client gave it
    }
  }
  line(info.speech_on ? "staff.speech_on" : "staff.speech_off", {});
  if (!info.speech_on && !info.speech_status.empty()) ui::Sentence(info.speech_status, {});  // technical, for whoever fixes it
  line("staff.privacy", {});
  ui::EndColumns();
}

}  // namespace

void DrawStaff(const StaffState& state, const Catalog& catalog, const StaffInfo& info, std::vector<StaffEvent>& out) {
  if (!StaffActive(state)) return;
  ui::BeginPanel("staff");
  if (state.page == StaffPage::kPin) DrawPinPad(state, catalog, out);
  else DrawMenu(state, catalog, info, out);
  ui::EndPanel();
}

}  // namespace tellus
