import Foundation
public import Pipeline

/// Replaces `${NAME}` and `${NAME:-default}` in a pipeline file's text with values from the environment.
public enum EnvironmentInterpolation {
    /// The text with every reference replaced; an unset variable without a default is an error at its position.
    public static func apply(_ text: String, environment: [String: String], file: String) throws(PipelineConfigError)
        -> String
    {
        guard text.contains("$") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var line = 1
        var column = 1
        var chars = Substring(text)
        while let char = chars.first {
            if char == "$", chars.dropFirst().first == "{" {
                guard let close = chars.firstIndex(of: "}") else {
                    throw PipelineConfigError(
                        file: file, line: line, column: column,
                        message: "'${' is not closed; write ${NAME} or ${NAME:-default}, or $$ for a literal '$'")
                }
                let inner = chars[chars.index(chars.startIndex, offsetBy: 2)..<close]
                let name: Substring
                let fallback: Substring?
                if let sep = inner.range(of: ":-") {
                    name = inner[..<sep.lowerBound]
                    fallback = inner[sep.upperBound...]
                } else {
                    name = inner
                    fallback = nil
                }
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw PipelineConfigError(
                        file: file, line: line, column: column,
                        message: "'${\(inner)}' is not a variable reference; names use letters, digits and '_'")
                }
                if let value = environment[String(name)] {
                    out += value
                } else if let fallback {
                    out += fallback
                } else {
                    throw PipelineConfigError(
                        file: file, line: line, column: column,
                        message: "environment variable \(name) is not set; set it, or write ${\(name):-default}")
                }
                column += inner.count + 3
                chars = chars[chars.index(after: close)...]
                continue
            }
            if char == "$", chars.dropFirst().first == "$" {
                out.append("$")
                chars = chars.dropFirst(2)
                column += 2
                continue
            }
            out.append(char)
            if char == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            chars = chars.dropFirst()
        }
        return out
    }
}
