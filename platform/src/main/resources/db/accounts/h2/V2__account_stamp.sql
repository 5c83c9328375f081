-- A page session keeps the stamp its account had when it signed in. Every change of roles,
-- password or enabled raises the stamp, so whichever process answers the session's next request
-- sees that the account changed (one look-up by primary key). A disabled account cannot sign in.
ALTER TABLE account ADD COLUMN stamp BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
