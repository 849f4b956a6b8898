// tests/partner_server/partner_server.h — the region's FHIR server and the kommun's REST API in one
// real HTTP(S) server on 127.0.0.1, serving finsam-gen's data as the specs describe, with faults on demand.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fault.h"
#include "kommun_endpoints.h"
#include "tests/support/loopback_server.h"

namespace finsam::testing {

namespace partner {
class RegionStore;
class RegionFhirApi;
class KommunStore;
class KommunApi;
class TokenIssuer;
class FaultPlan;
struct PartnerRequest;
struct Answer;
}  // namespace partner

struct PartnerServerOptions {
    /// finsam-gen's --out DIR: serves DIR/region (FHIR) and DIR/kommun (REST); either may be absent.
    std::filesystem::path data{};
    std::optional<TlsServerFiles> tls{};  ///< HTTPS with these files; plain HTTP when unset
    /// 0: a free port. Another is taken with SO_REUSEADDR; a second server on it fails to start.
    std::uint16_t port = 0;
    /// The region's one accepted bearer token.
    std::string regionToken = "region-test-token";
    /// The kommun's one accepted OAuth2 client and the scopes it may ask for.
    std::string clientId = "finsam-hub";
    std::string clientSecret = "kommun-test-secret";
    std::string scope = "finsam.read";
    /// How long a kommun token lives. `expires_in` says this rounded up to seconds, so e.g. 300 ms makes
    /// tokens that expire before the client expects.
    std::chrono::milliseconds tokenLifetime = std::chrono::seconds(300);
    /// The region answers 406 unless Accept names application/fhir+json (or application/json): stricter than
    /// most servers, so a connector that forgets the header is caught.
    bool requireFhirAccept = true;
    /// Called with one line per answered request ("GET /R4/… -> 200"), e.g. to print an access log.
    std::function<void(const std::string&)> accessLog{};
};

/// Region FHIR (region-fhir.md):
///   GET /R4/{EpisodeOfCare|Consent}?_lastUpdated=ge{since}&_include={type}:patient&_sort=_lastUpdated&_count=N
///   → searchset Bundles of N matches in (meta.lastUpdated, then load) order, each with the Patients its
///   matches reference, `total`, and `link` self/next on this server. `ge` includes the boundary. Needs
///   `Authorization: Bearer <regionToken>` (else 401) and `Accept: application/fhir+json` (else 406).
/// Kommun (kommun-api.md):
///   POST /oauth2/token (client credentials) → {"access_token","token_type":"Bearer","expires_in","scope"};
///   GET /api/v1/forsorjningsstod/utbetalningar and /api/v1/finsam/deltaganden ?limit=N[&cursor=C] →
///   {"items","next_cursor","has_more"}; limit 1–1000 (else 400), unknown cursor 400, expired token 401.
/// All data are read at construction (the generator's pages only as a source of resources and items) and
/// paged by the server itself, so any `since`, `_count` and `limit` works. Thread-safe throughout.
class PartnerServer {
public:
    /// Loads the data, then listens (on options.port, or a free one). Throws std::runtime_error naming a file
    /// it cannot read, Poco::Net::NetException when the port is taken.
    explicit PartnerServer(PartnerServerOptions options);
    ~PartnerServer();
    PartnerServer(const PartnerServer&) = delete;
    PartnerServer& operator=(const PartnerServer&) = delete;

    // ---- where ----
    std::uint16_t port() const;
    /// "http(s)://127.0.0.1:PORT" followed by `path`.
    std::string url(std::string_view path = "") const;
    std::string regionBaseUrl() const { return url("/R4"); }  ///< the connector's FHIR base
    std::string kommunBaseUrl() const { return url(); }       ///< the connector's REST base
    std::string tokenUrl() const { return url("/oauth2/token"); }
    const PartnerServerOptions& options() const { return options_; }

    // ---- data: changes after the start, for incremental runs ----
    /// Loads another finsam-gen DIR as later changes: its kommun items are appended after the current ones;
    /// its region resources are put (a resource with the same type and id replaces the current version).
    void loadLaterChanges(const std::filesystem::path& data);
    /// Puts one EpisodeOfCare, Consent or Patient (JSON text with resourceType, id, meta.lastUpdated),
    /// replacing the current one with that type and id. Throws std::invalid_argument otherwise.
    void putRegionResource(std::string_view resourceJson);
    /// Appends one item (a JSON object) to kUtbetalningarEndpoint's or kDeltagandenEndpoint's change log.
    void appendKommunItem(std::string_view endpoint, std::string_view itemJson);
    /// Current EpisodeOfCare / Consent / Patient resources.
    std::size_t regionResourceCount(std::string_view type) const;
    std::size_t kommunItemCount(std::string_view endpoint) const;

    // ---- tokens ----
    /// Every kommun token issued so far answers 401 from now on; a fresh one works.
    void expireTokens();
    std::int64_t tokensIssued() const;

    // ---- faults ----
    void inject(Fault fault);
    /// Shorthand: inject(FaultKind::kServiceUnavailable, "/R4/EpisodeOfCare", 2).
    void inject(FaultKind kind, std::string pathPrefix, int times = 1);
    void clearFaults();
    /// Injected faults with hits left.
    std::size_t faultsArmed() const;
    /// Every fault that hit a request, in order.
    std::vector<AppliedFault> appliedFaults() const;

    // ---- request log ----
    std::vector<RecordedRequest> requests() const;
    /// Requests whose path starts with `pathPrefix` ("" = all).
    std::size_t requestCount(std::string_view pathPrefix = "") const;
    /// Request count per path (query left out).
    std::map<std::string, std::size_t> requestsByPath() const;
    void clearLog();
    /// The HTTP server underneath: connection counts, waitForRequests(), handler errors.
    LoopbackServer& loopback() { return *server_; }

private:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
    partner::Answer route(const partner::PartnerRequest& request);
    partner::Answer faultAnswer(const Fault& fault, const partner::PartnerRequest& request) const;
    void waitUnlessStopping(std::chrono::milliseconds delay);

    PartnerServerOptions options_;
    std::unique_ptr<partner::RegionStore> region_;
    std::unique_ptr<partner::KommunStore> kommun_;
    std::unique_ptr<partner::TokenIssuer> tokens_;
    std::unique_ptr<partner::RegionFhirApi> regionApi_;
    std::unique_ptr<partner::KommunApi> kommunApi_;
    std::unique_ptr<partner::FaultPlan> faults_;
    std::mutex stopMutex_;
    std::condition_variable stopChanged_;
    bool stopping_ = false;
    std::unique_ptr<LoopbackServer> server_;  // last: it stops (and its threads end) before the rest goes
};

}  // namespace finsam::testing
