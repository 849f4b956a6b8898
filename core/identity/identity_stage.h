// core/identity/identity_stage.h — replaces the clear personnummer by a keyed link key; the number goes no further.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include "core/identity/identity_encoder.h"
#include "core/identity/pseudonymizer.h"
#include "core/model/record_stage.h"

namespace finsam::identity {

/// For a record with a `personnummer`: parses it (architecture §3), derives kön and födelseår when the source
/// gave none, sets record.person to the HMAC link key and erases the number. A record with only a
/// `reservnummer` (a region's own number) gets a person keyed within its organisation (Pseudonymizer::localKey),
/// which only probabilistic linkage can link to another organisation's. `anonym` = true or
/// `skyddad` = true (skyddade personuppgifter) make the record anonymous instead: the number is dropped unread
/// and no link key is made. An unparseable number quarantines the record without quoting it.
/// With an encoder, an identified record's person also gets its keyed Bloom-filter encoding and blocking tags
/// (number, names, birth date — given, or the number's — and kön). Names and birth date are erased from every
/// record whatever becomes of it.
class IdentityStage : public model::RecordStage {
public:
    /// `encodings`: also make encodings and blocking tags (probabilistic linkage is on).
    explicit IdentityStage(const Pseudonymizer& pseudonymizer, bool encodings = false) : pseudonymizer_(pseudonymizer) {
        if (encodings) {
            encoder_.emplace(pseudonymizer);
        }
    }
    std::string_view name() const override { return "identity"; }
    std::optional<model::Rejection> process(model::WorkRecord& record) const override;

private:
    /// `number`: normalised, or "" for a reservnummer person; `numbersBirthDate`: used when the source gave none.
    void encode(model::PersonRef& person, const std::string& number, const std::string& numbersBirthDate,
                const model::WorkRecord& record) const;

    const Pseudonymizer& pseudonymizer_;
    std::optional<IdentityEncoder> encoder_;
};

}  // namespace finsam::identity
