-- Who may write and administer. Passwords are bcrypt hashes, never the passwords themselves.
CREATE TABLE account (
    username      VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
