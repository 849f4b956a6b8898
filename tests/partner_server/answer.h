// tests/partner_server/answer.h — what the server is about to send, so faults can change it first.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "tests/support/loopback_server.h"

namespace finsam::testing::partner {

inline constexpr std::string_view kFhirJson = "application/fhir+json; charset=utf-8";
inline constexpr std::string_view kJson = "application/json; charset=utf-8";

/// What a 200 body is, so a body fault knows whether (and how) it can spoil it.
enum class Payload { kOther, kBundle, kKommunPage, kToken };

struct Answer {
    int status = 200;
    std::string body;
    std::string contentType{kJson};
    HeaderFields headers;
    Payload payload = Payload::kOther;
};

/// A REST / OAuth2 error: {"error":"…","error_description":"…"}.
Answer jsonError(int status, std::string_view error, std::string_view description);

/// A FHIR error: an OperationOutcome with one issue.
Answer fhirError(int status, std::string_view code, std::string_view diagnostics);

}  // namespace finsam::testing::partner
