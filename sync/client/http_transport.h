#pragma once
// A small blocking HTTP client on libcurl, one per thread (a curl handle keeps its
// connection alive between calls). An abort flag makes a transfer in progress give
// up within ~100 ms, so a sync thread can be stopped while the register is slow.
#include <atomic>
#include <map>
#include <string>

typedef void CURL;

namespace tellus::sync {

struct HttpResult {
  long status = 0;                                 // 0: no HTTP answer (see error)
  std::string body;
  std::map<std::string, std::string> headers;      // names in lower case
  std::string error;                               // transport failure, plain words
};

struct HttpTimeouts {
  long connect_ms = 5000;
  long total_ms = 30000;
};

class HttpTransport {
 public:
  explicit HttpTransport(const std::atomic<bool>* abort = nullptr);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  HttpResult Post(const std::string& url, const std::string& body, const std::map<std::string, std::string>& headers,
                  const HttpTimeouts& timeouts);
  HttpResult Get(const std::string& url, const HttpTimeouts& timeouts);
  // PEM certificate(s) to trust for https instead of the system's CAs (a register with
  // its own certificate); empty: the system's.
  void TrustOnly(std::string pem) { ca_pem_ = std::move(pem); }

 private:
  HttpResult Perform(const std::string& url, const std::string* body, const std::map<std::string, std::string>& headers,
                     const HttpTimeouts& timeouts);
  CURL* curl_ = nullptr;
  const std::atomic<bool>* abort_;
  std::string ca_pem_;
};

}  // namespace tellus::sync
