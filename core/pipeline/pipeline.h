// core/pipeline/pipeline.h — the per-record stages in order: normalise, validate, identity, consent.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "core/model/record_stage.h"

namespace finsam::pipeline {

/// Time spent per stage, for metrics and the ingest summary.
struct StageTimings {
    std::vector<std::pair<std::string, std::chrono::nanoseconds>> perStage;
};

/// The one readable list of stages a record passes before the store. Immutable once built.
class Pipeline {
public:
    explicit Pipeline(std::vector<std::unique_ptr<model::RecordStage>> stages) : stages_(std::move(stages)) {}

    /// Runs every stage on `record`; stops at the first rejection and returns it with the stage's name.
    std::optional<model::Rejection> run(model::WorkRecord& record, StageTimings* timings = nullptr) const;

    const std::vector<std::unique_ptr<model::RecordStage>>& stages() const { return stages_; }

private:
    std::vector<std::unique_ptr<model::RecordStage>> stages_;
};

}  // namespace finsam::pipeline
