// tests/partner_server/prompt_shutdown.h — stopping a LoopbackServer without waiting out Poco's accept poll.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include "tests/support/loopback_server.h"

namespace finsam::testing::partner {

/// Destroys `server`. Poco's TCPServer notices stop() only when its 250 ms accept poll ends; connecting to
/// the port while it stops ends the poll at once. Suites that make a server per test run seconds faster.
void destroyPromptly(std::unique_ptr<LoopbackServer>& server);

}  // namespace finsam::testing::partner
