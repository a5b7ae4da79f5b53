-- A declaration is given at least the lane its consignment (transport document) holds. When the
-- consignment was assessed first, that lane is an input of the declaration's assessment, kept with
-- it so the lane can be explained and replayed (null when nothing carried over). When the
-- consignment is selected later (assessed after its declaration, or raised by an analyst), its
-- declarations are found through transport_document and raised, each with a lane change.
alter table assessment
  add column transport_document     text,
  add column consignment_key        text,
  add column consignment_assessment bigint,
  add column consignment_lane       text;
create index assessment_transport_document on assessment (transport_document)
  where transport_document is not null;
