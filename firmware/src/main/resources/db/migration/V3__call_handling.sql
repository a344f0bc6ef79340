-- What call handling adds to a call record (holds, transfers, wrap-up, survey, night service,
-- voicemail, callback), folded from the journal like the rest of the row. held_since is the fold's
-- own state: when the caller went on hold, null when not on hold.
ALTER TABLE call_record ADD COLUMN wrap_up_code VARCHAR(64);
ALTER TABLE call_record ADD COLUMN notes VARCHAR(2000);
ALTER TABLE call_record ADD COLUMN customer_name VARCHAR(128);
ALTER TABLE call_record ADD COLUMN holds INT DEFAULT 0 NOT NULL;
ALTER TABLE call_record ADD COLUMN hold_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE call_record ADD COLUMN held_since TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE call_record ADD COLUMN transfers INT DEFAULT 0 NOT NULL;
ALTER TABLE call_record ADD COLUMN last_agent_id VARCHAR(64);
ALTER TABLE call_record ADD COLUMN priority INT;
ALTER TABLE call_record ADD COLUMN voicemail_file VARCHAR(512);
ALTER TABLE call_record ADD COLUMN night_service BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE call_record ADD COLUMN callback_requested BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE call_record ADD COLUMN survey_rating INT;

-- The console's screen pop looks up earlier calls by the caller's number (inbound) or the
-- number dialled (outbound), newest first.
CREATE INDEX call_record_calling ON call_record (calling_number, started_at);
CREATE INDEX call_record_called ON call_record (called_number, started_at);
