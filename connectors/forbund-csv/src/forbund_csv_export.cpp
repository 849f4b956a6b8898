// connectors/forbund-csv/src/forbund_csv_export.cpp — the plugin's entry points (ABI stamp + Poco
// manifest).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/sdk/export.h"
#include "forbund_csv_connector.h"

FINSAM_CONNECTOR_EXPORT(finsam::connectors::forbund_csv::ForbundCsvConnector, "forbund-csv")
