// core/consent/consent_history.h — the consent as it stood at a given time (architecture §4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/consent/consent.h"

namespace finsam::consent {

/// The version that stood at `at`: the latest recorded on or before it (ties: the later in
/// `versions`). `at` and recordedAt are ISO 8601 timestamps (Z or ±hh:mm; none = UTC) or
/// YYYY-MM-DD dates, compared as instants, never as strings. A date is a day in Swedish local time
/// (codes.md): as `at` it means the end of that day, as recordedAt its start. nullptr when nothing
/// was recorded by then or `at` is malformed; malformed versions are skipped. The pointer is into
/// `history`.
const Consent* asOf(const ConsentHistory& history, const std::string& at);

/// asOf over every history; consents not yet recorded at `at` are left out.
std::vector<Consent> consentsAsOf(const std::vector<ConsentHistory>& histories,
                                  const std::string& at);

}  // namespace finsam::consent
