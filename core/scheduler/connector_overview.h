// core/scheduler/connector_overview.h — what IT staff see of a connector (GET /v1/admin/connectors, `finsam-hub
// status`, the admin page): its state, schedule, next and last run, checkpoint, counts, quarantine, warnings.
// Read from the store only, so every instance answers the same.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/store/database.h"

namespace finsam::scheduler {

/// One connector as a JSON object; with `runs` > 0, its latest runs too (newest first).
std::string connectorOverviewJson(store::Database& database, const config::HubConfig& hub,
                                  const config::ConnectorInstanceConfig& instance, std::size_t runs = 0);

/// Every connector in `instances`, as a JSON array.
std::string connectorOverviewsJson(store::Database& database, const config::HubConfig& hub,
                                   const std::vector<config::ConnectorInstanceConfig>& instances);

/// running | paused | failing | idle | disabled (see docs/operations.md).
std::string connectorState(store::Database& database, const config::ConnectorInstanceConfig& instance);

}  // namespace finsam::scheduler
