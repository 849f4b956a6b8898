// tests/support/loopback_server.cpp — Poco's HTTP server pieces assembled so that connections can be
// counted and cut, and every thread is stopped promptly when a test ends.
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
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <sstream>
#include <stdexcept>

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

// Routes Poco's callbacks to the server: one handler object per request, and every accepted connection
// counted before it is served as HTTP.
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

    class ConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
    public:
        ConnectionFactory(LoopbackServer& server, Poco::Net::HTTPServerParams::Ptr params)
            : server_(server), params_(std::move(params)) {}
        Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
            server_.connectionAccepted(socket.peerAddress().toString());
            return new Poco::Net::HTTPServerConnection(socket, params_, server_.handlerFactory_);
        }

    private:
        LoopbackServer& server_;
        Poco::Net::HTTPServerParams::Ptr params_;
    };
};

LoopbackServer::LoopbackServer() : LoopbackServer(Handler{}) {}

LoopbackServer::LoopbackServer(Handler handler) : handler_(std::move(handler)) { start(nullptr); }

LoopbackServer::LoopbackServer(Handler handler, const TlsServerFiles& tls) : handler_(std::move(handler)) {
    start(&tls);
}

void LoopbackServer::start(const TlsServerFiles* tls) {
    const Poco::Net::SocketAddress address("127.0.0.1", 0);
    Poco::Net::ServerSocket socket;
    if (tls != nullptr) {
        initialiseSslOnce();
        Poco::Net::Context::Ptr context(new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE,
                                                               tls->privateKeyFile, tls->certificateFile, "",
                                                               Poco::Net::Context::VERIFY_NONE));
        socket = Poco::Net::SecureServerSocket(address, 64, context);
        tls_ = true;
    } else {
        socket = Poco::Net::ServerSocket(address, 64);
    }
    port_ = socket.address().port();

    Poco::Net::HTTPServerParams::Ptr params(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(16);
    params->setMaxQueued(64);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(30, 0));
    params->setMaxKeepAliveRequests(0);  // unlimited: a client's whole run may use one connection

    threads_ = std::make_unique<Poco::ThreadPool>(2, 16);
    handlerFactory_ = new Listener::HandlerFactory(*this);
    Poco::Net::TCPServerConnectionFactory::Ptr connections(new Listener::ConnectionFactory(*this, params));
    server_ = std::make_unique<Poco::Net::TCPServer>(connections, *threads_, socket, params);
    server_->start();
}

LoopbackServer::~LoopbackServer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();  // wakes respondSlowly()
    server_->stop();
    // No server thread may keep waiting for a keep-alive connection's next request.
    static_cast<Listener::HandlerFactory&>(*handlerFactory_).abortConnections();
    threads_->joinAll();
    server_.reset();
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
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
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
    response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send().write(body.data(), static_cast<std::streamsize>(body.size() / 2)).flush();
    shutDown(socketOf(request));
}

}  // namespace finsam::testing
