import Foundation
import Pipeline

/// The relational schema both sinks write: its version, its tables and the DDL shipped for each engine.
///
/// `studies` holds one row per record (with the whole record as JSON); every other table holds rows that
/// carry the record id in `record_id` and the record's ``studyKey``. `docs/relational-schema.md` describes every
/// table and column.
///
/// Version 2 keys the tables by ``studyKey``, an integer the database gives each `studies` row, instead of
/// by `record_id`: new records' keys grow, so a batch's index entries go to the end of each index instead of
/// rewriting pages all across it (version 1's text keys made an SQLite commit write ten times the data it
/// added).
public enum RelationalSchema {
    /// The schema version this build writes; recorded in `trialpipe_schema`.
    public static let version = 2

    /// The key column of every table: in `studies` the database assigns it (a record written again may get a
    /// new one); every other table copies it from its record's `studies` row, and is keyed by it.
    public static let studyKey = "study_key"

    /// The table that records the schema version.
    public static let versionTable = "trialpipe_schema"

    /// One row per record.
    public static let studies = RelationalTable(
        "studies",
        [
            "record_id", "nct_id", "brief_title", "official_title", "acronym", "overall_status", "phase",
            "study_type", "enrollment", "enrollment_type", "start_date", "start_date_type",
            "primary_completion_date", "primary_completion_date_type", "completion_date", "completion_date_type",
            "verification_date", "study_first_submitted_date", "last_update_submitted_date", "processed_at",
            "record",
        ])

    /// Every table other than `studies`, in the order ``RecordRows`` fills them.
    public static let childTables: [RelationalTable] = [
        RelationalTable("brief_summaries", ["record_id", "description"]),
        RelationalTable("detailed_descriptions", ["record_id", "description"]),
        RelationalTable("designs", ["record_id", "allocation", "intervention_model", "primary_purpose", "masking"]),
        RelationalTable(
            "eligibilities", ["record_id", "gender", "minimum_age", "maximum_age", "healthy_volunteers", "criteria"]),
        RelationalTable("eligibility_criteria", ["record_id", "criterion_type", "ordinal", "criterion"]),
        RelationalTable("conditions", ["record_id", "ordinal", "name", "downcase_name"]),
        RelationalTable("keywords", ["record_id", "ordinal", "name", "downcase_name"]),
        RelationalTable("interventions", ["record_id", "ordinal", "intervention_type", "name", "description"]),
        RelationalTable("intervention_other_names", ["record_id", "intervention_ordinal", "ordinal", "name"]),
        RelationalTable("design_groups", ["record_id", "ordinal", "group_type", "title", "description"]),
        RelationalTable(
            "design_group_interventions",
            ["record_id", "design_group_ordinal", "ordinal", "intervention_name", "intervention_ordinal"]),
        RelationalTable(
            "design_outcomes", ["record_id", "outcome_type", "ordinal", "measure", "time_frame", "description"]),
        RelationalTable("sponsors", ["record_id", "ordinal", "lead_or_collaborator", "agency_class", "name"]),
        RelationalTable("facilities", ["record_id", "ordinal", "name", "city", "state", "zip", "country"]),
        RelationalTable("central_contacts", ["record_id", "ordinal", "name", "role", "phone", "email"]),
        RelationalTable("id_information", ["record_id", "ordinal", "id_source", "id_value"]),
        RelationalTable("study_references", ["record_id", "ordinal", "citation", "pmid", "doi"]),
        RelationalTable("drugs", ["record_id", "ordinal", "name", "role", "mentions", "found_in"]),
        RelationalTable(
            "drug_atc_codes", ["record_id", "drug_ordinal", "ordinal", "drug_name", "atc_code", "atc_group"]),
        RelationalTable("drug_classes", ["record_id", "drug_ordinal", "ordinal", "drug_name", "class_name"]),
        RelationalTable("cross_references", ["record_id", "ordinal", "nct_id", "found_in", "url", "in_corpus"]),
        RelationalTable("see_also", ["record_id", "ordinal", "nct_id", "title", "overall_status", "phase", "url"]),
        RelationalTable("referenced_by", ["record_id", "ordinal", "referencing_record_id"]),
        RelationalTable(
            "provenance", ["record_id", "source_path", "sha256", "bytes", "layout", "pipeline", "processed_at"]),
        RelationalTable("warnings", ["record_id", "ordinal", "message"]),
    ]

    /// `studies` and every child table.
    public static var allTables: [RelationalTable] { [studies] + childTables }

    /// The database engines the schema ships for.
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    /// The DDL creating the schema (every table and index, and the version table) for an engine.
    public static func ddl(for engine: Engine) throws -> String {
        guard let url = Bundle.module.url(forResource: "Resources/schema-" + engine.rawValue, withExtension: "sql")
        else {
            throw RelationalSinkError(
                code: .schemaMissing,
                message: "the schema file schema-\(engine.rawValue).sql is missing from this build; rebuild trialpipe")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The DDL split into its statements (comments dropped), for engines that take one statement at a time.
    public static func statements(for engine: Engine) throws -> [String] {
        statements(in: try ddl(for: engine))
    }

    /// A DDL text split into its statements: lines starting with `--` dropped, then cut at each `;`.
    public static func statements(in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("--") }
        return lines.joined(separator: "\n").split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }
}
