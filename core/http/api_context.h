// core/http/api_context.h — what request handlers share: store connections, auth, readiness.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "core/consent/consent.h"
#include "core/http/token_authenticator.h"
#include "core/store/session_pool.h"

namespace finsam::http {

struct ApiContext {
    store::SessionPool& sessions;
    const TokenAuthenticator& authenticator;
    std::atomic<bool>& ready;  ///< false while migrating or when the store is unreachable
    consent::WindowConfig window{};  ///< hub.json consent.* (explain's "was this link allowed on D?")
    std::vector<std::string> connectors{};  ///< configured connector instance ids, for their status
};

}  // namespace finsam::http
