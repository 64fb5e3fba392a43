import Enrichment
import Testing
import TrialModel

@Suite("Drug-class enricher")
struct DrugClassEnricherTests {
    let enricher = TestDictionary.enricher

    /// A record shaped like a trial-details page: one intervention, drugs mentioned in the text, a
    /// misspelt name, references and see-also titles.
    private func hepatocellularRecord() -> TrialRecord {
        var record = makeRecord(nctId: "NCT05831969")
        record.interventions = [
            Intervention(
                type: .drug, name: "Lenalidomide",
                description: "Lenalidomide: 10mg/d, 1-21d/28d orally; until disease progression.")
        ]
        record.briefSummary = """
            The ORR of the lenvatinib combination (lenvatinib combined with PD-1 inhibitor) was largely similar \
            to that of the "A+T" combination (bevacizumab and atelelizumab).
            """
        record.detailedDescription = """
            A phase Ib clinical study of lenvatinib in combination with Nivolumab. Patients received either \
            Ramucirumab (8mg/kg) or placebo. Compared with placebo, ramolutumab improved patients' mOS. \
            Lenalidomide binds to its substrate CRBN. Lenalidomide is a new generation derivative of thalidomide.
            """
        record.eligibility.criteria = "Exclusion Criteria: 1. Hypersensitivity to PD-1 inhibitors; 2. prior sorafenib"
        record.references = [
            Reference(citation: "Finn RS, et al. Phase Ib Study of Lenvatinib Plus Pembrolizumab. J Clin Oncol. 2020."),
            Reference(citation: "Yau T, et al. Nivolumab Plus Ipilimumab in Patients With Advanced HCC."),
        ]
        record.seeAlso = [
            SeeAlsoLink(
                nctId: "NCT05906524", title: "KD6001 With Anti-PD-1 Antibody±Bevacizumab in Advanced HCC",
                url: "https://clinicaltrials.gov/study/NCT05906524")
        ]
        return record
    }

    @Test("finds every drug once, interventions first, then by first appearance")
    func drugsAndOrder() {
        var record = hepatocellularRecord()
        enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(
            record.drugs.map(\.name) == [
                "lenalidomide", "lenvatinib", "bevacizumab", "atezolizumab", "nivolumab", "ramucirumab",
                "thalidomide", "sorafenib", "pembrolizumab", "ipilimumab",
            ])
        #expect(record.drug("lenalidomide")?.role == .intervention)
        #expect(record.drugs.dropFirst().allSatisfy { $0.role == .mentioned })
    }

    @Test("names, ATC codes, classes, mentions and fields come from the dictionary and the text")
    func drugFields() throws {
        var record = hepatocellularRecord()
        enricher.enrich(&record, annotations: RecordAnnotations())
        let lenalidomide = try #require(record.drug("lenalidomide"))
        #expect(lenalidomide.atc == ["L04AX04"])
        #expect(lenalidomide.classes == ["Angiogenesis Inhibitors", "Immunologic Factors"])
        #expect(lenalidomide.mentions == ["Lenalidomide"])
        #expect(lenalidomide.foundIn == ["interventions", "detailedDescription"])
        let lenvatinib = try #require(record.drug("lenvatinib"))
        #expect(lenvatinib.mentions == ["lenvatinib"])
        #expect(lenvatinib.foundIn == ["briefSummary", "detailedDescription", "references"])
        #expect(record.drug("bevacizumab")?.foundIn == ["briefSummary", "seeAlso"])
        #expect(record.drug("sorafenib")?.foundIn == ["eligibility"])
        #expect(record.drug("nivolumab")?.mentions == ["Nivolumab"])
        #expect(record.drug("thalidomide")?.atc == ["L04AX02"])
    }

    @Test("misspelt names are read as the drug, with a warning each")
    func misspellings() throws {
        var record = hepatocellularRecord()
        enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(record.drug("atezolizumab")?.mentions == ["atelelizumab"])
        #expect(record.drug("atezolizumab")?.atc == ["L01FF05"])
        #expect(record.drug("ramucirumab")?.mentions == ["Ramucirumab", "ramolutumab"])
        #expect(
            record.warnings == [
                "drug name 'atelelizumab' read as atezolizumab", "drug name 'ramolutumab' read as ramucirumab",
            ])
    }

    @Test("enriching twice gives the same record")
    func idempotent() {
        var once = hepatocellularRecord()
        enricher.enrich(&once, annotations: RecordAnnotations())
        var twice = once
        enricher.enrich(&twice, annotations: RecordAnnotations())
        #expect(twice == once)
    }

    @Test("a regimen in a title stands for its drugs, with the regimen's spelling as mention")
    func regimenInTitle() throws {
        var record = makeRecord()
        var annotations = RecordAnnotations()
        record.officialTitle = """
            The Efficacy and Safety of HIPEC Combined With PD-1 and SOX Chemotherapy for Gastric Cancer
            """
        record.detailedDescription = "KEYNOTE-859 confirmed the combination of Pembrolizumab and chemotherapy."
        annotations.listedLinks = [
            SeeAlsoLink(nctId: "NCT06283121", title: "BioTTT001 in Combination With SOX and Toripalimab", url: "")
        ]
        enricher.enrich(&record, annotations: annotations)
        #expect(
            record.drugs.map(\.name) == [
                "tegafur, gimeracil and oteracil", "oxaliplatin", "pembrolizumab", "toripalimab",
            ])
        let oxaliplatin = try #require(record.drug("oxaliplatin"))
        #expect(oxaliplatin.mentions == ["SOX"])
        #expect(oxaliplatin.foundIn == ["officialTitle", "seeAlso"])
        #expect(oxaliplatin.role == .mentioned)
        #expect(oxaliplatin.atc == ["L01XA03"])
        #expect(record.drug("tegafur, gimeracil and oteracil")?.atc == ["L01BC53"])
        #expect(record.drug("pembrolizumab")?.atc == ["L01FF02"])
    }

    @Test("drugs given in an arm are interventions, even when named only in its description")
    func armGroupDrugs() throws {
        var record = makeRecord(nctId: "NCT05198856")
        record.briefTitle = "Thalidomide Combined With Chemotherapy for Maintenance Treatment"
        record.interventions = [
            Intervention(type: .drug, name: "Thalidomide Combined With Chemotherapy and Monotherapy")
        ]
        record.armGroups = [
            ArmGroup(
                label: "Thalidomide",
                description:
                    "Oxaliplatin (130mg/m2 iv d1) and capecitabine (1000mg/m2 d1-14 po bid). Thalidomide tablet.",
                interventionNames: ["Thalidomide Combined With Chemotherapy and Monotherapy"])
        ]
        record.briefSummary = "Thalidomide binds CRBN. Placebo was not used."
        enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(record.drugs.map(\.name) == ["thalidomide", "oxaliplatin", "capecitabine"])
        #expect(record.drugs.allSatisfy { $0.role == .intervention })
        let thalidomide = try #require(record.drug("thalidomide"))
        #expect(thalidomide.foundIn == ["interventions", "armGroups", "briefTitle", "briefSummary"])
        #expect(thalidomide.mentions == ["Thalidomide"])
        #expect(thalidomide.atc == ["L04AX02"])
    }

    @Test("strict regimens count only in interventions and arm groups")
    func strictRegimen() {
        var record = makeRecord()
        record.armGroups = [ArmGroup(label: "Arm A", description: "EP every 3 weeks")]
        record.briefSummary = "Patients with AC joint pain."
        enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(record.drugs.map(\.name) == ["etoposide", "cisplatin"])
        #expect(record.drug("etoposide")?.mentions == ["EP"])
    }

    @Test("the document's own MeSH ancestors are added to a drug its MeSH terms name, without generic ones")
    func documentClasses() throws {
        var record = makeRecord()
        var annotations = RecordAnnotations()
        record.interventions = [Intervention(type: .drug, name: "Capecitabine")]
        record.briefSummary = "Capecitabine and Xeloda are the same; cetuximab is mentioned."
        annotations.interventionMeshTerms = ["capecitabine"]
        annotations.interventionMeshAncestors = [
            "Antimetabolites, Antineoplastic", "Antineoplastic Agents",
            "Molecular Mechanisms of Pharmacological Action",
            "Therapeutic Uses", "Pharmacologic Actions", "Physiological Effects of Drugs",
            "Chemical Actions and Uses",
        ]
        enricher.enrich(&record, annotations: annotations)
        let capecitabine = try #require(record.drug("capecitabine"))
        #expect(capecitabine.classes == ["Antimetabolites, Antineoplastic", "Antineoplastic Agents"])
        #expect(capecitabine.mentions == ["Capecitabine", "Xeloda"])
        #expect(record.drug("cetuximab")?.classes == ["Antineoplastic Agents, Immunological"])
    }

    @Test("a MeSH term may name the drug by a synonym")
    func meshSynonym() {
        var record = makeRecord()
        var annotations = RecordAnnotations()
        record.briefSummary = "leucovorin rescue"
        annotations.interventionMeshTerms = ["Leucovorin"]
        annotations.interventionMeshAncestors = ["Antidotes"]
        enricher.enrich(&record, annotations: annotations)
        #expect(record.drug("folinic acid")?.classes == ["Vitamin B Complex", "Antidotes"])
    }

    @Test("a record without drugs gets none, and stale drugs are replaced")
    func noDrugs() {
        var record = makeRecord()
        record.briefSummary = "Chemoembolization (TACE) is used in most advanced hepatocellular carcinomas."
        record.drugs = [Drug(name: "stale")]
        enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(record.drugs.isEmpty)
        #expect(record.warnings.isEmpty)
    }

    @Test("eligibility lists are searched when there is no criteria text; outcomes too")
    func eligibilityListsAndOutcomes() {
        var record = makeRecord()
        record.eligibility.inclusion = ["Prior sorafenib allowed"]
        record.eligibility.exclusion = ["Allergy to cetuximab"]
        record.primaryOutcomes = [Outcome(measure: "ORR", description: "Response to nivolumab")]
        enricher.enrich(&record, annotations: RecordAnnotations())
        #expect(record.drugs.map(\.name) == ["sorafenib", "cetuximab", "nivolumab"])
        #expect(record.drug("cetuximab")?.foundIn == ["eligibility"])
        #expect(record.drug("nivolumab")?.foundIn == ["outcomes"])
    }
}
