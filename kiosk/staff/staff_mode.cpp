#include "kiosk/staff/staff_mode.h"

#include <cmath>
#include <iostream>

#include "core/model.h"
#include "core/seal.h"
#include "core/store.h"
#include "kiosk/ui/a11y.h"

namespace tellus {

StaffMode::StaffMode(std::string pin_hash, Store* store) : pin_hash_(std::move(pin_hash)), store_(store) {
  if (!store_) return;
  try {
    if (auto saved = store_->GetSetting(kStaffLockSetting)) {
      if (auto parsed = StaffLock::Parse(*saved)) {
        lock_ = *parsed;
      } else {
        std::cerr << "tellus-kiosk: staff lock setting unreadable; starting a fresh count\n";
      }
    }
  } catch (const StoreError& e) {
    std::cerr << "tellus-kiosk: cannot read the staff lock: " << e.what() << "\n";
  }
}

void StaffMode::SaveLock() {
  if (!store_) return;
  try {
    store_->SetSetting(kStaffLockSetting, lock_.Serialise());
  } catch (const StoreError& e) {
    std::cerr << "tellus-kiosk: cannot save the staff lock: " << e.what() << "\n";
  }
}

void StaffMode::TrackCorner(bool pointer_down, float x, float y, float corner_size, double now_s) {
  if (active()) return;
  if (!pointer_down || x < 0 || y < 0 || x > corner_size || y > corner_size) {
    hold_started_ = -1;
    return;
  }
  if (hold_started_ < 0) hold_started_ = now_s;
  if (now_s - hold_started_ >= kHoldSeconds) Open(now_s);
}

double StaffMode::NextDeadline() const {
  if (hold_started_ >= 0 && !active()) return hold_started_ + kHoldSeconds;
  if (active()) return last_input_ + kIdleCloseSeconds;
  return -1;
}

void StaffMode::Open(double now_s) {
  page_ = Page::kPin;
  hold_started_ = -1;
  last_input_ = now_s;
  WipeString(pin_);
  message_key_.clear();
}

void StaffMode::Close() {
  page_ = Page::kClosed;
  WipeString(pin_);
  message_key_.clear();
  result_key_.clear();
  result_values_.clear();
}

StaffMode::MenuAction StaffMode::TakeAction() {
  MenuAction action = action_;
  action_ = MenuAction::kNone;
  return action;
}

void StaffMode::ShowResult(std::string key, std::map<std::string, std::string> values) {
  result_key_ = std::move(key);
  result_values_ = std::move(values);
}

void StaffMode::SubmitPin(const std::string& pin, std::int64_t now_unix) {
  if (lock_.Locked(now_unix)) {
    message_key_ = "staff.locked";
    return;
  }
  if (pin_hash_.empty()) {
    message_key_ = "staff.no_pin";
    return;
  }
  const bool ok = VerifySecret(pin_hash_, pin);
  lock_.Attempt(ok, now_unix);
  SaveLock();
  if (ok) {
    page_ = Page::kMenu;
    message_key_.clear();
  } else if (lock_.Locked(now_unix)) {
    message_key_ = "staff.locked";
  } else {
    tries_left_ = StaffLock::kMaxFailures - lock_.failures();
    message_key_ = "staff.wrong";
  }
}

void StaffMode::Draw(const Catalog& catalog, const StaffInfo& info, std::int64_t now_unix, double now_s) {
  if (!active()) return;
  if (ui::InputThisFrame()) last_input_ = now_s;
  if (now_s - last_input_ > kIdleCloseSeconds) {
    Close();                                       // left open: back to the kiosk
    return;
  }
  auto text = [&](const std::string& key) { return catalog.Text(key); };
  auto spoken = [&](const std::string& key) { return catalog.Spoken(key); };
  ui::BeginPanel("staff");
  if (page_ == Page::kPin) {
    ui::Heading(text("staff.title"), catalog.Entry("staff.title").pictogram);
    if (lock_.Locked(now_unix)) {
      const std::string minutes = std::to_string((lock_.SecondsLeft(now_unix) + 59) / 60);
      ui::Sentence(catalog.Format("staff.locked", {{"minutes", minutes}}), catalog.Entry("staff.locked").pictogram);
    } else {
      ui::Sentence(text("staff.enter_pin"), catalog.Entry("staff.enter_pin").pictogram);
      if (message_key_ == "staff.wrong") {
        ui::Sentence(catalog.Format("staff.wrong", {{"left", std::to_string(tries_left_)}}),
                     catalog.Entry("staff.wrong").pictogram);
      } else if (message_key_ == "staff.no_pin") {
        ui::Sentence(text("staff.no_pin"), catalog.Entry("staff.no_pin").pictogram);
      }
      // The PIN shows as stars; only its length is spoken.
      const std::string stars = pin_.empty() ? std::string(" ") : std::string(pin_.size() * 2 - 1, ' ');
      std::string shown = stars;
      for (size_t i = 0; i < pin_.size(); ++i) shown[i * 2] = '*';
      ui::BigCode(shown);
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
          if (id == "staff.delete") {
            if (ui::Button(id, text("staff.delete"), spoken("staff.delete"), style) && !pin_.empty()) {
              pin_.back() = '\0';
              pin_.pop_back();
            }
          } else if (id == "staff.ok") {
            style.primary = true;
            if (ui::Button(id, text("staff.ok"), spoken("staff.ok"), style)) {
              SubmitPin(pin_, now_unix);
              WipeString(pin_);
            }
          } else if (ui::Button(id, label, label, style) && static_cast<int>(pin_.size()) < kMaxPinLength) {
            pin_ += label;
          }
        }
      }
    }
    ui::ItemStyle cancel;
    cancel.shortcut = ui::Shortcut::kBack;
    cancel.pictogram = "back";
    if (ui::Button("staff.cancel", text("staff.cancel"), spoken("staff.cancel"), cancel)) Close();
  } else if (page_ == Page::kMenu) {
    ui::Heading(text("staff.menu_title"), catalog.Entry("staff.menu_title").pictogram);
    auto line = [&](const std::string& key, const std::map<std::string, std::string>& values) {
      ui::Sentence(catalog.Format(key, values), catalog.Entry(key).pictogram);
    };
    line("staff.kiosk", {{"number", std::to_string(info.kiosk_number)}});
    line("staff.kiosk_name", {{"name", info.kiosk_name}});
    line("staff.policy", {{"organisation", info.organisation}});
    line("staff.waiting", {{"count", std::to_string(info.pending)}});
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
    ui::ItemStyle send;
    send.pictogram = "send";
    send.width_fraction = 0.5f;
    send.enabled = info.sync_set_up;
    if (ui::Button("staff.send_now", text("staff.send_now"), spoken("staff.send_now"), send))
      action_ = MenuAction::kSendNow;
    ui::SameLine();
    ui::ItemStyle usb;
    usb.pictogram = "save";
    usb.width_fraction = 0.5f;
    usb.enabled = info.can_save_usb;
    if (ui::Button("staff.save_usb", text("staff.save_usb"), spoken("staff.save_usb"), usb))
      action_ = MenuAction::kSaveUsb;
    if (!result_key_.empty()) line(result_key_, result_values_);
    ui::ItemStyle back;
    back.shortcut = ui::Shortcut::kBack;
    back.pictogram = "back";
    back.width_fraction = 0.5f;
    if (ui::Button("staff.close", text("staff.close"), spoken("staff.close"), back)) Close();
    ui::SameLine();
    ui::ItemStyle exit;
    exit.pictogram = "stop";
    exit.width_fraction = 0.5f;
    if (ui::Button("staff.exit", text("staff.exit"), spoken("staff.exit"), exit)) exit_requested_ = true;
  }
  ui::EndPanel();
}

}  // namespace tellus
