-- Roles become sets per user (least privilege); each user gets a language, an optional linked
-- console agent and an optional TOTP second factor.
-- Existing users keep their rights: a technician used to do everything, so an existing technician
-- also gets the all-round SUPERVISOR role (recordings, reports, QA); other roles map to themselves.
CREATE TABLE admin_user_roles (
    username VARCHAR(32) NOT NULL,
    role     VARCHAR(24) NOT NULL,
    PRIMARY KEY (username, role),
    CONSTRAINT admin_user_roles_user FOREIGN KEY (username) REFERENCES admin_users (username) ON DELETE CASCADE,
    CONSTRAINT admin_user_roles_known CHECK (role IN ('TECHNICIAN', 'DIRECTOR', 'SHIFT_LEAD', 'QUALITY_INSPECTOR',
        'AGENT', 'VIEWER', 'SUPERVISOR'))
);
INSERT INTO admin_user_roles (username, role) SELECT username, role FROM admin_users;
INSERT INTO admin_user_roles (username, role) SELECT username, 'SUPERVISOR' FROM admin_users WHERE role = 'TECHNICIAN';
ALTER TABLE admin_users DROP CONSTRAINT admin_users_role_known;
ALTER TABLE admin_users DROP COLUMN role;
ALTER TABLE admin_users ADD COLUMN language VARCHAR(8) DEFAULT 'zh-CN' NOT NULL;
ALTER TABLE admin_users ADD COLUMN agent_id VARCHAR(32);
ALTER TABLE admin_users ADD COLUMN totp_secret VARCHAR(64);
