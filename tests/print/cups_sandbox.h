#pragma once
// A real CUPS for the print tests. As root: a private cupsd in a temp folder (its own
// socket, spool and logs; PreserveJobFiles No and PreserveJobHistory No as the README
// tells kiosks to set) with a cups-pdf queue writing into that folder. Otherwise: the
// system's cupsd with a cups-pdf queue the test makes (writing to ~/PDF), or a reason to skip.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace tellus::print_testing {

class CupsSandbox {
 public:
  CupsSandbox() {
    queue_ = "tellus-test-" + std::to_string(getpid());
    if (access("/usr/sbin/cupsd", X_OK) != 0 || access("/usr/lib/cups/backend/cups-pdf", F_OK) != 0) {
      skip_ = "cups or printer-driver-cups-pdf is not installed (scripts/install-deps installs them)";
      return;
    }
    if (geteuid() == 0) StartOwn();
    else UseSystem();
  }

  ~CupsSandbox() {
    if (!skip_.empty() && cupsd_ <= 0 && !made_queue_) return;
    if (made_queue_) Shell("lpadmin -x " + queue_);
    if (cupsd_ > 0) {
      kill(cupsd_, SIGTERM);
      int status = 0;
      waitpid(cupsd_, &status, 0);
    }
    std::error_code ec;
    std::filesystem::remove("/etc/cups/cups-pdf-" + queue_ + ".conf", ec);
    std::filesystem::remove("/var/log/cups/cups-pdf-" + queue_ + "_log", ec);
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
    if (had_server_) setenv("CUPS_SERVER", old_server_.c_str(), 1);
    else unsetenv("CUPS_SERVER");
  }

  const std::string& skip_reason() const { return skip_; }
  const std::string& queue() const { return queue_; }
  const std::string& out_dir() const { return out_; }     // where cups-pdf writes what it "prints"
  const std::string& spool_dir() const { return spool_; } // empty with the system's cupsd
  // Runs a CUPS command against this server; true when it exits 0.
  bool Shell(const std::string& command) const { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

  // The first PDF cups-pdf writes, waiting up to `timeout`; empty if none came.
  std::string WaitForPdf(std::chrono::seconds timeout) const {
    const auto give_up = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < give_up) {
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(out_, ec)) {
        if (entry.path().extension() != ".pdf") continue;
        if (std::filesystem::last_write_time(entry.path(), ec) < started_) continue;
        // cups-pdf writes then renames into place; give a just-written file a moment to settle.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return entry.path().string();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return {};
  }

 private:
  void StartOwn() {
    char name[] = "/tmp/tellus-cups-XXXXXX";
    if (!mkdtemp(name)) {
      skip_ = "cannot make a temp folder for cupsd";
      return;
    }
    dir_ = name;
    chmod(dir_.c_str(), 0755);                     // cupsd's lp user walks into it
    spool_ = dir_ + "/spool";
    out_ = dir_ + "/out";
    for (const char* sub : {"/spool", "/spool/tmp", "/cache", "/state", "/log", "/out", "/ppd"})
      std::filesystem::create_directories(dir_ + sub);
    const std::string socket = dir_ + "/cups.sock";
    std::ofstream(dir_ + "/cupsd.conf") << "Listen " << socket << "\n"
                                        << "LogLevel warn\nPreserveJobFiles No\nPreserveJobHistory No\n"
                                        << "<Location />\nOrder allow,deny\nAllow all\n</Location>\n"
                                        << "<Location /admin>\nOrder allow,deny\nAllow all\n</Location>\n";
    std::ofstream(dir_ + "/cups-files.conf")
        << "ServerRoot " << dir_ << "\nRequestRoot " << spool_ << "\nCacheDir " << dir_ << "/cache\n"
        << "StateDir " << dir_ << "/state\nTempDir " << spool_ << "/tmp\nAccessLog " << dir_ << "/log/access_log\n"
        << "ErrorLog " << dir_ << "/log/error_log\nPageLog " << dir_ << "/log/page_log\n"
        << "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\nUser lp\nGroup lp\nSystemGroup root\n";
    // cups-pdf reads /etc/cups/cups-pdf-<name>.conf for a device URI cups-pdf:/<name>.
    std::ofstream("/etc/cups/cups-pdf-" + queue_ + ".conf") << "Out " << out_ << "\nAnonDirName " << out_ << "\n";
    cupsd_ = fork();
    if (cupsd_ == 0) {
      setsid();
      const std::string conf = dir_ + "/cupsd.conf", files = dir_ + "/cups-files.conf";
      execl("/usr/sbin/cupsd", "cupsd", "-f", "-c", conf.c_str(), "-s", files.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    if (const char* old = std::getenv("CUPS_SERVER")) {
      had_server_ = true;
      old_server_ = old;
    }
    setenv("CUPS_SERVER", socket.c_str(), 1);      // libcups in this process, and lp/lpadmin below
    for (int i = 0; i < 100 && !Shell("lpstat -r"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!Shell("lpstat -r")) {
      skip_ = "the test's own cupsd did not start (see " + dir_ + "/log/error_log)";
      return;
    }
    MakeQueue("cups-pdf:/" + queue_);
  }

  void UseSystem() {
    if (!Shell("lpstat -r")) {
      skip_ = "not root and no CUPS scheduler running: start cupsd, or run the tests as root";
      return;
    }
    out_ = std::string(std::getenv("HOME") ? std::getenv("HOME") : "/tmp") + "/PDF";
    MakeQueue("cups-pdf:/");
  }

  // pdftops-renderer pdftocairo: cups-pdf gets PostScript whose text stays text, so the
  // printed PDF can be searched (the default renderer turns letters into outlines).
  void MakeQueue(const std::string& uri) {
    made_queue_ = Shell("lpadmin -p " + queue_ + " -E -v " + uri +
                        " -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd -o pdftops-renderer-default=pdftocairo");
    if (!made_queue_) skip_ = "cannot make a cups-pdf queue (lpadmin needs root or the lpadmin group)";
    started_ = std::filesystem::file_time_type::clock::now() - std::chrono::seconds(2);
  }

  std::string queue_, dir_, out_, spool_, skip_, old_server_;
  bool had_server_ = false;
  bool made_queue_ = false;
  pid_t cupsd_ = -1;
  std::filesystem::file_time_type started_{};
};

}  // namespace tellus::print_testing
