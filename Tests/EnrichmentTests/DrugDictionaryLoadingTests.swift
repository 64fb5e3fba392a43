import Enrichment
import Foundation
import Testing

@Suite("Drug dictionary loading")
struct DrugDictionaryLoadingTests {
    @Test("reads drugs and regimens, skipping comments and blank lines")
    func readsBothFiles() throws {
        let dictionary = TestDictionary.dictionary
        #expect(dictionary.count == dictionary.drugs.count)
        let thalidomide = try #require(dictionary.drug(named: "thalidomide"))
        #expect(thalidomide.synonyms == ["Thalomid"])
        #expect(thalidomide.atc == ["L04AX02"])
        #expect(thalidomide.classes == ["Angiogenesis Inhibitors", "Immunosuppressive Agents", "Leprostatic Agents"])
        #expect(dictionary.drug(named: "Thalidomide") == thalidomide)
        let toripalimab = try #require(dictionary.drug(named: "toripalimab"))
        #expect(toripalimab.synonyms.isEmpty && toripalimab.atc.isEmpty)
        let sox = try #require(dictionary.regimen(named: "SOX"))
        #expect(sox.aliases.isEmpty)
        #expect(sox.drugs == ["tegafur, gimeracil and oteracil", "oxaliplatin"])
        #expect(sox.strict == false)
        #expect(dictionary.regimen(named: "AC")?.strict == true)
        #expect(dictionary.regimen(named: "xelox")?.aliases == ["CAPOX", "CapeOX"])
    }

    @Test("accepts CRLF line ends, a byte-order mark and trailing spaces in list items")
    func toleratesWindowsFiles() throws {
        let text =
            "\u{FEFF}name\tsynonyms\tatc\tclasses\r\nimatinib\t Gleevec | Glivec |\tL01EA01\tProtein Kinase Inhibitors\r\n"
        let dictionary = try DrugDictionary(drugsTSV: text)
        #expect(dictionary.drug(named: "imatinib")?.synonyms == ["Gleevec", "Glivec"])
        #expect(dictionary.drug(named: "imatinib")?.classes == ["Protein Kinase Inhibitors"])
    }

    @Test("a user file extends an existing drug and adds new ones")
    func userFileExtends() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enrichment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let drugs = folder.appendingPathComponent("my-drugs.tsv")
        try """
        name\tsynonyms\tatc\tclasses
        thalidomide\tTHD|Thalomid\t\tImmunomodulating Agents
        camrelizumab\tSHR-1210\t\tImmune Checkpoint Inhibitors

        """.write(to: drugs, atomically: true, encoding: .utf8)
        let regimens = folder.appendingPathComponent("my-regimens.tsv")
        try """
        name\taliases\tdrugs\tstrict
        SOX\tSOX regimen\ttegafur, gimeracil and oteracil|oxaliplatin\tno

        """.write(to: regimens, atomically: true, encoding: .utf8)

        var dictionary = TestDictionary.dictionary
        try dictionary.addFile(atPath: drugs.path)
        try dictionary.addFile(atPath: regimens.path)
        let thalidomide = try #require(dictionary.drug(named: "thalidomide"))
        #expect(thalidomide.synonyms == ["Thalomid", "THD"])
        #expect(thalidomide.atc == ["L04AX02"])
        #expect(thalidomide.classes.last == "Immunomodulating Agents")
        #expect(thalidomide.classes.count == 4)
        #expect(dictionary.drug(named: "camrelizumab")?.synonyms == ["SHR-1210"])
        #expect(dictionary.count == TestDictionary.dictionary.count + 1)
        #expect(dictionary.regimen(named: "SOX")?.aliases == ["SOX regimen"])
        #expect(dictionary.regimen(named: "SOX")?.drugs.count == 2)

        let matcher = DrugMatcher(dictionary: dictionary)
        #expect(matcher.drugNames(in: "SHR-1210 plus THD") == ["camrelizumab", "thalidomide"])
    }

    @Test("the bundled dictionary plus user files: load(extraFiles:)")
    func loadWithExtraFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enrichment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("extra.tsv")
        try "name\tsynonyms\tatc\tclasses\nzz-testdrugumab\tZZT-0001\t\tTest Agents\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let bundled = try DrugDictionary.bundled()
        let loaded = try DrugDictionary.load(extraFiles: [file.path])
        #expect(loaded.count == bundled.count + 1)
        #expect(loaded.drug(named: "zz-testdrugumab")?.classes == ["Test Agents"])
    }

    @Test("a line with the wrong number of columns names its file and line")
    func wrongColumnCount() {
        let text = "# comment\nname\tsynonyms\tatc\tclasses\nimatinib\tGleevec\tL01EA01\n"
        let error = #expect(throws: DrugDictionaryError.self) {
            try DrugDictionary(drugsTSV: text, source: "mine")
        }
        #expect(error?.code == .wrongColumnCount)
        #expect(error?.file == "mine/drugs.tsv")
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("mine/drugs.tsv:3: expected 4 tab-separated columns") == true)
    }

    @Test(
        "malformed values are rejected with their line",
        arguments: [
            ("name\tsynonyms\tatc\tclasses\nImatinib\t\tL01EA01\tX\n", DrugDictionaryError.Code.invalidValue, 2),
            ("name\tsynonyms\tatc\tclasses\nimatinib\t\tL01EA1\tX\n", .invalidValue, 2),
            ("name\tsynonyms\tatc\tclasses\n\t\tL01EA01\tX\n", .invalidValue, 2),
            ("name\tsynonyms\tatc\tclasses\nimatinib\t\t\tX\n\nimatinib\t\t\tY\n", .duplicateName, 4),
            ("name\taliases\tdrugs\tstrict\nAC\t\tdoxorubicin\tmaybe\n", .invalidValue, 2),
            ("name\taliases\tdrugs\tstrict\nAC\t\t\tno\n", .invalidValue, 2),
            ("drug\tother\n", .unknownHeader, 1),
        ])
    func malformedValues(text: String, code: DrugDictionaryError.Code, line: Int) {
        var dictionary = DrugDictionary()
        let error = #expect(throws: DrugDictionaryError.self) {
            try dictionary.add(contentsOf: text, file: "user.tsv")
        }
        #expect(error?.code == code)
        #expect(error?.line == line)
        #expect(error?.description.hasPrefix("user.tsv:\(line): ") == true)
    }

    @Test("a file without a header, or that cannot be read, is an error")
    func missingHeaderOrFile() {
        var dictionary = DrugDictionary()
        #expect(throws: DrugDictionaryError.self) { try dictionary.add(contentsOf: "# only a comment\n", file: "x") }
        let error = #expect(throws: DrugDictionaryError.self) {
            let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID()).tsv")
            try dictionary.addFile(atPath: missing.path)
        }
        #expect(error?.code == .unreadableFile)
    }
}
