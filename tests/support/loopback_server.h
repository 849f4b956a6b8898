// tests/support/loopback_server.h — a real HTTP(S) server on 127.0.0.1 for tests of HTTP clients and
// connectors: scripted answers, a request log, and faults (slow answers, dropped connections).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finsam::testing {

using HeaderFields = std::vector<std::pair<std::string, std::string>>;

/// One request as the server received it.
struct RecordedRequest {
    std::string method;
    std::string uri;  ///< path and query, as sent
    HeaderFields headers;
    std::string body;
    std::uint16_t clientPort = 0;  ///< the client's source port: the same for every request of one connection
    std::int64_t connection = 0;   ///< 1-based number of the accepted connection that carried it

    /// The first header named `name` (case-insensitive), or "" when absent.
    std::string header(std::string_view name) const;
};

/// Certificate chain and private key (PEM) an HTTPS server presents; see test_certificates.h.
struct TlsServerFiles {
    std::string certificateFile;
    std::string privateKeyFile;
};

struct LoopbackServerOptions {
    std::optional<TlsServerFiles> tls{};  ///< HTTPS presenting these files; plain HTTP when unset
    /// 0: a free port. Another: that port, with SO_REUSEADDR (a quick restart) but not SO_REUSEPORT, so a
    /// second server on the port fails to start (Poco::Net::NetException) instead of sharing it unnoticed.
    std::uint16_t port = 0;
};

/// Listens on 127.0.0.1 from construction to destruction. Each request is read whole (body included),
/// logged, then passed to the handler, which may run on several connections' threads at once. A handler
/// that throws is answered 500 and its message kept in handlerErrors(). Keep-alive is on, so a client that
/// reuses its connection shows one connection in the log. Destruction is prompt: it cuts every open
/// connection, wakes respondSlowly(), and returns once every server thread has ended.
class LoopbackServer {
public:
    using Handler = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;

    /// Plain HTTP on a free port; until setHandler() every request is answered 404.
    LoopbackServer();
    explicit LoopbackServer(Handler handler);
    /// HTTPS presenting `tls`, on a free port.
    LoopbackServer(Handler handler, const TlsServerFiles& tls);
    LoopbackServer(Handler handler, const LoopbackServerOptions& options);
    ~LoopbackServer();
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    void setHandler(Handler handler);

    std::uint16_t port() const { return port_; }
    /// "http://127.0.0.1:PORT" (or https) followed by `path`, e.g. url("/fhir/Patient").
    std::string url(std::string_view path = "") const;

    /// Every request so far, in arrival order.
    std::vector<RecordedRequest> requests() const;
    std::size_t requestCount() const;
    /// TCP connections accepted so far (TLS ones also when their handshake failed).
    std::int64_t connectionCount() const;
    /// Messages of exceptions thrown by the handler.
    std::vector<std::string> handlerErrors() const;
    /// Waits until at least `count` requests arrived; false after `limit`.
    bool waitForRequests(std::size_t count, std::chrono::milliseconds limit = std::chrono::seconds(10)) const;
    void clearLog();

    // ---- for handlers ----

    /// The request being handled on the calling thread, with its body (the request stream is already read).
    static const RecordedRequest& current();

    /// Answers with a Content-Length, so the connection stays open for the next request.
    static void reply(Poco::Net::HTTPServerResponse& response, int status, std::string_view body = "",
                      std::string_view contentType = "application/json", const HeaderFields& headers = {});
    /// Waits `delay`, or until the server stops, then answers like reply(): to make clients time out.
    void respondSlowly(Poco::Net::HTTPServerResponse& response, std::chrono::milliseconds delay, int status,
                       std::string_view body = "", std::string_view contentType = "application/json");
    /// Closes the connection without answering: the client sees an empty reply.
    static void dropConnection(Poco::Net::HTTPServerRequest& request);
    /// Announces all of `body` but sends only its first half, then closes: the client sees a partial body.
    static void dropMidBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                            std::string_view body);

private:
    struct Listener;
    friend struct Listener;

    void dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
    void connectionAccepted(const std::string& peer);

    bool tls_ = false;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    Handler handler_;
    std::vector<RecordedRequest> log_;
    std::vector<std::string> handlerErrors_;
    std::map<std::string, std::int64_t> connectionOfPeer_;
    std::int64_t connections_ = 0;
    bool stopping_ = false;
    std::unique_ptr<Listener> listener_;  // last: its threads call back into the members above
};

}  // namespace finsam::testing
