-- Working hours apply on working days only, and never on a queue's holidays (in the member's time zone).
ALTER TABLE queue_member ADD COLUMN work_days varchar(64);

CREATE TABLE queue_holiday (
    queue_id uuid NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
    day      date NOT NULL,
    PRIMARY KEY (queue_id, day)
);
