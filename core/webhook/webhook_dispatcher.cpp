// core/webhook/webhook_dispatcher.cpp — secrets, registration, threads.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/webhook_dispatcher.h"

#include <Poco/Environment.h>
#include <Poco/Process.h>

#include <finsam/http_client/secrets.h>

#include <stdexcept>

#include "core/common/hash.h"
#include "core/webhook/subscriber_store.h"

namespace finsam::webhook {

namespace {

std::string readSecretOf(const config::WebhookConfig& subscriber, const std::string& configDir) {
    try {
        return http_client::readSecret({subscriber.secretEnv, subscriber.secretFile}, configDir);
    } catch (const std::exception& e) {
        throw std::runtime_error("webhook " + subscriber.id + ": " + e.what());
    }
}

}  // namespace

WebhookDispatcher::WebhookDispatcher(const std::vector<config::WebhookConfig>& subscribers,
                                     const std::string& configDir, const store::StoreLocation& location,
                                     feed::FeedSignal& signal, DispatchTiming timing)
    : owner_(Poco::Environment::nodeName() + "/" + std::to_string(Poco::Process::id()) + "/" +
             common::randomHex(4)),
      signal_(signal),
      sessions_(std::make_unique<store::SessionPool>(location, std::max<std::size_t>(1, subscribers.size()))) {
    std::vector<std::string> secrets;
    for (const auto& subscriber : subscribers) {
        secrets.push_back(readSecretOf(subscriber, configDir));
    }
    if (!subscribers.empty()) {
        auto lease = sessions_->acquire();
        SubscriberStore store(*lease);
        for (const auto& subscriber : subscribers) {
            store.registerSubscriber(subscriber.id, {subscriber.types, subscriber.forbund});
        }
    }
    for (std::size_t i = 0; i < subscribers.size(); ++i) {
        ids_.push_back(subscribers[i].id);
        workers_.push_back(std::make_unique<SubscriberWorker>(subscribers[i], std::move(secrets[i]), owner_,
                                                              *sessions_, signal_, timing));
    }
}

WebhookDispatcher::~WebhookDispatcher() { stop(); }

void WebhookDispatcher::start() {
    if (!threads_.empty()) {
        return;
    }
    for (auto& worker : workers_) {
        threads_.emplace_back([&worker](std::stop_token stop) { worker->run(stop); });
    }
}

void WebhookDispatcher::stop() {
    for (auto& thread : threads_) {
        thread.request_stop();
    }
    signal_.notify();  // wakes workers waiting for new events; they look at their stop token and end
    threads_.clear();  // joins
}

}  // namespace finsam::webhook
