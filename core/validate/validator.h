// core/validate/validator.h — checks a normalised record against the canonical schema before it may be stored.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/record_stage.h"

namespace finsam::validate {

/// Rules: the entity and every field exist in the canonical schema; required fields are present; values have
/// their type (dates are real dates, years four digits, codes canonical); a list only where the schema allows
/// one; periods do not end before they start; neither the key nor a free-text value holds a personnummer (they
/// are stored and published unchanged). Retractions carry no fields and pass.
class Validator : public model::RecordStage {
public:
    std::string_view name() const override { return "validate"; }
    std::optional<model::Rejection> process(model::WorkRecord& record) const override;
};

}  // namespace finsam::validate
