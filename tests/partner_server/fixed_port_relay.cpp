// tests/partner_server/fixed_port_relay.cpp — two threads per connection, one per direction; a
// developer's tool, so simplicity beats scale.
// SPDX-License-Identifier: Apache-2.0
#include "fixed_port_relay.h"

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

namespace finsam::testing::partner {

namespace {

// Copies until `from` ends, then ends `to`'s sending side, so the far end sees the close.
void pump(Poco::Net::StreamSocket from, Poco::Net::StreamSocket to) {
    char buffer[16384];
    try {
        for (;;) {
            const int received = from.receiveBytes(buffer, sizeof buffer);
            if (received <= 0) {
                break;
            }
            for (int sent = 0; sent < received;) {
                sent += to.sendBytes(buffer + sent, received - sent);
            }
        }
    } catch (const Poco::Exception&) {
        // a reset on either side ends this direction
    }
    try {
        to.shutdownSend();
    } catch (const Poco::Exception&) {
    }
}

void relay(Poco::Net::StreamSocket client, std::uint16_t targetPort) {
    try {
        Poco::Net::StreamSocket server(Poco::Net::SocketAddress("127.0.0.1", targetPort));
        std::thread upstream(pump, client, server);
        pump(server, client);
        upstream.join();
    } catch (const Poco::Exception&) {
        // the server is gone: the client's connection just closes
    }
}

}  // namespace

FixedPortRelay::FixedPortRelay(std::uint16_t listenPort, std::uint16_t targetPort) : targetPort_(targetPort) {
    // SO_REUSEADDR for a quick restart, not SO_REUSEPORT (Poco's default): a second server on the port must
    // fail to start rather than quietly share its connections with a forgotten one.
    const bool reuseAddress = true;
    const bool reusePort = false;
    listener_.bind(Poco::Net::SocketAddress("127.0.0.1", listenPort), reuseAddress, reusePort);
    listener_.listen(64);
    acceptor_ = std::thread([this] { acceptLoop(); });
}

FixedPortRelay::~FixedPortRelay() {
    stopping_ = true;
    acceptor_.join();
    listener_.close();
}

void FixedPortRelay::acceptLoop() {
    const Poco::Timespan tick(0, 200'000);
    while (!stopping_) {
        try {
            if (listener_.poll(tick, Poco::Net::Socket::SELECT_READ)) {
                std::thread(relay, listener_.acceptConnection(), targetPort_).detach();
            }
        } catch (const Poco::Exception&) {
            // one failed accept does not stop the relay
        }
    }
}

}  // namespace finsam::testing::partner
