-- trialpipe relational schema, version 2 (SQLite).
-- Every table and column is described in docs/relational-schema.md. Run as one transaction on an empty
-- database (or schema); the sink does so on start-up and records the version in trialpipe_schema.

CREATE TABLE trialpipe_schema (
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE studies (
    study_key INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
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
    study_key INTEGER NOT NULL PRIMARY KEY,
    record_id TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE detailed_descriptions (
    study_key INTEGER NOT NULL PRIMARY KEY,
    record_id TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE designs (
    study_key INTEGER NOT NULL PRIMARY KEY,
    record_id TEXT NOT NULL,
    allocation TEXT,
    intervention_model TEXT,
    primary_purpose TEXT,
    masking TEXT
);

CREATE TABLE eligibilities (
    study_key INTEGER NOT NULL PRIMARY KEY,
    record_id TEXT NOT NULL,
    gender TEXT,
    minimum_age TEXT,
    maximum_age TEXT,
    healthy_volunteers INTEGER,
    criteria TEXT
);

CREATE TABLE eligibility_criteria (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    criterion_type TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    criterion TEXT NOT NULL,
    PRIMARY KEY (study_key, criterion_type, ordinal)
);

CREATE TABLE conditions (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    downcase_name TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE keywords (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    downcase_name TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE interventions (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    intervention_type TEXT,
    name TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE intervention_other_names (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    intervention_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (study_key, intervention_ordinal, ordinal)
);

CREATE TABLE design_groups (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    group_type TEXT,
    title TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE design_group_interventions (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    design_group_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    intervention_name TEXT NOT NULL,
    intervention_ordinal INTEGER,
    PRIMARY KEY (study_key, design_group_ordinal, ordinal)
);

CREATE TABLE design_outcomes (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    outcome_type TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    measure TEXT NOT NULL,
    time_frame TEXT,
    description TEXT,
    PRIMARY KEY (study_key, outcome_type, ordinal)
);

CREATE TABLE sponsors (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    lead_or_collaborator TEXT NOT NULL,
    agency_class TEXT,
    name TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE facilities (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT,
    city TEXT,
    state TEXT,
    zip TEXT,
    country TEXT,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE central_contacts (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT,
    role TEXT,
    phone TEXT,
    email TEXT,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE id_information (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    id_source TEXT NOT NULL,
    id_value TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE study_references (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    citation TEXT NOT NULL,
    pmid TEXT,
    doi TEXT,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE drugs (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    mentions TEXT NOT NULL,
    found_in TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE drug_atc_codes (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    drug_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    drug_name TEXT NOT NULL,
    atc_code TEXT NOT NULL,
    atc_group TEXT NOT NULL,
    PRIMARY KEY (study_key, drug_ordinal, ordinal)
);

CREATE TABLE drug_classes (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    drug_ordinal INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    drug_name TEXT NOT NULL,
    class_name TEXT NOT NULL,
    PRIMARY KEY (study_key, drug_ordinal, ordinal)
);

CREATE TABLE cross_references (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    nct_id TEXT NOT NULL,
    found_in TEXT NOT NULL,
    url TEXT NOT NULL,
    in_corpus INTEGER NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE see_also (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    nct_id TEXT,
    title TEXT,
    overall_status TEXT,
    phase TEXT,
    url TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE referenced_by (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    referencing_record_id TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE TABLE provenance (
    study_key INTEGER NOT NULL PRIMARY KEY,
    record_id TEXT NOT NULL,
    source_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    layout TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    processed_at TEXT NOT NULL
);

CREATE TABLE warnings (
    study_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (study_key, ordinal)
);

CREATE INDEX studies_nct_id ON studies (nct_id);
CREATE INDEX conditions_downcase_name ON conditions (downcase_name);
CREATE INDEX drug_classes_class_name ON drug_classes (class_name);
CREATE INDEX drug_atc_codes_atc_group ON drug_atc_codes (atc_group);
CREATE INDEX cross_references_nct_id ON cross_references (nct_id);
CREATE INDEX referenced_by_referencing_record_id ON referenced_by (referencing_record_id);
