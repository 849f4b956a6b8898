// core/http/api_server.h — the hub's HTTP API on Poco::Net::HTTPServer, over TLS when a certificate is configured.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPServer.h>

#include <memory>
#include <string>

#include "core/http/api_context.h"

namespace finsam::http {

/// hub.json http.tls: PEM files. Both empty = plain HTTP.
struct ServerTls {
    std::string certificateFile;
    std::string privateKeyFile;
};

/// Binds HOST:PORT (port 0 = any free port) and serves the API with a bounded thread pool.
class ApiServer {
public:
    /// Throws std::runtime_error naming the file when the certificate or key cannot be loaded.
    ApiServer(ApiContext& context, const std::string& listen, int threads, const ServerTls& tls = {});
    ~ApiServer();

    void start();
    void stop();  ///< stops accepting and waits for requests in flight
    std::uint16_t port() const;
    bool tls() const { return tls_; }

private:
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    std::uint16_t port_ = 0;
    bool tls_ = false;
};

/// Splits "host:port"; throws std::invalid_argument naming the value when malformed.
std::pair<std::string, std::uint16_t> parseListen(const std::string& listen);

}  // namespace finsam::http
