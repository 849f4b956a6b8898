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

/// The earliest recorded version, or nullptr when none has a readable time.
const Consent* firstRecorded(const ConsentHistory& history);

/// The consents as they stood on `day`, for questions about the past ("was this link allowed on D?"): each
/// consent's version recorded by the end of D, or, for a consent the hub first learnt of after D (a register
/// loaded later than it was signed), its first recorded version, whose own dates then decide.
std::vector<Consent> consentsStoodOn(const std::vector<ConsentHistory>& histories, const std::string& day);

}  // namespace finsam::consent
