CREATE TABLE "record_ids" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"service_id" uuid,
	"organization_id" uuid
);
--> statement-breakpoint
CREATE INDEX "record_ids_service" ON "record_ids" USING btree ("service_id");--> statement-breakpoint
-- The ids nested in a service's JSONB columns, with their kinds; `shared`: a location,
-- its addresses and accessibility notes, which several services may have.
CREATE FUNCTION nested_record_ids(s services) RETURNS TABLE (id uuid, kind text, shared boolean)
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN QUERY
    SELECT (e->>'id')::uuid, 'phone'::text, false FROM jsonb_array_elements(s.phones) e
    UNION ALL SELECT (e->>'id')::uuid, 'schedule', false FROM jsonb_array_elements(s.schedules) e
    UNION ALL SELECT (e->>'id')::uuid, 'language', false FROM jsonb_array_elements(s.languages) e
    UNION ALL SELECT (e->>'id')::uuid, 'service_area', false FROM jsonb_array_elements(s.service_areas) e
    UNION ALL SELECT (e->>'id')::uuid, 'service_at_location', false FROM jsonb_array_elements(s.service_at_locations) e
    UNION ALL SELECT (e->'location'->>'id')::uuid, 'location', true FROM jsonb_array_elements(s.service_at_locations) e
    UNION ALL SELECT (a->>'id')::uuid, 'address', true
      FROM jsonb_array_elements(s.service_at_locations) e, jsonb_array_elements(coalesce(e->'location'->'addresses', '[]')) a
    UNION ALL SELECT (a->>'id')::uuid, 'accessibility', true
      FROM jsonb_array_elements(s.service_at_locations) e, jsonb_array_elements(coalesce(e->'location'->'accessibility', '[]')) a;
END $$;
--> statement-breakpoint
-- Claims a service's ids. An id already claimed by another record, or of another kind,
-- raises a unique violation, like a duplicate primary key would. A location (with its
-- addresses and accessibility notes) may be shared by several services, as in HSDS and
-- in PTV, whose service channels serve services of several organizations; it is
-- recorded with the organization that placed a service there first, and the API lets no
-- other organization's editor use it (src/catalog/id-ownership.ts).
CREATE FUNCTION claim_service_record_ids() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  taken record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'service');
  END IF;
  DELETE FROM record_ids WHERE service_id = NEW.id;
  INSERT INTO record_ids (id, kind, service_id)
    SELECT n.id, n.kind, NEW.id FROM nested_record_ids(NEW) n WHERE n.id IS NOT NULL AND NOT n.shared;
  INSERT INTO record_ids (id, kind, organization_id)
    SELECT DISTINCT n.id, n.kind, NEW.organization_id FROM nested_record_ids(NEW) n WHERE n.id IS NOT NULL AND n.shared
    ON CONFLICT (id) DO NOTHING;
  SELECT n.id, n.kind INTO taken
    FROM nested_record_ids(NEW) n JOIN record_ids r ON r.id = n.id
    WHERE n.shared AND r.kind <> n.kind
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the % id % is another record''s', taken.kind, taken.id
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'record_ids_pkey';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A service moved to another organization takes the locations that only it uses along.
CREATE FUNCTION move_service_locations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE record_ids r SET organization_id = NEW.organization_id
    FROM nested_record_ids(OLD) n
    WHERE n.shared AND r.id = n.id AND r.organization_id = OLD.organization_id
      AND NOT EXISTS (
        SELECT 1 FROM services other, nested_record_ids(other) o
        WHERE other.id <> NEW.id AND other.organization_id = OLD.organization_id AND o.id = n.id
      );
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION claim_record_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_ids (id, kind) VALUES (NEW.id, TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER services_move_locations AFTER UPDATE OF organization_id ON services
  FOR EACH ROW WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id) EXECUTE FUNCTION move_service_locations();
--> statement-breakpoint
CREATE TRIGGER services_record_ids AFTER INSERT OR UPDATE OF organization_id, phones, schedules, languages, service_areas, service_at_locations ON services
  FOR EACH ROW EXECUTE FUNCTION claim_service_record_ids();
--> statement-breakpoint
CREATE TRIGGER organizations_record_ids AFTER INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION claim_record_id('organization');
--> statement-breakpoint
CREATE TRIGGER taxonomies_record_ids AFTER INSERT ON taxonomies FOR EACH ROW EXECUTE FUNCTION claim_record_id('taxonomy');
--> statement-breakpoint
CREATE TRIGGER taxonomy_terms_record_ids AFTER INSERT ON taxonomy_terms FOR EACH ROW EXECUTE FUNCTION claim_record_id('taxonomy_term');
--> statement-breakpoint
-- Existing records: first come, first served (a catalog with reused ids keeps them).
INSERT INTO record_ids (id, kind) SELECT id, 'organization' FROM organizations ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO record_ids (id, kind) SELECT id, 'taxonomy' FROM taxonomies ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO record_ids (id, kind) SELECT id, 'taxonomy_term' FROM taxonomy_terms ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO record_ids (id, kind) SELECT id, 'service' FROM services ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO record_ids (id, kind, service_id, organization_id)
  SELECT n.id, n.kind, CASE WHEN n.shared THEN NULL ELSE s.id END, CASE WHEN n.shared THEN s.organization_id END
  FROM services s, nested_record_ids(s) n WHERE n.id IS NOT NULL
  ON CONFLICT DO NOTHING;
