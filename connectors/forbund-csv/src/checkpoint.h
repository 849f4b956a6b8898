// connectors/forbund-csv/src/checkpoint.h — the opaque checkpoint: which set was applied last.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace finsam::connectors::forbund_csv {

/// Identifies the last applied (or rejected) set: KLAR's modification time and the sheets' content
/// hash. Text form: {"v":1,"klar_mtime_ns":<int64>,"sha256":"<hex>"}, written deterministically, so
/// two checkpoints name the same set exactly when their texts are equal: a set is read again only
/// when KLAR was rewritten or the content differs.
struct Checkpoint {
    std::int64_t markerTimeNs = 0;
    std::string contentHash;

    std::string toString() const;
    /// nullopt for text this connector did not write; "" is the empty checkpoint (nothing yet).
    static std::optional<Checkpoint> parse(const std::string& text);
};

}  // namespace finsam::connectors::forbund_csv
