#include "sync/register/http_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace tellus::reg {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

// What the watchdog knows of one connection: its socket and since when it has been in its phase.
struct HttpServer::Connection {
  enum class Phase { kHeaders, kBody } phase = Phase::kHeaders;
  int fd = -1;
  Clock::time_point since = Clock::now();
  bool cut = false;
};

// One request on its way in: headers, the body so far, and whether it was already answered.
struct HttpServer::Exchange {
  HttpRequest request;
  bool answered = false;
  std::size_t counted = 0;                         // bytes of this body in body_bytes_in_flight_
};

namespace {

MHD_Result CollectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<HttpRequest*>(cls)->headers.emplace_back(key ? key : "", value ? value : "");
  return MHD_YES;
}

MHD_Result CollectQuery(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<HttpRequest*>(cls)->query.emplace_back(key ? key : "", value ? value : "");
  return MHD_YES;
}

std::string PeerOf(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!info || !info->client_addr) return "";
  char text[INET6_ADDRSTRLEN] = "";
  const sockaddr* address = info->client_addr;
  if (address->sa_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
  } else if (address->sa_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text, sizeof text);
  }
  return text;
}

MHD_Result Send(HttpServer& server, MHD_Connection* connection, HttpServer::Exchange& exchange,
                const HttpResponse& res) {
  exchange.answered = true;
  if (server.callbacks().log) server.callbacks().log(exchange.request, res);
  MHD_Response* response = MHD_create_response_from_buffer(res.body.size(), const_cast<char*>(res.body.data()),
                                                           MHD_RESPMEM_MUST_COPY);
  if (!response) return MHD_NO;
  MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, res.content_type.c_str());
  for (const auto& [name, value] : res.headers) MHD_add_response_header(response, name.c_str(), value.c_str());
  MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(res.status), response);
  MHD_destroy_response(response);
  return queued;
}

MHD_Result Refuse(HttpServer& server, MHD_Connection* connection, HttpServer::Exchange& exchange, int status,
                  const std::string& detail) {
  return Send(server, connection, exchange, server.callbacks().refuse(status, detail));
}

std::string TooLarge(std::size_t cap) {
  return "the body is larger than " + std::to_string(cap / (1024 * 1024)) + " MB; nothing was stored";
}

MHD_Result OnAccess(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                    const char* upload_data, size_t* upload_data_size, void** request_context) {
  auto& server = *static_cast<HttpServer*>(cls);
  const std::size_t cap = server.options().limits.max_body_bytes;
  if (!*request_context) {   // the headers are in; no body byte has been read yet
    auto* exchange = new HttpServer::Exchange;
    *request_context = exchange;
    exchange->request.method = method ? method : "";
    exchange->request.path = url ? url : "";
    exchange->request.peer = PeerOf(connection);
    MHD_get_connection_values(connection, MHD_HEADER_KIND, CollectHeader, &exchange->request);
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, CollectQuery, &exchange->request);
    server.HeadersDone(connection);
    const char* length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length) {
      char* end = nullptr;
      unsigned long long declared = std::strtoull(length, &end, 10);
      if (declared > cap) return Refuse(server, connection, *exchange, 413, TooLarge(cap));
    }
    return MHD_YES;
  }
  auto& exchange = *static_cast<HttpServer::Exchange*>(*request_context);
  if (*upload_data_size > 0) {
    std::size_t piece = *upload_data_size;
    *upload_data_size = 0;
    if (exchange.answered) return MHD_YES;
    const bool too_large = exchange.request.body.size() + piece > cap;
    const bool too_busy = server.body_bytes_in_flight_ + piece > server.options().limits.max_body_bytes_in_flight;
    if (too_large || too_busy) {
      // Answered now: libmicrohttpd reads no more of this body and closes the connection after the reply.
      server.body_bytes_in_flight_ -= exchange.counted;
      exchange.counted = 0;
      exchange.request.body.clear();
      exchange.request.body.shrink_to_fit();
      if (too_large) return Refuse(server, connection, exchange, 413, TooLarge(cap));
      return Refuse(server, connection, exchange, 503, "the register is receiving too much at once; try again shortly");
    }
    exchange.request.body.append(upload_data, piece);
    exchange.counted += piece;
    server.body_bytes_in_flight_ += piece;
    return MHD_YES;
  }
  if (exchange.answered) return MHD_YES;
  HttpResponse res;
  try {
    res = server.callbacks().handle(exchange.request);
  } catch (const std::exception&) {
    res = server.callbacks().refuse(500, "the register could not handle this request; nothing was stored");
  }
  return Send(server, connection, exchange, res);
}

void OnCompleted(void* cls, MHD_Connection* connection, void** request_context, MHD_RequestTerminationCode) {
  auto* exchange = static_cast<HttpServer::Exchange*>(*request_context);
  if (exchange) static_cast<HttpServer*>(cls)->body_bytes_in_flight_ -= exchange->counted;
  delete exchange;
  *request_context = nullptr;
  static_cast<HttpServer*>(cls)->RequestDone(connection);
}

void OnConnection(void* cls, MHD_Connection* connection, void**, MHD_ConnectionNotificationCode code) {
  auto& server = *static_cast<HttpServer*>(cls);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    server.Opened(connection, info ? info->connect_fd : -1);
  } else {
    server.Closed(connection);
  }
}

void OnLog(void* cls, const char* format, va_list args) {
  auto& server = *static_cast<HttpServer*>(cls);
  if (!server.collecting_errors_) return;          // only Start() reads them, on its own thread
  char line[512];
  std::vsnprintf(line, sizeof line, format, args);
  if (server.errors_.size() < 2000) server.errors_ += line;
}

}  // namespace

HttpServer::HttpServer(HttpServerOptions options, HttpCallbacks callbacks)
    : options_(std::move(options)), callbacks_(std::move(callbacks)) {}

HttpServer::~HttpServer() { Stop(); }

int HttpServer::Start() {
  const bool tls = !options_.cert_pem.empty() || !options_.key_pem.empty();
  if (tls && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
    throw std::runtime_error("this libmicrohttpd was built without TLS; cannot serve https");
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port_text = std::to_string(options_.port);
  if (::getaddrinfo(options_.host.c_str(), port_text.c_str(), &hints, &found) != 0 || !found) {
    throw std::runtime_error("cannot listen on " + options_.host + ": the name does not resolve");
  }
  sockaddr_storage address{};
  std::memcpy(&address, found->ai_addr, found->ai_addrlen);
  ::freeaddrinfo(found);

  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
  if (address.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  if (tls) flags |= MHD_USE_TLS;
  const HttpLimits& l = options_.limits;
  collecting_errors_ = true;
  MHD_OptionItem tls_options[] = {
      {tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, const_cast<char*>(options_.key_pem.c_str())},
      {tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, const_cast<char*>(options_.cert_pem.c_str())},
      {MHD_OPTION_END, 0, nullptr}};
  daemon_ = MHD_start_daemon(
      flags, 0, nullptr, nullptr, &OnAccess, this,
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<const sockaddr*>(&address),
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(l.threads),
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(l.max_connections),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(l.max_connections_per_address),
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(l.idle_timeout_seconds),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(l.connection_memory_bytes),
      MHD_OPTION_NOTIFY_COMPLETED, &OnCompleted, this,
      MHD_OPTION_NOTIFY_CONNECTION, &OnConnection, this,
      MHD_OPTION_EXTERNAL_LOGGER, &OnLog, this,
      MHD_OPTION_ARRAY, tls_options,
      MHD_OPTION_END);
  collecting_errors_ = false;
  if (!daemon_) {
    std::string why = errors_.empty() ? "address in use or not available" : errors_;
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw std::runtime_error("cannot listen on " + options_.host + ":" + port_text +
                             (tls ? " with this certificate and key" : "") + " (" + why + ")");
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
  int port = info ? static_cast<int>(info->port) : options_.port;
  stopping_ = false;
  watchdog_ = std::thread([this] { Watch(); });
  return port;
}

void HttpServer::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
  if (daemon_) {
    MHD_stop_daemon(daemon_);
    daemon_ = nullptr;
  }
}

void HttpServer::Opened(MHD_Connection* connection, int fd) {
  std::lock_guard lock(mutex_);
  auto& c = connections_[connection];
  c = std::make_unique<Connection>();
  c->fd = fd;
}

void HttpServer::Closed(MHD_Connection* connection) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection);
}

void HttpServer::HeadersDone(MHD_Connection* connection) {
  std::lock_guard lock(mutex_);
  auto it = connections_.find(connection);
  if (it == connections_.end()) return;
  it->second->phase = Connection::Phase::kBody;
  it->second->since = Clock::now();
}

void HttpServer::RequestDone(MHD_Connection* connection) {
  std::lock_guard lock(mutex_);
  auto it = connections_.find(connection);
  if (it == connections_.end()) return;
  it->second->phase = Connection::Phase::kHeaders;   // keep-alive: the next request's headers are timed from now
  it->second->since = Clock::now();
}

void HttpServer::Watch() {
  const auto header_limit = std::chrono::seconds(options_.limits.header_time_limit_seconds);
  const auto body_limit = std::chrono::seconds(options_.limits.body_time_limit_seconds);
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(500));
    const auto now = Clock::now();
    for (auto& [connection, c] : connections_) {
      const auto limit = c->phase == Connection::Phase::kHeaders ? header_limit : body_limit;
      if (!c->cut && c->fd >= 0 && now - c->since > limit) {
        // libmicrohttpd sees the socket end on its own thread and closes the connection there;
        // the socket is closed only after Closed() (which waits for this lock) has run.
        ::shutdown(c->fd, SHUT_RDWR);
        c->cut = true;
      }
    }
  }
}

}  // namespace tellus::reg
