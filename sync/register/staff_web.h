#pragma once
// The staff pages under /staff/, served by the register on the same listener and TLS as
// the kiosk API: server-rendered HTML that works without JavaScript, from Mustache
// templates (escaped by default) and a style sheet in sync/register/staff_web/. One named
// handler per page or action, each taking a plain HttpRequest, as the API's (server.h).
// Every case action calls the same CaseWorkflow functions as the command line, and the
// audit log names the signed-in person.
//
// [SECTION] index: routing and sessions (staff_web.cpp), queue (staff_queue_page.cpp),
// case page and actions (staff_case_page.cpp), reports (staff_report_page.cpp), kiosks,
// purge, audit log and staff (staff_admin_pages.cpp).
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <kainjow/mustache.hpp>

#include "sync/register/case_workflow.h"
#include "sync/register/http_form.h"
#include "sync/register/http_message.h"
#include "sync/register/register_keys.h"
#include "sync/register/staff_store.h"
#include "sync/register/storage.h"

namespace tellus::reg {

struct StaffWebOptions {
  std::string web_dir = TELLUS_STAFF_WEB_DIR;      // templates (*.mustache) and staff.css
  std::int64_t idle_seconds = 15 * 60;             // no request for this long: signed out
  std::int64_t longest_session_seconds = 12 * 3600;
  bool tls = false;                                // the listener speaks https: cookies are Secure
  std::size_t queue_page_size = 50;
};

class StaffWeb {
 public:
  // `storage_mutex` is the one the kiosk API holds around `storage` and `workflow`.
  // Throws std::runtime_error naming a template that is missing or does not parse.
  StaffWeb(RegisterStorage& storage, std::mutex& storage_mutex, CaseWorkflow& workflow, const RegisterKeys& keys,
           StaffStore& staff, StaffWebOptions options, std::function<std::int64_t()> now = nullptr);

  HttpResponse Handle(const HttpRequest& req);     // any path starting /staff

 private:
  using Data = kainjow::mustache::data;
  struct Visitor {
    StaffAccount account;
    StaffSession session;
  };

  // Pages and actions, one handler each.
  HttpResponse StyleSheet(const HttpRequest& req);
  HttpResponse SignInPage(const HttpRequest& req, const std::string& message = "");
  HttpResponse SignInSubmit(const HttpRequest& req);
  HttpResponse SignOut(const HttpRequest& req, const Visitor& v);
  HttpResponse Queue(const HttpRequest& req, const Visitor& v);
  HttpResponse CasePage(const HttpRequest& req, const Visitor& v, const std::string& reference,
                        const std::string& error = "");
  HttpResponse CaseAudio(const HttpRequest& req, const Visitor& v, const std::string& reference,
                         const std::string& question);
  HttpResponse CaseAction(const HttpRequest& req, const Visitor& v, const std::string& reference,
                          const std::string& action);
  HttpResponse Kiosks(const HttpRequest& req, const Visitor& v);
  HttpResponse RevokeKiosk(const HttpRequest& req, const Visitor& v, const std::string& number);
  HttpResponse Reports(const HttpRequest& req, const Visitor& v);
  HttpResponse ReportsCsv(const HttpRequest& req, const Visitor& v);
  HttpResponse Purge(const HttpRequest& req, const Visitor& v);
  HttpResponse AuditLog(const HttpRequest& req, const Visitor& v);
  HttpResponse StaffList(const HttpRequest& req, const Visitor& v);

  // Sessions.
  std::optional<Visitor> SessionOf(const HttpRequest& req, std::string& why_not);
  HttpResponse StartSession(const HttpRequest& req, const StaffAccount& account);
  std::string CookieAttributes(const HttpRequest& req) const;

  // Rendering. Text() is a string for a template, or false when empty: a Mustache section
  // ({{#x}}...{{/x}}) shows for any string, even an empty one.
  static Data Text(const std::string& text) { return text.empty() ? Data(false) : Data(text); }
  std::string Render(const std::string& name, const Data& data) const;
  HttpResponse Page(const Visitor* v, const std::string& title, const std::string& name, Data data,
                    int status = 200) const;
  HttpResponse Refusal(const Visitor* v, int status, const std::string& title, const std::string& detail) const;
  HttpResponse Confirm(const Visitor& v, const std::string& title, const std::string& question,
                       const std::string& action_path, const FormFields& fields, const std::string& yes_label,
                       const std::string& back_path) const;
  static HttpResponse Redirect(const std::string& to);

  RegisterStorage& storage_;
  std::mutex& storage_mutex_;
  CaseWorkflow& workflow_;
  const RegisterKeys& keys_;
  StaffStore& staff_;
  std::mutex staff_mutex_;                         // the staff store is not thread-safe
  StaffWebOptions options_;
  std::function<std::int64_t()> now_;
  std::map<std::string, std::string> templates_;   // name -> Mustache text, read once
  std::string style_sheet_;
};

}  // namespace tellus::reg
