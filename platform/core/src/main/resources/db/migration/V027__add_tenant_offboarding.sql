-- Offboarding (ADR 0016): when the operator confirms that a city leaves, it is suspended and its
-- deletion is scheduled for the end of a grace period, during which the operator may cancel. Null:
-- no deletion is scheduled. The deletion itself (every row of the city in every table that points
-- at tenant, then this row) is done by the owner role, since the application role may not delete
-- the city's logs; operator_audit keeps the record of it (it has no foreign key to tenant).
alter table tenant add column offboard_at timestamptz;
