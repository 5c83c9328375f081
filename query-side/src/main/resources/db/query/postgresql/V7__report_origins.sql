-- Where each report was first recorded in the event store: the order that breaks ties between
-- control changes of the same date, whatever later versions came.
CREATE TABLE report_origin (
    chronicle_id   VARCHAR(100) NOT NULL,
    report_id      VARCHAR(100) NOT NULL,
    first_position BIGINT       NOT NULL,
    CONSTRAINT report_origin_pkey PRIMARY KEY (chronicle_id, report_id)
);
