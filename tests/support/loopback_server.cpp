// tests/support/loopback_server.cpp — Poco's HTTP connection handling on an accept loop of its own, so that
// connections can be counted and cut, and every thread is stopped promptly when a test ends.
// SPDX-License-Identifier: Apache-2.0
#include "loopback_server.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <list>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace finsam::testing {

namespace {

thread_local const RecordedRequest* currentRequest = nullptr;

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

void initialiseSslOnce() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

Poco::Net::StreamSocket& socketOf(Poco::Net::HTTPServerRequest& request) {
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (impl == nullptr) {
        throw std::logic_error("LoopbackServer: not a request of Poco's HTTP server");
    }
    return impl->socket();
}

void shutDown(Poco::Net::StreamSocket& socket) {
    try {
        socket.shutdown();  // not close(): the connection object still owns the descriptor
    } catch (const Poco::Exception&) {
        // the client may already be gone
    }
}

}  // namespace

std::string RecordedRequest::header(std::string_view name) const {
    for (const auto& [fieldName, value] : headers) {
        if (sameName(fieldName, name)) {
            return value;
        }
    }
    return {};
}

// Poco's HTTP connections on threads of this server's own. Poco's TCPServer would poll its socket every 250 ms
// and could leave a worker waiting out its idle time when a stop raced with the end of a connection; here
// stopping needs no timer: a byte on the wake pipe ends the accept loop at once, and every connection object
// exists (so hears the stop event) before its thread starts.
struct LoopbackServer::Listener {
    class Handler final : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(LoopbackServer& server) : server_(server) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
            server_.dispatch(request, response);
        }

    private:
        LoopbackServer& server_;
    };

    class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit HandlerFactory(LoopbackServer& server) : server_(server) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return new Handler(server_);
        }
        /// Shuts down every open connection, also idle keep-alive ones, as HTTPServer::stopAll(true) does.
        void abortConnections() {
            const bool abortCurrent = true;
            serverStopped(this, abortCurrent);
        }

    private:
        LoopbackServer& server_;
    };

    struct Served {
        std::unique_ptr<Poco::Net::HTTPServerConnection> connection;
        std::thread thread;
        std::atomic<bool> finished{false};
    };

    Listener(LoopbackServer& server, Poco::Net::ServerSocket listening);
    ~Listener();
    void acceptLoop();
    void serve(const Poco::Net::StreamSocket& client);
    void joinFinished();

    LoopbackServer& server;
    Poco::Net::ServerSocket socket;
    Poco::Net::HTTPServerParams::Ptr params{new Poco::Net::HTTPServerParams};
    HandlerFactory* factory;  // owned by factoryPtr, which the connections share
    Poco::Net::HTTPRequestHandlerFactory::Ptr factoryPtr;
    int wake[2] = {-1, -1};  // the accept loop's wake-up pipe: read end, write end
    std::list<Served> served;  // touched only by the accept loop until it has ended
    std::thread acceptor;
};

LoopbackServer::Listener::Listener(LoopbackServer& owner, Poco::Net::ServerSocket listening)
    : server(owner), socket(std::move(listening)), factory(new HandlerFactory(owner)), factoryPtr(factory) {
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(30, 0));
    params->setMaxKeepAliveRequests(0);  // unlimited: a client's whole run may use one connection
    if (::pipe2(wake, O_CLOEXEC) != 0) {
        throw std::runtime_error("LoopbackServer: cannot make a pipe");
    }
    acceptor = std::thread([this] { acceptLoop(); });
}

LoopbackServer::Listener::~Listener() {
    const char stop = 0;
    while (::write(wake[1], &stop, 1) < 0 && errno == EINTR) {
    }
    acceptor.join();
    socket.close();  // connections still in the backlog are refused rather than left waiting
    // No thread may keep waiting for a keep-alive connection's next request; a connection whose thread has
    // not begun yet sees the stop before its first read.
    factory->abortConnections();
    for (Served& one : served) {
        one.thread.join();
    }
    ::close(wake[0]);
    ::close(wake[1]);
}

void LoopbackServer::Listener::acceptLoop() {
    pollfd watched[2] = {{socket.impl()->sockfd(), POLLIN, 0}, {wake[0], POLLIN, 0}};
    for (;;) {
        if (::poll(watched, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        if (watched[1].revents != 0) {
            return;
        }
        if (watched[0].revents != 0) {
            try {
                serve(socket.acceptConnection());
            } catch (const std::exception&) {
                // a client that left before it was served (Poco::Exception), or no thread to serve it
            }
        }
        joinFinished();
    }
}

void LoopbackServer::Listener::serve(const Poco::Net::StreamSocket& client) {
    Poco::Net::StreamSocket socketOfClient(client);
    socketOfClient.setNoDelay(true);  // small answers leave at once, as with Poco's TCPServer
    server.connectionAccepted(socketOfClient.peerAddress().toString());
    auto connection = std::make_unique<Poco::Net::HTTPServerConnection>(socketOfClient, params, factoryPtr);
    Served& one = served.emplace_back();
    one.connection = std::move(connection);
    try {
        one.thread = std::thread([&one] {
            try {
                one.connection->run();
            } catch (...) {
                // as TCPServerConnection::start(): a broken connection ends only itself
            }
            one.connection.reset();  // closes the socket now, not when the thread is joined
            one.finished = true;
        });
    } catch (...) {
        served.pop_back();
        throw;
    }
}

void LoopbackServer::Listener::joinFinished() {
    for (auto it = served.begin(); it != served.end();) {
        if (it->finished) {
            it->thread.join();
            it = served.erase(it);
        } else {
            ++it;
        }
    }
}

namespace {

// SO_REUSEADDR so a fixed port can be taken again at once after a restart; not SO_REUSEPORT (Poco's default
// with reuseAddress), so a second server on a fixed port fails rather than quietly sharing its connections.
Poco::Net::ServerSocket listenOn(const LoopbackServerOptions& options) {
    Poco::Net::ServerSocket socket;
    if (options.tls) {
        initialiseSslOnce();
        Poco::Net::Context::Ptr context(new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE,
                                                               options.tls->privateKeyFile,
                                                               options.tls->certificateFile, "",
                                                               Poco::Net::Context::VERIFY_NONE));
        socket = Poco::Net::SecureServerSocket(context);
    }
    const bool reuseAddress = true;
    const bool reusePort = false;
    socket.bind(Poco::Net::SocketAddress("127.0.0.1", options.port), reuseAddress, reusePort);
    socket.listen(64);
    return socket;
}

}  // namespace

LoopbackServer::LoopbackServer() : LoopbackServer(Handler{}) {}

LoopbackServer::LoopbackServer(Handler handler) : LoopbackServer(std::move(handler), LoopbackServerOptions{}) {}

LoopbackServer::LoopbackServer(Handler handler, const TlsServerFiles& tls)
    : LoopbackServer(std::move(handler), LoopbackServerOptions{.tls = tls}) {}

LoopbackServer::LoopbackServer(Handler handler, const LoopbackServerOptions& options)
    : tls_(options.tls.has_value()), handler_(std::move(handler)) {
    Poco::Net::ServerSocket socket = listenOn(options);
    port_ = socket.address().port();
    listener_ = std::make_unique<Listener>(*this, std::move(socket));
}

LoopbackServer::~LoopbackServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();  // wakes respondSlowly()
    listener_.reset();
}

void LoopbackServer::setHandler(Handler handler) {
    std::lock_guard lock(mutex_);
    handler_ = std::move(handler);
}

std::string LoopbackServer::url(std::string_view path) const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

std::vector<RecordedRequest> LoopbackServer::requests() const {
    std::lock_guard lock(mutex_);
    return log_;
}

std::size_t LoopbackServer::requestCount() const {
    std::lock_guard lock(mutex_);
    return log_.size();
}

std::int64_t LoopbackServer::connectionCount() const {
    std::lock_guard lock(mutex_);
    return connections_;
}

std::vector<std::string> LoopbackServer::handlerErrors() const {
    std::lock_guard lock(mutex_);
    return handlerErrors_;
}

bool LoopbackServer::waitForRequests(std::size_t count, std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return log_.size() >= count; });
}

void LoopbackServer::clearLog() {
    std::lock_guard lock(mutex_);
    log_.clear();
    handlerErrors_.clear();
}

const RecordedRequest& LoopbackServer::current() {
    if (currentRequest == nullptr) {
        throw std::logic_error("LoopbackServer::current() called outside a handler");
    }
    return *currentRequest;
}

void LoopbackServer::connectionAccepted(const std::string& peer) {
    std::lock_guard lock(mutex_);
    connectionOfPeer_[peer] = ++connections_;
}

void LoopbackServer::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    RecordedRequest recorded;
    recorded.method = request.getMethod();
    recorded.uri = request.getURI();
    for (const auto& [name, value] : request) {
        recorded.headers.emplace_back(name, value);
    }
    std::ostringstream body;
    Poco::StreamCopier::copyStream(request.stream(), body);
    recorded.body = body.str();
    recorded.clientPort = request.clientAddress().port();

    Handler handler;
    {
        std::lock_guard lock(mutex_);
        const auto connection = connectionOfPeer_.find(request.clientAddress().toString());
        recorded.connection = connection == connectionOfPeer_.end() ? 0 : connection->second;
        log_.push_back(recorded);
        handler = handler_;
    }
    changed_.notify_all();

    currentRequest = &recorded;
    try {
        if (handler) {
            handler(request, response);
        } else {
            reply(response, 404, "", "text/plain");
        }
    } catch (const std::exception& error) {
        {
            std::lock_guard lock(mutex_);
            handlerErrors_.emplace_back(error.what());
        }
        if (!response.sent()) {
            reply(response, 500, error.what(), "text/plain");
        }
    }
    currentRequest = nullptr;
}

void LoopbackServer::reply(Poco::Net::HTTPServerResponse& response, int status, std::string_view body,
                           std::string_view contentType, const HeaderFields& headers) {
    // setStatus() alone would keep the reason "OK" whatever the status: "HTTP/1.1 400 OK".
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    if (!contentType.empty()) {
        response.setContentType(std::string(contentType));
    }
    for (const auto& [name, value] : headers) {
        response.set(name, value);
    }
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send().write(body.data(), static_cast<std::streamsize>(body.size())).flush();
}

void LoopbackServer::respondSlowly(Poco::Net::HTTPServerResponse& response, std::chrono::milliseconds delay,
                                   int status, std::string_view body, std::string_view contentType) {
    {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, delay, [&] { return stopping_; });
    }
    try {
        reply(response, status, body, contentType);
    } catch (const Poco::Exception&) {
        // the client gave up waiting and closed the connection: that is what slow answers test
    }
}

void LoopbackServer::dropConnection(Poco::Net::HTTPServerRequest& request) { shutDown(socketOf(request)); }

void LoopbackServer::dropMidBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                 std::string_view body) {
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send().write(body.data(), static_cast<std::streamsize>(body.size() / 2)).flush();
    shutDown(socketOf(request));
}

}  // namespace finsam::testing
