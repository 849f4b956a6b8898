// core/http/api_server.cpp — routing table and server lifecycle.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/api_server.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>

#include <charconv>
#include <regex>

#include "core/http/api_handlers.h"

namespace finsam::http {

namespace {

class Router : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Router(ApiContext& context) : context_(context) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override {
        std::string path;
        try {
            path = Poco::URI(request.getURI()).getPath();
        } catch (const Poco::Exception&) {
            return new BadRequestHandler();  // e.g. a broken %-escape: answer, do not drop the connection
        }
        if (path == "/healthz") {
            return new HealthHandler();
        }
        if (path == "/readyz") {
            return new ReadyHandler(context_);
        }
        if (path == "/v1/feed") {
            return new FeedHandler(context_);
        }
        if (path == "/v1/admin/connectors") {
            return new ConnectorsHandler(context_);
        }
        static const std::regex kExplain("^/v1/admin/persons/([a-p]{32})/explain$");
        std::smatch match;
        if (std::regex_match(path, match, kExplain)) {
            return new ExplainHandler(context_, match[1]);
        }
        return new NotFoundHandler();
    }

private:
    ApiContext& context_;
};

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

ApiServer::ApiServer(ApiContext& context, const std::string& listen, int threads) {
    auto [host, port] = parseListen(listen);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(host, port), 64);
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
    if (server_) {
        server_->stopAll(false);
    }
}

std::uint16_t ApiServer::port() const { return port_; }

}  // namespace finsam::http
