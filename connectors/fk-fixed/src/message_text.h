// connectors/fk-fixed/src/message_text.h — file names and numbers as they may appear in messages.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace finsam::connectors::fk_fixed {

/// A batch file's path for messages and logs: every run of ten or more digits (the
/// organisationsnummer in fk_ers_<orgnr>_<batchnr>.txt) becomes "<orgnr>", because the hub treats
/// any ten-digit run as a possible personnummer and would redact it anyway.
/// "redelivery/fk_ers_2220001230_00000007.txt" -> "redelivery/fk_ers_<orgnr>_00000007.txt".
std::string fileForMessage(std::string_view relativePath);

/// A count or sum for messages, grouped by spaces from 10 000 on ("1 000 000 000"), so a large
/// figure never forms a ten-digit run.
std::string numberForMessage(std::int64_t value);

}  // namespace finsam::connectors::fk_fixed
