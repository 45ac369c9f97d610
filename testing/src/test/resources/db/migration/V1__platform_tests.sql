-- Tables and triggers of platform's own tests (testing/src/test); no service has any of them.

-- What the test's idempotent consumer applied: one row per application, so an event applied twice shows twice.
CREATE TABLE applied_event (
    consumer TEXT NOT NULL,
    event_id TEXT NOT NULL
);

-- What the test's idempotent POST creates.
CREATE TABLE widget (
    id   UUID PRIMARY KEY,
    org  TEXT NOT NULL,
    name TEXT NOT NULL
);

-- A relay crash between send and mark-sent: marking a row of a note labelled crash sent fails while crash_plan allows (a sequence,
-- so that the count survives the rollback it causes).
CREATE SEQUENCE crash_count;
CREATE TABLE crash_plan (failures INT NOT NULL);
CREATE FUNCTION crash_before_mark() RETURNS trigger AS $$
BEGIN
    IF nextval('crash_count') <= (SELECT coalesce(max(failures), 0) FROM crash_plan) THEN
        RAISE EXCEPTION 'simulated relay crash between send and mark-sent';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER crash_before_mark BEFORE UPDATE OF sent_at ON outbox_event
    FOR EACH ROW WHEN (NEW.payload LIKE '%"noteId":"crash-%') EXECUTE FUNCTION crash_before_mark();

-- Holds whoever writes a row of a note labelled hold-insert, or marks one labelled hold-mark sent, while the test holds advisory lock
-- 4242: the writer or relay stops there with its transaction open and its rows locked.
CREATE FUNCTION hold() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(4242);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER hold_insert BEFORE INSERT ON outbox_event
    FOR EACH ROW WHEN (NEW.payload LIKE '%"noteId":"hold-insert-%') EXECUTE FUNCTION hold();
CREATE TRIGGER hold_mark BEFORE UPDATE OF sent_at ON outbox_event
    FOR EACH ROW WHEN (NEW.payload LIKE '%"noteId":"hold-mark-%') EXECUTE FUNCTION hold();

-- Which transaction wrote each outbox row (marking it sent rewrites its xmin, so that cannot tell).
CREATE TABLE outbox_insert_tx (
    event_id UUID PRIMARY KEY,
    tx       BIGINT NOT NULL
);
CREATE FUNCTION note_insert_tx() RETURNS trigger AS $$
BEGIN
    INSERT INTO outbox_insert_tx (event_id, tx) VALUES (NEW.event_id, txid_current());
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER note_insert_tx AFTER INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION note_insert_tx();
