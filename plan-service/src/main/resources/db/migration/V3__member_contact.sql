-- The personal data of the association directory: a member's name, address and language, in one row
-- that is blanked when they leave (events name members by id only). A removed member's row keeps
-- only the id and the fact, so their old login is refused.
CREATE TABLE member_contact (
    member_id      VARCHAR(255) PRIMARY KEY,
    association_id VARCHAR(255) NOT NULL,
    name           TEXT,
    email          TEXT,
    language       VARCHAR(2)   NOT NULL DEFAULT 'sv',
    removed        BOOLEAN      NOT NULL DEFAULT false,
    CHECK (removed OR (name IS NOT NULL AND email IS NOT NULL))
);
-- One address is one login on the whole platform.
CREATE UNIQUE INDEX member_contact_email ON member_contact (lower(email));
CREATE INDEX member_contact_by_association ON member_contact (association_id);
