// tellus-register serve.
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <iostream>
#include <thread>

#include "sync/register/commands.h"
#include "sync/register/server.h"
#include "sync/register/open_storage.h"

namespace tellus::reg {

namespace {

struct ServeArgs {
  std::string db, listen = "127.0.0.1:8470", cert, key;
  std::string policies = std::string(TELLUS_ASSETS_DIR) + "/policies";
  std::string holidays = std::string(TELLUS_ASSETS_DIR) + "/holidays";
  StaffWebOptions staff;   // the staff pages (/staff/)
  ServerOptions options;   // limits from the command line; address, port and TLS set in Serve
};

// Idle connections cost file descriptors, not threads: allow as many as the hard limit lets us.
void RaiseFileLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

void Serve(const ServeArgs& args) {
  auto [host, port] = ParseListen(args.listen);
  RegisterKeys keys = LoadRegisterKeys(KeysPathFor(args.db));
  auto storage = OpenRegisterStorage(args.db);
  PolicyBook policies(args.policies, args.holidays);
  ServerOptions options = args.options;   // the body cap stays the protocol's (no flag sets it)
  options.host = host;
  options.port = port;
  options.cert_file = args.cert;
  options.key_file = args.key;
  RaiseFileLimit();
  ::signal(SIGPIPE, SIG_IGN);   // a client gone mid-reply is that connection's problem only

  // SIGINT/SIGTERM are taken by a waiting thread that stops the server cleanly;
  // block them before any server thread exists so they all inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  RegisterServer server(*storage, keys, policies, options);
  auto staff = OpenStaffStore(args.db);
  server.EnableStaffPages(*staff, args.staff);
  int bound = server.Bind();
  std::cout << bound << std::endl;   // the port alone on the first line, for scripts and tests
  std::cerr << "tellus-register: listening on " << (args.cert.empty() ? "http://" : "https://") << host << ":"
            << bound << "\n";
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.Stop();
  });
  server.Run();
  // Run returned without a signal (a listen error): wake the stopper so it can be joined.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto* serve = app.add_subcommand("serve", "Serve the register API to kiosks, and the staff pages under /staff/");
  static ServeArgs args;
  serve->add_option("--db", args.db, "Register database")->required();
  serve->add_option("--listen", args.listen, "ADDR:PORT; port 0 picks a free port and prints it")
      ->capture_default_str();
  serve->add_option("--cert", args.cert, "TLS certificate (PEM); required off loopback");
  serve->add_option("--key", args.key, "TLS private key (PEM)");
  serve->add_option("--max-connections-per-address", args.options.limits.max_connections_per_address,
                    "Connections one client address may hold open; raise it behind a reverse proxy")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  serve->add_option("--idle-timeout", args.options.limits.idle_timeout_seconds,
                    "Seconds a connection may stay silent before it is closed")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve->add_option("--header-time-limit", args.options.limits.header_time_limit_seconds,
                    "Seconds from connecting (or the previous reply) to the end of a request's headers")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve->add_option("--body-time-limit", args.options.limits.body_time_limit_seconds,
                    "Seconds from the end of the headers to the end of the body")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve->add_option("--policies", args.policies, "Folder of policy files")->capture_default_str();
  serve->add_option("--holidays", args.holidays, "Folder of bank-holiday files")->capture_default_str();
  serve->add_option("--failed-lookups-per-kiosk-per-minute", args.options.failed_lookups_per_kiosk_per_minute,
                    "Wrong tracking codes a kiosk may send a minute before it is slowed (a right one always opens)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve->add_option("--failed-lookups-per-reference-per-hour", args.options.failed_lookups_per_reference_per_hour,
                    "Wrong tracking codes for one reference an hour before guessers are slowed")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve->add_option("--submissions-per-kiosk-per-hour", args.options.submissions_per_kiosk_per_hour,
                    "Items a kiosk may send an hour; past it the kiosk keeps them and retries")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve->add_option("--staff-web", args.staff.web_dir, "Folder of the staff pages' templates and style sheet")
      ->capture_default_str();
  serve->add_option("--staff-idle-timeout", args.staff.idle_seconds,
                    "Seconds without a request before a staff member is signed out of the staff pages")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 3600));
  serve->callback([] { Serve(args); });
}

}  // namespace tellus::reg
