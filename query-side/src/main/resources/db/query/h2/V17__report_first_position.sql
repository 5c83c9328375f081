-- Reports are listed in the order they were first recorded. The store keeps instants to the
-- millisecond, and an import records several reports in one: the store position of each report's
-- first event orders those. Rows written before this have none, and keep their order by report id
-- among reports of the same millisecond until the projection is rebuilt.
ALTER TABLE report_version ADD COLUMN first_position BIGINT;
ALTER TABLE report_version_green ADD COLUMN first_position BIGINT;
