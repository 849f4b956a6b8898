// tests/partner_server/kommun_api.h — the kommun's REST endpoints (kommun-api.md): items in change
// order, paged by `limit` with opaque cursors, behind OAuth2 bearer tokens.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "answer.h"
#include "kommun_store.h"
#include "partner_request.h"
#include "token_issuer.h"

namespace finsam::testing::partner {

/// GET /api/v1/forsorjningsstod/utbetalningar and /api/v1/finsam/deltaganden ?limit=N[&cursor=C] →
/// {"items":[…],"next_cursor":"…","has_more":…}. `limit` 1–1000 (default 500), else 400; an unknown cursor
/// 400; a cursor at the end answers no items, the same cursor and has_more false.
class KommunApi {
public:
    static constexpr long long kMaxLimit = 1000;
    static constexpr long long kDefaultLimit = 500;

    KommunApi(const KommunStore& store, const TokenIssuer& tokens) : store_(store), tokens_(tokens) {}

    Answer answer(const PartnerRequest& request) const;

private:
    const KommunStore& store_;
    const TokenIssuer& tokens_;
};

}  // namespace finsam::testing::partner
