// core/normalise/normaliser.h — maps partner display values to canonical codes through the connector's tables.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/record_stage.h"
#include "core/normalise/code_mapping.h"

namespace finsam::normalise {

/// Replaces every value of a mapped field by its canonical code. A value the table does not know
/// quarantines the record, naming the field, the column and the value (codes.md: "name the code").
class Normaliser : public model::RecordStage {
public:
    explicit Normaliser(CodeMapping mapping) : mapping_(std::move(mapping)) {}
    std::string_view name() const override { return "normalise"; }
    std::optional<model::Rejection> process(model::WorkRecord& record) const override;

private:
    CodeMapping mapping_;
};

}  // namespace finsam::normalise
