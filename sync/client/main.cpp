// tellus-sync: the kiosk's sync from a shell, for offices without the kiosk's staff
// screen at hand, scripts and the demo. The same client the kiosk runs.
// `send` exits 0 when the outbox is empty (everything delivered), 2 when the register
// could not take items now (not reached, storage trouble, rate limit: nothing is lost,
// try again), 3 when the register refused items (each named with its reason on stderr;
// they stay in the outbox), 1 for anything else (bad arguments, unreadable files).
#include <CLI/CLI.hpp>

#include <iostream>

#include "core/kiosk_identity.h"
#include "core/store.h"
#include "sync/client/register_client.h"
#include "sync/client/sync_client.h"

using namespace tellus;

int main(int argc, char** argv) {
  CLI::App app{"Tell Us kiosk sync"};
  app.require_subcommand(1);
  std::string identity_path, outbox, out, reference, code;

  auto* send = app.add_subcommand("send", "Send every waiting item to the register now");
  auto* status = app.add_subcommand("status", "Waiting items, attempts and last errors (nothing personal)");
  auto* exporter = app.add_subcommand("export", "Save every waiting item to a signed bundle file (USB)");
  auto* check = app.add_subcommand("check", "Ask the register about a case, with its reference and tracking code");
  auto* health = app.add_subcommand("health", "Is the register answering?");
  for (auto* cmd : {send, status, exporter, check, health}) {
    cmd->add_option("--identity", identity_path, "Kiosk identity file from enroll-kiosk")->required();
  }
  for (auto* cmd : {send, status, exporter}) cmd->add_option("--outbox", outbox, "Kiosk outbox database")->required();
  exporter->add_option("--out", out, "Bundle file to write")->required();
  check->add_option("REF", reference)->required();
  check->add_option("CODE", code)->required();

  try {
    app.parse(argc, argv);
    KioskIdentity identity = LoadKioskIdentity(identity_path);
    if (*send) {
      Store store = Store::Open(outbox);
      sync::SyncClient client(identity, outbox);
      sync::DrainResult r = client.DrainAll(store);
      std::int64_t waiting = store.PendingCount();
      std::cout << r.acknowledged << " sent, " << waiting << " waiting\n";
      if (r.failed) {
        std::cerr << "tellus-sync: could not deliver now: " << (r.error.empty() ? "no reason given" : r.error) << "\n"
                  << "tellus-sync: " << waiting << " item(s) kept in the outbox; nothing is lost; try again later\n";
        return 2;
      }
      if (waiting > 0) {
        for (const OutboxItem& item : store.Pending(1000)) {
          std::cerr << "tellus-sync: " << item.clear.reference << " refused by the register: "
                    << (item.last_error.empty() ? "no reason given" : item.last_error) << "\n";
        }
        std::cerr << "tellus-sync: " << waiting << " item(s) kept in the outbox for staff to look at\n";
        return 3;
      }
    } else if (*status) {
      Store store = Store::Open(outbox);
      std::cout << store.PendingCount() << " waiting; last success "
                << store.GetSetting("sync.last_success").value_or("never") << "; last export "
                << store.GetSetting("sync.last_export").value_or("never") << "\n";
      for (const OutboxItem& item : store.Pending(1000)) {
        std::cout << "  " << item.clear.reference << "  sent at kiosk " << item.clear.submitted_at << "  attempts "
                  << item.attempts << (item.last_error.empty() ? "" : "  last error: " + item.last_error) << "\n";
      }
    } else if (*exporter) {
      Store store = Store::Open(outbox);
      std::cout << sync::ExportBundle(store, identity, out) << " item(s) written to " << out << "\n";
    } else if (*check) {
      sync::RegisterClient client(identity);
      proto::CaseStatus s = client.Status(reference, code);
      std::cout << s.reference << ": " << ToString(s.kind) << ", " << ToString(s.state)
                << (s.outcome ? " (" + ToString(*s.outcome) + ")" : "")
                << "\n  stage " << (s.stage_name.empty() ? "-" : s.stage_name) << "\n  acknowledge by "
                << (s.acknowledge_by.empty() ? "-" : s.acknowledge_by) << ", answer by "
                << (s.respond_by.empty() ? "-" : s.respond_by) << "\n";
      if (!s.latest_reply.empty()) std::cout << "  reply: " << s.latest_reply << "\n";
      if (s.can_escalate) {
        std::cout << "  may ask for " << s.next_stage_name << (s.escalate_by.empty() ? "" : " until " + s.escalate_by)
                  << "\n";
      }
    } else if (*health) {
      sync::RegisterClient client(identity);
      bool ok = client.Healthy();
      std::cout << identity.register_url << (ok ? " is answering\n" : " is not answering\n");
      return ok ? 0 : 1;
    }
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "tellus-sync: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
