// connectors/fk-fixed/src/fk_fixed_export.cpp — the plugin's entry points (ABI stamp + Poco
// manifest).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/sdk/export.h"
#include "fk_fixed_connector.h"

FINSAM_CONNECTOR_EXPORT(finsam::connectors::fk_fixed::FkFixedConnector, "fk-fixed")
