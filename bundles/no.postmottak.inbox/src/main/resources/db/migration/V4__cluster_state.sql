-- State that several Karaf nodes on one database share (see "Running several nodes" in the root README).

-- A channel's failed attempts per upstream item (FailedAttempts): the failure policy counts the same after a restart
-- or a failover. scope is the upstream account (its lease name), item_key the upstream's id.
CREATE TABLE failed_attempt (
    scope      VARCHAR(200) NOT NULL,
    item_key   VARCHAR(255) NOT NULL,
    attempts   INTEGER      NOT NULL,
    last_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, item_key)
);

-- The web's sessions (WebSessions): the SHA-256 of the session token, never the token.
CREATE TABLE web_session (
    id_hash    VARCHAR(64)   NOT NULL PRIMARY KEY,
    username   VARCHAR(255)  NOT NULL,
    roles      VARCHAR(8000) NOT NULL,
    csrf_token VARCHAR(100)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_web_session_expires ON web_session (expires_at);

-- The login limit: failed logins per user name or client address in the window that began at first_at.
CREATE TABLE login_failure (
    fail_key   VARCHAR(300) NOT NULL PRIMARY KEY,
    failures   INTEGER      NOT NULL,
    first_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who archives an item in state ARCHIVING and until when the claim holds (database clock): the owner renews it while
-- its archive call runs, so another node takes over only a dead node's archiving, and resumes from archive_progress.
-- archiving_request keeps the clerk and the chosen case, so the node that takes over files into the same case.
ALTER TABLE inbox_item ADD COLUMN archiving_owner VARCHAR(200);
ALTER TABLE inbox_item ADD COLUMN archiving_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inbox_item ADD COLUMN archiving_request VARCHAR(4000);
