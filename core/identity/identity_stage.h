// core/identity/identity_stage.h — replaces the clear personnummer by a keyed link key; the number goes no further.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/identity/pseudonymizer.h"
#include "core/model/record_stage.h"

namespace finsam::identity {

/// For a record with a `personnummer`: parses it (architecture §3), derives kön and födelseår when the source
/// gave none, sets record.person to the HMAC link key and erases the number. `anonym` = true or
/// `skyddad` = true (skyddade personuppgifter) make the record anonymous instead: the number is dropped unread
/// and no link key is made. An unparseable number quarantines the record without quoting it.
class IdentityStage : public model::RecordStage {
public:
    explicit IdentityStage(const Pseudonymizer& pseudonymizer) : pseudonymizer_(pseudonymizer) {}
    std::string_view name() const override { return "identity"; }
    std::optional<model::Rejection> process(model::WorkRecord& record) const override;

private:
    const Pseudonymizer& pseudonymizer_;
};

}  // namespace finsam::identity
