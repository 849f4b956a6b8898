// core/consent/consent_gate.h — no consent, no identity: the SUS rule for participations (architecture §4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/record_stage.h"

namespace finsam::consent {

/// A participation keeps its person only when it cites a consent (samtycke_ref). Otherwise, or when the
/// identity stage already made it anonymous, it becomes anonymous: the person and link key are dropped and
/// only kön, födelseår, the insats and the dates are kept. Whether the cited consent is in force, and
/// what it allows to be linked, is decided against the consent registry when records are linked.
class ConsentGate : public model::RecordStage {
public:
    std::string_view name() const override { return "consent"; }
    std::optional<model::Rejection> process(model::WorkRecord& record) const override;
};

}  // namespace finsam::consent
