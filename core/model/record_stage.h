// core/model/record_stage.h — the interface every per-record pipeline stage implements.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>

#include "core/model/work_record.h"

namespace finsam::model {

/// A pure, per-record step before the store (normalise, validate, identity, consent). Stages are immutable
/// after construction and may be shared by threads; process() must not do I/O.
class RecordStage {
public:
    virtual ~RecordStage() = default;
    virtual std::string_view name() const = 0;
    /// Transforms `record` in place, or returns why it must be quarantined.
    virtual std::optional<Rejection> process(WorkRecord& record) const = 0;
};

}  // namespace finsam::model
