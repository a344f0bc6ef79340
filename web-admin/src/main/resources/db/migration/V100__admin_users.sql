-- Accounts of the web admin and agent console (web-admin owns V100 and up; firmware uses V1..V99).
-- Passwords are stored only as Argon2id PHC strings ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
CREATE TABLE admin_users (
    username             VARCHAR(32)  NOT NULL PRIMARY KEY,
    password_hash        VARCHAR(255) NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled             BOOLEAN      NOT NULL DEFAULT FALSE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT admin_users_role_known CHECK (role IN ('TECHNICIAN', 'SUPERVISOR', 'AGENT', 'VIEWER'))
);
