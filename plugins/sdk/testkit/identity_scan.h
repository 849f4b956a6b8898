// plugins/sdk/testkit/identity_scan.h — finding personnummer-shaped text in what a connector says.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "collecting_sink.h"

namespace finsam::sdk::testkit {

/// Every personnummer- or samordningsnummer-shaped run in `text`: 10 or 12 digits, optionally with
/// '-' or '+' before the last four, not part of a longer digit run. Shape only: no date or Luhn
/// check.
std::vector<std::string> findIdentityLike(std::string_view text);

/// `text` with each such run replaced by "[pnr]", for printing test diagnostics.
std::string maskIdentityLike(std::string_view text);

/// Fails naming where (never what) when a problem, rejection or warning message carries an
/// identity. Fields and raw rows are exempt: they are meant to carry identities to the host.
::testing::AssertionResult messagesFreeOfIdentities(const Collected& collected);

}  // namespace finsam::sdk::testkit
