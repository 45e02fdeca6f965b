-- What the director's page needs beyond the figures: the names of the units it offers for choosing,
-- and the path from the organisation down to the chosen unit (breadcrumbs). report.coverage() gives a
-- unit and its children, never its parents, so without this the page could not say where a unit sits
-- or offer the förvaltningar once a deeper unit is open.
--
-- Only names and codes of the published unit tree (report.fact_node, which report.coverage() already
-- shows row by row); no figure. Works for the acting organisation only, like every director function.

-- The organisation (depth 0, unit_id NULL), its förvaltningar (depth 1), and every unit on the path
-- from the organisation down to p_unit (on_path: the organisation, p_unit and its ancestors). A unit
-- of another organisation, or one not in the published tree, yields the organisation and its
-- förvaltningar only, with no row for p_unit (the page answers 404).
CREATE FUNCTION report.units(p_unit uuid DEFAULT NULL)
    RETURNS TABLE (depth smallint, unit_id uuid, unit_name text, unit_code text, has_children boolean, on_path boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH RECURSIVE path AS (
        SELECT n.node, n.parent FROM report.fact_node n
        WHERE n.organisation_id = app.organisation_id() AND n.unit_id = p_unit AND NOT n.is_direct
        UNION ALL
        SELECT n.node, n.parent FROM report.fact_node n JOIN path ON n.node = path.parent
        WHERE n.organisation_id = app.organisation_id()
    )
    SELECT n.depth, n.unit_id, n.name, n.code, NOT n.leaf, n.node IN (SELECT node FROM path) OR n.node = 0
    FROM report.fact_node n
    WHERE n.organisation_id = app.organisation_id() AND NOT n.is_direct
      AND (n.depth <= 1 OR n.node IN (SELECT node FROM path))
    ORDER BY n.depth, n.code
$$;

-- GRANTS. The function belongs to wr_report_definer like the director's other functions (0057): it
-- reads report.fact_node, which the director cannot. ALTER … OWNER needs CREATE on the schema for the
-- new owner; it is taken back right after, as in 0057.
GRANT CREATE ON SCHEMA report TO wr_report_definer;
ALTER FUNCTION report.units(uuid) OWNER TO wr_report_definer;
REVOKE CREATE ON SCHEMA report FROM wr_report_definer;
REVOKE ALL ON FUNCTION report.units(uuid) FROM PUBLIC;
-- The director (acting for app.organisation_id()) may call it; nobody else.
GRANT EXECUTE ON FUNCTION report.units(uuid) TO wr_director;
