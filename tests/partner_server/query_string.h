// tests/partner_server/query_string.h — URL queries and form bodies as decoded name/value pairs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finsam::testing::partner {

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

/// Splits "a=1&b=x%2By" into percent-decoded pairs, in order. `plusIsSpace` is for form bodies
/// (application/x-www-form-urlencoded); URL queries keep '+', because clients send FHIR times such as
/// `ge2020-12-10T02:00:00+01:00` unencoded and a '+' read as a space would move the time zone.
QueryParameters parseQuery(std::string_view text, bool plusIsSpace);

/// The value of the first parameter named `name`, if any.
std::optional<std::string> firstValue(const QueryParameters& parameters, std::string_view name);

/// A whole decimal number in [minimum, maximum], or nothing.
std::optional<long long> parseBoundedInteger(std::string_view text, long long minimum, long long maximum);

}  // namespace finsam::testing::partner
