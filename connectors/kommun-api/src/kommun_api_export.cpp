// connectors/kommun-api/src/kommun_api_export.cpp — the plugin's entry points (ABI stamp + Poco manifest).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/sdk/export.h"
#include "kommun_api_connector.h"

FINSAM_CONNECTOR_EXPORT(finsam::connectors::kommun_api::KommunApiConnector, "kommun-api")
