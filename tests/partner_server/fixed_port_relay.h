// tests/partner_server/fixed_port_relay.h — a fixed port for finsam-partner-server --port: LoopbackServer
// always takes a free one, so this relays 127.0.0.1:<fixed> byte for byte to it (TLS passes through).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <cstdint>
#include <thread>

namespace finsam::testing::partner {

/// Links stay right through the relay because the server builds them from the Host header the client sent.
/// A connection the server closes (e.g. a dropped-connection fault) is closed toward the client too.
class FixedPortRelay {
public:
    /// Listens on 127.0.0.1:`listenPort` (throws Poco::Net::NetException when it is taken).
    FixedPortRelay(std::uint16_t listenPort, std::uint16_t targetPort);
    ~FixedPortRelay();
    FixedPortRelay(const FixedPortRelay&) = delete;
    FixedPortRelay& operator=(const FixedPortRelay&) = delete;

private:
    void acceptLoop();

    Poco::Net::ServerSocket listener_;
    std::uint16_t targetPort_;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
};

}  // namespace finsam::testing::partner
