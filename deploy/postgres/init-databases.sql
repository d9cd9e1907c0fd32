-- One database per service that owns relational data (docs/DEVELOPMENT.md). The role 'support' is
-- created by the image from POSTGRES_USER/POSTGRES_PASSWORD.
CREATE DATABASE ticket OWNER support;
CREATE DATABASE sla OWNER support;
CREATE DATABASE contact OWNER support;
CREATE DATABASE notification OWNER support;
