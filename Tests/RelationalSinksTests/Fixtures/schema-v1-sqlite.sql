-- trialpipe relational schema, version 1 (SQLite).
-- Every table and column is described in docs/relational-schema.md. Run as one transaction on an empty
-- database (or schema); the sink does so on start-up and records the version in trialpipe_schema.

CREATE TABLE trialpipe_schema (
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE studies (
    record_id TEXT NOT NULL PRIMARY KEY,
    nct_id TEXT,
    brief_title TEXT,
    official_title TEXT,
    acronym TEXT,
    overall_status TEXT,
    phase TEXT,
    study_type TEXT,
    enrollment INTEGER,
    enrollment_type TEXT,
    start_date TEXT,
    start_date_type TEXT,
    primary_completion_date TEXT,
    primary_completion_date_type TEXT,
    completion_date TEXT,
    completion_date_type TEXT,
    verification_date TEXT,
    study_first_submitted_date TEXT,
    last_update_submitted_date TEXT,
    processed_at TEXT NOT NULL,
    record TEXT NOT NULL
);

CREATE TABLE brief_summaries (
    record_id TEXT NOT NULL PRIMARY KEY,
    description TEXT NOT NULL
);

CREATE TABLE detailed_descriptions (
    record_id TEXT NOT NULL PRIMARY KEY,
    description TEXT NOT NULL
);

CREATE TABLE designs (
    record_id TEXT NOT NULL PRIMARY KEY,
    allocation TEXT,
    intervention_model TEXT,
    primary_purpose TEXT,
    masking TEXT
);

CREATE TABLE eligibilities (
    record_id TEXT NOT NULL PRIMARY KEY,
    gender TEXT,
    minimum_age TEXT,
    maximum_age TEXT,
    healthy_volunteers INTEGER,
    criteria TEXT
);

CREATE TABLE eligibility_criteria (
    record_id TEXT NOT NULL,
    criterion_type TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    criterion TEXT NOT NULL,
    PRIMARY KEY (record_id, criterion_type, ordinal)
);

CREATE TABLE conditions (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    downcase_name TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE keywords (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    downcase_name TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE interventions (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    intervention_type TEXT,
    name TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE intervention_other_names (
    record_id TEXT NOT NULL,
    intervention_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (record_id, intervention_ordinal, ordinal)
);

CREATE TABLE design_groups (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    group_type TEXT,
    title TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE design_group_interventions (
    record_id TEXT NOT NULL,
    design_group_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    intervention_name TEXT NOT NULL,
    intervention_ordinal INTEGER,
    PRIMARY KEY (record_id, design_group_ordinal, ordinal)
);

CREATE TABLE design_outcomes (
    record_id TEXT NOT NULL,
    outcome_type TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    measure TEXT NOT NULL,
    time_frame TEXT,
    description TEXT,
    PRIMARY KEY (record_id, outcome_type, ordinal)
);

CREATE TABLE sponsors (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    lead_or_collaborator TEXT NOT NULL,
    agency_class TEXT,
    name TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE facilities (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT,
    city TEXT,
    state TEXT,
    zip TEXT,
    country TEXT,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE central_contacts (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT,
    role TEXT,
    phone TEXT,
    email TEXT,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE id_information (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    id_source TEXT NOT NULL,
    id_value TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE study_references (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    citation TEXT NOT NULL,
    pmid TEXT,
    doi TEXT,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE drugs (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    mentions TEXT NOT NULL,
    found_in TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE drug_atc_codes (
    record_id TEXT NOT NULL,
    drug_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    drug_name TEXT NOT NULL,
    atc_code TEXT NOT NULL,
    atc_group TEXT NOT NULL,
    PRIMARY KEY (record_id, drug_ordinal, ordinal)
);

CREATE TABLE drug_classes (
    record_id TEXT NOT NULL,
    drug_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    drug_name TEXT NOT NULL,
    class_name TEXT NOT NULL,
    PRIMARY KEY (record_id, drug_ordinal, ordinal)
);

CREATE TABLE cross_references (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    nct_id TEXT NOT NULL,
    found_in TEXT NOT NULL,
    url TEXT NOT NULL,
    in_corpus INTEGER NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE see_also (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    nct_id TEXT,
    title TEXT,
    overall_status TEXT,
    phase TEXT,
    url TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE referenced_by (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    referencing_record_id TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE TABLE provenance (
    record_id TEXT NOT NULL PRIMARY KEY,
    source_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    layout TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    processed_at TEXT NOT NULL
);

CREATE TABLE warnings (
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);

CREATE INDEX studies_nct_id ON studies (nct_id);
CREATE INDEX conditions_downcase_name ON conditions (downcase_name);
CREATE INDEX drug_classes_class_name ON drug_classes (class_name);
CREATE INDEX drug_atc_codes_atc_group ON drug_atc_codes (atc_group);
CREATE INDEX cross_references_nct_id ON cross_references (nct_id);
CREATE INDEX referenced_by_referencing_record_id ON referenced_by (referencing_record_id);
