-- A sent letter's mail to its recipient (R-CONS-3: only an approved letter is sent, and only a sent one is queued),
-- written with the sending and delivered afterwards by LetterMails. The address is sealed on the letter with the
-- client's key; this row holds no text.
ALTER TABLE letter ADD COLUMN recipient_email BYTEA;
CREATE TABLE letter_mail (
    id              UUID PRIMARY KEY,
    letter_id       UUID        NOT NULL REFERENCES letter (id) ON DELETE CASCADE,
    org             TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX letter_mail_due ON letter_mail (next_attempt_at, id) WHERE status = 'PENDING';
