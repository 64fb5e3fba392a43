import TrialModel

/// Legacy ClinicalTrials.gov `clinical_study` XML (and `search_results` files of many).
enum CTGovXMLExtractor {
    static func extract(_ input: ExtractionInput) throws(ExtractionError) -> [TrialRecord] {
        throw ExtractionError(code: "unsupported", message: "ClinicalTrials.gov XML is not read yet")
    }
}
