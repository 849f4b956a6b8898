// tests/bench/webhook_receiver.cpp — one handler for every request; the body is read whole, then counted.
// SPDX-License-Identifier: Apache-2.0
#include "webhook_receiver.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include "feed_bench_tools.h"

namespace finsam::bench {

namespace {

class CountingHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit CountingHandler(WebhookReceiver& receiver) : receiver_(receiver) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        receiver_.received(body);
        response.setContentLength(0);
        response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
        response.send();
    }

private:
    WebhookReceiver& receiver_;
};

class CountingFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit CountingFactory(WebhookReceiver& receiver) : receiver_(receiver) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new CountingHandler(receiver_);
    }

private:
    WebhookReceiver& receiver_;
};

}  // namespace

WebhookReceiver::WebhookReceiver(long long lastSeq) : lastSeq_(lastSeq) {
    Poco::Net::HTTPServerParams::Ptr params(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(4);
    server_ = std::make_unique<Poco::Net::HTTPServer>(
        new CountingFactory(*this), Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)), params);
    server_->start();
}

WebhookReceiver::~WebhookReceiver() { server_->stopAll(true); }

std::uint16_t WebhookReceiver::port() const { return server_->port(); }

bool WebhookReceiver::waitForAll(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return done_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return maxSeq_ >= lastSeq_; });
}

WebhookReceiver::Clock::time_point WebhookReceiver::firstPost() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return firstPost_;
}

WebhookReceiver::Clock::time_point WebhookReceiver::lastPost() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lastPost_;
}

long long WebhookReceiver::events() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
}

long long WebhookReceiver::posts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return posts_;
}

void WebhookReceiver::received(const std::string& body) {
    const long long count = eventsIn(body);
    const long long seq = nextAfter(body);
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    if (posts_++ == 0) {
        firstPost_ = now;
    }
    events_ += count;
    if (seq > maxSeq_) {
        maxSeq_ = seq;
        lastPost_ = now;
    }
    done_.notify_all();
}

}  // namespace finsam::bench
