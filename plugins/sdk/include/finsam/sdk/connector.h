// plugins/sdk/include/finsam/sdk/connector.h — the one versioned ABI between the hub and its connectors.
// Standard headers only: a connector never sees Poco, RapidJSON, SOCI or any core type.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace finsam::sdk {

/// ABI version. The host loads a plugin only when the major versions are equal and the plugin was built by
/// the same toolchain (this is a C++ ABI: std::string and vtables must match exactly). Minor versions only
/// add virtual hooks at the end of a class, each with a default implementation.
inline constexpr int kAbiMajor = 1;
inline constexpr int kAbiMinor = 2;  ///< 1.1: Operation::kAmend; 1.2: RecordSink::acceptedWithoutRecord

/// What the plugin was built with; read by the host through finsam_connector_abi() before anything else.
struct AbiInfo {
    int major;
    int minor;
    const char* toolchain;  ///< compiler id and version, e.g. "gcc 12.2.0"
    const char* connectorId;
};

/// Where a record, a problem or a rejected file came from. `source` is a file path or a URL.
struct Position {
    std::string source;
    /// 1-based physical line (or page/entry index for HTTP sources); 0 = the whole source. A record at line 0
    /// is derived from the source as a whole (e.g. a retraction for a row a snapshot no longer holds): it is
    /// applied and has lineage, but is not counted as a row read.
    std::int64_t line = 0;
};

/// One value of a record. A list is the same name repeated, one value each, in source order.
struct Field {
    std::string name;    ///< canonical field name, e.g. "kon", "startdatum"
    std::string value;   ///< syntax already normalised by the connector (ISO dates, dot decimals), codes as sent
    std::int32_t column = 0;  ///< 1-based column in the source row; 0 when not applicable
};

/// kAmend (ABI 1.1) is an upsert of an entity the partner says already exists (e.g. FK's `A` record): the host
/// applies it as an upsert and warns when it did not exist.
enum class Operation { kUpsert, kRetract, kAmend };

/// One fact about one canonical entity, as the partner stated it.
struct Record {
    std::string entity;  ///< insats, insats_budget, deltagande, samtycke, ersattningsperiod
    std::string key;     ///< the source's stable id of the entity (e.g. Deltagande-ID)
    Operation operation = Operation::kUpsert;
    std::vector<Field> fields;
    Position position;
    std::string raw;     ///< the source row as text; the host redacts identities before it stores any of it
};

/// A row that could not be read. The host quarantines it with this reason; nothing else happens to it.
struct Problem {
    Position position;
    std::int32_t column = 0;
    std::string field;  ///< the field (source header name or canonical name) at fault; empty if the whole row
    std::string code;   ///< machine reason, e.g. "wrong_shape", "bad_date", "bad_amount"
    std::string message;  ///< human reason; never contains a personnummer or other identity value
    std::string raw;
    std::string entity;  ///< the entity the row would have fed, when known
    std::string key;     ///< the row's source key when it could be read: a snapshot then keeps that entity
};

/// A whole source refused (all or nothing): none of its rows reach the store.
struct RejectedSource {
    Position position;
    std::string code;
    std::string message;
    std::int64_t rows = 0;  ///< data rows it held, so the counts reconcile
};

/// Receives what a batch read. Owned by the host; valid only during readBatch(). Not thread-safe.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual void accept(Record record) = 0;
    virtual void quarantine(Problem problem) = 0;
    virtual void reject(RejectedSource source) = 0;
    /// Every live record of `entity` from this connector instance that this batch did not accept is gone
    /// from the source: the host retracts it. Only meaningful when the whole snapshot is in one batch.
    virtual void snapshotComplete(const std::string& entity) = 0;
    /// Something an operator should see that is not about a single row (e.g. a gap in batch numbers).
    virtual void warn(const std::string& message) = 0;
    /// ABI 1.2. A row read and handled that yields no record of its own: folded into another row's record (a
    /// monthly payment into its benefit period), unchanged since it was last read, or outside what the instance
    /// is configured to take (another unit's episode). The host counts it as accepted, so rows read still equal
    /// accepted + quarantined + rejected.
    virtual void acceptedWithoutRecord(const Position& position) { (void)position; }
};

enum class Status {
    kOk,
    kInvalidConfig,       ///< the configuration is wrong; retrying will not help
    kSourceUnavailable,   ///< transient: the host retries later with back-off
    kInternalError,
};

struct Result {
    Status status = Status::kOk;
    std::string message;  ///< why, when status != kOk; never contains identity values
};

/// What one readBatch() produced besides the records it gave the sink.
struct BatchOutcome {
    Result result;
    std::string checkpoint;  ///< opaque; the host stores it in the same transaction as the batch
    bool drained = false;    ///< nothing more to read right now
};

/// Log sink the host gives a connector. Messages must not contain identity values; the host redacts anyway.
class Logger {
public:
    enum class Level { kDebug, kInfo, kWarning, kError };
    virtual ~Logger() = default;
    virtual void log(Level level, const std::string& message) = 0;
};

/// What the host tells a connector instance about where it runs.
struct Context {
    std::string instanceId;    ///< the connector instance id from the config (unique in the hub)
    std::string organisation;  ///< organisation id whose data this instance reads (e.g. forbund-sthlm)
    std::string configDir;     ///< directory of the instance config file; relative paths resolve against it
    Logger* logger = nullptr;  ///< owned by the host; outlives the run
};

/// A running instance of a connector. Created by Connector::open(); used by one thread at a time.
class ConnectorRun {
public:
    virtual ~ConnectorRun() = default;
    /// Reads the next batch of at most about `maxRecords` records into `sink` and returns within a bounded
    /// time (a few seconds), even when the source is slow: the host must be able to stop between batches.
    /// A connector may exceed `maxRecords` only to keep an all-or-nothing unit (a file set) in one batch.
    /// The returned checkpoint is saved by the host only after the batch is committed; a crash replays the
    /// batch from the previous checkpoint, so reading must be deterministic from a checkpoint.
    virtual BatchOutcome readBatch(std::size_t maxRecords, RecordSink& sink) = 0;
};

/// The descriptor of a connector type: one per plugin library, created by the host with `new`.
class Connector {
public:
    virtual ~Connector() = default;
    /// Registry name; equals the folder name and the library name libfinsam_connector_<id>.so.
    virtual std::string id() const = 0;
    virtual std::string version() const = 0;
    /// JSON Schema (draft-04) of the connector's `settings` object. The host validates against it first.
    virtual std::string configSchema() const = 0;
    /// Semantic checks the schema cannot express (paths exist, options agree). Empty list = fine.
    /// Each entry is "/json/pointer: reason".
    virtual std::vector<std::string> check(const std::string& settingsJson, const Context& context) const = 0;
    /// Starts reading from `checkpoint` (empty = from the beginning). Throws nothing: on failure returns
    /// nullptr and sets `error`.
    virtual std::unique_ptr<ConnectorRun> open(const std::string& settingsJson, const std::string& checkpoint,
                                               const Context& context, Result& error) = 0;
};

}  // namespace finsam::sdk

/// C symbol the host reads with dlsym before it lets Poco::ClassLoader touch the library.
#define FINSAM_CONNECTOR_ABI_SYMBOL "finsam_connector_abi"
