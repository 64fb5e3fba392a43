import Enrichment
import TrialModel

/// A small dictionary in the bundled files' format, so tests do not depend on the bundled data.
enum TestDictionary {
    static let drugsTSV = """
        # test drugs
        name\tsynonyms\tatc\tclasses
        thalidomide\tThalomid\tL04AX02\tAngiogenesis Inhibitors|Immunosuppressive Agents|Leprostatic Agents
        lenalidomide\tRevlimid|CC-5013\tL04AX04\tAngiogenesis Inhibitors|Immunologic Factors
        oxaliplatin\tEloxatin\tL01XA03\tAntineoplastic Agents
        cisplatin\tCDDP\tL01XA01\tAntineoplastic Agents
        capecitabine\tXeloda\tL01BC06\tAntimetabolites, Antineoplastic
        fluorouracil\t5-FU\tL01BC02\tAntimetabolites, Antineoplastic
        folinic acid\tleucovorin\tV03AF03\tVitamin B Complex
        tegafur\t\tL01BC03\tAntimetabolites, Antineoplastic
        tegafur, gimeracil and oteracil\tS-1|Teysuno\tL01BC53\tAntimetabolites, Antineoplastic
        pembrolizumab\tKeytruda|MK-3475\tL01FF02\tAntineoplastic Agents, Immunological|Immune Checkpoint Inhibitors
        nivolumab\tOpdivo\tL01FF01\tAntineoplastic Agents, Immunological|Immune Checkpoint Inhibitors
        atezolizumab\tTecentriq\tL01FF05\tAntineoplastic Agents, Immunological|Immune Checkpoint Inhibitors
        ipilimumab\tYervoy\tL01FX04\tAntineoplastic Agents, Immunological|Immune Checkpoint Inhibitors
        toripalimab\t\t\tAntineoplastic Agents, Immunological|Immune Checkpoint Inhibitors
        bevacizumab\tAvastin\tL01FG01\tAngiogenesis Inhibitors|Antineoplastic Agents, Immunological
        ramucirumab\tCyramza\tL01FG02\tAngiogenesis Inhibitors|Antineoplastic Agents, Immunological
        cetuximab\tErbitux\tL01FE01\tAntineoplastic Agents, Immunological
        trastuzumab\tHerceptin\tL01FD01\tAntineoplastic Agents, Immunological
        trastuzumab deruxtecan\tEnhertu|T-DXd\tL01FD04\tImmunoconjugates
        trastuzumab emtansine\tKadcyla|T-DM1\tL01FD03\tImmunoconjugates
        rituximab\tRituxan\tL01FA01\tAntineoplastic Agents, Immunological
        lenvatinib\tLenvima\tL01EX08\tProtein Kinase Inhibitors
        sorafenib\tNexavar\tL01EX02\tProtein Kinase Inhibitors
        paclitaxel\tTaxol|nab-paclitaxel\tL01CD01\tTubulin Modulators
        cyclophosphamide\t\tL01AA01\tAntineoplastic Agents, Alkylating
        doxorubicin\tAdriamycin\tL01DB01\tTopoisomerase II Inhibitors
        vincristine\t\tL01CA02\tTubulin Modulators
        prednisone\t\tH02AB07\tGlucocorticoids
        etoposide\t\tL01CB01\tTopoisomerase II Inhibitors

        """

    static let regimensTSV = """
        name\taliases\tdrugs\tstrict
        XELOX\tCAPOX|CapeOX\tcapecitabine|oxaliplatin\tno
        SOX\t\ttegafur, gimeracil and oteracil|oxaliplatin\tno
        FOLFOX\tmFOLFOX6\tfluorouracil|folinic acid|oxaliplatin\tno
        R-CHOP\t\trituximab|cyclophosphamide|doxorubicin|vincristine|prednisone\tno
        AC\t\tdoxorubicin|cyclophosphamide\tyes
        EP\t\tetoposide|cisplatin\tyes

        """

    /// The test dictionary (loading it cannot fail; a failure is a bug in the test data).
    static let dictionary: DrugDictionary = {
        do {
            return try DrugDictionary(drugsTSV: drugsTSV, regimensTSV: regimensTSV, source: "test")
        } catch {
            fatalError("test dictionary: \(error)")
        }
    }()

    static let matcher = DrugMatcher(dictionary: dictionary)
    static let enricher = DrugClassEnricher(dictionary: dictionary)
}

/// An empty record to fill in tests.
func makeRecord(id: String = "doc-0000000000000000", nctId: String? = nil) -> TrialRecord {
    var record = TrialRecord(
        id: id,
        provenance: Provenance(
            sourcePath: "test.txt", sha256: String(repeating: "0", count: 64), bytes: 0, layout: "generic",
            pipeline: "test", processedAt: "2025-01-01T00:00:00Z"))
    record.nctId = nctId
    return record
}

extension DrugMatcher {
    /// The INNs of every mention in `text`, in order (a regimen's drugs in its order).
    func drugNames(in text: String, allowingStrict: Bool = false) -> [String] {
        mentions(in: text, allowingStrict: allowingStrict).flatMap(\.drugs)
    }
}

extension TrialRecord {
    /// The drug of that INN, if found.
    func drug(_ name: String) -> Drug? { drugs.first { $0.name == name } }
}
