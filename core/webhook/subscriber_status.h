// core/webhook/subscriber_status.h — GET /v1/admin/subscribers: each subscriber's cursor, lag and health.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/store/database.h"

namespace finsam::webhook {

/// [{"id","cursor","head","lag_events","delivered_events","last_success_at","last_attempt_at",
///   "consecutive_failures","last_error","next_attempt_at","state"}] for `ids`, in that order. `head` and
/// `lag_events` count only events passing the subscriber's filter. state: "retrying" after a failed attempt,
/// else "idle" when nothing waits, else "never_delivered" before the first 2xx, else "ok" (catching up).
/// An id not registered yet shows cursor 0 and state never_delivered (or idle).
std::string subscriberStatusesJson(store::Database& database, const std::vector<std::string>& ids);

}  // namespace finsam::webhook
