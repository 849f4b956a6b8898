// core/identity/redactor.h — removes anything shaped like a personnummer from text that leaves the hub's memory.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::identity {

/// Replaces every digit sequence that could be an identity number with "[pnr]": 10 or 12 consecutive digits,
/// 6 or 8 digits, then one to four separators ('-', '+', spaces, '.', Unicode dashes, no-break space), then 4
/// digits. Deliberately over-eager (it ignores validity): used on quarantine payloads, log lines and errors.
std::string redactIdentities(std::string_view text);

/// redactIdentities(), and the value after "Bearer ", "Basic " and after a key named like a secret
/// (token, secret, password, passwd, api_key, apikey, authorization — then '=' or ':' and optional quotes)
/// replaced with "[secret]": what every log line goes through.
std::string redactLogText(std::string_view text);

/// True when `text` contains anything redactIdentities() would replace.
bool containsIdentityLike(std::string_view text);

}  // namespace finsam::identity
