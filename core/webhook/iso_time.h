// core/webhook/iso_time.h — lease and retry times as the store keeps them: ISO 8601 UTC with milliseconds, the
// format of common::nowUtcIso(), so they compare as text in SQL on both backends.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

namespace finsam::webhook {

/// Now plus `delay`, e.g. 2026-11-23T10:15:30.123Z.
std::string isoUtcIn(std::chrono::milliseconds delay);

/// How long until `iso` (zero or negative when it has passed; zero when it cannot be parsed).
std::chrono::milliseconds untilIsoUtc(const std::string& iso);

}  // namespace finsam::webhook
