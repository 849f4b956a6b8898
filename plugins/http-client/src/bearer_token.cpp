// plugins/http-client/src/bearer_token.cpp — a fixed token from the connector's secret source.
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/authenticator.h"

namespace finsam::http_client {

namespace {

class BearerToken final : public Authenticator {
public:
    explicit BearerToken(std::string token) : token_(std::move(token)) {}
    std::string authorization() override { return "Bearer " + token_; }
    bool refresh() override { return false; }  // nothing to renew it from: a 401 means the token is refused
    std::vector<std::string> secrets() const override { return {token_}; }

private:
    std::string token_;
};

}  // namespace

std::unique_ptr<Authenticator> bearerToken(std::string token) {
    return std::make_unique<BearerToken>(std::move(token));
}

}  // namespace finsam::http_client
