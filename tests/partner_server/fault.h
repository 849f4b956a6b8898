// tests/partner_server/fault.h — a misbehaviour the partner server shows on demand: an error status, a
// wait, a cut connection, a refused or expired token, or a page spoiled in one way.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace finsam::testing {

enum class FaultKind {
    // Before answering:
    kServiceUnavailable,  ///< answers `status` (503 unless set) instead
    kTooManyRequests,     ///< answers 429 with Retry-After (seconds, or an HTTP-date `retryAfter` from now)
    kUnauthorized,        ///< answers 401 as if the credential were refused (kForever: every time)
    kExpireTokens,        ///< revokes every kommun token issued so far, then answers normally (→ 401)
    kSlow,                ///< waits `delay`, then answers normally
    kDrop,                ///< closes the connection without answering
    kCutBody,             ///< announces the whole body, sends half, closes
    // Spoiling a 200 page (a body fault counts and hits only answers it can spoil):
    kInvalidJson,          ///< the body cut in half: not valid JSON
    kWrongShape,           ///< valid JSON of the wrong shape: an OperationOutcome for a Bundle, a kommun
                           ///< page without items, a token answer without access_token
    kUnknownResourceType,  ///< a Bundle gets an extra match entry of type Observation
    kBadIdentifier,        ///< a personnummer gets a wrong check digit (first included Patient / first item)
    kMissingField,         ///< the first match / item loses `field` ("patient" / "id" when empty)
};

/// Hits the requests whose path starts with `pathPrefix` ("" = every request): lets `after` of them through,
/// then hits the next `times` (kForever: all). Made by the builders below, e.g.
/// `Fault::serviceUnavailable("/R4/EpisodeOfCare", 2)` or `Fault::drop("/api/v1").afterRequests(3)`.
struct Fault {
    static constexpr int kForever = -1;

    FaultKind kind = FaultKind::kServiceUnavailable;
    std::string pathPrefix;
    int times = 1;
    int after = 0;
    int status = 503;                                          ///< kServiceUnavailable
    std::optional<std::chrono::seconds> retryAfter;            ///< kTooManyRequests; none: no header
    bool retryAfterAsDate = false;                             ///< send Retry-After as an HTTP-date
    std::chrono::milliseconds delay = std::chrono::seconds(1);  ///< kSlow
    std::string field;                                         ///< kMissingField

    static Fault serviceUnavailable(std::string pathPrefix, int times = 1, int status = 503);
    static Fault tooManyRequests(std::string pathPrefix, std::chrono::seconds retryAfter, int times = 1);
    /// Retry-After as an HTTP-date `retryAfter` after the moment of answering.
    static Fault tooManyRequestsUntil(std::string pathPrefix, std::chrono::seconds retryAfter, int times = 1);
    static Fault unauthorized(std::string pathPrefix, int times = 1);
    static Fault expireTokens(std::string pathPrefix, int times = 1);
    static Fault slow(std::string pathPrefix, std::chrono::milliseconds delay, int times = 1);
    static Fault drop(std::string pathPrefix, int times = 1);
    static Fault cutBody(std::string pathPrefix, int times = 1);
    /// kInvalidJson, kWrongShape, kUnknownResourceType, kBadIdentifier or kMissingField (default field).
    static Fault malformed(FaultKind kind, std::string pathPrefix, int times = 1);
    static Fault missingField(std::string pathPrefix, std::string field, int times = 1);

    /// Lets `count` matching requests through first: the fault hits request count + 1 (the Nth: N − 1).
    Fault& afterRequests(int count) {
        after = count;
        return *this;
    }
};

/// The kebab-case name used by --fault and in reports, e.g. "service-unavailable".
const char* faultName(FaultKind kind);
std::optional<FaultKind> faultKindNamed(std::string_view name);
/// True for the kinds that spoil a 200 answer's body rather than replace the answer.
bool spoilsBody(FaultKind kind);

/// One fault as it happened, for assertions.
struct AppliedFault {
    FaultKind kind;
    std::string method;
    std::string target;  ///< path and query of the request it hit
    std::string detail;  ///< what was changed, e.g. "Patient/pat-100004: personnummer check digit changed"
};

/// Reads a --fault value: NAME[,path=P][,times=N|forever][,after=N][,status=N][,retry-after=S][,date]
/// [,delay-ms=N][,field=F]. NAME is a faultName(), or missing-patient (missing-field with field=patient) or
/// not-a-bundle (wrong-shape). Throws std::invalid_argument saying what is wrong.
Fault parseFaultSpec(std::string_view spec);
/// The --fault syntax and names, for --help.
std::string faultSpecHelp();

}  // namespace finsam::testing
