// connectors/region-fhir/src/region_fhir_export.cpp — the plugin's entry points (ABI stamp + Poco manifest).
// SPDX-License-Identifier: Apache-2.0
#include "finsam/sdk/export.h"
#include "region_fhir_connector.h"

FINSAM_CONNECTOR_EXPORT(finsam::connectors::region_fhir::RegionFhirConnector, "region-fhir")
