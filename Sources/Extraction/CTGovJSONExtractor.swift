import TrialModel

/// ClinicalTrials.gov API v2 study JSON: a single study object, or a `{"studies": [...]}` page.
enum CTGovJSONExtractor {
    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [TrialRecord] {
        throw ExtractionError(code: "unsupported", message: "ClinicalTrials.gov JSON is not read yet")
    }
}
