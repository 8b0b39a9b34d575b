#pragma once
// The register's HTTP transport on GNU libmicrohttpd: epoll worker threads, so an idle or
// slow connection costs a file descriptor and a little memory, never a thread. It bounds
// what a stranger can hold: connections in all and per address, memory per connection,
// idle time, the time to send headers and the time to send a body, and the body's size
// whatever the transfer encoding (a chunked body is refused with 413 as soon as it passes
// the cap, without reading the rest). TLS through GnuTLS. Requests go to one function that
// takes a plain HttpRequest (http_message.h) and returns an HttpResponse.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sync/register/http_message.h"

struct MHD_Daemon;
struct MHD_Connection;

namespace tellus::reg {

// Every limit a request meets before any handler runs. The defaults suit kiosks on a
// slow office line; `max_body_bytes` is the one a feature sending larger batches raises.
struct HttpLimits {
  std::size_t max_body_bytes = 4 * 1024 * 1024;    // 413 beyond this, chunked or not
  unsigned max_connections = 1000;                 // all addresses together
  unsigned max_connections_per_address = 32;       // more from one address are refused at accept
  unsigned idle_timeout_seconds = 10;              // no byte in either direction: closed
  unsigned header_time_limit_seconds = 20;         // from connect (or the previous reply) to the end of headers
  unsigned body_time_limit_seconds = 120;          // from the end of headers to the end of the body
  std::size_t connection_memory_bytes = 64 * 1024; // headers and read buffer per connection
  std::size_t max_body_bytes_in_flight = 64 * 1024 * 1024;   // all bodies being received: 503 (retry) beyond
  unsigned threads = 4;                            // epoll worker threads
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                                    // 0: any free port
  std::string cert_pem, key_pem;                   // both set: TLS
  HttpLimits limits;
};

struct HttpCallbacks {
  std::function<HttpResponse(const HttpRequest&)> handle;
  // A response for a request the transport refuses itself (413, 500), with plain words.
  std::function<HttpResponse(int status, const std::string& detail)> refuse;
  std::function<void(const HttpRequest&, const HttpResponse&)> log;   // may be empty
};

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, HttpCallbacks callbacks);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on the worker threads; returns the port. Throws
  // std::runtime_error with the reason (address in use, bad certificate).
  int Start();
  void Stop();                                     // closes every connection; idempotent

  // Internal to the libmicrohttpd callbacks (http_server.cpp).
  struct Connection;
  struct Exchange;
  void Opened(MHD_Connection* connection, int fd);
  void Closed(MHD_Connection* connection);
  void HeadersDone(MHD_Connection* connection);
  void RequestDone(MHD_Connection* connection);
  const HttpServerOptions& options() const { return options_; }
  const HttpCallbacks& callbacks() const { return callbacks_; }
  std::string errors_;                             // libmicrohttpd's own messages while starting
  std::atomic<bool> collecting_errors_{false};
  std::atomic<std::size_t> body_bytes_in_flight_{0};

 private:
  void Watch();                                    // closes connections past the header or body time limit
  HttpServerOptions options_;
  HttpCallbacks callbacks_;
  MHD_Daemon* daemon_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<MHD_Connection*, std::unique_ptr<Connection>> connections_;
  bool stopping_ = false;
  std::thread watchdog_;
};

}  // namespace tellus::reg
