// tests/partner_server/fault.cpp — the builders, so a test says what goes wrong, not how it is encoded.
// SPDX-License-Identifier: Apache-2.0
#include "fault.h"

#include <array>
#include <utility>

namespace finsam::testing {

namespace {

struct NamedKind {
    FaultKind kind;
    const char* name;
};

constexpr std::array<NamedKind, 12> kNames = {{
    {FaultKind::kServiceUnavailable, "service-unavailable"},
    {FaultKind::kTooManyRequests, "too-many-requests"},
    {FaultKind::kUnauthorized, "unauthorized"},
    {FaultKind::kExpireTokens, "expire-tokens"},
    {FaultKind::kSlow, "slow"},
    {FaultKind::kDrop, "drop"},
    {FaultKind::kCutBody, "cut-body"},
    {FaultKind::kInvalidJson, "invalid-json"},
    {FaultKind::kWrongShape, "wrong-shape"},
    {FaultKind::kUnknownResourceType, "unknown-resource-type"},
    {FaultKind::kBadIdentifier, "bad-identifier"},
    {FaultKind::kMissingField, "missing-field"},
}};

Fault make(FaultKind kind, std::string pathPrefix, int times) {
    Fault fault;
    fault.kind = kind;
    fault.pathPrefix = std::move(pathPrefix);
    fault.times = times;
    return fault;
}

}  // namespace

Fault Fault::serviceUnavailable(std::string pathPrefix, int times, int status) {
    Fault fault = make(FaultKind::kServiceUnavailable, std::move(pathPrefix), times);
    fault.status = status;
    return fault;
}

Fault Fault::tooManyRequests(std::string pathPrefix, std::chrono::seconds retryAfter, int times) {
    Fault fault = make(FaultKind::kTooManyRequests, std::move(pathPrefix), times);
    fault.retryAfter = retryAfter;
    return fault;
}

Fault Fault::tooManyRequestsUntil(std::string pathPrefix, std::chrono::seconds retryAfter, int times) {
    Fault fault = tooManyRequests(std::move(pathPrefix), retryAfter, times);
    fault.retryAfterAsDate = true;
    return fault;
}

Fault Fault::unauthorized(std::string pathPrefix, int times) {
    return make(FaultKind::kUnauthorized, std::move(pathPrefix), times);
}

Fault Fault::expireTokens(std::string pathPrefix, int times) {
    return make(FaultKind::kExpireTokens, std::move(pathPrefix), times);
}

Fault Fault::slow(std::string pathPrefix, std::chrono::milliseconds delay, int times) {
    Fault fault = make(FaultKind::kSlow, std::move(pathPrefix), times);
    fault.delay = delay;
    return fault;
}

Fault Fault::drop(std::string pathPrefix, int times) { return make(FaultKind::kDrop, std::move(pathPrefix), times); }

Fault Fault::cutBody(std::string pathPrefix, int times) {
    return make(FaultKind::kCutBody, std::move(pathPrefix), times);
}

Fault Fault::malformed(FaultKind kind, std::string pathPrefix, int times) {
    return make(kind, std::move(pathPrefix), times);
}

Fault Fault::missingField(std::string pathPrefix, std::string field, int times) {
    Fault fault = make(FaultKind::kMissingField, std::move(pathPrefix), times);
    fault.field = std::move(field);
    return fault;
}

const char* faultName(FaultKind kind) {
    for (const auto& named : kNames) {
        if (named.kind == kind) {
            return named.name;
        }
    }
    return "unknown";
}

std::optional<FaultKind> faultKindNamed(std::string_view name) {
    for (const auto& named : kNames) {
        if (name == named.name) {
            return named.kind;
        }
    }
    return std::nullopt;
}

bool spoilsBody(FaultKind kind) {
    switch (kind) {
        case FaultKind::kInvalidJson:
        case FaultKind::kWrongShape:
        case FaultKind::kUnknownResourceType:
        case FaultKind::kBadIdentifier:
        case FaultKind::kMissingField:
            return true;
        default:
            return false;
    }
}

}  // namespace finsam::testing
