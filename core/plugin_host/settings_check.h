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

class PluginHost;

/// Loads the instance's plugin from `dirs` (a failure is a problem at /plugin) and checks its settings.
std::vector<std::string> checkInstance(const config::ConnectorInstanceConfig& instance, PluginHost& plugins,
                                       const std::vector<std::string>& dirs);

}  // namespace finsam::plugin_host
