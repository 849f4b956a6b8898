// tests/partner_server/fault_spec.cpp — the --fault text of finsam-partner-server. Commas, not spaces,
// so a spec needs no quoting in a shell.
// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>
#include <string>

#include "fault.h"
#include "query_string.h"

namespace finsam::testing {

namespace {

int wholeNumber(const std::string& key, const std::string& value, long long minimum, long long maximum) {
    const auto number = partner::parseBoundedInteger(value, minimum, maximum);
    if (!number) {
        throw std::invalid_argument("--fault: " + key + " must be a whole number from " + std::to_string(minimum) +
                                    " to " + std::to_string(maximum) + ", not '" + value + "'");
    }
    return static_cast<int>(*number);
}

}  // namespace

Fault parseFaultSpec(std::string_view spec) {
    std::vector<std::string> parts;
    std::string part;
    for (const char c : spec) {
        if (c == ',') {
            parts.push_back(part);
            part.clear();
        } else {
            part.push_back(c);
        }
    }
    parts.push_back(part);

    Fault fault;
    const std::string& name = parts.front();
    if (name == "missing-patient") {
        fault.kind = FaultKind::kMissingField;
        fault.field = "patient";
    } else if (name == "not-a-bundle") {
        fault.kind = FaultKind::kWrongShape;
    } else if (const auto kind = faultKindNamed(name)) {
        fault.kind = *kind;
    } else {
        throw std::invalid_argument("--fault: unknown fault '" + name + "' (see --help)");
    }
    if (fault.kind == FaultKind::kTooManyRequests) {
        fault.retryAfter = std::chrono::seconds(1);
    }
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::size_t equals = parts[i].find('=');
        const std::string key = parts[i].substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : parts[i].substr(equals + 1);
        if (key == "path") {
            fault.pathPrefix = value;
        } else if (key == "times") {
            fault.times = value == "forever" ? Fault::kForever : wholeNumber(key, value, 1, 1'000'000'000);
        } else if (key == "after") {
            fault.after = wholeNumber(key, value, 0, 1'000'000'000);
        } else if (key == "status") {
            fault.status = wholeNumber(key, value, 500, 599);
        } else if (key == "retry-after") {
            fault.retryAfter = std::chrono::seconds(wholeNumber(key, value, 0, 86400));
        } else if (key == "date" && equals == std::string::npos) {
            fault.retryAfterAsDate = true;
        } else if (key == "delay-ms") {
            fault.delay = std::chrono::milliseconds(wholeNumber(key, value, 0, 3'600'000));
        } else if (key == "field" && !value.empty()) {
            fault.field = value;
        } else {
            throw std::invalid_argument("--fault: unknown or incomplete setting '" + parts[i] + "' in '" +
                                        std::string(spec) + "'");
        }
    }
    return fault;
}

std::string faultSpecHelp() {
    return "  --fault NAME[,path=PREFIX][,times=N|forever][,after=N][,status=5xx][,retry-after=S][,date]\n"
           "                [,delay-ms=N][,field=F]     (repeatable)\n"
           "    hits requests whose path starts with PREFIX (default: all): lets `after` through, then hits\n"
           "    `times` (default 1). NAME:\n"
           "      service-unavailable  answer `status` (503)\n"
           "      too-many-requests    429 with Retry-After: S seconds (1), or with `date` an HTTP-date S from now\n"
           "      unauthorized         401 (times=forever: always; the client's second 401 must fail it)\n"
           "      expire-tokens        revoke every kommun token issued so far; this request gets 401\n"
           "      slow                 wait delay-ms (1000), then answer\n"
           "      drop                 close the connection without answering\n"
           "      cut-body             send half the body, then close\n"
           "      invalid-json         a 200 page cut in half\n"
           "      wrong-shape          (not-a-bundle) an OperationOutcome instead of a Bundle; a kommun page\n"
           "                           without items; a token answer without access_token\n"
           "      unknown-resource-type  an extra Observation entry in a Bundle\n"
           "      bad-identifier       a personnummer with a wrong check digit (Patient include / kommun item)\n"
           "      missing-field        the first match / item loses `field` (patient / id); missing-patient\n"
           "  e.g. --fault service-unavailable,path=/R4/EpisodeOfCare,times=2 --fault drop,path=/api,after=3\n";
}

}  // namespace finsam::testing
