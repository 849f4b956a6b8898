// tests/bench/webhook_receiver.h — bench_feed's webhook subscriber: a Poco HTTP server on 127.0.0.1 counting the
// events of every POSTed feed page and noting when the feed's last seq arrived.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPServer.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace finsam::bench {

class WebhookReceiver {
public:
    using Clock = std::chrono::steady_clock;

    /// Listens on a free port at once; done once a batch with next_after >= lastSeq arrived. Answers 204 to
    /// every POST without checking its signature (the subscriber's cost is not what is measured).
    explicit WebhookReceiver(long long lastSeq);
    ~WebhookReceiver();
    WebhookReceiver(const WebhookReceiver&) = delete;
    WebhookReceiver& operator=(const WebhookReceiver&) = delete;

    std::uint16_t port() const;
    /// Waits until the last seq arrived or `seconds` passed; true when it arrived.
    bool waitForAll(double seconds);

    Clock::time_point firstPost() const;
    Clock::time_point lastPost() const;  ///< when the highest seq so far arrived
    long long events() const;            ///< events received, repeats included
    long long posts() const;

    /// Called by the server's threads with each POST's body.
    void received(const std::string& body);

private:
    const long long lastSeq_;
    mutable std::mutex mutex_;
    std::condition_variable done_;
    long long maxSeq_ = 0;
    long long events_ = 0;
    long long posts_ = 0;
    Clock::time_point firstPost_{};
    Clock::time_point lastPost_{};
    std::unique_ptr<Poco::Net::HTTPServer> server_;  // last: its threads call received()
};

}  // namespace finsam::bench
