-- When a category was last written by a catalogue import. A category changed after that
-- (updated_at later than imported_at) carries local edits, which a later import does not
-- overwrite unless told to.
alter table service_category add column imported_at timestamptz;
