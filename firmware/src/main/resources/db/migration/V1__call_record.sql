-- Call detail records: a projection of the event journal, rebuilt from it after a crash.
CREATE TABLE call_record (
    call_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    direction             VARCHAR(16)  NOT NULL,
    trunk                 VARCHAR(32),
    calling_number        VARCHAR(32),
    called_number         VARCHAR(32),
    started_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    answered_at           TIMESTAMP(3) WITH TIME ZONE,
    ended_at              TIMESTAMP(3) WITH TIME ZONE,
    queue                 VARCHAR(64),
    agent_id              VARCHAR(64),
    seat                  VARCHAR(32),
    disposition           VARCHAR(16)  NOT NULL,
    release_cause         VARCHAR(64),
    recording_file        VARCHAR(512),
    recording_sha256      CHAR(64),
    recording_duration_ms BIGINT
);

CREATE INDEX call_record_started ON call_record (started_at);

-- How far each projection has applied the journal, updated in the same transaction as its rows.
CREATE TABLE projection_offset (
    projection VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL
);
