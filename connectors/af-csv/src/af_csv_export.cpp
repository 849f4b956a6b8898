// connectors/af-csv/src/af_csv_export.cpp — the plugin's entry points (ABI stamp + Poco manifest).
// SPDX-License-Identifier: Apache-2.0
#include "af_csv_connector.h"
#include "finsam/sdk/export.h"

FINSAM_CONNECTOR_EXPORT(finsam::connectors::af_csv::AfCsvConnector, "af-csv")
