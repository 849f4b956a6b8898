-- core/store/migrations/0008_webhook_subscribers.sql — each webhook subscriber's cursor, lease and health
-- (core/webhook/). Portable SQL only (see 0001): TEXT times as ISO 8601 UTC with milliseconds, which sort as
-- they compare.

-- One row per subscriber id ever configured; registering an existing id keeps its cursor. `types` (comma-
-- separated catalogue types, '' = every type) and `forbund` (NULL = every event) are the filter of the config
-- that registered it last, so GET /v1/admin/subscribers computes the lag the subscriber sees. Only the instance
-- named in `owner` delivers while `lease_until` is in the future; the cursor moves only under that lease.
-- `last_error` is redacted (no URL userinfo or query, no secret).
CREATE TABLE webhook_subscriber (
    id TEXT PRIMARY KEY,
    cursor_seq BIGINT NOT NULL,
    types TEXT NOT NULL,
    forbund TEXT,
    owner TEXT,
    lease_until TEXT,
    delivered_events BIGINT NOT NULL,
    last_success_at TEXT,
    last_attempt_at TEXT,
    consecutive_failures BIGINT NOT NULL,
    last_error TEXT,
    next_attempt_at TEXT,
    registered_at TEXT NOT NULL
);
