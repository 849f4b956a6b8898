// connectors/kommun-api/src/kommun_api_run.cpp
// SPDX-License-Identifier: Apache-2.0
#include "kommun_api_run.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <exception>

#include "fetch_failure.h"
#include "finsam/http_client/redaction.h"
#include "item_raw.h"
#include "ledger_codec.h"
#include "participation_item.h"
#include "payment_join.h"

namespace finsam::connectors::kommun_api {

namespace {

// RFC 3986 unreserved characters pass; everything else of an opaque cursor is percent-encoded.
std::string percentEncode(const std::string& text) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out += {'%', kHex[c >> 4], kHex[c & 15]};
        }
    }
    return out;
}

// The item's id for a message: payment ids such as EB-2019-000123 hold ten digits, so the toolkit's
// quoting would withhold every one; only an id the redaction would change is withheld.
std::string idForMessage(const std::string& id) {
    const std::string shown = id.size() > 64 ? id.substr(0, 64) + "…" : id;
    return http_client::redact(shown) == shown ? "'" + shown + "'" : "(id withheld: it looks like a personnummer)";
}

sdk::Problem problemOf(const ItemFault& fault, const rapidjson::Value& item, const sdk::Position& position,
                       const char* what, const char* entity, const std::string& key) {
    const std::string id = itemId(item);
    const std::string name = id.empty() ? std::string(what) + " at item " + std::to_string(position.line)
                                        : std::string(what) + " " + idForMessage(id);
    return {position, 0, fault.field, fault.code, name + ": " + fault.reason, withheldRaw(item), entity, key};
}

}  // namespace

KommunApiRun::KommunApiRun(Settings settings, std::unique_ptr<PageFetcher> fetcher, PersonTokens tokens,
                           Checkpoint checkpoint, PaymentLedger ledger)
    : settings_(std::move(settings)),
      fetcher_(std::move(fetcher)),
      tokens_(std::move(tokens)),
      checkpoint_(std::move(checkpoint)),
      ledger_(std::move(ledger)) {}

std::string KommunApiRun::pageUrl(std::size_t endpoint, const std::optional<std::string>& cursor) const {
    std::string url = settings_.baseUrl + kEndpoints[endpoint].path + "?limit=" + std::to_string(settings_.limit);
    if (cursor) {
        url += "&cursor=" + percentEncode(*cursor);
    }
    return url;
}

sdk::BatchOutcome KommunApiRun::outcome(sdk::Result result) const {
    sdk::BatchOutcome out;
    out.result = std::move(result);
    out.checkpoint = checkpoint_.toJson();
    out.drained = endpoint_ >= kEndpoints.size();
    return out;
}

namespace {

constexpr std::size_t kMaxPagesPerBatch = 50;

}  // namespace

std::vector<KommunApiRun::ReadPage> KommunApiRun::fetchPages(std::size_t maxItems) {
    std::vector<ReadPage> pages;
    std::optional<std::string> cursor = checkpoint_.cursors[endpoint_];
    std::set<std::string> asked;  ///< cursors this batch asked for: a server cycling through them never ends
    std::size_t items = 0;
    while (true) {
        if (cursor) {
            asked.insert(*cursor);
        }
        const std::string url = pageUrl(endpoint_, cursor);
        try {
            FetchedPage fetched = fetcher_->fetch(url);
            if (fetched.status != 200) {
                failure_ = resultOfStatus(fetched.status, url, fetched.body);
                break;
            }
            std::string why;
            auto page = parsePage(fetched.body, why);
            if (!page) {
                failure_ = resultOfShape(url, why);
                break;
            }
            if (page->hasMore && asked.count(page->nextCursor) != 0) {
                failure_ = resultOfShape(url, "next_cursor repeats a cursor asked for, so paging would never end");
                break;
            }
            items += page->items().Size();
            cursor = page->nextCursor;
            const bool last = !page->hasMore;
            pages.push_back({url, std::move(*page)});
            // Pages without items still end the batch after a while: its cursor commits, and a stop or pause
            // between batches is heard even if the server says "more" forever.
            if (last || items >= maxItems || pages.size() >= kMaxPagesPerBatch) {
                break;
            }
        } catch (const FetchError& error) {
            failure_ = resultOf(error, kEndpoints[endpoint_].path);
            break;
        }
    }
    return pages;
}

void KommunApiRun::applyPayments(const std::vector<ReadPage>& pages, sdk::RecordSink& sink) {
    PaymentJoin join(tokens_, ledger_);
    for (const auto& [url, page] : pages) {
        const auto& items = page.items();
        for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
            const sdk::Position position{url, static_cast<std::int64_t>(i) + 1};
            PaymentRead read = readPayment(items[i]);
            if (read.payment) {
                join.apply(*read.payment, position);
                sink.acceptedWithoutRecord(position);  // its period's record may carry another item's position
            } else {
                // A payment is no entity of its own: the problem names the periods it would have fed.
                sink.quarantine(problemOf(*read.fault, items[i], position, "payment", "ersattningsperiod", ""));
            }
        }
    }
    join.flush(sink);
    checkpoint_.ledger = encodeLedger(ledger_);
}

void KommunApiRun::applyParticipations(const std::vector<ReadPage>& pages, sdk::RecordSink& sink) {
    for (const auto& [url, page] : pages) {
        const auto& items = page.items();
        for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
            const sdk::Position position{url, static_cast<std::int64_t>(i) + 1};
            ParticipationRead read = readParticipation(items[i], position);
            if (read.record) {
                sink.accept(std::move(*read.record));
            } else {
                sink.quarantine(problemOf(*read.fault, items[i], position, "participation", "deltagande", read.id));
            }
        }
    }
}

sdk::BatchOutcome KommunApiRun::readBatch(std::size_t maxRecords, sdk::RecordSink& sink) {
    if (broken_) {
        return outcome({sdk::Status::kInternalError, "kommun-api: an earlier batch of this run failed; open it again"});
    }
    if (failure_) {
        sdk::Result failure = std::move(*failure_);
        failure_.reset();
        return outcome(std::move(failure));
    }
    // Items, not records: a page is the unit a cursor moves by. An endpoint that has nothing more leaves the
    // rest of the budget to the next, so a run restarted after every batch still reaches the last endpoint.
    std::size_t budget = std::max<std::size_t>(maxRecords, 1);
    bool applied = false;
    while (endpoint_ < kEndpoints.size() && budget > 0) {
        std::vector<ReadPage> pages;
        try {
            pages = fetchPages(budget);
        } catch (const std::exception& e) {
            failure_ = sdk::Result{sdk::Status::kInternalError, std::string("kommun-api: ") + e.what()};
        }
        if (pages.empty()) {
            break;  // failure_ says why: now, or after what this batch already applied
        }
        try {
            if (endpoint_ == kPayments) {
                applyPayments(pages, sink);
            } else {
                applyParticipations(pages, sink);
            }
        } catch (const std::exception& e) {
            broken_ = true;  // the ledger may be half applied; the host keeps the last committed checkpoint
            return outcome({sdk::Status::kInternalError, std::string("kommun-api: ") + e.what()});
        }
        applied = true;
        std::size_t items = 0;
        for (const auto& read : pages) {
            items += read.page.items().Size();
        }
        budget -= std::min(budget, items);
        checkpoint_.cursors[endpoint_] = pages.back().page.nextCursor;
        if (pages.back().page.hasMore) {
            break;
        }
        ++endpoint_;
    }
    if (!applied && failure_) {
        sdk::Result failure = std::move(*failure_);
        failure_.reset();
        return outcome(std::move(failure));
    }
    return outcome({});
}

std::unique_ptr<KommunApiRun> openRun(Settings settings, const std::string& checkpointText, const std::string& joinKey,
                                      std::unique_ptr<PageFetcher> fetcher, sdk::Result& error) {
    if (joinKey.size() < kMinJoinKeyBytes) {
        error = {sdk::Status::kInvalidConfig,
                 "kommun-api: /join_key: the join key must be at least " + std::to_string(kMinJoinKeyBytes) + " bytes"};
        return nullptr;
    }
    PersonTokens tokens(joinKey);
    auto checkpoint = Checkpoint::parse(checkpointText);
    if (!checkpoint) {
        error = {sdk::Status::kInvalidConfig,
                 "kommun-api: the stored checkpoint is not a kommun-api checkpoint; reset it to read the API anew"};
        return nullptr;
    }
    if (checkpoint->keyCheck.empty()) {
        checkpoint->keyCheck = tokens.keyCheck();
    } else if (checkpoint->keyCheck != tokens.keyCheck()) {
        // Every person of the ledger would be a stranger under this key: their periods could not be updated.
        error = {sdk::Status::kInvalidConfig,
                 "kommun-api: /join_key is not the key the stored checkpoint was made with; restore that key, or "
                 "reset the checkpoint to read every page again (the periods keep their keys)"};
        return nullptr;
    }
    auto ledger = decodeLedger(checkpoint->ledger);
    if (!ledger) {
        error = {sdk::Status::kInvalidConfig,
                 "kommun-api: the payment ledger in the stored checkpoint cannot be read; reset the checkpoint"};
        return nullptr;
    }
    return std::make_unique<KommunApiRun>(std::move(settings), std::move(fetcher), std::move(tokens),
                                          std::move(*checkpoint), std::move(*ledger));
}

}  // namespace finsam::connectors::kommun_api
