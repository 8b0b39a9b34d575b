// Kiosks (managers see, admins revoke), the purge (admins), the audit log (managers) and
// the staff accounts (admins).
#include <algorithm>
#include <ctime>

#include "sync/register/kiosk_health.h"
#include "sync/register/staff_web.h"

namespace tellus::reg {

namespace {

using kainjow::mustache::list;
using kainjow::mustache::object;

}  // namespace

HttpResponse StaffWeb::Kiosks(const HttpRequest& req, const Visitor& v) {
  std::vector<KioskRecord> kiosks;
  {
    std::lock_guard lock(storage_mutex_);
    kiosks = storage_.Kiosks();
  }
  const UtcTime now{std::chrono::seconds(now_())};
  list rows;
  for (const KioskRecord& k : kiosks) {
    const KioskHealth h = HealthOf(k, now);
    rows.push_back(object{{"number", std::to_string(k.number)},
                          {"name", k.name},
                          {"policy", k.policy.empty() ? "-" : k.policy},
                          {"last_contact", k.last_contact ? ToIsoUtc(*k.last_contact) : "never"},
                          {"waiting", std::to_string(k.waiting)},
                          {"lag", h.lag},
                          {"flag", h.flag.empty() ? "OK" : h.flag},
                          {"at_risk", h.at_risk},
                          {"revoked", k.revoked_at.has_value()},
                          {"can_revoke", v.account.role == StaffRole::kAdmin && !k.revoked_at}});
  }
  Data d;
  d.set("kiosks", rows);
  d.set("any", !kiosks.empty());
  d.set("csrf", v.session.csrf);
  d.set("done", Text(req.query_value("revoked").empty() ? "" : "Kiosk " + req.query_value("revoked") + " was revoked."));
  return Page(&v, "Kiosks", "kiosks", d);
}

HttpResponse StaffWeb::RevokeKiosk(const HttpRequest& req, const Visitor& v, const std::string& number) {
  const FormFields form = ParseForm(req.body);
  int n = 0;
  try {
    n = std::stoi(number);
  } catch (const std::exception&) {
    return Refusal(&v, 404, "No such kiosk", "There is no kiosk " + number + ".");
  }
  if (FieldOf(form, "confirm") != "yes") {
    return Confirm(v, "Confirm: revoke kiosk " + number,
                   "Revoke kiosk " + number + "? Its key stops working at once; items still waiting on it can only "
                   "come by USB bundle.",
                   "/staff/kiosks/" + number + "/revoke", form, "Yes, revoke the kiosk", "/staff/kiosks");
  }
  std::lock_guard lock(storage_mutex_);
  if (!storage_.RevokeKiosk(n, UtcNow())) {
    return Refusal(&v, 409, "Not revoked", "Kiosk " + number + " is unknown or already revoked.");
  }
  storage_.Audit(v.account.name, "revoke-kiosk", "", "kiosk " + number + " (staff pages)");
  return Redirect("/staff/kiosks?revoked=" + number);
}

HttpResponse StaffWeb::Purge(const HttpRequest& req, const Visitor& v) {
  Data d;
  d.set("csrf", v.session.csrf);
  if (req.method == "POST") {
    if (FieldOf(ParseForm(req.body), "confirm") != "yes") {
      return Refusal(&v, 400, "Not confirmed", "The purge needs its confirmation. Go back to the purge page.");
    }
    std::vector<std::string> gone;
    {
      std::lock_guard lock(storage_mutex_);
      gone = workflow_.Purge(v.account.name);
    }
    list done;
    for (const auto& ref : gone) done.push_back(object{{"reference", ref}});
    d.set("purged", done);
    d.set("purged_count", std::to_string(gone.size()));
    d.set("after", true);
    return Page(&v, "Purge", "purge", d);
  }
  std::vector<CaseRecord> due;
  {
    std::lock_guard lock(storage_mutex_);
    due = workflow_.PurgeDue();
  }
  list rows;
  for (const CaseRecord& c : due) {
    rows.push_back(object{{"reference", c.reference},
                          {"policy", c.policy_id},
                          {"closed", c.closed_at ? ToIso(LocalDateOf(*c.closed_at)) : "-"},
                          {"outcome", c.outcome ? ToString(*c.outcome) : "-"}});
  }
  d.set("due", rows);
  d.set("count", std::to_string(due.size()));
  d.set("any", !due.empty());
  return Page(&v, "Purge", "purge", d);
}

HttpResponse StaffWeb::AuditLog(const HttpRequest& req, const Visitor& v) {
  const std::string reference = req.query_value("reference"), actor = req.query_value("actor");
  const std::string action = req.query_value("action"), from = req.query_value("from"), to = req.query_value("to");
  std::vector<AuditEntry> entries;
  {
    std::lock_guard lock(storage_mutex_);
    entries = storage_.AuditLog(reference);
  }
  constexpr std::size_t kShown = 500;
  list rows;
  std::size_t matched = 0;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {   // newest first
    const AuditEntry& a = *it;
    if ((!actor.empty() && a.actor != actor) || (!action.empty() && a.action != action)) continue;
    const std::string day = a.at.substr(0, 10);
    if ((!from.empty() && day < from) || (!to.empty() && day > to)) continue;
    if (++matched > kShown) continue;
    rows.push_back(object{{"at", a.at}, {"actor", a.actor}, {"action", a.action}, {"reference", a.reference},
                          {"has_reference", !a.reference.empty()}, {"detail", a.detail}});
  }
  Data d;
  d.set("entries", rows);
  d.set("any", matched > 0);
  d.set("count", std::to_string(matched));
  d.set("more", matched > kShown);
  d.set("shown", std::to_string(kShown));
  d.set("reference", reference);
  d.set("actor", actor);
  d.set("action", action);
  d.set("from", from);
  d.set("to", to);
  return Page(&v, "Audit log", "audit", d);
}

HttpResponse StaffWeb::StaffList(const HttpRequest&, const Visitor& v) {
  std::vector<StaffAccount> staff;
  {
    std::lock_guard lock(staff_mutex_);
    staff = staff_.Staff();
  }
  const std::int64_t now = now_();
  list rows;
  for (const StaffAccount& s : staff) {
    rows.push_back(object{{"name", s.name},
                          {"role", ToString(s.role)},
                          {"policy", s.policy.empty() ? "any" : s.policy},
                          {"service", s.service.empty() ? "any" : s.service},
                          {"state", s.disabled ? "Disabled" : s.locked_until > now ? "Locked" : "Active"},
                          {"created", s.created_at.substr(0, 10)}});
  }
  Data d;
  d.set("staff", rows);
  return Page(&v, "Staff", "staff", d);
}

}  // namespace tellus::reg
