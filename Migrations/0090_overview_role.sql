-- The coordinator of several organisations run as one installation (wr_overview, 0052) gets an
-- account role of its own, `overview`: the account's transaction then acts as wr_overview, which may
-- call only report.overview_years() and report.overview() — every organisation's top-level figures,
-- each exactly as published in that organisation's own view.
ALTER TABLE auth.account_role DROP CONSTRAINT account_role_role_check;
ALTER TABLE auth.account_role ADD CONSTRAINT account_role_role_check
    CHECK (role IN ('employee', 'manager', 'support', 'director', 'admin', 'overview'));

-- An organisation's administrator manages the roles of its own accounts (0005), but a view across
-- every organisation is not theirs to hand out: only the operator (the owner, outside the service)
-- grants or removes `overview`. A restrictive policy narrows the existing one for wr_admin in every
-- command: such rows can be neither written nor seen nor deleted by an administrator.
CREATE POLICY account_role_admin_not_overview ON auth.account_role AS RESTRICTIVE TO wr_admin
    USING (role <> 'overview')
    WITH CHECK (role <> 'overview');
