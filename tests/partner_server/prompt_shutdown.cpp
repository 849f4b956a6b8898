// tests/partner_server/prompt_shutdown.cpp — how the knocking avoids a Poco race: TCPServerDispatcher::stop()
// wakes only the threads already waiting for a connection; a thread that finishes one at that moment waits
// out its idle time (10 s) before it sees the stop. So knocking connections are held open (a thread serving
// one is busy until the server's shutdown cuts it) and closed late, and connections a client closed just
// before are given a moment to finish.
// SPDX-License-Identifier: Apache-2.0
#include "prompt_shutdown.h"

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <thread>

namespace finsam::testing::partner {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kSettle = std::chrono::milliseconds(10);
constexpr auto kKnockEvery = std::chrono::milliseconds(5);
constexpr auto kHoldKnock = std::chrono::milliseconds(300);

}  // namespace

void destroyPromptly(std::unique_ptr<LoopbackServer>& server) {
    if (!server) {
        return;
    }
    std::this_thread::sleep_for(kSettle);
    const Poco::Net::SocketAddress address("127.0.0.1", server->port());
    std::atomic<bool> stopped{false};
    std::thread knocker([&] {
        std::deque<std::pair<Poco::Net::StreamSocket, Clock::time_point>> held;
        while (!stopped) {
            try {
                Poco::Net::StreamSocket knock;
                knock.connect(address, Poco::Timespan(0, 50'000));
                held.emplace_back(knock, Clock::now());
            } catch (const Poco::Exception&) {
                // refused once the listener is gone
            }
            while (!held.empty() && Clock::now() - held.front().second > kHoldKnock) {
                held.pop_front();  // closes it
            }
            std::this_thread::sleep_for(kKnockEvery);
        }
    });
    server.reset();
    stopped = true;
    knocker.join();
}

}  // namespace finsam::testing::partner
