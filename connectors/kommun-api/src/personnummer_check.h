// connectors/kommun-api/src/personnummer_check.h — is a `personnummer` member a number the hub can use?
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::kommun_api {

/// Why `number` is not a personnummer or samordningsnummer in the API's form YYYYMMDDNNNN (12 digits, a real
/// date, day + 60 for samordningsnummer, Luhn check digit over the last ten); nullopt when it is one. The
/// payment join keys persons by these numbers, so a payment naming a broken one is quarantined before it
/// joins anything. The reason never repeats the number.
std::optional<std::string> personnummerFault(std::string_view number);

}  // namespace finsam::connectors::kommun_api
