#pragma once
// Test helper: runs a program to completion and reports its exit code and peak resident
// memory (the kernel's ru_maxrss for that child alone), for tests whose acceptance
// threshold is a memory bound.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace tellus::testing {

struct ChildRun {
  int exit_code = -1;
  long peak_rss_kb = 0;
  std::string output;                              // stdout and stderr together
};

inline ChildRun RunMeasured(const std::string& binary, std::vector<std::string> args) {
  char pattern[] = "/tmp/tellus-child-XXXXXX";
  int out = ::mkstemp(pattern);
  if (out < 0) throw std::runtime_error("mkstemp failed");
  args.insert(args.begin(), binary);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out, 1);
    ::dup2(out, 2);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  ChildRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.peak_rss_kb = usage.ru_maxrss;
  ::lseek(out, 0, SEEK_SET);
  char buf[4096];
  ssize_t n;
  while ((n = ::read(out, buf, sizeof buf)) > 0) run.output.append(buf, static_cast<std::size_t>(n));
  ::close(out);
  ::unlink(pattern);
  return run;
}

}  // namespace tellus::testing
