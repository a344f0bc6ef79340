-- The recording catalog: one row per finished call recording. The event-derived columns (file,
-- sha256, duration_ms, finished_at, lost_frames, write_error, bytes) are a projection of the
-- journal's recording.finished events; legal_hold, deleted_at and the verification columns are
-- the box's own state and survive a replay. call_id matches call_record.call_id without a foreign
-- key: the two projections follow the journal independently and either may be ahead.
CREATE TABLE recording (
    call_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    file             VARCHAR(512) NOT NULL,
    bytes            BIGINT,
    duration_ms      BIGINT,
    sha256           CHAR(64),
    finished_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    lost_frames      BIGINT,
    write_error      VARCHAR(255),
    legal_hold       BOOLEAN      DEFAULT FALSE NOT NULL,
    deleted_at       TIMESTAMP(3) WITH TIME ZONE,
    deleted_reason   VARCHAR(64),
    last_verified_at TIMESTAMP(3) WITH TIME ZONE,
    verify_status    VARCHAR(16)
);

CREATE INDEX recording_finished ON recording (finished_at);
CREATE INDEX recording_file ON recording (file);
CREATE INDEX recording_verified ON recording (last_verified_at);

-- Who touched which recording when: listening, downloads, exports, holds and deletions.
CREATE TABLE recording_access (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    username VARCHAR(64)  NOT NULL,
    call_id  VARCHAR(64)  NOT NULL,
    action   VARCHAR(16)  NOT NULL,
    detail   VARCHAR(255)
);

CREATE INDEX recording_access_call ON recording_access (call_id, at);
CREATE INDEX recording_access_at ON recording_access (at);
