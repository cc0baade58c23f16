-- Schema v4: leases leave the database. A lease is a short, renewable reservation that the engine now holds in
-- memory (one lease call is no longer a disk write); a restart frees every lease, which the answer rules allow for
-- (a free query may be answered by anyone). The open-query index no longer needs the lease column.
DROP INDEX queries_open;
ALTER TABLE queries DROP COLUMN lease_owner;
ALTER TABLE queries DROP COLUMN lease_expires_at;
CREATE INDEX queries_open ON queries (round_id, answered);
