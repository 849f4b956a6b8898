// plugins/http-client/include/finsam/http_client/http_client.h — the HTTP layer shared by HTTP connectors
// (README.md in plugins/http-client). Include this one header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "authenticator.h"
#include "client.h"
#include "connection_settings.h"
#include "http_error.h"
#include "options.h"
#include "redaction.h"
#include "response.h"
#include "secrets.h"
#include "timing.h"
