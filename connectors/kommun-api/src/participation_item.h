// connectors/kommun-api/src/participation_item.h — one item of /finsam/deltaganden, validated and mapped to a
// deltagande record (kommun-api.md "Items", Participation).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "finsam/sdk/connector.h"
#include "item_fields.h"

namespace finsam::connectors::kommun_api {

struct ParticipationRead {
    std::optional<sdk::Record> record;
    std::optional<ItemFault> fault;
    std::string id;  ///< when readable, also for a fault: the quarantine names the deltagande
};

/// The item as a `deltagande` record keyed by its id (a later item with the same id replaces the earlier, as
/// an upsert does). Values go as the kommun sends them: `kon` and `avslutsanledning` map through
/// config/mappings/kommun-api.json (felregistrerad → felregistrering, which the hub keeps and leaves out of
/// every count, as it does AF's Avslutskod 0). Identity, as the spec's last rule asks:
/// - skyddad: the number and `skyddad` go to the hub, which anonymises the participation and drops the
///   number unread after marking the person protected everywhere (as af-csv and fk-fixed do);
/// - anonym (not skyddad): `anonym` only; a number the item carries anyway is not passed on;
/// - otherwise the number must be there and valid.
/// `position` is where the item was read (page URL with its cursor, 1-based index).
ParticipationRead readParticipation(const rapidjson::Value& item, const sdk::Position& position);

}  // namespace finsam::connectors::kommun_api
