import Foundation
import Logging
import Operations
import Synchronization
import Testing

@Suite("JSON logs")
struct JSONLogHandlerTests {
    @Test func everyLineIsOneJSONObjectWithTimeLevelMessageAndMetadata() throws {
        let lines = Mutex<[String]>([])
        var handler = JSONLogHandler(label: "trialpipe") { bytes in
            lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        handler.logLevel = .debug
        handler[metadataKey: "component"] = "test"
        let logger = Logger(label: "trialpipe") { _ in handler }
        logger.info(
            "quarantined: \"bad\"\nsecond line", metadata: ["pipeline": "trials", "message": "clash", "n": "\(3)"])
        logger.warning("nested", metadata: ["list": ["a", "b"], "map": ["k": "v"]])
        let written = lines.withLock { $0 }
        #expect(written.count == 2)
        #expect(written.allSatisfy { $0.hasSuffix("}\n") && $0.dropLast().firstIndex(of: "\n") == nil })
        let first = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(first["level"] as? String == "info")
        #expect(first["label"] as? String == "trialpipe")
        #expect(first["message"] as? String == "quarantined: \"bad\"\nsecond line")
        #expect(first["pipeline"] as? String == "trials")
        #expect(first["component"] as? String == "test")
        #expect(first["metadata.message"] as? String == "clash")
        #expect(first["n"] as? String == "3")
        let time = try #require(first["time"] as? String)
        #expect(time.count == 24 && time.hasSuffix("Z"))
        #expect(ISO8601DateFormatter.withFractionalSeconds.date(from: time) != nil)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(written[1].utf8)) as? [String: Any])
        #expect(second["list"] as? [String] == ["a", "b"])
        #expect(second["map"] as? [String: String] == ["k": "v"])
    }

    @Test func jsonTextEscapesControlCharacters() {
        #expect(JSONText.quoted("a\"b\\c\u{0}\u{1F}é") == #""a\"b\\c\u0000\u001fé""#)
    }
}

extension ISO8601DateFormatter {
    fileprivate static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
