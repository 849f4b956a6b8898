// plugins/mapped-csv/src/mapped_csv_export.cpp — the plugin's entry points (ABI stamp + Poco
// manifest).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/sdk/export.h"
#include "mapped_csv_connector.h"

FINSAM_CONNECTOR_EXPORT(finsam::connectors::mapped_csv::MappedCsvConnector, "mapped-csv")
