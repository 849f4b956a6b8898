// core/link/person_encodings.h — the store's encodings and blocking tags of persons (migration 0010).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/identity/identity_encoding.h"
#include "core/link/pair_classifier.h"
#include "core/model/work_record.h"
#include "core/store/database.h"

namespace finsam::link {

struct StoredEncoding {
    std::string personKey;
    std::string organisation;
    std::string keyId;
    identity::IdentityEncoding encoding;
};

/// Runs inside the caller's transaction.
class PersonEncodings {
public:
    explicit PersonEncodings(store::Database& database) : database_(database) {}

    /// Keeps the record's encoding for its person: fields the record lacks keep the held bits, so a source
    /// without names does not erase another record's. Tags are added, never removed (they only widen blocking).
    /// Returns true when the stored encoding changed.
    bool record(const std::string& personKey, const std::string& organisation, const model::PersonRef& person);

    std::optional<StoredEncoding> find(const std::string& personKey);

    /// Persons sharing a blocking tag with `personKey`, with encodings under `keyId`, of other organisations.
    std::vector<StoredEncoding> candidates(const std::string& personKey, const std::string& organisation,
                                           const std::string& keyId);

    /// Every encoding under `keyId` with its tags, as matching takes them (group = organisation); `personKeys`
    /// gets the person of each record.
    std::vector<EncodedRecord> all(const std::string& keyId, std::vector<std::string>& personKeys);

    std::int64_t count(const std::string& keyId);

    /// Erases the person's encoding, tags and matches, decided ones too (protected identity: nothing may lead
    /// back to the person).
    void erase(const std::string& personKey);

private:
    store::Database& database_;
};

}  // namespace finsam::link
