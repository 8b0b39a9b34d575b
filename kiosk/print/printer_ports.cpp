// libcups and the device file.
#include "kiosk/print/printer_ports.h"

#include <cups/cups.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace tellus::print {

namespace {

using Clock = std::chrono::steady_clock;

// Why the queue cannot take a job now, or empty.
std::string QueueProblem(const std::string& queue) {
  cups_dest_t* dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue.c_str(), nullptr);
  if (!dest) return "CUPS queue '" + queue + "' not found (" + cupsLastErrorString() + ")";
  std::string problem;
  const char* state = cupsGetOption("printer-state", dest->num_options, dest->options);
  const char* accepting = cupsGetOption("printer-is-accepting-jobs", dest->num_options, dest->options);
  if (state && std::strcmp(state, "5") == 0) problem = "CUPS queue '" + queue + "' is stopped";
  if (accepting && std::strcmp(accepting, "false") == 0) problem = "CUPS queue '" + queue + "' is not accepting jobs";
  cupsFreeDests(1, dest);
  return problem;
}

enum class JobState { kWaiting, kDone, kFailed, kGone };

JobState StateOf(const std::string& queue, int id) {
  cups_job_t* jobs = nullptr;
  const int count = cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, queue.c_str(), 0, CUPS_WHICHJOBS_ALL);
  if (count < 0) return JobState::kWaiting;        // CUPS did not answer: ask again until the timeout
  JobState state = JobState::kGone;                // PreserveJobHistory No: a finished job leaves the list
  for (int i = 0; i < count; ++i) {
    if (jobs[i].id != id) continue;
    switch (jobs[i].state) {
      case IPP_JSTATE_COMPLETED: state = JobState::kDone; break;
      case IPP_JSTATE_CANCELED:
      case IPP_JSTATE_ABORTED:
      case IPP_JSTATE_STOPPED: state = JobState::kFailed; break;
      default: state = JobState::kWaiting; break;
    }
  }
  cupsFreeJobs(count, jobs);
  return state;
}

}  // namespace

PortResult PrintToCups(const std::string& queue, const std::string& pdf, std::chrono::milliseconds timeout) {
  PortResult result;
  if (std::string problem = QueueProblem(queue); !problem.empty()) {
    result.error = problem;
    return result;
  }
  // The title says what it is, never whose: CUPS logs titles.
  const int id = cupsCreateJob(CUPS_HTTP_DEFAULT, queue.c_str(), "Receipt", 0, nullptr);
  if (id <= 0) {
    result.error = std::string("CUPS would not take the job: ") + cupsLastErrorString();
    return result;
  }
  bool sent = cupsStartDocument(CUPS_HTTP_DEFAULT, queue.c_str(), id, "receipt.pdf", CUPS_FORMAT_PDF, 1) ==
              HTTP_STATUS_CONTINUE;
  sent = sent && cupsWriteRequestData(CUPS_HTTP_DEFAULT, pdf.data(), pdf.size()) == HTTP_STATUS_CONTINUE;
  sent = cupsFinishDocument(CUPS_HTTP_DEFAULT, queue.c_str()) == IPP_STATUS_OK && sent;
  if (!sent) {
    result.error = std::string("CUPS did not accept the receipt: ") + cupsLastErrorString();
    cupsCancelJob2(CUPS_HTTP_DEFAULT, queue.c_str(), id, 1);
    return result;
  }
  const Clock::time_point give_up = Clock::now() + timeout;
  while (true) {
    const JobState state = StateOf(queue, id);
    if (state == JobState::kDone || state == JobState::kGone) {
      result.printed = true;
      return result;
    }
    if (state == JobState::kFailed || !QueueProblem(queue).empty()) {
      result.error = "the printer stopped on the receipt";
      break;
    }
    if (Clock::now() >= give_up) {
      result.error = "the receipt had not printed after " + std::to_string(timeout.count() / 1000) + " s";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  cupsCancelJob2(CUPS_HTTP_DEFAULT, queue.c_str(), id, 1);   // purge: no copy left waiting to print unasked
  return result;
}

PortResult WriteToDevice(const std::string& device, const std::vector<std::uint8_t>& bytes,
                         std::chrono::milliseconds timeout) {
  PortResult result;
  const int fd = open(device.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);   // never O_CREAT
  if (fd < 0) {
    result.error = device + ": " + std::strerror(errno);
    return result;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
    close(fd);
    result.error = device + ": not a printer device (a receipt is never written to a file)";
    return result;
  }
  std::size_t done = 0;
  Clock::time_point last_progress = Clock::now();
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      last_progress = Clock::now();
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      result.error = device + ": " + std::strerror(errno);
      break;
    }
    const auto left = timeout - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - last_progress);
    if (left.count() <= 0) {
      result.error = device + ": the printer took nothing for " + std::to_string(timeout.count() / 1000) + " s";
      break;
    }
    pollfd p{fd, POLLOUT, 0};
    poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 500)));
  }
  if (close(fd) != 0 && result.error.empty()) result.error = device + ": " + std::strerror(errno);
  result.printed = result.error.empty() && done == bytes.size();
  return result;
}

}  // namespace tellus::print
