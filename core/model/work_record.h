// core/model/work_record.h — a partner record as it moves through the pipeline stages, and why a stage refused it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace finsam::model {

/// Why a record cannot go on; it becomes a quarantine entry with this reason.
struct Rejection {
    std::string code;     ///< e.g. unknown_code, bad_date, invalid_personnummer
    std::string field;    ///< canonical field name
    std::int32_t column = 0;
    std::string message;  ///< never contains an identity value
};

/// The person a record is about, once the identity stage has replaced the clear number.
struct PersonRef {
    std::string linkKind;    ///< personnummer | samordningsnummer | reservnummer
    std::string linkKeyId;   ///< id of the pseudonymisation key
    std::string linkKey;     ///< HMAC hex
    std::string kon;         ///< derived from the number when the source gave none
    std::string fodelsear;
    /// Probabilistic linkage (core/identity/identity_encoder.h): the keyed Bloom-filter encoding (hex, empty when
    /// none was made) and blocking tags. Neither can be turned back into the identity without the key.
    std::string encoding;
    std::vector<std::string> blockingTags;
    /// The link key under each earlier key of the chain (key id, value), oldest first; empty until a key is
    /// rotated. Kept in memory only: a consent's delivery releases participations held under an earlier key.
    std::vector<std::pair<std::string, std::string>> earlierLinkKeys;
};

/// The person's link key as a tag made on any day may name it: today's first, then the one under each earlier
/// key of the chain (PersonRef::earlierLinkKeys). Kind, key id and key only.
std::vector<PersonRef> linkKeysOverTime(const PersonRef& person);

struct WorkRecord {
    std::string connector;     ///< connector instance id
    std::string organisation;  ///< organisation the connector reads for
    std::string entity;
    std::string sourceKey;     ///< the source's id of the entity
    bool retract = false;
    bool amendment = false;    ///< the source says the entity exists already (sdk::Operation::kAmend)
    std::map<std::string, std::vector<std::string>> values;  ///< field -> values (one unless a list)
    std::map<std::string, std::int32_t> columns;             ///< field -> source column
    std::string source;
    std::int64_t line = 0;
    std::string raw;           ///< the source row; redacted before it is stored
    std::optional<PersonRef> person;  ///< set by the identity stage; empty = anonymous or no person
    bool anonymous = false;    ///< the SUS rule: no identity kept (consent missing, protected, or asked)
    /// Skyddade personuppgifter: the link key, held only so the store can anonymise what it already holds of
    /// this person (retroactively, at every organisation). Never stored, never attached to the record.
    std::optional<PersonRef> protectedPerson;
    std::int64_t sourceRecordId = 0;  ///< lineage id assigned when the batch is stored

    /// Hub-wide key of the entity: "<organisation>/<source key>".
    std::string entityKey() const { return organisation + "/" + sourceKey; }

    /// First value of `field`, or "" when absent.
    const std::string& value(const std::string& field) const;
    bool has(const std::string& field) const { return values.count(field) != 0; }
    std::int32_t column(const std::string& field) const;
};

}  // namespace finsam::model
