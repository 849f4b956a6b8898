// tests/generator/swedish_time.h — RFC 3339 timestamps in Swedish local time (CET/CEST).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/calendar.h"

#include <string>

namespace finsam::generator {

/// True when `day` at `hour` (local) falls in summer time: from 02:00 on the last Sunday of March
/// to 03:00 on the last Sunday of October (EU rule).
bool isSummerTime(Date day, int hour);

/// "YYYY-MM-DDThh:mm:ss+01:00" (or +02:00 in summer time) for local `hour`:`minute` on `day`.
std::string swedishTimestamp(Date day, int hour, int minute);

}  // namespace finsam::generator
