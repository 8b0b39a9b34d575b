// The staff pages: routing, sessions, CSRF and rendering. Pages live in staff_*_page.cpp.
#include "sync/register/staff_web.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sync/register/log_text.h"
#include "sync/register/staff_auth.h"

namespace tellus::reg {

namespace {

constexpr const char* kSessionCookie = "tellus_staff";
constexpr const char* kSignInCookie = "tellus_signin";   // the sign-in form's CSRF token (double submit)
constexpr const char* kHtml = "text/html; charset=utf-8";

using kainjow::mustache::list;
using kainjow::mustache::mustache;
using kainjow::mustache::object;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read the staff pages' file (see --staff-web)");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Harden(HttpResponse& res) {
  // Nothing from another origin, nothing framed, nothing cached: pages hold personal data.
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; media-src 'self'; frame-ancestors 'none'; "
                 "form-action 'self'; base-uri 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

// "/staff/case/NS-1-0001/reply" -> {"case", "NS-1-0001", "reply"}
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = std::string("/staff/").size();
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace

StaffWeb::StaffWeb(RegisterStorage& storage, std::mutex& storage_mutex, CaseWorkflow& workflow,
                   const RegisterKeys& keys, StaffStore& staff, StaffWebOptions options,
                   std::function<std::int64_t()> now)
    : storage_(storage),
      storage_mutex_(storage_mutex),
      workflow_(workflow),
      keys_(keys),
      staff_(staff),
      options_(std::move(options)),
      now_(now ? std::move(now) : [] { return static_cast<std::int64_t>(std::time(nullptr)); }) {
  const std::filesystem::path dir = options_.web_dir;
  for (const char* name : {"layout", "sign_in", "refusal", "confirm", "queue", "case", "kiosks", "reports", "purge",
                           "audit", "staff"}) {
    std::string text = ReadFile(dir / (std::string(name) + ".mustache"));
    mustache parsed(text);
    if (!parsed.is_valid()) throw std::runtime_error((dir / name).string() + ".mustache: " + parsed.error_message());
    templates_[name] = std::move(text);
  }
  style_sheet_ = ReadFile(dir / "staff.css");
}

std::string StaffWeb::Render(const std::string& name, const Data& data) const {
  mustache tmpl(templates_.at(name));   // parsed per render: a mustache object is not safe to share between threads
  return tmpl.render(data);
}

HttpResponse StaffWeb::Page(const Visitor* v, const std::string& title, const std::string& name, Data data,
                            int status) const {
  Data layout;
  layout.set("title", title);
  layout.set("body", Render(name, data));
  if (v) {
    layout.set("signed_in", true);
    layout.set("who", v->account.name);
    layout.set("role", ToString(v->account.role));
    layout.set("csrf", v->session.csrf);
    list nav;
    auto item = [&](const char* href, const char* label, const char* page) {
      nav.push_back(object{{"href", href}, {"label", label}, {"current", name == page}});
    };
    item("/staff/", "Queue", "queue");
    if (v->account.role != StaffRole::kHandler) {
      item("/staff/reports", "Reports", "reports");
      item("/staff/kiosks", "Kiosks", "kiosks");
      item("/staff/audit", "Audit log", "audit");
    }
    if (v->account.role == StaffRole::kAdmin) {
      item("/staff/purge", "Purge", "purge");
      item("/staff/staff", "Staff", "staff");
    }
    layout.set("nav", nav);
  }
  HttpResponse res;
  res.status = status;
  res.set_content(Render("layout", layout), kHtml);
  Harden(res);
  return res;
}

HttpResponse StaffWeb::Refusal(const Visitor* v, int status, const std::string& title,
                               const std::string& detail) const {
  Data d;
  d.set("title", title);
  d.set("detail", detail);
  return Page(v, title, "refusal", d, status);
}

HttpResponse StaffWeb::Confirm(const Visitor& v, const std::string& title, const std::string& question,
                               const std::string& action_path, const FormFields& fields, const std::string& yes_label,
                               const std::string& back_path) const {
  Data d;
  d.set("title", title);
  d.set("question", question);
  d.set("action", action_path);
  d.set("csrf", v.session.csrf);
  d.set("yes", yes_label);
  d.set("back", back_path);
  list shown, hidden;
  for (const auto& [name, value] : fields) {
    if (name == "csrf" || name == "confirm") continue;
    hidden.push_back(object{{"name", name}, {"value", value}});
    // What each field is called on the form it came from.
    static const std::map<std::string, std::string> kLabels = {
        {"text", "Reply"}, {"sent_by", "Also sent by"}, {"to", "To"}, {"reason", "Why"}, {"outcome", "Outcome"}};
    auto label = kLabels.find(name);
    if (!value.empty()) shown.push_back(object{{"name", label == kLabels.end() ? name : label->second}, {"value", value}});
  }
  d.set("fields", hidden);
  d.set("shown", shown);
  return Page(&v, title, "confirm", d);
}

HttpResponse StaffWeb::Redirect(const std::string& to) {
  HttpResponse res;
  res.status = 303;
  res.set_header("Location", to);
  res.set_content("", kHtml);
  Harden(res);
  return res;
}

HttpResponse StaffWeb::StyleSheet(const HttpRequest&) {
  HttpResponse res;
  res.set_content(style_sheet_, "text/css; charset=utf-8");
  res.set_header("X-Content-Type-Options", "nosniff");
  return res;
}

std::string StaffWeb::CookieAttributes(const HttpRequest& req) const {
  // Secure whenever the browser reached us over https (directly, or through a proxy that says so);
  // plain http is only ever served on loopback (server.cpp), where a Secure cookie would not come back.
  const bool https = options_.tls || req.get_header_value("X-Forwarded-Proto") == "https";
  return std::string("; HttpOnly; SameSite=Strict") + (https ? "; Secure" : "");
}

// The visitor of a request with a live session, or nullopt and why (for the sign-in page).
std::optional<StaffWeb::Visitor> StaffWeb::SessionOf(const HttpRequest& req, std::string& why_not) {
  const std::string token = CookieOf(req.get_header_value("Cookie"), kSessionCookie);
  if (token.empty()) return std::nullopt;
  const std::int64_t now = now_();
  std::lock_guard lock(staff_mutex_);
  auto session = staff_.FindSession(TokenHash(token));
  if (!session) {
    why_not = "You were signed out. Sign in again to go on.";
    return std::nullopt;
  }
  if (now - session->last_seen > options_.idle_seconds) {
    staff_.EndSession(session->token_hash);
    why_not = "You were signed out because nothing happened for " + std::to_string(options_.idle_seconds / 60) +
              " minutes. Sign in again to go on; anything you had not sent was not saved.";
    return std::nullopt;
  }
  if (now - session->created > options_.longest_session_seconds) {
    staff_.EndSession(session->token_hash);
    why_not = "You were signed out because you signed in over " +
              std::to_string(options_.longest_session_seconds / 3600) + " hours ago. Sign in again to go on.";
    return std::nullopt;
  }
  auto account = staff_.FindStaff(session->name);
  if (!account || account->disabled) {
    staff_.EndSession(session->token_hash);
    why_not = "This account was disabled. Ask an admin.";
    return std::nullopt;
  }
  staff_.TouchSession(session->token_hash, now);
  session->last_seen = now;
  return Visitor{*account, *session};
}

HttpResponse StaffWeb::StartSession(const HttpRequest& req, const StaffAccount& account) {
  const std::string token = NewToken();
  const std::int64_t now = now_();
  {
    std::lock_guard lock(staff_mutex_);
    staff_.AddSession({TokenHash(token), account.name, NewToken(), now, now});
  }
  {
    std::lock_guard lock(storage_mutex_);
    storage_.Audit(account.name, "sign-in", "", "staff pages, from " + EscapeForLog(req.peer, 64));
  }
  HttpResponse res = Redirect("/staff/");
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token + "; Path=/staff" + CookieAttributes(req));
  res.set_header("Set-Cookie", std::string(kSignInCookie) + "=; Path=/staff/sign-in; Max-Age=0" + CookieAttributes(req));
  return res;
}

HttpResponse StaffWeb::SignInPage(const HttpRequest& req, const std::string& message) {
  const std::string token = NewToken();
  Data d;
  d.set("csrf", token);
  d.set("message", Text(message));
  d.set("name", FieldOf(ParseForm(req.body), "name"));
  HttpResponse res = Page(nullptr, "Sign in", "sign_in", d, message.empty() || req.method == "GET" ? 200 : 401);
  res.set_header("Set-Cookie", std::string(kSignInCookie) + "=" + token + "; Path=/staff/sign-in" + CookieAttributes(req));
  return res;
}

HttpResponse StaffWeb::SignInSubmit(const HttpRequest& req) {
  const FormFields form = ParseForm(req.body);
  if (!SameToken(FieldOf(form, "csrf"), CookieOf(req.get_header_value("Cookie"), kSignInCookie))) {
    return Refusal(nullptr, 403, "This form was refused",
                   "The sign-in form was out of date or did not come from this page. Open the sign-in page again "
                   "and sign in from there.");
  }
  SignInResult result;
  {
    std::lock_guard lock(staff_mutex_);
    result = SignIn(staff_, FieldOf(form, "name"), FieldOf(form, "password"), now_());
  }
  if (result.verdict != SignInVerdict::kOk) {
    std::lock_guard lock(storage_mutex_);
    storage_.Audit(EscapeForLog(FieldOf(form, "name"), 64), "sign-in-refused", "",
                   result.verdict == SignInVerdict::kLocked ? "locked" : "wrong name or password");
  }
  if (result.verdict != SignInVerdict::kOk) return SignInPage(req, SignInMessage(result));
  return StartSession(req, result.account);
}

HttpResponse StaffWeb::SignOut(const HttpRequest& req, const Visitor& v) {
  {
    std::lock_guard lock(staff_mutex_);
    staff_.EndSession(v.session.token_hash);
  }
  HttpResponse res = Redirect("/staff/sign-in?signed-out=1");
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/staff; Max-Age=0" + CookieAttributes(req));
  return res;
}

HttpResponse StaffWeb::Handle(const HttpRequest& req) {
  if (req.path == "/staff") return Redirect("/staff/");
  if (req.path == "/staff/static/staff.css" && req.method == "GET") return StyleSheet(req);
  if (req.path == "/staff/sign-in") {
    if (req.method == "POST") return SignInSubmit(req);
    std::string message;
    if (req.query_value("signed-out") == "1") message = "You are signed out.";
    return SignInPage(req, message);
  }
  std::string why_not;
  std::optional<Visitor> visitor = SessionOf(req, why_not);
  if (!visitor) {
    if (why_not.empty()) return Redirect("/staff/sign-in");
    HttpResponse res = SignInPage(req, why_not);
    res.status = 401;
    return res;
  }
  const Visitor& v = *visitor;
  const bool post = req.method == "POST";
  FormFields form;
  if (post) {
    form = ParseForm(req.body);
    if (!SameToken(FieldOf(form, "csrf"), v.session.csrf)) {
      return Refusal(&v, 403, "This form was refused",
                     "The form did not carry this session's security token, so nothing was changed. Go back, reload "
                     "the page and try again.");
    }
  }
  const std::vector<std::string> parts = Segments(req.path);
  const bool manager = v.account.role != StaffRole::kHandler;
  const bool admin = v.account.role == StaffRole::kAdmin;
  auto forbidden = [&] {
    return Refusal(&v, 403, "Not for your role",
                   "Your account (" + ToString(v.account.role) + ") cannot open this page. Ask a manager or an admin.");
  };
  if (parts.empty() && !post) return Queue(req, v);
  if (parts.size() == 1 && parts[0] == "sign-out" && post) return SignOut(req, v);
  if (!parts.empty() && parts[0] == "case" && parts.size() >= 2) {
    if (parts.size() == 2 && !post) return CasePage(req, v, parts[1]);
    if (parts.size() == 4 && parts[2] == "audio" && !post) return CaseAudio(req, v, parts[1], parts[3]);
    if (parts.size() == 3 && post) return CaseAction(req, v, parts[1], parts[2]);
  }
  if (parts.size() == 1 && parts[0] == "reports" && !post) return manager ? Reports(req, v) : forbidden();
  if (parts.size() == 1 && parts[0] == "reports.csv" && !post) return manager ? ReportsCsv(req, v) : forbidden();
  if (parts.size() == 1 && parts[0] == "kiosks" && !post) return manager ? Kiosks(req, v) : forbidden();
  if (parts.size() == 3 && parts[0] == "kiosks" && parts[2] == "revoke" && post) {
    return admin ? RevokeKiosk(req, v, parts[1]) : forbidden();
  }
  if (parts.size() == 1 && parts[0] == "audit" && !post) return manager ? AuditLog(req, v) : forbidden();
  if (parts.size() == 1 && parts[0] == "purge") return admin ? Purge(req, v) : forbidden();
  if (parts.size() == 1 && parts[0] == "staff" && !post) return admin ? StaffList(req, v) : forbidden();
  return Refusal(&v, 404, "No such page", "There is no staff page at this address. Go back to the queue.");
}

}  // namespace tellus::reg
