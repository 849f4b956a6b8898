// plugins/sdk/testkit/golden_file.h — everything a connector emitted as canonical JSON, compared
// with a file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "collecting_sink.h"

namespace finsam::sdk::testkit {

/// Environment variable that makes matchesGolden() rewrite the expected file instead of comparing.
inline constexpr const char* kUpdateGoldenVariable = "FINSAM_UPDATE_GOLDEN";

/// Pretty, deterministic JSON of `collected`: records (entity, key, operation, position, fields
/// with name/value/column, raw), problems (with the entity and key they protect), rejections,
/// snapshots and warnings, in emission order. A position's source is reduced to its file name so
/// fixtures can move; URLs are kept whole. A container holding only scalars is written on one line,
/// so a field or a position is one line of the file.
std::string toGoldenJson(const Collected& collected);

/// Compares toGoldenJson(collected) with the file at `goldenPath`, naming the first differing line.
/// With FINSAM_UPDATE_GOLDEN=1 the file is (re)written and the check passes: read the diff before
/// committing it.
::testing::AssertionResult matchesGolden(const Collected& collected, const std::string& goldenPath);

}  // namespace finsam::sdk::testkit
