// core/plugin_host/settings_check.h — an instance's settings against its plugin's schema and check().
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "finsam/sdk/connector.h"

namespace finsam::plugin_host {

/// Every problem with `instance.settingsJson` for `connector`, as "file: /settings/pointer: reason": first
/// the connector's JSON Schema, then (when that passes) its own semantic check(). Used by check-config and
/// before every run, so a plugin never sees settings its schema refuses.
std::vector<std::string> checkSettings(const sdk::Connector& connector, const config::ConnectorInstanceConfig& instance);

}  // namespace finsam::plugin_host
