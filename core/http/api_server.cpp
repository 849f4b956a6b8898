// core/http/api_server.cpp — routing through the route table, and the server's lifecycle.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/api_server.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

#include <charconv>
#include <mutex>

#include "core/http/routes.h"

namespace finsam::http {

namespace {

using Poco::Net::HTTPResponse;

// Answers without a route: a target that cannot be parsed (400), an unknown path (404), a wrong method (405).
class NoRouteHandler : public Poco::Net::HTTPRequestHandler {
public:
    NoRouteHandler(HTTPResponse::HTTPStatus status, std::string code, std::string message, std::string allow = "")
        : status_(status), code_(std::move(code)), message_(std::move(message)), allow_(std::move(allow)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        if (!allow_.empty()) {
            response.set("Allow", allow_);
        }
        sendError(request, response, status_, code_, message_);
    }

private:
    HTTPResponse::HTTPStatus status_;
    std::string code_;
    std::string message_;
    std::string allow_;
};

// Counts each answer by route pattern (never the concrete path: it may hold a key), method and status.
class CountingHandler : public Poco::Net::HTTPRequestHandler {
public:
    CountingHandler(Poco::Net::HTTPRequestHandler* inner, std::string route, HttpMetrics& metrics)
        : inner_(inner), route_(std::move(route)), metrics_(metrics) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        try {
            inner_->handleRequest(request, response);
        } catch (...) {
            metrics_.count(route_, request.getMethod(), 500);
            throw;
        }
        metrics_.count(route_, request.getMethod(), static_cast<int>(response.getStatus()));
    }

private:
    std::unique_ptr<Poco::Net::HTTPRequestHandler> inner_;
    std::string route_;
    HttpMetrics& metrics_;
};

class Router : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Router(ApiContext& context) : context_(context) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override {
        std::string route = "unmatched";
        Poco::Net::HTTPRequestHandler* handler = resolve(request, route);
        if (context_.httpMetrics == nullptr) {
            return handler;
        }
        return new CountingHandler(handler, route, *context_.httpMetrics);
    }

private:
    Poco::Net::HTTPRequestHandler* resolve(const Poco::Net::HTTPServerRequest& request, std::string& route) {
        std::string path;
        try {
            path = Poco::URI(request.getURI()).getPath();
        } catch (const Poco::Exception&) {
            // e.g. a broken %-escape: answer, do not drop the connection
            return new NoRouteHandler(HTTPResponse::HTTP_BAD_REQUEST, "bad_request",
                                      "the request target cannot be parsed");
        }
        RouteMatch match = matchRoute(request.getMethod(), path);
        if (match.route != nullptr) {
            route = match.route->path;
            return match.route->make(context_, match.route->scope, std::move(match.params));
        }
        if (!match.allowed.empty()) {
            return new NoRouteHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method_not_allowed",
                                      "use " + Poco::cat(std::string(", "), match.allowed.begin(), match.allowed.end()),
                                      Poco::cat(std::string(", "), match.allowed.begin(), match.allowed.end()));
        }
        return new NoRouteHandler(HTTPResponse::HTTP_NOT_FOUND, "not_found", "no such endpoint (see /openapi.json)");
    }

    ApiContext& context_;
};

Poco::Net::ServerSocket bind(const Poco::Net::SocketAddress& address, const ServerTls& tls) {
    if (tls.certificateFile.empty() && tls.privateKeyFile.empty()) {
        return Poco::Net::ServerSocket(address, 64);
    }
    if (tls.certificateFile.empty() || tls.privateKeyFile.empty()) {
        throw std::runtime_error("http.tls needs both cert_file and key_file");
    }
    static std::once_flag sslInitialised;
    std::call_once(sslInitialised, [] { Poco::Net::initializeSSL(); });
    try {
        Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_SERVER_USE, tls.privateKeyFile, tls.certificateFile, "",
            Poco::Net::Context::VERIFY_NONE);
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                  Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        return Poco::Net::SecureServerSocket(address, 64, context);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("http.tls: cannot load certificate " + tls.certificateFile + " or key " +
                                 tls.privateKeyFile + ": " + e.displayText());
    }
}

}  // namespace

std::pair<std::string, std::uint16_t> parseListen(const std::string& listen) {
    auto colon = listen.rfind(':');
    unsigned port = 0;
    if (colon == std::string::npos || colon == 0) {
        throw std::invalid_argument("listen address '" + listen + "' is not HOST:PORT");
    }
    const char* begin = listen.data() + colon + 1;
    const char* end = listen.data() + listen.size();
    auto [ptr, error] = std::from_chars(begin, end, port);
    if (error != std::errc() || ptr != end || port > 65535) {
        throw std::invalid_argument("listen address '" + listen + "' has no valid port");
    }
    return {listen.substr(0, colon), static_cast<std::uint16_t>(port)};
}

ApiServer::ApiServer(ApiContext& context, const std::string& listen, int threads, const ServerTls& tls) {
    auto [host, port] = parseListen(listen);
    Poco::Net::ServerSocket socket = bind(Poco::Net::SocketAddress(host, port), tls);
    tls_ = !tls.certificateFile.empty();
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Router(context), socket, params);
}

ApiServer::~ApiServer() { stop(); }

void ApiServer::start() { server_->start(); }

void ApiServer::stop() {
    if (!server_) {
        return;
    }
    // stopAll(false) closes the listener but lets requests in flight run on: wait for them, because the
    // context they use dies with the caller. Long polls notice `ready == false` within their poll interval.
    server_->stopAll(false);
    for (int i = 0; i < 400 && server_->currentConnections() > 0; ++i) {
        Poco::Thread::sleep(50);
    }
    server_.reset();
}

std::uint16_t ApiServer::port() const { return port_; }

}  // namespace finsam::http
